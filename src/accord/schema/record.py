"""Views over the stored record: the values ``accord.track`` returns and the web app serves.

Every fact in a view carries the ids of the stored rows it rests on (``st_…`` stances,
``mt_…`` meetings, ``ev_…`` events, ``ss_…`` statuses), so that any cell, line or edge
can be traced with ``accord evidence ID`` to the article, sentence and URL behind it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from accord.schema.news import Span, StanceType, StatusValue

__all__ = [
    "ActorSummary",
    "Board",
    "BoardCell",
    "CellChange",
    "Diff",
    "EvidenceRecord",
    "IngestProblemRecord",
    "IngestSummary",
    "IssueState",
    "NegotiationSummary",
    "Network",
    "NetworkEdge",
    "NetworkNode",
    "TimelineEntry",
]


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BoardCell(_View):
    """Where one party stands on one issue: its latest stance type and the evidence for it."""

    issue: str
    party: str
    type: StanceType = Field(description="Type of the party's latest stance on the issue.")
    date: dt.date | None = Field(description="Date of that stance (article date if undated).")
    article_count: int = Field(
        description="Distinct articles with a stance of this type in this cell."
    )
    story_count: int = Field(description="Distinct stories (near-duplicate groups) among them.")
    stance_ids: list[str] = Field(description="Stances of this type in this cell, latest first.")
    history: list[StanceType] = Field(
        default_factory=list, description="Earlier distinct types in this cell, oldest first."
    )


class IssueState(_View):
    """The latest explicitly reported status of an issue."""

    issue: str
    status: StatusValue | None = None
    date: dt.date | None = None
    status_ids: list[str] = Field(default_factory=list)


class Board(_View):
    """Issues × parties as of a date."""

    negotiation: str
    as_of: dt.date | None = None
    issues: list[str]
    parties: list[str]
    cells: list[BoardCell]
    statuses: list[IssueState]

    def cell(self, issue: str, party: str) -> BoardCell | None:
        return next((c for c in self.cells if c.issue == issue and c.party == party), None)

    def grid(self) -> list[tuple[str, list[tuple[str, BoardCell | None]]]]:
        """Rows of ``(issue, [(party, cell or None), …])`` in board order, for rendering."""
        cells = {(c.issue, c.party): c for c in self.cells}
        return [(i, [(p, cells.get((i, p))) for p in self.parties]) for i in self.issues]


class TimelineEntry(_View):
    """One dated fact: a meeting, a stance, a stance change or a status report."""

    id: str
    kind: Literal["meeting", "stance", "status", "event"]
    date: dt.date | None
    negotiation: str
    article_id: str
    party: str | None = None
    issue: str | None = None
    type: str | None = Field(default=None, description="Stance type, status or event type.")
    previous: str | None = Field(
        default=None, description="The type this party held on the issue before, if different."
    )
    participants: list[str] = Field(default_factory=list)
    location: str | None = None
    text: str | None = Field(default=None, description="The evidence sentence.")


class CellChange(_View):
    """A board cell whose latest stance type differs between two dates."""

    issue: str
    party: str
    before: StanceType | None
    after: StanceType
    stance_ids: list[str]


class Diff(_View):
    """What is new or changed in one negotiation since a date."""

    negotiation: str
    since: dt.date
    until: dt.date | None = None
    new_entries: list[TimelineEntry]
    changed_cells: list[CellChange]
    status_changes: list[IssueState]
    new_articles: list[str]


class ActorSummary(_View):
    """A named person (or organisation) seen in the news."""

    id: str
    name: str
    party: str | None
    kind: str
    aliases: list[str]
    roles: list[str]
    negotiations: list[str]
    first_seen: dt.date | None
    last_seen: dt.date | None
    article_count: int


class NetworkNode(_View):
    id: str
    label: str
    kind: Literal["party", "person"]
    party: str | None = None
    meetings: int


class NetworkEdge(_View):
    source: str
    target: str
    weight: int = Field(description="Meetings both took part in.")
    meeting_ids: list[str]
    first: dt.date | None = None
    last: dt.date | None = None


class Network(_View):
    """Who met whom: participants of the reported meetings and how often they met."""

    negotiation: str | None
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class EvidenceRecord(_View):
    """The source behind one stored fact."""

    id: str
    kind: Literal["stance", "meeting", "event", "status"]
    article_id: str
    story_id: str
    negotiation: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None
    sentence: str | None
    span: Span | None
    summary: str = Field(description="The fact in one line, e.g. 'Russia demand on territory'.")
    other_sources: list[str] = Field(
        default_factory=list, description="URLs of near-duplicate copies of the same story."
    )


class NegotiationSummary(_View):
    id: str
    name: str
    articles: int
    stories: int
    parties: list[str]
    issues: list[str]
    stances: int
    meetings: int
    first: dt.date | None
    last: dt.date | None


class IngestProblemRecord(_View):
    source: str
    where: str | None = None
    message: str


class IngestSummary(_View):
    """What one ``accord ingest`` run did."""

    stored: int
    skipped_known: int
    merged_into_stories: int
    problems: list[IngestProblemRecord]
