"""The source behind one stored fact: article, sentence, span, URL and copies elsewhere."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from accord.errors import ReferenceError_
from accord.schema.record import EvidenceRecord
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

__all__ = ["evidence"]

_KINDS = {"st": "stance", "mt": "meeting", "ev": "event", "ss": "status"}
Fact = StanceRow | MeetingRow | EventRow | StatusRow
_MODELS: dict[str, type[Fact]] = {
    "st": StanceRow,
    "mt": MeetingRow,
    "ev": EventRow,
    "ss": StatusRow,
}


def evidence(store: Store, fact_id: str) -> EvidenceRecord:
    """Where the fact ``fact_id`` (``st_…``, ``mt_…``, ``ev_…`` or ``ss_…``) was read."""
    prefix = fact_id.partition("_")[0]
    model = _MODELS.get(prefix)
    with store.session() as session:
        fact = cast(Fact | None, session.get(model, fact_id) if model is not None else None)
        if fact is None:
            raise ReferenceError_("E602", id=fact_id)
        article = session.get_one(StoredArticle, fact.article_id)
        copies = session.scalars(
            select(StoredArticle.url)
            .where(StoredArticle.story_id == article.story_id, StoredArticle.id != article.id)
            .order_by(StoredArticle.id)
        ).all()
        span = (
            (fact.span_start, fact.span_end)
            if fact.span_start is not None and fact.span_end is not None
            else None
        )
        return EvidenceRecord(
            id=fact_id,
            kind=_KINDS[prefix],
            article_id=article.id,
            story_id=article.story_id,
            negotiation=session.get_one(Negotiation, article.negotiation_id).name,
            title=article.title,
            url=article.url,
            outlet=article.outlet,
            published=article.published,
            sentence=fact.evidence,
            span=span,
            summary=_summary(session, fact),
            other_sources=[url for url in copies if url],
        )


def _summary(session: Session, fact: Fact) -> str:
    when = f" ({fact.date.isoformat()})" if fact.date else ""
    if isinstance(fact, StanceRow):
        return f"{fact.party}: {fact.type} on {fact.issue}{when}"
    if isinstance(fact, StatusRow):
        return f"{fact.issue}: {fact.status}{when}"
    if isinstance(fact, EventRow):
        pair = " → ".join(p for p in (fact.source, fact.target) if p)
        mode = f":{fact.mode}" if fact.mode else ""
        return f"{fact.type}{mode} {pair}{when}".replace("  ", " ")
    names = session.scalars(
        select(MeetingParticipant.name)
        .where(MeetingParticipant.meeting_id == fact.id)
        .order_by(MeetingParticipant.name)
    ).all()
    place = f" in {fact.location}" if fact.location else ""
    return f"meeting of {', '.join(names)}{place}{when}"
