"""Which reader a document needs: by file suffix, else by sniffing its first bytes."""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["KNOWN_SUFFIXES", "Kind", "kind_of"]

Kind = Literal["text", "html", "feed", "jsonl"]

_BY_SUFFIX: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".json": "jsonl",
}
KNOWN_SUFFIXES = frozenset(_BY_SUFFIX)
"""Suffixes of the files taken from a folder; other files there are left alone."""

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_LEADING = b" \t\r\n\xef\xbb\xbf"


def kind_of(suffix: str, head: bytes) -> Kind:
    """The reader for a document with this suffix (may be empty) and these first bytes."""
    known = _BY_SUFFIX.get(suffix.lower())
    if known is not None:
        return known
    start = head.lstrip(_LEADING)[:4096].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        return "feed" if _FEED_ROOT.search(start) else "html"
    return "text"
