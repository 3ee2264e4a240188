"""What is new or changed in a negotiation since a date.

New entries are the timeline entries dated in ``[since, until]``; a changed cell is
one whose latest stance type on ``until`` (default: everything stored) differs from
the one on the day before ``since``; likewise for issue statuses. New articles are
those published in the window (undated articles cannot be placed and are left out).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from accord.schema.record import CellChange, Diff
from accord.store import Store
from accord.store.models import StoredArticle
from accord.track._common import parse_date, single_negotiation
from accord.track.board import board_in
from accord.track.timeline import timeline_in

__all__ = ["diff"]


def diff(
    store: Store,
    since: str | dt.date,
    *,
    negotiation: str | None = None,
    until: str | dt.date | None = None,
) -> Diff:
    """Changes in ``negotiation`` (the only one when omitted) from ``since`` to ``until``."""
    start = parse_date(since, "--since")
    end = parse_date(until, "--until")
    assert start is not None  # a required argument
    with store.session() as session:
        neg = single_negotiation(session, negotiation)
        before = board_in(session, neg.name, start - dt.timedelta(days=1))
        after = board_in(session, neg.name, end)
        changed = []
        for cell in after.cells:
            old = before.cell(cell.issue, cell.party)
            if old is None or old.type != cell.type:
                changed.append(
                    CellChange(
                        issue=cell.issue,
                        party=cell.party,
                        before=old.type if old else None,
                        after=cell.type,
                        stance_ids=cell.stance_ids,
                    )
                )
        old_status = {s.issue: s.status for s in before.statuses}
        window = [StoredArticle.published >= start]
        window += [StoredArticle.published <= end] if end else []
        articles = session.scalars(
            select(StoredArticle.id)
            .where(StoredArticle.negotiation_id == neg.id, *window)
            .order_by(StoredArticle.published, StoredArticle.id)
        ).all()
        return Diff(
            negotiation=neg.name,
            since=start,
            until=end,
            new_entries=timeline_in(session, neg.name, None, None, start, end, None),
            changed_cells=changed,
            status_changes=[s for s in after.statuses if old_status.get(s.issue) != s.status],
            new_articles=list(articles),
        )
