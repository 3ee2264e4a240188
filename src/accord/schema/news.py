"""What is read out of the news: articles and the sourced facts extracted from them.

:class:`Extraction` serialises (``model_dump(mode="json")``) to exactly the record
shape of the annotated corpus (``id``, ``title``, ``published``, ``parties``,
``actors``, ``issues``, ``stances``, ``meetings``, ``status``, ``sources``,
``events``), with extra provenance fields beside the corpus ones.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "STANCE_TYPES",
    "STATUS_VALUES",
    "Article",
    "Event",
    "Extraction",
    "Meeting",
    "PersonRecord",
    "Span",
    "Stance",
    "StanceType",
    "StatusCue",
    "StatusValue",
]

StanceType = Literal["demand", "offer", "accept", "reject", "condition", "support", "oppose"]
StatusValue = Literal["agreed", "progress", "unresolved", "deadlocked", "collapsed"]
STANCE_TYPES: tuple[StanceType, ...] = (
    "demand",
    "offer",
    "accept",
    "reject",
    "condition",
    "support",
    "oppose",
)
STATUS_VALUES: tuple[StatusValue, ...] = (
    "agreed",
    "progress",
    "unresolved",
    "deadlocked",
    "collapsed",
)
Span = tuple[int, int]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    """One news report, cleaned to plain text. ``id`` is the sha256 of the normalised text
    unless the source gave one."""

    id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = "en"
    text: str


class PersonRecord(_Model):
    """A named person, the party they speak for and their role as the text gives it."""

    name: str
    party: str | None = None
    role: str | None = None
    aliases: list[str] = Field(default_factory=list, description="Other forms seen (surname…).")
    kind: Literal["person", "organisation", "state", "armed_group"] = "person"
    country: str | None = Field(default=None, description="ISO 3166 alpha-3 code.")
    sector: str | None = Field(default=None, description="PLOVER sector: GOV, MIL, REB, IGO…")


class Stance(_Model):
    """A party's position on an issue, with the sentence that shows it."""

    party: str
    issue: str
    type: StanceType
    evidence: str
    holder: str | None = Field(default=None, description="Who voiced it (person or the party).")
    target: str | None = Field(default=None, description="Party the stance is aimed at.")
    negated: bool = False
    condition: str | None = Field(default=None, description="The linked clause of a condition.")
    attribution: str | None = Field(default=None, description="Who reported it, if not the party.")
    span: Span | None = Field(default=None, description="Character offsets of the evidence.")
    date: dt.date | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    extractor: str | None = Field(default=None, description="name@version of what found it.")


class Meeting(_Model):
    """A round of talks or a meeting reported as held, under way or scheduled."""

    participants: list[str]
    location: str | None = None
    date: dt.date | None = None
    duration: str | None = None
    evidence: str | None = None
    span: Span | None = None


class Event(_Model):
    """A PLOVER-typed event, so the record exports as standard event data."""

    type: str = Field(description="PLOVER event type, e.g. CONSULT, REQUEST, REJECT.")
    mode: str | None = None
    source: str | None = None
    target: str | None = None
    date: dt.date | None = None
    location: str | None = None
    issue: str | None = None
    evidence: str
    span: Span | None = None


class StatusCue(_Model):
    """An explicit statement of where an issue stands."""

    issue: str
    status: StatusValue
    evidence: str | None = None
    span: Span | None = None


class Extraction(_Model):
    """Everything read out of one article."""

    id: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    parties: list[str] = Field(default_factory=list)
    actors: list[PersonRecord] = Field(default_factory=list)
    issues: list[str] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)
    status: list[StatusCue] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    extractor: str | None = None
