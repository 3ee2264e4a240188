"""The one place every reader turns text and metadata into an :class:`Article`."""

from __future__ import annotations

import datetime as dt

from accord.errors import InputError
from accord.ingest._ids import article_id
from accord.ingest._language import detect_language
from accord.ingest._problem import Located
from accord.schema.news import Article

__all__ = ["make_article"]


def make_article(
    text: str,
    *,
    source: str,
    where: str | None = None,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
) -> Located:
    """An article located at ``source:where``; E401 when there is no text, E412 when it is
    not English.

    The text is kept as given (evidence spans index into it); only the id is
    computed from the normalised text, when no id is given.
    """
    if not text.strip():
        raise InputError("E401", source=source, where=where)
    language = detect_language(text)
    if language not in (None, "en"):
        raise InputError("E412", source=source, where=where, language=language)
    article = Article(
        id=id if id is not None else article_id(text),
        url=url,
        title=title or None,
        outlet=outlet or None,
        published=published,
        language=language,
        text=text,
    )
    return Located(article, source, where)
