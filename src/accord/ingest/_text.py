"""Plain-text documents: the text as written, the first line as title when it looks like one."""

from __future__ import annotations

from accord.ingest._article import make_article
from accord.ingest._problem import Located

__all__ = ["article_from_text", "tidy_text"]

_MAX_TITLE_CHARS = 200


def tidy_text(text: str) -> str:
    """Unix line ends, no byte-order mark, no surrounding blank space; wording untouched."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def article_from_text(text: str, *, source: str, url: str | None = None) -> Located:
    """A plain-text article. The title is the first line when a blank line follows it and it
    is short (the corpus layout: headline, blank line, body); otherwise there is none."""
    text = tidy_text(text)
    head, sep, body = text.partition("\n\n")
    title = None
    if sep and body.strip() and "\n" not in head and len(head) <= _MAX_TITLE_CHARS:
        title = head.strip()
    return make_article(text, source=source, url=url, title=title)
