"""Shapes of the API's own answers (the views' shapes live in :mod:`accord.schema.record`)."""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from accord.schema.news import Span

__all__ = [
    "ArticleDetail",
    "ArticleRecord",
    "EventRecord",
    "FactRecord",
    "MeetingRecord",
    "Page",
    "StanceRecord",
    "StatusRecord",
]

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(_Out, Generic[T]):
    """One page of a list, the filters it answers (for citation) and when it was read."""

    items: list[T]
    total: int = Field(description="Items matching the filters, over all pages.")
    limit: int
    offset: int
    filters: dict[str, str | None]
    accessed: dt.datetime = Field(description="When the record was read (UTC), for citation.")


class ArticleRecord(_Out):
    id: str
    negotiation: str
    story_id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None
    language: str | None
    text_length: int
    extractor: str | None


class FactRecord(_Out):
    """Fields every stored fact has: where it was read and the sentence behind it."""

    id: str
    article_id: str
    negotiation: str
    date: dt.date | None
    evidence: str | None
    span: Span | None


class StanceRecord(FactRecord):
    kind: Literal["stance"] = "stance"
    party: str
    issue: str
    type: str
    holder: str | None
    target: str | None
    negated: bool
    condition: str | None
    attribution: str | None
    confidence: float
    extractor: str | None


class MeetingRecord(FactRecord):
    kind: Literal["meeting"] = "meeting"
    participants: list[str]
    location: str | None
    duration: str | None


class EventRecord(FactRecord):
    kind: Literal["event"] = "event"
    type: str
    mode: str | None
    source: str | None
    target: str | None
    location: str | None
    issue: str | None


class StatusRecord(FactRecord):
    kind: Literal["status"] = "status"
    issue: str
    status: str


class ArticleDetail(_Out):
    """An article's metadata and every fact read from it, in text order."""

    article: ArticleRecord
    facts: list[StanceRecord | MeetingRecord | EventRecord | StatusRecord]
