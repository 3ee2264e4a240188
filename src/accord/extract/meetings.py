"""Meetings: rounds of talks reported as held, under way or scheduled (phone calls excluded).

A sentence is a meeting mention when "meet" is a verb or a talks noun ("talks",
"negotiations", "meeting", "summit", "round") is held/resumed/attended or located. Participants
come from the subject and objects of "meet", "talks between/with …", and the subject of
"attend/hold/resume …"; the location from a place after "in"/"at" (a facility joined with its
town: "Shell Bay Club, Florida"); the date from a DATE entity (see :mod:`dates`).
Consecutive mentions with compatible places and dates describe the same meeting and merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.extract.dates import resolve_date
from accord.extract.facts import DocFacts
from accord.extract.holders import Holder, HolderResolver
from accord.schema import Meeting

__all__ = ["find_meetings"]

_TALK_NOUNS = frozenset("talks negotiations meeting meetings summit round session".split())
_HOLD_VERBS = frozenset(
    "hold attend resume open begin start convene host continue reconvene take head join".split()
)
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
_FUTURE = frozenset(("will", "'ll", "shall", "next", "due", "scheduled"))


@dataclass
class _Draft:
    sentence: int
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    date_text: str | None = None
    date: object = None
    evidence: str = ""
    span: tuple[int, int] = (0, 0)

    def add(self, holder: Holder) -> None:
        for name in [*holder.parties, *([holder.person] if holder.person else [])]:
            if name and name not in self.participants:
                self.participants.append(name)


def _cue(sent: Span) -> Token | None:
    if any(t.lower_ in ("phone", "telephone", "call", "calls") for t in sent):
        return None
    for token in sent:
        if token.lemma_ == "meet" and token.pos_ == "VERB":
            return token
    for token in sent:
        if token.lower_ in _TALK_NOUNS and token.pos_ == "NOUN":
            head = token.head
            if head.lemma_ in _HOLD_VERBS or head.lemma_ in ("place", "be"):
                return token
            if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "between", "with") for c in token.children):
                return token
    return None


def _participants(cue: Token, resolver: HolderResolver, draft: _Draft) -> None:
    anchors: list[Token] = []
    if cue.pos_ == "VERB":
        verb = cue
    else:
        verb = cue.head
        for prep in cue.children:
            if prep.dep_ == "prep" and prep.lower_ in ("between", "with"):
                anchors.extend(c for c in prep.children if c.dep_ == "pobj")
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            anchors.append(child)
        elif child.dep_ == "dobj" and verb.lemma_ == "meet":
            anchors.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "between") and verb.lemma_ == "meet":
            anchors.extend(c for c in child.children if c.dep_ == "pobj")
    for anchor in anchors:
        if anchor.lower_ in _TALK_NOUNS:
            continue
        draft.add(resolver.resolve(anchor))


def _place(sent: Span, facts: DocFacts) -> str | None:
    places = [
        ent for ent in sent.ents
        if ent.label_ in _PLACE_LABELS
        and ent.root.dep_ == "pobj"
        and ent.root.head.lower_ in ("in", "at")
        and not any(m.weight >= 2 and m.start <= ent.start < m.end for m in facts.party_mentions)
    ]
    if not places:
        return None
    first = places[0]
    text = first.text[4:] if first.text.lower().startswith("the ") else first.text
    if first.label_ == "FAC" and len(places) > 1:
        return f"{text}, {places[1].text}"
    return text


def find_meetings(doc: Doc, facts: DocFacts) -> list[Meeting]:
    resolver = HolderResolver(doc, facts)
    drafts: list[_Draft] = []
    for index, sent in enumerate(doc.sents):
        cue = _cue(sent)
        if cue is None:
            continue
        draft = _Draft(sentence=index, evidence=sent.text.strip(), span=(sent.start_char, sent.end_char))
        _participants(cue, resolver, draft)
        draft.location = _place(sent, facts)
        future = any(t.lower_ in _FUTURE for t in sent)
        for ent in sent.ents:
            if ent.label_ == "DATE":
                resolved = resolve_date(ent.text, facts.published, future=future)
                if resolved is not None:
                    draft.date = resolved
                    break
        if not draft.participants and not draft.location:
            continue
        previous = drafts[-1] if drafts else None
        if previous is not None and _compatible(previous, draft):
            for name in draft.participants:
                if name not in previous.participants:
                    previous.participants.append(name)
            previous.location = previous.location or draft.location
            previous.date = previous.date or draft.date
            previous.sentence = index
        else:
            drafts.append(draft)
    return [
        Meeting(
            participants=d.participants,
            location=d.location,
            date=d.date,  # type: ignore[arg-type]
            evidence=d.evidence,
            span=d.span,
        )
        for d in drafts
        if len(d.participants) >= 2
    ]


def _compatible(a: _Draft, b: _Draft) -> bool:
    if b.sentence - a.sentence > 3:
        return False
    if a.location and b.location and a.location != b.location:
        return False
    return not (a.date and b.date and a.date != b.date)
