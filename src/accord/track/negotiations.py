"""The negotiations in the record, with how much each holds."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from accord.schema.record import NegotiationSummary
from accord.store import Store
from accord.store.models import MeetingRow, Negotiation, StanceRow, StoredArticle

__all__ = ["negotiations"]


def negotiations(store: Store) -> list[NegotiationSummary]:
    """Every negotiation, by name."""
    with store.session() as session:
        articles = {
            neg: (n, stories, first, last)
            for neg, n, stories, first, last in session.execute(
                select(
                    StoredArticle.negotiation_id,
                    func.count(),
                    func.count(StoredArticle.story_id.distinct()),
                    func.min(StoredArticle.published),
                    func.max(StoredArticle.published),
                ).group_by(StoredArticle.negotiation_id)
            )
        }
        parties: dict[str, set[str]] = defaultdict(set)
        issues: dict[str, set[str]] = defaultdict(set)
        stances: dict[str, int] = defaultdict(int)
        for neg, party, issue, n in session.execute(
            select(
                StanceRow.negotiation_id, StanceRow.party, StanceRow.issue, func.count()
            ).group_by(StanceRow.negotiation_id, StanceRow.party, StanceRow.issue)
        ):
            parties[neg].add(party)
            issues[neg].add(issue)
            stances[neg] += n
        meetings: dict[str, int] = {
            row[0]: row[1]
            for row in session.execute(
                select(MeetingRow.negotiation_id, func.count()).group_by(MeetingRow.negotiation_id)
            )
        }
        return [
            NegotiationSummary(
                id=neg.id,
                name=neg.name,
                articles=articles.get(neg.id, (0, 0, None, None))[0],
                stories=articles.get(neg.id, (0, 0, None, None))[1],
                parties=sorted(parties[neg.id]),
                issues=sorted(issues[neg.id]),
                stances=stances[neg.id],
                meetings=meetings.get(neg.id, 0),
                first=articles.get(neg.id, (0, 0, None, None))[2],
                last=articles.get(neg.id, (0, 0, None, None))[3],
            )
            for neg in session.scalars(select(Negotiation).order_by(Negotiation.name))
        ]
