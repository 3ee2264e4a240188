"""Writing one article and its facts into the record, idempotently.

Runs inside the caller's write transaction (which holds the cross-process write
lock). Every row's key is derived from content, and rows are inserted with
``ON CONFLICT DO NOTHING``, so writing the same article again adds nothing.

Negotiation rule, in order:
1. an explicit name (``--negotiation`` or the record's own ``negotiation``) is used as given;
2. otherwise the article joins the explicitly named negotiation whose articles share
   the most of the article's parties (at least two, or the article's only party);
   ties go to the alphabetically first name;
3. otherwise it goes to a negotiation named after its parties (``Russia / Ukraine``),
   or ``unassigned`` when it names no party.
Only explicitly named negotiations attract articles, so the outcome does not depend
on the order in which articles arrive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from accord.errors import InputError
from accord.schema import Article, Extraction
from accord.schema.news import Span
from accord.store import stories
from accord.store.ids import content_id
from accord.store.models import (
    Actor,
    ActorAlias,
    ActorRole,
    ArticleBand,
    ArticleParty,
    ArticleSource,
    Base,
    EventRow,
    MeetingParticipant,
    MeetingRow,
    Negotiation,
    Party,
    StanceRow,
    StatusRow,
    StoredArticle,
    Story,
)

__all__ = ["UNASSIGNED", "WriteOutcome", "negotiation_id", "write_article"]

UNASSIGNED = "unassigned"
_MAX_NAMED_PARTIES = 4


@dataclass(frozen=True)
class WriteOutcome:
    """What writing one article did."""

    article_id: str
    stored: bool  # False when the article was already in the record
    negotiation: str
    story_id: str
    merged: bool  # True when it joined a story that already had other copies


def negotiation_id(name: str) -> str:
    return content_id("ng", name)


def write_article(
    session: Session, article: Article, extraction: Extraction, *, negotiation: str | None = None
) -> WriteOutcome:
    """Store ``article`` with the facts in ``extraction``; a known article adds nothing."""
    _check_fits(article, extraction)
    known = session.get(StoredArticle, article.id)
    if known is not None:
        name = session.get_one(Negotiation, known.negotiation_id).name
        return WriteOutcome(article.id, False, name, known.story_id, False)
    parties = _parties_of(extraction)
    name = negotiation or _assign_negotiation(session, parties)
    neg_id = _ensure_negotiation(session, name, explicit=negotiation is not None)
    sig = stories.signature(article.text)
    story_id, merged = _place_in_story(session, article, sig)
    session.add(
        StoredArticle(
            id=article.id,
            negotiation_id=neg_id,
            story_id=story_id,
            url=article.url or extraction.url,
            title=article.title or extraction.title,
            outlet=article.outlet,
            published=article.published or extraction.published,
            language=article.language,
            text_length=len(article.text),
            minhash=sig,
            extractor=extraction.extractor,
        )
    )
    session.flush()
    _refresh_story(session, story_id)
    _insert(
        session,
        ArticleBand,
        [{"band": b, "article_id": article.id} for b in stories.band_keys(sig)],
    )
    _insert(
        session,
        ArticleSource,
        [{"article_id": article.id, "source": s} for s in extraction.sources],
    )
    _insert(session, Party, [{"name": p, "id": content_id("pa", p)} for p in sorted(parties)])
    _insert(
        session, ArticleParty, [{"article_id": article.id, "party": p} for p in sorted(parties)]
    )
    _write_actors(session, article.id, extraction)
    _write_facts(session, article, extraction, neg_id)
    return WriteOutcome(article.id, True, name, story_id, merged)


#: Longest text the key columns hold (names, issues, ids); longer values are refused.
_KEY_LIMITS = {"name": 300, "issue": 100, "id": 64}


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for k, item in enumerate(value):
            yield from _strings(item, f"{path}.{k}")


def _check_fits(article: Article, extraction: Extraction) -> None:
    """Refuse what the database cannot hold faithfully, before anything is written."""

    def refuse(field: str, reason: str) -> InputError:
        return InputError("E609", source=f"article {article.id!r}", where=field, reason=reason)

    if len(article.id) > _KEY_LIMITS["id"]:
        raise refuse("id", f"the id is longer than {_KEY_LIMITS['id']} characters")
    record = {"article": article.model_dump(mode="json"), **extraction.model_dump(mode="json")}
    for field, text in _strings(record, ""):
        if "\x00" in text:
            raise refuse(field, "contains a NUL character")
    names = [("parties", p) for p in extraction.parties]
    names += [("stances.party", s.party) for s in extraction.stances]
    names += [("actors.name", a.name) for a in extraction.actors]
    names += [("sources", s) for s in extraction.sources]
    names += [("meetings.participants", p) for m in extraction.meetings for p in m.participants]
    for field, name in names:
        if len(name) > _KEY_LIMITS["name"]:
            raise refuse(field, f"a name is longer than {_KEY_LIMITS['name']} characters")
    issues = [s.issue for s in extraction.stances] + [c.issue for c in extraction.status]
    if any(len(i) > _KEY_LIMITS["issue"] for i in issues):
        raise refuse("issue", f"an issue id is longer than {_KEY_LIMITS['issue']} characters")
    # The record keeps offsets into the text, not the text: an offset outside it points
    # nowhere (and a huge one overflows the integer column).
    size = len(article.text)
    spans: list[tuple[str, Span | None]] = [
        *((f"stances[{k}].span", f.span) for k, f in enumerate(extraction.stances)),
        *((f"meetings[{k}].span", f.span) for k, f in enumerate(extraction.meetings)),
        *((f"events[{k}].span", f.span) for k, f in enumerate(extraction.events)),
        *((f"status[{k}].span", f.span) for k, f in enumerate(extraction.status)),
    ]
    for field, span in spans:
        if span is not None and not 0 <= span[0] <= span[1] <= size:
            raise refuse(field, f"span {list(span)} lies outside the text (0–{size})")


def _parties_of(extraction: Extraction) -> set[str]:
    named = set(extraction.parties) | {s.party for s in extraction.stances}
    return {p for p in named if p.strip()}


def _insert(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows, skipping any whose key is already stored."""
    if not rows:
        return
    connection = session.connection()
    module: Any = postgresql if connection.dialect.name == "postgresql" else sqlite
    # one constant statement run over many rows: compiled once, cached, executemany
    connection.execute(module.insert(model.__table__).on_conflict_do_nothing(), list(rows))


