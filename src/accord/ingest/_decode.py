"""Bytes to text: size cap, binary detection and charset fallback.

A byte-order mark decides when there is one. Otherwise UTF-8 is tried first, because
almost all news text is UTF-8 and a strict UTF-8 decode rarely succeeds by accident;
then the charset the server declared; then charset_normalizer, which also honours a
charset declared inside the document (``<meta charset>``, ``<?xml encoding?>``). Among
the guesses Windows-1252 is preferred whenever charset_normalizer finds it coherent:
it is the usual legacy code page of English news (and the web's default for undeclared
Western pages), and on short texts the detector otherwise confuses it with its Central
European neighbour cp1250.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import BinaryIO

import charset_normalizer

from accord.errors import InputError

__all__ = ["MAX_DOCUMENT_BYTES", "decode_bytes", "limit_label", "read_capped"]

MAX_DOCUMENT_BYTES = 20_000_000
"""Largest single document (text, HTML page, feed, JSONL line) read; 20 MB."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control/unassigned characters above which decoded "text" is taken for binary.
_MAX_CONTROL_SHARE = 0.01
_TEXT_CONTROLS = frozenset("\n\r\t\f\v")


def limit_label(limit: int) -> str:
    """A byte limit as users read it (``20 MB``)."""
    return f"{limit / 1_000_000:g} MB"


def read_capped(
    stream: BinaryIO, *, source: str, limit: int = MAX_DOCUMENT_BYTES, where: str | None = None
) -> bytes:
    """Read a whole stream, refusing (E403) one longer than ``limit`` bytes without holding more."""
    raw = stream.read(limit + 1)
    if len(raw) > limit:
        raise InputError("E403", source=source, where=where, limit=limit_label(limit))
    return raw


def decode_bytes(
    raw: bytes, *, source: str, where: str | None = None, declared: str | None = None
) -> str:
    """Decode document bytes to text or raise E402 (binary) / E404 (undecodable)."""
    text = _decode(raw, declared)
    if text is None:
        if b"\x00" in raw:
            raise InputError("E402", source=source, where=where)
        raise InputError("E404", source=source, where=where)
    if _looks_binary(text):
        raise InputError("E402", source=source, where=where)
    return text


def _decode(raw: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _try(raw, encoding)
    if b"\x00" in raw:
        return None
    for candidate in ("utf-8", declared):
        decoded = _try(raw, candidate) if candidate else None
        if decoded is not None:
            return decoded
    best = charset_normalizer.from_bytes(raw, cp_isolation=["cp1252"]).best()
    best = best or charset_normalizer.from_bytes(raw).best()
    return None if best is None else str(best)


def _try(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    if not sample:
        return False
    odd = sum(
        1
        for ch in sample
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs")
    )
    return odd / len(sample) > _MAX_CONTROL_SHARE
