"""Reading annotated JSONL (the corpus record format) as articles with their extractions.

``accord ingest --annotations FILE`` stores hand-coded records as they are instead of
running the extractor, so coded data sets can be imported and the record can be built
from gold annotations. Each line carries the article fields (``id``, ``url``, ``title``,
``outlet``, ``published``, ``text``), optionally ``negotiation``, and the fields of
:class:`~accord.schema.news.Extraction`; other keys (``split``…) are ignored. A bad line
becomes an :class:`~accord.errors.InputError` in the stream and reading goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from accord.errors import InputError
from accord.schema.news import Article, Extraction

__all__ = ["AnnotatedArticle", "read_annotated"]

_ARTICLE_KEYS = set(Article.model_fields)
_EXTRACTION_KEYS = set(Extraction.model_fields)


@dataclass(frozen=True)
class AnnotatedArticle:
    """An article, what is annotated in it, and the negotiation it names (if any)."""

    article: Article
    extraction: Extraction
    negotiation: str | None
    source: str
    where: str


def read_annotated(path: Path) -> Iterator[AnnotatedArticle | InputError]:
    """One annotated article, or one error naming the line, per non-blank line of ``path``."""
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError("E609", source=source, reason=f"cannot read the file: {exc.strerror}")
        return
    with stream:
        for lineno, raw in enumerate(stream, start=1):
            if raw.strip():
                yield _record(raw, source, str(lineno))


def _record(raw: bytes, source: str, where: str) -> AnnotatedArticle | InputError:
    def error(reason: str) -> InputError:
        return InputError("E609", source=source, where=where, reason=reason)

    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return error("the line is not UTF-8 text")
    except json.JSONDecodeError as exc:
        return error(f"malformed JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(data, dict):
        return error(f"expected a JSON object, got {type(data).__name__}")
    negotiation = data.get("negotiation")
    if negotiation is not None and (not isinstance(negotiation, str) or not negotiation.strip()):
        return error("`negotiation` must be a non-empty string")
    try:
        article = Article.model_validate({k: v for k, v in data.items() if k in _ARTICLE_KEYS})
        extraction = Extraction.model_validate(
            {k: v for k, v in data.items() if k in _EXTRACTION_KEYS}
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "record"
        return error(f"`{field}`: {first['msg']}")
    if not article.text.strip():
        return error("`text` is empty")
    return AnnotatedArticle(article, extraction, negotiation, source, where)
