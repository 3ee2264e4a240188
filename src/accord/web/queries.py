"""Filtered, paginated reads of stored rows for the API lists and the article page.

The board, timeline, diff and network come from :mod:`accord.track`; these are the
plain lists (articles, stances, meetings, events) that the views summarise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from accord.errors import ReferenceError_
from accord.store import Store
from accord.store.models import (
    EventRow,
    MeetingParticipant,
    MeetingRow,
    Negotiation,
    StanceRow,
    StatusRow,
    StoredArticle,
)
from accord.web.models import (
    ArticleDetail,
    ArticleRecord,
    EventRecord,
    MeetingRecord,
    StanceRecord,
    StatusRecord,
)

__all__ = [
    "Window",
    "article_detail",
    "articles",
    "events",
    "meetings",
    "negotiation",
    "negotiation_id",
    "stances",
]


@dataclass(frozen=True)
class Window:
    """Which rows: a negotiation, a date range and a page."""

    negotiation: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 50
    offset: int = 0


def negotiation(session: Session, key: str) -> tuple[str, str]:
    """(id, name) of the negotiation whose id or name is ``key``."""
    found = session.execute(
        select(Negotiation.id, Negotiation.name).where(
            (Negotiation.id == key) | (Negotiation.name == key)
        )
    ).first()
    if found is None:
        raise ReferenceError_("E704", what="negotiation", key=key)
    return found[0], found[1]


def negotiation_id(session: Session, key: str) -> str:
    """The id of the negotiation whose id or name is ``key``."""
    return negotiation(session, key)[0]


def _names(session: Session) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(Negotiation.id, Negotiation.name)).all()}


def _where(session: Session, table: Any, window: Window) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if window.negotiation is not None:
        cond.append(table.negotiation_id == negotiation_id(session, window.negotiation))
    date = table.published if table is StoredArticle else table.date
    if window.since is not None:
        cond.append(date >= window.since)
    if window.until is not None:
        cond.append(date <= window.until)
    return cond


def _page(
    session: Session, table: Any, cond: Sequence[ColumnElement[bool]], window: Window
) -> tuple[list[Any], int]:
    total = session.scalar(select(func.count()).select_from(table).where(*cond)) or 0
    date = table.published if table is StoredArticle else table.date
    rows = session.scalars(
        select(table)
        .where(*cond)
        .order_by(date.desc().nulls_last(), table.id)
        .limit(window.limit)
        .offset(window.offset)
    ).all()
    return list(rows), int(total)


def _article(row: StoredArticle, names: dict[str, str]) -> ArticleRecord:
    return ArticleRecord(
        id=row.id,
        negotiation=names[row.negotiation_id],
        story_id=row.story_id,
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        language=row.language,
        text_length=row.text_length,
        extractor=row.extractor,
    )


def _fact(row: Any, names: dict[str, str]) -> dict[str, Any]:
    span = (row.span_start, row.span_end) if row.span_start is not None else None
    return {
        "id": row.id,
        "article_id": row.article_id,
        "negotiation": names[row.negotiation_id],
        "date": row.date,
        "evidence": row.evidence,
        "span": span,
    }


def _stance(row: StanceRow, names: dict[str, str]) -> StanceRecord:
    return StanceRecord(
        **_fact(row, names),
        party=row.party,
        issue=row.issue,
        type=row.type,
        holder=row.holder,
        target=row.target,
        negated=row.negated,
        condition=row.condition,
        attribution=row.attribution,
        confidence=row.confidence,
        extractor=row.extractor,
    )


def _meeting(row: MeetingRow, names: dict[str, str], people: dict[str, list[str]]) -> MeetingRecord:
    return MeetingRecord(
        **_fact(row, names),
        participants=people.get(row.id, []),
        location=row.location,
        duration=row.duration,
    )


def _event(row: EventRow, names: dict[str, str]) -> EventRecord:
    return EventRecord(
        **_fact(row, names),
        type=row.type,
        mode=row.mode,
        source=row.source,
        target=row.target,
        location=row.location,
        issue=row.issue,
    )


def _status(row: StatusRow, names: dict[str, str]) -> StatusRecord:
    return StatusRecord(**_fact(row, names), issue=row.issue, status=row.status)


def _participants(session: Session, meeting_ids: list[str]) -> dict[str, list[str]]:
    people: dict[str, list[str]] = defaultdict(list)
    for meeting_id, name in session.execute(
        select(MeetingParticipant.meeting_id, MeetingParticipant.name)
        .where(MeetingParticipant.meeting_id.in_(meeting_ids))
        .order_by(MeetingParticipant.meeting_id, MeetingParticipant.name)
    ):
        people[meeting_id].append(name)
    return people


def articles(store: Store, window: Window) -> tuple[list[ArticleRecord], int]:
    with store.session() as session:
        rows, total = _page(session, StoredArticle, _where(session, StoredArticle, window), window)
        names = _names(session)
        return [_article(row, names) for row in rows], total


def stances(
    store: Store,
    window: Window,
    *,
    party: str | None = None,
    issue: str | None = None,
    type_: str | None = None,
) -> tuple[list[StanceRecord], int]:
    with store.session() as session:
        cond = _where(session, StanceRow, window)
        for column, value in (
            (StanceRow.party, party),
            (StanceRow.issue, issue),
            (StanceRow.type, type_),
        ):
            if value is not None:
                cond.append(column == value)
        rows, total = _page(session, StanceRow, cond, window)
        names = _names(session)
        return [_stance(row, names) for row in rows], total


def meetings(
    store: Store, window: Window, *, participant: str | None = None
) -> tuple[list[MeetingRecord], int]:
    with store.session() as session:
        cond = _where(session, MeetingRow, window)
        if participant is not None:
            cond.append(
                MeetingRow.id.in_(
                    select(MeetingParticipant.meeting_id).where(
                        MeetingParticipant.name == participant
                    )
                )
            )
        rows, total = _page(session, MeetingRow, cond, window)
        names = _names(session)
        people = _participants(session, [row.id for row in rows])
        return [_meeting(row, names, people) for row in rows], total


def events(
    store: Store, window: Window, *, type_: str | None = None
) -> tuple[list[EventRecord], int]:
    with store.session() as session:
        cond = _where(session, EventRow, window)
        if type_ is not None:
            cond.append(EventRow.type == type_)
        rows, total = _page(session, EventRow, cond, window)
        names = _names(session)
        return [_event(row, names) for row in rows], total


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    """The article and its facts ordered by where they sit in the text."""
    with store.session() as session:
        row = session.get(StoredArticle, article_id)
        if row is None:
            raise ReferenceError_("E704", what="article", key=article_id)
        names = _names(session)
        facts: list[StanceRecord | MeetingRecord | EventRecord | StatusRecord] = []
        facts += [_stance(r, names) for r in _of(session, StanceRow, article_id)]
        found = _of(session, MeetingRow, article_id)
        people = _participants(session, [r.id for r in found])
        facts += [_meeting(r, names, people) for r in found]
        facts += [_event(r, names) for r in _of(session, EventRow, article_id)]
        facts += [_status(r, names) for r in _of(session, StatusRow, article_id)]
        facts.sort(key=lambda f: (f.span is None, f.span or (0, 0), f.kind, f.id))
        return ArticleDetail(article=_article(row, names), facts=facts)


def _of(session: Session, table: Any, article_id: str) -> list[Any]:
    return list(session.scalars(select(table).where(table.article_id == article_id)).all())
