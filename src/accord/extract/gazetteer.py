"""Party mentions: gazetteer look-up (exact, then fuzzy) and how strongly each acts as a party.

A country name, demonym or capital is only a *party* when the sentence makes it act
("Moscow says", "talks between Kiev and Washington", "Saudi Foreign Minister"); "talks in
Moscow" or "the Saudi Arabian city of Jeddah" are places. :func:`party_weight` scores that
from the dependency parse so that the party list keeps precision.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.extract.facts import MentionForm
from accord.extract.resources import PartyEntry, parties, words

__all__ = ["AGENT_NOUNS", "TALK_NOUNS", "PartyGazetteer", "party_weight", "runs_the_talks"]

#: Nouns for people or bodies acting for a party: a demonym or name modifying them is a party.
AGENT_NOUNS = words("agent_nouns")
#: Nouns for the talks themselves: "Colombia-FARC talks", "the Russia-Ukraine deal".
TALK_NOUNS = words("talk_nouns")
#: Place names that contain a party's name but are not that party.
_BLOCK = (
    "Secretary of State for",  # a British office, unlike the US "Secretary of State"
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "South American",  # a continent's demonym, not the United States'
    "Latin American",
    "North American",
    "Central American",
    "Irish Sea",
    "Korea Peninsula",
    "Korean Peninsula",
    "New Mexico",
    "West Bank",
    "Gaza Strip",
    "American Samoa",
)
_FUZZY_LABELS = frozenset({"GPE", "ORG", "NORP"})
_MEDIATION = words("mediation_verbs")


@dataclass(frozen=True)
class _Form:
    entry: PartyEntry | None
    form: MentionForm


def _plural(word: str) -> str | None:
    if word.endswith(("s", "sh", "ch", "ese", "i")) or " " in word:
        return None
    return word + "s"


class PartyGazetteer:
    """Finds party mentions in a Doc; built once per pipeline from the shipped tables."""

    def __init__(self, nlp: Language) -> None:
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._forms: dict[int, _Form] = {}
        self._fuzzy: dict[str, PartyEntry] = {}
        self._order = {entry.name: index for index, entry in enumerate(parties())}
        for entry in parties():
            for name in entry.names:
                self._add(nlp, name, _Form(entry, "name"))
                if len(name) >= 5:
                    self._fuzzy[name] = entry
            for demonym in entry.demonyms:
                self._add(nlp, demonym, _Form(entry, "demonym"))
                plural = _plural(demonym)
                if plural:
                    self._add(nlp, plural, _Form(entry, "name"))
            for metonym in entry.metonyms:
                self._add(nlp, metonym, _Form(entry, "metonym"))
        for phrase in _BLOCK:
            self._add(nlp, phrase, _Form(None, "name"))

    def _add(self, nlp: Language, phrase: str, form: _Form) -> None:
        key = f"{form.entry.name if form.entry else '-'}|{form.form}|{phrase}"
        match_id = nlp.vocab.strings.add(key)
        self._forms[match_id] = form
        acronym = phrase.replace(".", "").isupper() and len(phrase) <= 6
        matcher = self._exact if acronym else self._lower
        matcher.add(key, [nlp.make_doc(phrase)])

    def find(self, doc: Doc) -> list[tuple[Span, PartyEntry, MentionForm]]:
        """Longest non-overlapping gazetteer matches, then fuzzy matches on NER entities."""
        spans: list[Span] = []
        for matcher in (self._exact, self._lower):
            for match_id, start, end in matcher(doc):
                if matcher is self._lower and not doc[start].text[:1].isupper():
                    continue
                spans.append(Span(doc, start, end, label=match_id))
        kept = filter_spans(spans)
        named = {
            form.entry.name
            for span in kept
            if (form := self._forms[span.label]).entry is not None and form.form != "metonym"
        }
        found: list[tuple[Span, PartyEntry, MentionForm]] = []
        for span in kept:
            form = self._choose(span, spans, named)
            if form.entry is not None:
                found.append((span, form.entry, form.form))
        covered = {i for span in kept for i in range(span.start, span.end)}
        for ent in doc.ents:
            if ent.label_ not in _FUZZY_LABELS or len(ent.text) < 5:
                continue
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            best = process.extractOne(
                ent.text, list(self._fuzzy), scorer=fuzz.ratio, score_cutoff=90
            )
            if best is not None:
                found.append((ent, self._fuzzy[best[0]], "name"))
        found.sort(key=lambda item: item[0].start)
        return found

    def _choose(self, span: Span, spans: list[Span], named: set[str]) -> _Form:
        """One phrase, several parties ("Hanoi": Vietnam or North Vietnam): the one the
        article names elsewhere, else the first listed (the present-day state)."""
        same = [self._forms[s.label] for s in spans if (s.start, s.end) == (span.start, span.end)]
        preferred = [f for f in same if f.entry is not None and f.entry.name in named]
        return min(preferred or same, key=self._rank)

    def _rank(self, form: _Form) -> int:
        return self._order.get(form.entry.name, -1) if form.entry is not None else -1


def _is_agent_noun(token: Token) -> bool:
    return token.lower_ in AGENT_NOUNS or token.lemma_.lower() in AGENT_NOUNS


def runs_the_talks(span: Span) -> bool:
    """A third party's role in the talks: "brokered by Sudan", "on behalf of IGAD", "with
    Norway and Cuba acting as guarantors" (once is enough to make it a party)."""
    head = span.root
    for _ in range(6):
        if head.dep_ not in ("conj", "appos") or head.head is head:
            break
        head = head.head
    prep = head.head
    if head.dep_ == "pobj" and prep.dep_ == "agent" and prep.head.lemma_ in _MEDIATION:
        return True
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "behalf":
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_ in ("act", "serve") for c in head.children)


def party_weight(span: Span, form: MentionForm) -> int:
    """2 = acts as a party (subject, possessor, modifier of an agent noun, "talks between");
    1 = weak (object, "with"); 0 = a place or a mere adjective."""
    head = span.root
    seen = 0
    while head.dep_ in ("conj", "appos") and head.head is not head and seen < 6:
        head = head.head
        seen += 1
    dep = head.dep_
    if dep in ("compound", "amod", "nmod", "npadvmod"):
        governor = head.head
        if _is_agent_noun(governor):
            return 2
        if governor.lower_ in TALK_NOUNS:
            return 2
        return 0
    if form == "demonym":
        return 2 if head.pos_ in ("NOUN", "PROPN") and dep in ("nsubj", "nsubjpass") else 0
    if dep in ("nsubj", "nsubjpass", "poss"):
        return 2
    if dep == "pobj":
        prep = head.head
        word = prep.lower_
        if word == "between" and prep.head.lower_ in TALK_NOUNS:
            return 2
        if word in ("by", "between"):
            return 1
        if word in ("from", "of") and _is_agent_noun(prep.head):
            return 2
        if word == "with" and (
            prep.head.lower_ in TALK_NOUNS or prep.head.lemma_ in ("meet", "negotiate", "talk")
        ):
            return 2
        if word in ("with", "on", "for"):
            return 1 if form != "metonym" else 0
        return 0
    if dep in ("dobj", "nsubj", "attr"):
        return 1
    if dep == "ROOT" and span.sent.start == 0:
        return 1
    return 0
