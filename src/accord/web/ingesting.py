"""Writing articles through the API: annotated items as given, plain ones extracted.

Each article is its own transaction (as with ``accord ingest``), so a bad item is
reported in the answer and skipped while the others are stored.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import SQLAlchemyError

from accord.errors import AccordError, InputError
from accord.schema import Article, Extraction
from accord.schema.record import IngestProblemRecord, IngestSummary
from accord.store import Store

__all__ = ["MAX_ITEMS", "IngestItem", "IngestRequest", "ingest"]

MAX_ITEMS = 500


class IngestItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: Article
    extraction: Extraction | None = Field(
        default=None, description="Facts as annotated; omitted: the extractor reads the text."
    )
    negotiation: str | None = Field(
        default=None, min_length=1, max_length=300, description="Overrides the request's."
    )


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    negotiation: str | None = Field(
        default=None, min_length=1, max_length=300, description="File every article under it."
    )
    items: list[IngestItem] = Field(min_length=1, max_length=MAX_ITEMS)


@cache
def _extractor() -> Any:
    try:
        from accord.extract import Extractor
    except ImportError as exc:
        raise InputError(
            "E705", source="items", reason=f"the extractor is unavailable ({exc}); send extractions"
        ) from exc
    return Extractor()


def _problem(item: IngestItem, k: int, exc: AccordError | SQLAlchemyError) -> IngestProblemRecord:
    if isinstance(exc, AccordError):
        message = f"[{exc.code}] {exc.detail}"
    else:
        message = "[E609] " + str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return IngestProblemRecord(source=f"items[{k}]", where=item.article.id, message=message)


def ingest(store: Store, request: IngestRequest) -> IngestSummary:
    """Store every item not yet in the record; report and skip the ones that fail."""
    stored = known = merged = 0
    problems: list[IngestProblemRecord] = []
    for k, item in enumerate(request.items):
        if store.has_article(item.article.id):
            known += 1
            continue
        try:
            extraction = item.extraction or _extractor().extract(item.article)
            negotiation = item.negotiation or request.negotiation
            outcome = store.write(item.article, extraction, negotiation=negotiation)
        except (AccordError, SQLAlchemyError) as exc:
            problems.append(_problem(item, k, exc))
            continue
        stored += outcome.stored
        known += not outcome.stored
        merged += outcome.merged
    return IngestSummary(
        stored=stored, skipped_known=known, merged_into_stories=merged, problems=problems
    )
