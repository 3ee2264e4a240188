"""The board: issues × parties, each cell the party's latest stance type with its evidence.

"Latest" orders a cell's stances by date (the stance's own date, else its article's
publication date), then article id, then position in the article. With ``as_of``,
only stances dated on or before it count and undated stances are left out (they
cannot be placed in time); without it, undated stances count but rank oldest.
``article_count``/``story_count`` count the articles (and stories) with a stance of the
cell's latest type; ``history`` lists the cell's other types, by when each was last held.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from typing import Any

from sqlalchemy import Date, String, column, func, select, values
from sqlalchemy.orm import Session

from accord.schema.record import Board, BoardCell, IssueState
from accord.store import Store
from accord.store.models import StanceRow, StatusRow, StoredArticle
from accord.track._common import EVIDENCE_IDS, date_key, parse_date, single_negotiation

__all__ = ["board", "board_in"]


def board(
    store: Store, negotiation: str | None = None, as_of: str | dt.date | None = None
) -> Board:
    """The board of ``negotiation`` (the only one when omitted) as of a date (default: all)."""
    day = parse_date(as_of, "--as-of")
    with store.session() as session:
        return board_in(session, negotiation, day)


def board_in(session: Session, negotiation: str | None, as_of: dt.date | None) -> Board:
    neg = single_negotiation(session, negotiation)
    cond = [StanceRow.negotiation_id == neg.id]
    if as_of is not None:
        cond += [StanceRow.date.is_not(None), StanceRow.date <= as_of]
    # 1. the newest date of each stance type in each cell (one grouped pass over the index)
    groups = session.execute(
        select(StanceRow.issue, StanceRow.party, StanceRow.type, func.max(StanceRow.date))
        .where(*cond)
        .group_by(StanceRow.issue, StanceRow.party, StanceRow.type)
    ).all()
    by_cell: dict[tuple[str, str], list[tuple[str, dt.date | None]]] = defaultdict(list)
    for issue, party, type_, last in groups:
        by_cell[issue, party].append((type_, last))
    # 2. the stances at each cell's newest date decide its latest type (index lookups)
    newest = {cell: max((d for _t, d in typed), key=date_key) for cell, typed in by_cell.items()}
    dated = [(i, p, d) for (i, p), d in newest.items() if d is not None]
    undated = [(i, p, t) for (i, p), d in newest.items() if d is None for t, _d in by_cell[i, p]]
    latest: dict[tuple[str, str], tuple[Any, ...]] = {}

    def in_time(row: Any) -> bool:
        return as_of is None or (row.date is not None and row.date <= as_of)

    # (filtering dates here, not in SQL, keeps SQLite on the cell index under --as-of)
    undated_rows = filter(in_time, _join_rows(session, cond[:1], undated))
    for row in [*_rows_at(session, cond[:1], dated), *undated_rows]:
        key = (date_key(row.date), row.article_id, row.ordinal, row.id)
        if (row.issue, row.party) not in latest or key > latest[row.issue, row.party][0]:
            latest[row.issue, row.party] = (key, row.type)
    # 3. every stance of each cell's latest type: evidence ids and article/story counts
    rows: dict[tuple[str, str], list[Any]] = defaultdict(list)
    chosen = [(i, p, t) for (i, p), (_key, t) in latest.items()]
    for row in filter(in_time, _join_rows(session, cond[:1], chosen)):
        rows[row.issue, row.party].append(row)
    cells = []
    for (issue, party), found in sorted(rows.items()):
        _key, latest_type = latest[issue, party]
        newest_first = heapq.nlargest(
            EVIDENCE_IDS, found, key=lambda r: (date_key(r.date), r.article_id, r.ordinal, r.id)
        )
        older = sorted(
            ((t, d) for t, d in by_cell[issue, party] if t != latest_type),
            key=lambda td: (date_key(td[1]), td[0]),
        )
        cells.append(
            BoardCell(
                issue=issue,
                party=party,
                type=latest_type,
                date=newest_first[0].date,
                article_count=len({r.article_id for r in found}),
                story_count=len({r.story_id for r in found}),
                stance_ids=[r.id for r in newest_first],
                history=[t for t, _d in older],
            )
        )
    return Board(
        negotiation=neg.name,
        as_of=as_of,
        issues=_by_weight([c.issue for c in cells]),
        parties=_by_weight([c.party for c in cells]),
        cells=cells,
        statuses=_statuses(session, neg.id, as_of),
    )


def _rows_at(session: Session, cond: list[Any], cells: list[tuple[str, str, dt.date]]) -> list[Any]:
    """Stances of the given (issue, party) cells on the given date, through the cell index."""
    if not cells:
        return []
    wanted = (
        values(
            column("issue", String),
            column("party", String),
            column("day", Date),
            name="at_day_values",
        )
        .data(cells)
        .cte("at_day")
    )
    return list(
        session.execute(
            select(
                StanceRow.issue,
                StanceRow.party,
                StanceRow.type,
                StanceRow.date,
                StanceRow.article_id,
                StanceRow.ordinal,
                StanceRow.id,
            )
            .select_from(wanted)
            .join(
                StanceRow,
                (StanceRow.issue == wanted.c.issue)
                & (StanceRow.party == wanted.c.party)
                & (StanceRow.date == wanted.c.day),
            )
            .where(*cond)
        )
    )


def _join_rows(session: Session, cond: list[Any], groups: list[tuple[str, str, str]]) -> list[Any]:
    """Stances of the given (issue, party, type) groups, fetched by joining a VALUES list
    (one index range scan per group, where an IN over row values would scan the table)."""
    if not groups:
        return []
    wanted = (
        values(
            column("issue", String),
            column("party", String),
            column("type", String),
            name="wanted_values",
        )
        .data(groups)
        .cte("wanted")
    )
    return list(
        session.execute(
            select(
                StanceRow.issue,
                StanceRow.party,
                StanceRow.type,
                StanceRow.date,
                StanceRow.article_id,
                StanceRow.ordinal,
                StanceRow.id,
                StoredArticle.story_id,
            )
            .select_from(wanted)
            .join(
                StanceRow,
                (StanceRow.issue == wanted.c.issue)
                & (StanceRow.party == wanted.c.party)
                & (StanceRow.type == wanted.c.type),
            )
            .join(StoredArticle, StoredArticle.id == StanceRow.article_id)
            .where(*cond)
        )
    )


def _by_weight(names: list[str]) -> list[str]:
    """Distinct names, the most frequent first, then alphabetical."""
    tally: dict[str, int] = defaultdict(int)
    for name in names:
        tally[name] += 1
    return sorted(tally, key=lambda n: (-tally[n], n))


def _statuses(session: Session, negotiation_id: str, as_of: dt.date | None) -> list[IssueState]:
    cond = [StatusRow.negotiation_id == negotiation_id]
    if as_of is not None:
        cond += [StatusRow.date.is_not(None), StatusRow.date <= as_of]
    rows = session.execute(
        select(StatusRow.issue, StatusRow.status, StatusRow.date, StatusRow.id)
        .where(*cond)
        .order_by(
            StatusRow.issue,
            StatusRow.date.desc().nulls_last(),
            StatusRow.article_id.desc(),
            StatusRow.span_start.desc().nulls_last(),
            StatusRow.id.desc(),
        )
    ).all()
    latest: dict[str, tuple[str, dt.date | None, list[str]]] = {}
    for issue, status, date, status_id in rows:
        status_now, _date, ids = latest.setdefault(issue, (status, date, []))
        if status == status_now and len(ids) < EVIDENCE_IDS:
            ids.append(status_id)
    return [
        IssueState(issue=issue, status=status, date=date, status_ids=ids)
        for issue, (status, date, ids) in sorted(latest.items())
    ]
