"""What the pipeline components learn about one Doc, kept on ``doc._.accord``.

Each component fills its part; :mod:`accord.extract.assemble` turns the finished facts
into an :class:`~accord.schema.Extraction`. Plain dataclasses so Docs stay picklable for
``nlp.pipe(n_process=2)``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from accord.schema import Meeting, Stance, StatusCue

MentionForm = Literal["name", "demonym", "metonym", "generic"]


@dataclass
class PartyMention:
    """A span naming a party; ``weight`` says how strongly it acts as a party (0 = a place)."""

    start: int
    end: int
    party: str
    form: MentionForm
    weight: int = 0
    #: mediates, brokers, hosts or guarantees the talks ("brokered by X")
    runs_talks: bool = False


@dataclass
class Person:
    """A named person: fullest name seen, every mention, role words and party."""

    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    role: str | None = None
    party: str | None = None
    speaks: bool = False


@dataclass
class IssueHit:
    start: int
    end: int
    issue: str
    weak: bool = False


@dataclass
class DocFacts:
    published: dt.date | None = None
    party_mentions: list[PartyMention] = field(default_factory=list)
    token_party: dict[int, str] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    token_person: dict[int, int] = field(default_factory=dict)
    issue_hits: list[IssueHit] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    status: list[StatusCue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
