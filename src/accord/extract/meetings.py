"""Meetings: rounds of talks reported as held, under way or scheduled (phone calls excluded).

A sentence is a meeting mention when "meet" is a verb or a talks noun ("talks",
"negotiations", "meeting", "summit", "round") is held/resumed/attended or located. Participants
come from the subject and objects of "meet", "talks between/with …", and the subject of
"attend/hold/resume …"; the location from a place after "in"/"at" (a facility joined with its
town: "Shell Bay Club, Florida"); the date from a DATE entity (see :mod:`dates`).
Consecutive mentions with compatible places and dates describe the same meeting and merge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.extract.dates import resolve_date
from accord.extract.facts import DocFacts
from accord.extract.holders import Holder, HolderResolver
from accord.extract.resources import words
from accord.schema import Meeting

__all__ = ["find_meetings"]

_TALK_NOUNS = words("meeting_nouns")
_MEET_VERBS = frozenset(("meet", "negotiate"))
_VENUE_VERBS = words("venue_verbs")
_HOLD_VERBS = words("meeting_verbs")
#: Third parties who run a round take part in it: "talks mediated by the AU", "chaired by X",
#: "X, who hosted the talks", "with X chairing the sessions".
_HOST_VERBS = words("mediation_verbs")
_RELATIVE = frozenset(("who", "which", "that"))
_VENUE_NOUNS = frozenset(("capital", "city", "town", "resort", "port"))
_FUTURE = frozenset(("will", "'ll", "shall", "next", "due", "scheduled"))
#: Verbs that close a round: "ended three days of talks", "concluding two rounds of talks".
_CLOSING_VERBS = frozenset(("end", "conclude", "complete", "wrap"))


@dataclass
class _Draft:
    sentence: int
    participants: list[str] = field(default_factory=list)
    location: str | None = None
    date_text: str | None = None
    date: dt.date | None = None
    duration: str | None = None
    evidence: str = ""
    span: tuple[int, int] = (0, 0)

    def add(self, holder: Holder) -> None:
        for name in [*holder.parties, *holder.people]:
            if name and name not in self.participants:
                self.participants.append(name)


def _cue(sent: Span) -> Token | None:
    if any(t.lower_ in ("phone", "telephone", "call", "calls") for t in sent):
        return None
    for token in sent:
        if token.lemma_ in _MEET_VERBS and token.pos_ == "VERB":
            return token
        if token.lemma_ == "sign" and token.pos_ == "VERB" and _placed(token):
            return token  # "signed the agreement in the Sudanese capital"
    for token in sent:
        if token.lower_ in _TALK_NOUNS and token.pos_ == "NOUN":
            head = token.head
            if head.lemma_ in _HOLD_VERBS or head.lemma_ in ("place", "be"):
                return token
            if head.lemma_ in _HOST_VERBS and token.dep_ in ("dobj", "nsubjpass"):
                return token
            if any(
                (c.dep_ == "prep" and c.lower_ in ("in", "at", "between", "with"))
                or (c.dep_ in ("acl", "relcl") and c.lemma_ in _HOLD_VERBS | _HOST_VERBS)
                or (c.dep_ == "prep" and c.lower_ == "on" and _dated(c))
                for c in token.children
            ):
                return token
            if _after_talks(token):
                return token
    return None


def _placed(verb: Token) -> bool:
    """The verb (or its object) happens at a named place: "in Geneva", "in the Sudanese
    capital"."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "at")
        and any(
            obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.lower_ in _VENUE_NOUNS)
            for obj in prep.children
        )
        for holder in holders
        for prep in holder.children
    )


def _after_talks(noun: Token) -> bool:
    """ "after 11 hours of talks", "during negotiations", "ended three days of talks": a
    round that took place."""
    current = noun
    for _ in range(4):
        current = current.head
        if current.dep_ == "prep" and current.lower_ in ("after", "during", "following"):
            return True
        if current.pos_ in ("VERB", "AUX"):
            return current.lemma_ in _HOLD_VERBS | _CLOSING_VERBS
        if current.head is current:
            return False
    return False


def _dated(prep: Token) -> bool:
    """ "talks on Monday": a round placed in time."""
    return any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in prep.children)


def _hosts(sent: Span) -> list[Token]:
    """Who mediates, chairs, hosts or brokers the round reported in the sentence."""
    out: list[Token] = []
    for token in sent:
        if token.lemma_ not in _HOST_VERBS or token.pos_ != "VERB":
            continue
        for child in token.children:
            if child.dep_ == "agent":  # "talks mediated by the African Union"
                out.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "nsubj":  # "X, who hosted the talks"; "with X chairing …"
                if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                    out.append(token.head)
                elif token.lemma_ not in _VENUE_VERBS:  # "Havana to host talks": a venue
                    out.append(child)
    return out


def _participants(cue: Token, resolver: HolderResolver, draft: _Draft) -> None:
    anchors: list[Token] = []
    verb = _verb_of(cue)
    if cue.pos_ != "VERB":
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in ("between", "with"):
                anchors.extend(c for c in child.children if c.dep_ == "pobj")

        for attend in (t for t in cue.sent if t.lemma_ == "attend"):
            # "the meeting, which was attended by Britain, China …"; the small parser often
            # hangs "attended by" on the main verb instead of the meeting noun
            for agent in (c for c in attend.children if c.dep_ == "agent"):
                anchors.extend(c for c in agent.children if c.dep_ == "pobj")
    for child in _with_subject(verb).children:
        if (child.dep_ in ("nsubj", "nsubjpass") and verb.lemma_ not in _VENUE_VERBS) or (
            child.dep_ == "dobj" and verb.lemma_ in _MEET_VERBS
        ):
            anchors.append(child)
        elif (
            child.dep_ == "prep"
            and child.lower_ in ("with", "between")
            and verb.lemma_ in _MEET_VERBS
        ):
            anchors.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "agent" and verb.lemma_ in _HOLD_VERBS:
            # "the ceremony was attended by X and Y"
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                anchors.append(obj)
    anchors.extend(_hosts(cue.sent))
    for anchor in anchors:
        if anchor.lower_ in _TALK_NOUNS:
            continue
        draft.add(resolver.resolve(anchor))