def _assign_negotiation(session: Session, parties: set[str]) -> str:
    if parties:
        shared = func.count(ArticleParty.party.distinct())
        best = session.execute(
            select(Negotiation.name, shared)
            .join(StoredArticle, StoredArticle.negotiation_id == Negotiation.id)
            .join(ArticleParty, ArticleParty.article_id == StoredArticle.id)
            .where(Negotiation.explicit, ArticleParty.party.in_(sorted(parties)))
            .group_by(Negotiation.name)
            .order_by(shared.desc(), Negotiation.name)
            .limit(1)
        ).first()
        if best is not None and best[1] >= min(2, len(parties)):
            return str(best[0])
    if not parties:
        return UNASSIGNED
    names = sorted(parties)
    more = len(names) - _MAX_NAMED_PARTIES
    label = " / ".join(names[:_MAX_NAMED_PARTIES])
    return f"{label} +{more}" if more > 0 else label


def _ensure_negotiation(session: Session, name: str, *, explicit: bool) -> str:
    neg_id = negotiation_id(name)
    _insert(session, Negotiation, [{"id": neg_id, "name": name, "explicit": explicit}])
    if explicit:
        session.execute(update(Negotiation).where(Negotiation.id == neg_id).values(explicit=True))
    return neg_id


def _place_in_story(session: Session, article: Article, sig: bytes) -> tuple[str, bool]:
    """The story the article belongs to, merging every story it is a near-duplicate of.

    A story's id derives from its smallest member article id, so the grouping (the
    connected components of the similarity graph) does not depend on arrival order.
    """
    keys = stories.band_keys(sig)
    neighbour_stories: set[str] = set()
    if keys:
        candidates = session.execute(
            select(StoredArticle.story_id, StoredArticle.minhash)
            .where(
                StoredArticle.id.in_(
                    select(ArticleBand.article_id).where(ArticleBand.band.in_(keys))
                )
            )
            .order_by(StoredArticle.id)
        ).all()
        neighbour_stories = {
            story
            for story, other in candidates
            if stories.similarity(sig, other) >= stories.THRESHOLD
        }
    first_member = article.id
    if neighbour_stories:
        earliest = session.scalar(
            select(func.min(StoredArticle.id)).where(StoredArticle.story_id.in_(neighbour_stories))
        )
        first_member = min(first_member, earliest or first_member)
    story_id = content_id("sy", first_member)
    _insert(session, Story, [{"id": story_id, "title": None, "first_published": None}])
    for old in sorted(neighbour_stories - {story_id}):
        session.execute(
            update(StoredArticle).where(StoredArticle.story_id == old).values(story_id=story_id)
        )
        session.execute(delete(Story).where(Story.id == old))
    return story_id, bool(neighbour_stories)


def _refresh_story(session: Session, story_id: str) -> None:
    """Title from the story's first member (by id), date from its earliest copy."""
    first = session.scalars(
        select(StoredArticle).where(StoredArticle.story_id == story_id).order_by(StoredArticle.id)
    ).first()
    published = session.scalar(
        select(func.min(StoredArticle.published)).where(StoredArticle.story_id == story_id)
    )
    session.execute(
        update(Story)
        .where(Story.id == story_id)
        .values(title=first.title if first else None, first_published=published)
    )


