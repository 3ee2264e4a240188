"""HTML pages and fragments to article text with trafilatura (boilerplate, scripts and
navigation removed; title, date and site name from the page metadata)."""

from __future__ import annotations

import datetime as dt
from typing import cast

import trafilatura
from trafilatura.settings import Document

from accord.errors import InputError
from accord.ingest._article import make_article
from accord.ingest._problem import Located
from accord.ingest._text import tidy_text

__all__ = ["article_from_html", "fragment_text", "join_title"]

# Dates only from metadata and the URL: searching the body text for any date-like
# string would pick up dates of the reported events.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def join_title(title: str | None, body: str) -> str:
    """Headline, blank line, body: the layout of the annotated corpus texts."""
    return f"{title}\n\n{body}" if title else body


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; the corpus separates them by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def article_from_html(html: str, *, source: str, url: str | None = None) -> Located:
    """The main text of a web page, or E408 when trafilatura finds none."""
    if "<" not in html:
        raise InputError("E408", source=source, reason="no HTML markup")
    # Without ``as_dict`` trafilatura returns a Document (or None), never a dict.
    document = cast(
        Document | None,
        trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        ),
    )
    body = _paragraphs(document.text or "") if document is not None else ""
    if document is None or not body:
        raise InputError("E408", source=source, reason="only markup or boilerplate")
    title = tidy_text(document.title) if document.title else None
    if title and body.startswith(title + "\n\n"):
        # The page's own <h1> repeats the headline that join_title puts first.
        body = body[len(title) + 2 :]
    published = dt.date.fromisoformat(document.date[:10]) if document.date else None
    return make_article(
        join_title(title, body),
        source=source,
        url=url or document.url,
        title=title,
        outlet=document.sitename or document.hostname,
        published=published,
    )


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content), paragraphs kept."""
    text = trafilatura.extract(html, favor_recall=True, include_comments=False)
    if text is None:
        text = trafilatura.html2txt(f"<html><body>{html}</body></html>")
    return _paragraphs(text)
