"""``read_inputs``: every kind of input to a stream of articles and per-item problems."""

from __future__ import annotations

import glob
import io
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, cast

from accord.errors import InputError
from accord.ingest._decode import decode_bytes, read_capped
from accord.ingest._feed import read_feed
from accord.ingest._fetch import check_scheme, fetch
from accord.ingest._html import article_from_html
from accord.ingest._jsonl import read_jsonl
from accord.ingest._kinds import KNOWN_SUFFIXES, Kind, kind_of
from accord.ingest._problem import IngestProblem, Located, place
from accord.ingest._text import article_from_text
from accord.schema.news import Article

__all__ = ["STDIN", "read_inputs"]

STDIN = "<stdin>"
"""The source name of everything read from standard input (given as ``-``)."""

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB = re.compile(r"[*?[]")
_SNIFF_BYTES = 4096

Item = Located | IngestProblem


def read_inputs(
    inputs: Sequence[str | Path], *, fetch_urls: bool = True
) -> Iterator[Article | IngestProblem]:
    """Read files, folders, glob patterns, ``-`` (stdin) and http(s) URLs into articles.

    Args:
        inputs: what to read, in order. A folder is read recursively, its files sorted by
            path; a pattern (``news/*.html``, ``**`` allowed) is expanded and sorted.
        fetch_urls: download URLs given in ``inputs``; when false each URL is reported
            (E414) instead. Links inside feeds or pages are never followed.

    Returns:
        A lazy stream, in input order, of articles and of :class:`IngestProblem` for
        every item skipped (unreadable, empty, binary, too large, malformed, not English,
        duplicate id). It never raises for bad input; the rest is still read.
    """
    seen: dict[str, str] = {}
    for given in inputs:
        for item in _read_one(given, fetch_urls=fetch_urls):
            if isinstance(item, IngestProblem):
                yield item
            elif item.article.id in seen:
                first = seen[item.article.id]
                yield IngestProblem.of(
                    "E418", source=item.source, where=item.where, id=item.article.id, first=first
                )
            else:
                seen[item.article.id] = place(item.source, item.where)
                yield item.article


def _read_one(given: str | Path, *, fetch_urls: bool) -> Iterator[Item]:
    if given == "-":
        if sys.stdin is None:  # a process started without standard input
            yield IngestProblem.of("E400", source=STDIN, reason="standard input is closed")
        else:
            yield from _read_stream(sys.stdin.buffer, source=STDIN, suffix="")
    elif isinstance(given, str) and _URL.match(given):
        yield from _read_url(given, fetch_urls=fetch_urls)
    else:
        yield from _read_path_or_pattern(given)


def _read_path_or_pattern(given: str | Path) -> Iterator[Item]:
    path = Path(given)
    if path.exists():
        yield from _read_path(path)
        return
    if isinstance(given, str) and _GLOB.search(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield IngestProblem.of("E407", source=given, pattern=given)
        for match in matches:
            yield from _read_path(Path(match))
        return
    yield IngestProblem.of("E400", source=str(given), reason="no such file or folder")


def _read_path(path: Path) -> Iterator[Item]:
    if path.is_dir():
        files = _folder_files(path)
        if not files:
            suffixes = ", ".join(sorted(KNOWN_SUFFIXES))
            yield IngestProblem.of("E419", source=str(path), suffixes=suffixes)
        for file in files:
            yield from _read_file(file)
    else:
        yield from _read_file(path)


def _folder_files(root: Path) -> list[Path]:
    """Files under ``root`` with a known suffix, hidden ones left out, sorted by path parts
    so the order is the same on every file system."""
    found = [
        path
        for path in root.rglob("*")
        if path.suffix.lower() in KNOWN_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and path.is_file()
    ]
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield IngestProblem.of("E400", source=source, reason=exc.strerror or str(exc))
        return
    with stream:
        yield from _read_stream(stream, source=source, suffix=path.suffix)


def _read_stream(stream: BinaryIO, *, source: str, suffix: str) -> Iterator[Item]:
    """Pick the reader from the suffix or the first bytes; stream JSONL, read the rest whole."""
    buffered = (
        stream
        if isinstance(stream, io.BufferedReader)
        else io.BufferedReader(cast(io.RawIOBase, stream))
    )
    try:
        kind = kind_of(suffix, buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES])
        if kind == "jsonl":
            yield from read_jsonl(cast(BinaryIO, buffered), source=source)
            return
        raw = read_capped(cast(BinaryIO, buffered), source=source)
    except OSError as exc:
        yield IngestProblem.of("E400", source=source, reason=exc.strerror or str(exc))
        return
    except InputError as exc:
        yield IngestProblem.from_error(exc)
        return
    yield from _read_document(raw, kind, source=source)


def _read_document(
    raw: bytes, kind: Kind, *, source: str, url: str | None = None, charset: str | None = None
) -> Iterator[Item]:
    try:
        if kind == "jsonl":
            yield from read_jsonl(io.BytesIO(raw), source=source)
        elif kind == "feed":
            if not raw.strip():
                raise InputError("E401", source=source)
            yield from read_feed(raw, source=source)
        else:
            text = decode_bytes(raw, source=source, declared=charset)
            if kind == "html":
                yield article_from_html(text, source=source, url=url)
            else:
                yield article_from_text(text, source=source, url=url)
    except InputError as exc:
        yield IngestProblem.from_error(exc)


def _read_url(url: str, *, fetch_urls: bool) -> Iterator[Item]:
    try:
        check_scheme(url)
        if not fetch_urls:
            raise InputError("E414", source=url)
        fetched = fetch(url)
    except InputError as exc:
        yield IngestProblem.from_error(exc)
        return
    yield from _read_document(
        fetched.body, fetched.kind, source=url, url=fetched.url, charset=fetched.charset
    )
