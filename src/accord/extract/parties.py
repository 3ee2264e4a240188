"""Resolve party mentions of one Doc, applying the corpus naming conventions.

* In a civil conflict (an armed group fighting the state X acts in the text: named twice,
  or as subject/possessor), X's side is "<adjective> government".
* Generic nouns ("the government", "the army", "the rebels") resolve to the one party of
  that kind named elsewhere in the article; when there is none or several, they stay unresolved.
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.facts import DocFacts, PartyMention
from accord.extract.gazetteer import PartyGazetteer, party_weight, runs_the_talks
from accord.extract.resources import PartyEntry

__all__ = ["resolve_parties"]

_GENERIC: dict[str, tuple[str, ...]] = {
    "government": ("government",),
    "army": ("state_force",),
    "military": ("state_force",),
    "rebels": ("armed_group",),
    "rebel": ("armed_group",),
    "insurgents": ("armed_group",),
    "guerrillas": ("armed_group",),
    "militants": ("armed_group",),
    "militia": ("armed_group",),
}


def resolve_parties(doc: Doc, gazetteer: PartyGazetteer, facts: DocFacts) -> None:
    found = gazetteer.find(doc)
    acting: dict[str, list[int]] = {}
    for span, entry, form in found:
        if entry.kind in ("armed_group", "state_force") and entry.country:
            acting.setdefault(entry.name, []).append(party_weight(span, form))
    fought = {
        entry.country
        for _, entry, _ in found
        if entry.name in acting and (sum(acting[entry.name]) >= 3 or len(acting[entry.name]) >= 2)
    }
    kinds: dict[str, set[str]] = {}

    def name_of(entry: PartyEntry) -> str:
        if entry.kind == "state" and entry.country in fought:
            kinds.setdefault("government", set()).add(entry.government_name)
            return entry.government_name
        kinds.setdefault(entry.kind, set()).add(entry.name)
        return entry.name

    mentions = [
        PartyMention(
            span.start,
            span.end,
            name_of(entry),
            form,
            party_weight(span, form),
            runs_the_talks(span),
        )
        for span, entry, form in found
    ]
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for token in doc:
        if token.i in covered or token.pos_ not in ("NOUN", "ADJ", "PROPN"):
            continue
        wanted = _GENERIC.get(token.lower_)
        if not wanted:
            continue
        candidates = set().union(*(kinds.get(kind, set()) for kind in wanted))
        if len(candidates) == 1:
            span = doc[token.i : token.i + 1]
            mentions.append(
                PartyMention(
                    token.i,
                    token.i + 1,
                    next(iter(candidates)),
                    "generic",
                    party_weight(span, "name"),
                )
            )
    mentions.sort(key=lambda m: m.start)
    facts.party_mentions = mentions
    facts.token_party = {i: m.party for m in mentions for i in range(m.start, m.end)}
