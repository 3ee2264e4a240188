"""Turn the facts gathered on a Doc into the published :class:`Extraction` record.

Parties are kept only when the text makes them act: a gazetteer mention with enough
weight (see :func:`accord.extract.gazetteer.party_weight`), a stance holder, a meeting
participant or the affiliation of a named actor. Issues are those of stances and status cues
plus those named in a sentence that says what the talks discussed or covered.
PLOVER events are derived from stances (typed by stance) and meetings (CONSULT).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from accord.extract.facts import DocFacts, Person
from accord.extract.resources import words
from accord.schema import Article, Event, Extraction, PersonRecord, Stance

__all__ = ["assemble", "plover_type"]

_PLOVER = {
    "demand": "REQUEST",
    "offer": "AGREE",
    "accept": "AGREE",
    "reject": "REJECT",
    "condition": "REQUEST",
    "support": "SUPPORT",
    "oppose": "ACCUSE",
}
_AGENDA = words("agenda_words")
_MIN_WEIGHT = 2
_OFFICES = words("role_nouns") - words("non_office_roles")


def plover_type(stance: Stance) -> str:
    """PLOVER category of a stance; a concession offered is CONCEDE, not AGREE."""
    if stance.type == "offer" and stance.issue in ("territory", "military", "humanitarian"):
        return "CONCEDE"
    return _PLOVER[stance.type]


def _official(person: Person) -> bool:
    """An unaffiliated person still listed: one with an office ("Assistant Secretary of
    State X") or one the article quotes; pundits without a title rarely speak in these texts."""
    role_words = set((person.role or "").lower().split())
    return bool(role_words & _OFFICES) or person.speaks


def _select_parties(facts: DocFacts) -> list[str]:
    weight: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in facts.party_mentions:
        weight[mention.party] += mention.weight
        first.setdefault(mention.party, mention.start)
    acting: Counter[str] = Counter(m.party for m in facts.party_mentions if m.weight >= 1)
    chosen = {p for p, w in weight.items() if w >= _MIN_WEIGHT and acting[p] >= 2}
    chosen |= {m.party for m in facts.party_mentions if m.runs_talks}
    chosen |= {s.party for s in facts.stances}
    chosen |= {name for m in facts.meetings for name in m.participants if name in first}
    chosen |= {p.party for p in facts.people if p.party and p.party != "mediator"}
    return sorted(chosen, key=lambda p: (first.get(p, 10**9), p))  # stable across runs


def _agenda_issues(doc: Doc, facts: DocFacts) -> list[str]:
    found: list[str] = []
    for sent in doc.sents:
        if not any(t.lemma_.lower() in _AGENDA or t.lower_ in _AGENDA for t in sent):
            continue
        for hit in facts.issue_hits:
            if sent.start <= hit.start < sent.end and hit.issue not in found:
                found.append(hit.issue)
    return found


def assemble(doc: Doc, facts: DocFacts, article: Article, extractor: str) -> Extraction:
    parties = _select_parties(facts)
    actors = [
        PersonRecord(name=p.name, party=p.party, role=p.role)
        for p in facts.people
        if p.party in parties or p.party == "mediator" or (p.party is None and _official(p))
    ]
    issues: list[str] = []
    for issue in [s.issue for s in facts.stances] + [c.issue for c in facts.status]:
        if issue not in issues:
            issues.append(issue)
    for issue in _agenda_issues(doc, facts):
        if issue not in issues and issue != "process":
            issues.append(issue)
    events = [
        Event(
            type=plover_type(s),
            source=s.party,
            target=s.target,
            issue=s.issue,
            evidence=s.evidence,
            span=s.span,
            date=article.published,
        )
        for s in facts.stances
    ]
    events += [
        Event(
            type="CONSULT",
            mode="multilateral" if len(m.participants) > 2 else None,
            source=m.participants[0],
            target=m.participants[1],
            date=m.date,
            location=m.location,
            evidence=m.evidence or "",
            span=m.span,
        )
        for m in facts.meetings
    ]
    return Extraction(
        id=article.id,
        title=article.title,
        published=article.published,
        url=article.url,
        parties=parties,
        actors=actors,
        issues=issues,
        stances=facts.stances,
        meetings=facts.meetings,
        status=facts.status,
        sources=facts.sources,
        events=events,
        extractor=extractor,
    )
