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
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, Integer, String, func, null, select, union_all
from sqlalchemy.orm import Session, aliased

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
    typed: dict[tuple[str, str], list[tuple[str, dt.date | None]]] = defaultdict(list)
    # per cell, the stances of its latest type, newest first: (type, id, article, story)
    support: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
    query = _board_query(neg.id, cond, _binary(session))
    for issue, party, type_, day, id_, article, story in session.connection().execute(query):
        if id_ is None:
            typed[issue, party].append((type_, day))
        else:
            support[issue, party].append((type_, id_, article, story))
    cells = []
    for (issue, party), newest_first in sorted(support.items()):
        latest_type = newest_first[0][0]
        by_date = sorted(typed[issue, party], key=lambda td: (date_key(td[1]), td[0]))
        cells.append(
            BoardCell(
                issue=issue,
                party=party,
                type=latest_type,
                date=by_date[-1][1],  # the latest stance is on the cell's newest date
                article_count=len({row[2] for row in newest_first}),
                story_count=len({row[3] for row in newest_first}),
                stance_ids=[row[1] for row in newest_first[:EVIDENCE_IDS]],
                history=[t for t, _d in by_date if t != latest_type],
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


def _binary(session: Session) -> Callable[[Any], Any]:
    """Text ordered by code point, as Python orders it (PostgreSQL collations may not)."""
    if session.get_bind().dialect.name == "postgresql":
        return lambda col: col.collate("C")
    return lambda col: col


def _board_query(negotiation_id: str, cond: list[Any], binary: Callable[[Any], Any]) -> Any:
    """The board's rows in one statement: rows without an ``id`` give the newest date of
    each stance type in each cell (one grouped pass over a covering index); the others are
    every stance of each cell's latest type, newest first, with its article's story.

    The database finds each cell's latest stance with one index lookup at the cell's newest
    date and joins only the stances of that type, so Python sees about one stance in seven.
    ``MATERIALIZED`` keeps SQLite from re-running a subquery once per stance; window
    functions were tried for the ranking and counting and were slower in SQLite than
    counting the (already ordered) rows here.
    """
    typed = (
        select(
            StanceRow.issue, StanceRow.party, StanceRow.type, func.max(StanceRow.date).label("day")
        )
        .where(*cond)
        .group_by(StanceRow.issue, StanceRow.party, StanceRow.type)
        .cte("typed")
        .prefix_with("MATERIALIZED")
    )
    newest = (
        select(typed.c.issue, typed.c.party, func.max(typed.c.day).label("day"))
        .group_by(typed.c.issue, typed.c.party)
        .subquery("newest")
    )
    at_day = aliased(StanceRow, name="at_day")

    def latest_type_on(day: Any) -> Any:
        """The type of the cell's latest stance on ``day`` (an index lookup)."""
        return (
            select(at_day.type)
            .where(
                at_day.negotiation_id == negotiation_id,
                at_day.issue == newest.c.issue,
                at_day.party == newest.c.party,
                day,
            )
            .order_by(
                binary(at_day.article_id).desc(), at_day.ordinal.desc(), binary(at_day.id).desc()
            )
            .limit(1)
            .scalar_subquery()
        )

    # a cell with only undated stances has no newest day: its undated stances decide
    latest_type = func.coalesce(
        latest_type_on(at_day.date == newest.c.day), latest_type_on(at_day.date.is_(None))
    )
    latest = (
        select(newest.c.issue, newest.c.party, latest_type.label("type"))
        .cte("latest")
        .prefix_with("MATERIALIZED")
    )
    support = (
        select(
            StanceRow.issue,
            StanceRow.party,
            StanceRow.type,
            StanceRow.date,
            StanceRow.id,
            StanceRow.article_id,
            StanceRow.ordinal,
            StoredArticle.story_id,
        )
        .select_from(latest)
        .join(
            StanceRow,
            (StanceRow.issue == latest.c.issue)
            & (StanceRow.party == latest.c.party)
            & (StanceRow.type == latest.c.type),
        )
        .join(StoredArticle, StoredArticle.id == StanceRow.article_id)
        .where(*cond)
        .subquery("support")
    )
    no_text, no_date = null().cast(String), null().cast(Date)
    both = union_all(
        select(
            typed.c.issue,
            typed.c.party,
            typed.c.type,
            typed.c.day,
            no_date.label("date"),
            no_text.label("id"),
            no_text.label("article_id"),
            null().cast(Integer).label("ordinal"),
            no_text.label("story_id"),
        ),
        select(
            support.c.issue,
            support.c.party,
            support.c.type,
            no_date.label("day"),
            *(support.c[name] for name in ("date", "id", "article_id", "ordinal", "story_id")),
        ),
    ).subquery("board")
    # the stances' own dates only order the rows: the cell's date is its newest ``day``,
    # and not reading them back spares a date conversion per stance
    return select(
        *(
            both.c[name]
            for name in ("issue", "party", "type", "day", "id", "article_id", "story_id")
        )
    ).order_by(
        both.c.issue,
        both.c.party,
        both.c.date.desc().nulls_last(),
        binary(both.c.article_id).desc(),
        both.c.ordinal.desc(),
        binary(both.c.id).desc(),
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