def _write_actors(session: Session, article_id: str, extraction: Extraction) -> None:
    actors, aliases, roles = [], [], []
    for person in extraction.actors:
        actor_id = content_id("ac", person.name, person.party)
        actors.append(
            {
                "id": actor_id,
                "name": person.name,
                "party": person.party,
                "kind": person.kind,
                "country": person.country,
                "sector": person.sector,
            }
        )
        aliases += [{"actor_id": actor_id, "alias": a} for a in person.aliases if a != person.name]
        # an empty role still records that the actor appears in this article
        roles.append({"actor_id": actor_id, "article_id": article_id, "role": person.role or ""})
    _insert(session, Actor, _unique(actors, "id"))
    _insert(session, ActorAlias, _unique(aliases, "actor_id", "alias"))
    _insert(session, ActorRole, _unique(roles, "actor_id", "article_id", "role"))


def _unique(rows: Iterable[dict[str, Any]], *key: str) -> list[dict[str, Any]]:
    """Rows with duplicate keys dropped (first kept): one INSERT may not repeat a key."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        seen.setdefault(tuple(row[k] for k in key), row)
    return list(seen.values())


def _span(text: str, evidence: str | None, given: tuple[int, int] | None) -> tuple[int, int] | None:
    if given is not None:
        return given
    if not evidence:
        return None
    start = text.find(evidence)
    return (start, start + len(evidence)) if start >= 0 else None


def _fact(
    article: Article, neg_id: str, date: Any, evidence: str | None, span: tuple[int, int] | None
) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "negotiation_id": neg_id,
        "date": date,
        "evidence": evidence,
        "span_start": span[0] if span else None,
        "span_end": span[1] if span else None,
    }


def _write_facts(session: Session, article: Article, extraction: Extraction, neg_id: str) -> None:
    default_date = article.published or extraction.published
    text = article.text
    stance_rows = []
    for k, stance in enumerate(extraction.stances):
        span = _span(text, stance.evidence, stance.span)
        key = span if span is not None else stance.evidence
        stance_rows.append(
            {
                "id": content_id("st", article.id, stance.party, stance.issue, stance.type, key),
                **_fact(article, neg_id, stance.date or default_date, stance.evidence, span),
                "party": stance.party,
                "issue": stance.issue,
                "type": stance.type,
                "holder": stance.holder,
                "target": stance.target,
                "negated": stance.negated,
                "condition": stance.condition,
                "attribution": stance.attribution,
                "confidence": stance.confidence,
                "extractor": stance.extractor or extraction.extractor,
                "ordinal": span[0] if span else k,
            }
        )
    _insert(session, StanceRow, _unique(stance_rows, "id"))

    meeting_rows, participants = [], []
    for meeting in extraction.meetings:
        span = _span(text, meeting.evidence, meeting.span)
        names = sorted(set(meeting.participants))
        meeting_id = content_id(
            "mt", article.id, names, meeting.location, meeting.date, span or meeting.evidence
        )
        meeting_rows.append(
            {
                "id": meeting_id,
                **_fact(article, neg_id, meeting.date or default_date, meeting.evidence, span),
                "location": meeting.location,
                "duration": meeting.duration,
            }
        )
        kinds = set(extraction.parties) | {s.party for s in extraction.stances}
        participants += [
            {"meeting_id": meeting_id, "name": n, "kind": "party" if n in kinds else "person"}
            for n in names
        ]
    _insert(session, MeetingRow, _unique(meeting_rows, "id"))
    _insert(session, MeetingParticipant, _unique(participants, "meeting_id", "name"))

    event_rows = []
    for event in extraction.events:
        span = _span(text, event.evidence, event.span)
        event_rows.append(
            {
                "id": content_id(
                    "ev",
                    article.id,
                    event.type,
                    event.mode,
                    event.source,
                    event.target,
                    event.issue,
                    span or event.evidence,
                ),
                **_fact(article, neg_id, event.date or default_date, event.evidence, span),
                "type": event.type,
                "mode": event.mode,
                "source": event.source,
                "target": event.target,
                "location": event.location,
                "issue": event.issue,
            }
        )
    _insert(session, EventRow, _unique(event_rows, "id"))

    status_rows = []
    for cue in extraction.status:
        span = _span(text, cue.evidence, cue.span)
        status_rows.append(
            {
                "id": content_id("ss", article.id, cue.issue, cue.status, span or cue.evidence),
                **_fact(article, neg_id, default_date, cue.evidence, span),
                "issue": cue.issue,
                "status": cue.status,
            }
        )
    _insert(session, StatusRow, _unique(status_rows, "id"))
