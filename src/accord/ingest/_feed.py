"""RSS and Atom feeds: one article per entry, from its content (or else its summary).

Links in a feed are never followed: an entry is read from what the feed itself carries,
so reading a feed file stays offline.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import feedparser

from accord.errors import InputError
from accord.ingest._article import make_article
from accord.ingest._html import fragment_text, join_title
from accord.ingest._problem import IngestProblem, Located
from accord.ingest._text import tidy_text

__all__ = ["read_feed"]


def read_feed(raw: bytes, *, source: str) -> Iterator[Located | IngestProblem]:
    """One article or one problem per feed entry; E409/E410 when there are no entries."""
    # A stream, never a str: feedparser treats a str that looks like a URL as one to fetch.
    parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=True)
    if not parsed.entries:
        if not parsed.version:
            reason = str(parsed.get("bozo_exception") or "no <rss>, <feed> or <rdf:RDF> root")
            yield IngestProblem.of("E409", source=source, reason=reason.strip())
        else:
            yield IngestProblem.of("E410", source=source)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article(entry, number, source=source, outlet=outlet)
        except InputError as exc:
            yield IngestProblem.from_error(exc)


def _article(entry: Any, number: int, *, source: str, outlet: str | None) -> Located:
    where = f"entry {number}"
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    body = fragment_text(html) if html and html.strip() else ""
    if not body:
        raise InputError("E411", source=source, where=where)
    title = tidy_text(entry.get("title", "")) or None
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return make_article(
        join_title(title, body),
        source=source,
        where=where,
        url=_web_link(entry.get("link")),
        title=title,
        outlet=outlet,
        published=dt.date(*stamp[:3]) if stamp else None,
    )


def _web_link(link: str | None) -> str | None:
    """The entry's link when it is a web address (feedparser falls back to ids like ``urn:``)."""
    if link and urlsplit(link).scheme in ("http", "https"):
        return link
    return None
