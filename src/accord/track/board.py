"""The board: issues × parties, each cell the party's latest stance type with its evidence.

"Latest" orders a cell's stances by date (the stance's own date, else its article's
publication date), then article id, then position in the article. With ``as_of``,
only stances dated on or before it count and undated stances are left out (they
cannot be placed in time); without it, undated stances count but rank oldest.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
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

    newest_first = (
        StanceRow.date.desc().nulls_last(),
        StanceRow.article_id.desc(),
        StanceRow.ordinal.desc(),
        StanceRow.id.desc(),
    )
    rank = func.row_number().over(
        partition_by=(StanceRow.issue, StanceRow.party, StanceRow.type), order_by=newest_first
    )
    ranked = (
        select(
            StanceRow.issue,
            StanceRow.party,
            StanceRow.type,
            StanceRow.date,
            StanceRow.id,
            StanceRow.article_id,
            StanceRow.ordinal,
            rank.label("rank"),
        )
        .where(*cond)
        .subquery()
    )
    top = select(ranked).where(ranked.c.rank <= EVIDENCE_IDS).order_by(ranked.c.rank)
    ids: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    heads: dict[tuple[str, str, str], tuple[dt.date | None, str, int, str]] = {}
    for issue, party, type_, date, stance_id, article_id, ordinal, rnk in session.execute(
        top
    ).all():
        ids[issue, party, type_].append(stance_id)
        if rnk == 1:
            heads[issue, party, type_] = (date, article_id, ordinal, stance_id)

    counts = {
        (issue, party, type_): (articles, stories)
        for issue, party, type_, articles, stories in session.execute(
            select(
                StanceRow.issue,
                StanceRow.party,
                StanceRow.type,
                func.count(StanceRow.article_id.distinct()),
                func.count(StoredArticle.story_id.distinct()),
            )
            .join(StoredArticle, StoredArticle.id == StanceRow.article_id)
            .where(*cond)
            .group_by(StanceRow.issue, StanceRow.party, StanceRow.type)
        )
    }

    by_cell: dict[tuple[str, str], list[tuple[str, tuple[dt.date | None, str, int, str]]]] = (
        defaultdict(list)
    )
    for (issue, party, type_), head in heads.items():
        by_cell[issue, party].append((type_, head))
    cells = []
    for (issue, party), typed in sorted(by_cell.items()):
        typed.sort(key=lambda t: (date_key(t[1][0]), t[1][1], t[1][2], t[1][3]))
        latest_type, (date, *_rest) = typed[-1]
        articles, stories = counts[issue, party, latest_type]
        cells.append(
            BoardCell(
                issue=issue,
                party=party,
                type=latest_type,
                date=date,
                article_count=articles,
                story_count=stories,
                stance_ids=ids[issue, party, latest_type],
                history=[t for t, _ in typed[:-1]],
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
