"""The timeline: meetings, stances (marking changes), status reports and events in order.

Entries run oldest first; undated ones rank oldest (they come first). ``previous`` on
a dated stance is the type the same party last held on the same issue (among dated
stances) when it differs.
With ``party`` only stances, events and meetings involving that party are listed;
with ``issue`` only stances, events and statuses on that issue. ``limit`` keeps the
newest entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from accord.schema.record import TimelineEntry
from accord.store import Store
from accord.store.models import (
    EventRow,
    MeetingParticipant,
    MeetingRow,
    Negotiation,
    StanceRow,
    StatusRow,
)
from accord.track._common import date_key, find_negotiation, parse_date

__all__ = ["timeline", "timeline_in"]


def timeline(
    store: Store,
    *,
    negotiation: str | None = None,
    party: str | None = None,
    issue: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
) -> list[TimelineEntry]:
    """Dated facts of one negotiation (all when omitted), oldest first."""
    start, end = parse_date(since, "--since"), parse_date(until, "--until")
    with store.session() as session:
        return timeline_in(session, negotiation, party, issue, start, end, limit)


def timeline_in(
    session: Session,
    negotiation: str | None,
    party: str | None,
    issue: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
) -> list[TimelineEntry]:
    names = {row[0]: row[1] for row in session.execute(select(Negotiation.id, Negotiation.name))}
    neg_id = find_negotiation(session, negotiation).id if negotiation is not None else None
    rows: list[tuple[tuple[Any, ...], TimelineEntry]] = []
    rows += _stances(session, neg_id, party, issue, since, until, limit, names)
    if issue is None:
        rows += _meetings(session, neg_id, party, since, until, limit, names)
    if party is None:
        rows += _statuses(session, neg_id, issue, since, until, limit, names)
    rows += _events(session, neg_id, party, issue, since, until, limit, names)
    rows.sort(key=lambda keyed: keyed[0])
    entries = [entry for _key, entry in rows]
    return entries[-limit:] if limit is not None else entries


def _key(date: dt.date | None, article_id: str, position: int | None, fact_id: str) -> Any:
    """Chronological order: date (undated last), article, place in the article, id."""
    return (date_key(date), article_id, position or 0, fact_id)


def _window(column: Any, since: dt.date | None, until: dt.date | None) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if since is not None:
        cond.append(column >= since)
    if until is not None:
        cond.append(column <= until)
    return cond


def _newest(limit: int | None, date: Any, *tie: Any) -> dict[str, Any]:
    """Order and limit so that each kind returns its newest ``limit`` rows at most."""
    return {"order_by": (date.desc().nulls_last(), *(t.desc() for t in tie)), "limit": limit}


def _order_key(row: Any) -> Any:
    """The chronological key of a stance row as a SQL row value."""
    return tuple_(row.date, row.article_id, row.ordinal, row.id)


def _apply(query: Any, spec: dict[str, Any]) -> Any:
    query = query.order_by(*spec["order_by"])
    return query.limit(spec["limit"]) if spec["limit"] is not None else query


def _stances(
    session: Session,
    neg_id: str | None,
    party: str | None,
    issue: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    names: dict[str, str],
) -> list[tuple[Any, TimelineEntry]]:
    scope = [StanceRow.negotiation_id == neg_id] if neg_id else []
    scope += [StanceRow.party == party] if party else []
    scope += [StanceRow.issue == issue] if issue else []
    # the type the stance's party held on the issue just before it: one backward step along
    # the cell index per selected row (undated stances have no place in that order)
    prev = aliased(StanceRow)
    previous = (
        select(prev.type)
        .where(
            prev.negotiation_id == StanceRow.negotiation_id,
            prev.issue == StanceRow.issue,
            prev.party == StanceRow.party,
            prev.date <= StanceRow.date,
            _order_key(prev) < _order_key(StanceRow),
        )
        .order_by(*(part.desc() for part in _order_key(prev).clauses))
        .limit(1)
        .scalar_subquery()
    )
    query = select(*StanceRow.__table__.columns, previous.label("previous")).where(
        *scope, *_window(StanceRow.date, since, until)
    )
    query = _apply(query, _newest(limit, StanceRow.date, StanceRow.article_id, StanceRow.ordinal))
    return [
        (
            _key(r.date, r.article_id, r.ordinal, r.id),
            TimelineEntry(
                id=r.id,
                kind="stance",
                date=r.date,
                negotiation=names[r.negotiation_id],
                article_id=r.article_id,
                party=r.party,
                issue=r.issue,
                type=r.type,
                previous=r.previous if r.previous != r.type else None,
                text=r.evidence,
            ),
        )
        for r in session.execute(query)
    ]


def _meetings(
    session: Session,
    neg_id: str | None,
    party: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    names: dict[str, str],
) -> list[tuple[Any, TimelineEntry]]:
    cond = [MeetingRow.negotiation_id == neg_id] if neg_id else []
    if party:
        cond.append(
            MeetingRow.id.in_(
                select(MeetingParticipant.meeting_id).where(MeetingParticipant.name == party)
            )
        )
    query = _apply(
        select(MeetingRow).where(*cond, *_window(MeetingRow.date, since, until)),
        _newest(limit, MeetingRow.date, MeetingRow.article_id, MeetingRow.id),
    )
    meetings = session.scalars(query).all()
    who: dict[str, list[str]] = defaultdict(list)
    for meeting_id, name in session.execute(
        select(MeetingParticipant.meeting_id, MeetingParticipant.name)
        .where(MeetingParticipant.meeting_id.in_([m.id for m in meetings]))
        .order_by(MeetingParticipant.name)
    ):
        who[meeting_id].append(name)
    return [
        (
            _key(m.date, m.article_id, m.span_start, m.id),
            TimelineEntry(
                id=m.id,
                kind="meeting",
                date=m.date,
                negotiation=names[m.negotiation_id],
                article_id=m.article_id,
                participants=who[m.id],
                location=m.location,
                text=m.evidence,
            ),
        )
        for m in meetings
    ]


def _statuses(
    session: Session,
    neg_id: str | None,
    issue: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    names: dict[str, str],
) -> list[tuple[Any, TimelineEntry]]:
    cond = [StatusRow.negotiation_id == neg_id] if neg_id else []
    cond += [StatusRow.issue == issue] if issue else []
    query = _apply(
        select(StatusRow).where(*cond, *_window(StatusRow.date, since, until)),
        _newest(limit, StatusRow.date, StatusRow.article_id, StatusRow.id),
    )
    return [
        (
            _key(s.date, s.article_id, s.span_start, s.id),
            TimelineEntry(
                id=s.id,
                kind="status",
                date=s.date,
                negotiation=names[s.negotiation_id],
                article_id=s.article_id,
                issue=s.issue,
                type=s.status,
                text=s.evidence,
            ),
        )
        for s in session.scalars(query)
    ]


def _events(
    session: Session,
    neg_id: str | None,
    party: str | None,
    issue: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    names: dict[str, str],
) -> list[tuple[Any, TimelineEntry]]:
    cond = [EventRow.negotiation_id == neg_id] if neg_id else []
    cond += [or_(EventRow.source == party, EventRow.target == party)] if party else []
    cond += [EventRow.issue == issue] if issue else []
    query = _apply(
        select(EventRow).where(*cond, *_window(EventRow.date, since, until)),
        _newest(limit, EventRow.date, EventRow.article_id, EventRow.id),
    )
    return [
        (
            _key(e.date, e.article_id, e.span_start, e.id),
            TimelineEntry(
                id=e.id,
                kind="event",
                date=e.date,
                negotiation=names[e.negotiation_id],
                article_id=e.article_id,
                party=e.source,
                issue=e.issue,
                type=e.type if e.mode is None else f"{e.type}:{e.mode}",
                participants=[p for p in (e.source, e.target) if p],
                location=e.location,
                text=e.evidence,
            ),
        )
        for e in session.scalars(query)
    ]