def _with_subject(verb: Token) -> Token:
    """The verb itself, or the verb its subject belongs to ("X failed to clinch a deal after
    talks": the subject of "clinch" is that of "failed")."""
    current = verb
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return current
        if current.dep_ not in ("xcomp", "conj", "advcl") or current.head is current:
            return verb
        current = current.head
    return verb


def _verb_of(cue: Token) -> Token:
    """The verb a talks noun depends on ("arrived … for peace talks" → arrived)."""
    current = cue
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def _anchors(cue: Token) -> set[int]:
    verb = _verb_of(cue)
    return {cue.i, verb.i} | {c.i for c in cue.children if c.pos_ in ("VERB", "AUX")}


def _place(sent: Span, facts: DocFacts, cue: Token) -> str | None:
    """A proper-noun place after "in"/"at" attached to the meeting words: "at the Shell Bay
    Club in Florida" → "Shell Bay Club, Florida"; "in the city of Jeddah" → "Jeddah"."""
    doc = sent.doc
    for index in sorted(_anchors(cue)):
        for prep in doc[index].children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.lower_ in ("city", "capital", "town", "resort", "port"):
                    inner = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
                    obj = (
                        next((c for c in inner[0].children if c.dep_ == "pobj"), obj)
                        if inner
                        else obj
                    )
                if obj.pos_ != "PROPN" or obj.i in facts.token_person:
                    continue
                if any(m.weight >= 2 and m.start <= obj.i < m.end for m in facts.party_mentions):
                    continue
                return _place_text(obj)
    return None


def _place_text(obj: Token) -> str:
    words = [
        t
        for t in obj.subtree
        if not t.is_space and (t.dep_ not in ("relcl", "det", "punct") or t.i == obj.i)
    ]
    text = " ".join(t.text for t in words if t.dep_ != "det")
    return text.replace(" in ", ", ").replace(" at ", ", ").strip()


def _date(sent: Span, cue: Token, published: dt.date | None, future: bool) -> dt.date | None:
    """A DATE entity attached to the meeting words ("opened … on Wednesday")."""
    anchors = _anchors(cue)
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        head = ent.root.head
        governor = head.head if head.dep_ == "prep" else head
        if ent.root.head.i in anchors or governor.i in anchors:
            resolved = resolve_date(ent.text, published, future=future)
            if resolved is not None:
                return resolved
    return None


def _duration(sent: Span) -> str | None:
    """How long the round lasted: "ran for more than four hours", "for three days"."""
    for ent in sent.ents:
        if (
            ent.label_ in ("TIME", "DATE")
            and ent.root.dep_ == "pobj"
            and ent.root.head.lower_ == "for"
        ):
            return ent.text
    return None


def find_meetings(doc: Doc, facts: DocFacts) -> list[Meeting]:
    resolver = HolderResolver(doc, facts)
    drafts: list[_Draft] = []
    for index, sent in enumerate(doc.sents):
        cue = _cue(sent)
        if cue is None:
            continue
        draft = _Draft(
            sentence=index, evidence=sent.text.strip(), span=(sent.start_char, sent.end_char)
        )
        _participants(cue, resolver, draft)
        draft.location = _place(sent, facts, cue)
        future = any(t.lower_ in _FUTURE for t in sent)
        draft.date = _date(sent, cue, facts.published, future)
        draft.duration = _duration(sent)
        if not draft.participants and not draft.location:
            continue
        previous = next((d for d in reversed(drafts) if _compatible(d, draft)), None)
        if previous is not None:
            for name in draft.participants:
                if name not in previous.participants:
                    previous.participants.append(name)
            previous.location = previous.location or draft.location
            previous.date = previous.date or draft.date
            previous.duration = previous.duration or draft.duration
            previous.sentence = index
        else:
            drafts.append(draft)
    drafts = _fold_small(drafts)
    return [
        Meeting(
            participants=d.participants,
            location=d.location,
            date=d.date,
            duration=d.duration,
            evidence=d.evidence,
            span=d.span,
        )
        for d in drafts
        if len(d.participants) >= 2
    ]


def _fold_small(drafts: list[_Draft]) -> list[_Draft]:
    """A mention naming fewer than two sides ("talks opened in Beijing") describes the round
    its neighbour names; its place narrows or widens the neighbour's ("…, Beijing")."""
    kept = [d for d in drafts if len(d.participants) >= 2]
    for small in (d for d in drafts if len(d.participants) < 2):
        if not kept:
            break
        target = min(kept, key=lambda d: abs(d.sentence - small.sentence))
        if small.date and target.date and small.date != target.date:
            continue
        for name in small.participants:
            if name not in target.participants:
                target.participants.append(name)
        target.date = target.date or small.date
        target.duration = target.duration or small.duration
        if small.location and target.location and small.location not in target.location:
            target.location = f"{target.location}, {small.location}"
        target.location = target.location or small.location
    return kept


def _compatible(a: _Draft, b: _Draft) -> bool:
    """Same meeting: close by (or the same named sides), no conflicting place or day."""
    near = b.sentence - a.sentence <= 3
    same_sides = bool(a.participants) and set(a.participants) & set(b.participants)
    if not (near or same_sides):
        return False
    if a.location and b.location and a.location != b.location:
        return False
    return not (a.date and b.date and a.date != b.date)
