"""People (and organisations) seen in the record: roles, parties, first and last seen."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from accord.schema.record import ActorSummary
from accord.store import Store
from accord.store.models import Actor, ActorAlias, ActorRole, Negotiation, StoredArticle
from accord.track._common import find_negotiation

__all__ = ["actors"]


def actors(store: Store, *, negotiation: str | None = None) -> list[ActorSummary]:
    """Every stored actor (in one negotiation when given), by party then name."""
    with store.session() as session:
        scope = []
        if negotiation is not None:
            scope.append(StoredArticle.negotiation_id == find_negotiation(session, negotiation).id)
        seen = session.execute(
            select(
                ActorRole.actor_id,
                func.min(StoredArticle.published),
                func.max(StoredArticle.published),
                func.count(StoredArticle.id.distinct()),
            )
            .join(StoredArticle, StoredArticle.id == ActorRole.article_id)
            .where(*scope)
            .group_by(ActorRole.actor_id)
        ).all()
        ids = [row[0] for row in seen]
        roles: dict[str, set[str]] = defaultdict(set)
        negotiations: dict[str, set[str]] = defaultdict(set)
        for actor_id, role, name in session.execute(
            select(ActorRole.actor_id, ActorRole.role, Negotiation.name)
            .join(StoredArticle, StoredArticle.id == ActorRole.article_id)
            .join(Negotiation, Negotiation.id == StoredArticle.negotiation_id)
            .where(ActorRole.actor_id.in_(ids), *scope)
        ):
            if role:
                roles[actor_id].add(role)
            negotiations[actor_id].add(name)
        aliases: dict[str, list[str]] = defaultdict(list)
        for actor_id, alias in session.execute(
            select(ActorAlias.actor_id, ActorAlias.alias)
            .where(ActorAlias.actor_id.in_(ids))
            .order_by(ActorAlias.alias)
        ):
            aliases[actor_id].append(alias)
        people = {a.id: a for a in session.scalars(select(Actor).where(Actor.id.in_(ids)))}
        summaries = [
            ActorSummary(
                id=actor_id,
                name=people[actor_id].name,
                party=people[actor_id].party,
                kind=people[actor_id].kind,
                aliases=aliases[actor_id],
                roles=sorted(roles[actor_id]),
                negotiations=sorted(negotiations[actor_id]),
                first_seen=first,
                last_seen=last,
                article_count=count,
            )
            for actor_id, first, last, count in seen
        ]
        return sorted(summaries, key=lambda a: (a.party or "", a.name, a.id))
