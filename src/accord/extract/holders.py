"""Who a noun phrase stands for: parties and the person voicing them.

Used for subjects of stance verbs, possessors of stance nouns, meeting participants and
speakers of reported speech. Handles coordination ("Saudi Arabia and the US"), "the
governments of A, B and C", demonym + agent noun ("Israeli officials"), persons (their
party), pronouns (nearest preceding person or acting party; "we" in a quote → the speaker)
and "both sides" / "the two parties" (the two most active parties of the article).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from accord.extract.facts import DocFacts
from accord.extract.gazetteer import AGENT_NOUNS, TALK_NOUNS
from accord.extract.resources import words

__all__ = ["Holder", "HolderResolver"]

_PERSONAL = frozenset(["he", "she", "him", "his", "her"])
_GROUP = frozenset(["it", "its", "they", "them", "their"])
_FIRST = frozenset(["we", "us", "our", "i"])
_BOTH = frozenset(["sides", "parties", "both"])
#: Plural nouns that, counted ("the two delegations", "both countries", "the three leaders"),
#: stand for that many of the article's most active parties.
_COLLECTIVE = frozenset(words("collective_nouns"))
_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass
class Holder:
    parties: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    target: str | None = None

    @property
    def person(self) -> str | None:
        return self.people[0] if self.people else None

    def add_person(self, name: str) -> None:
        if name not in self.people:
            self.people.append(name)

    def add(self, party: str | None) -> None:
        if party and party not in self.parties:
            self.parties.append(party)


class HolderResolver:
    """Resolves noun phrases of one Doc to parties, using the facts found so far."""

    def __init__(self, doc: Doc, facts: DocFacts) -> None:
        self.doc = doc
        self.facts = facts
        weights: Counter[str] = Counter()
        for mention in facts.party_mentions:
            weights[mention.party] += mention.weight
        for person in facts.people:
            if person.party:
                weights[person.party] += len(person.mentions)
        self.ranked = [name for name, weight in weights.most_common() if weight > 0]
        self.pair = self.ranked[:2]

    def resolve(self, token: Token, speaker: Holder | None = None) -> Holder:
        holder = Holder()
        for item in self._conjuncts(token):
            self._resolve_one(item, holder, speaker, depth=0)
        return holder

    @staticmethod
    def _conjuncts(token: Token) -> list[Token]:
        out = [token]
        for child in token.children:
            # lists of names are often parsed as appositions: "the US, Russia, Britain and …"
            if child.dep_ == "conj" or (child.dep_ == "appos" and child.pos_ == "PROPN"):
                out.extend(HolderResolver._conjuncts(child))
        return out

    def _resolve_one(
        self, token: Token, holder: Holder, speaker: Holder | None, depth: int
    ) -> None:
        facts = self.facts
        if token.i in facts.token_person:
            person = facts.people[facts.token_person[token.i]]
            holder.add(person.party)
            holder.add_person(person.name)
            return
        if token.i in facts.token_party:
            holder.add(facts.token_party[token.i])
            return
        lower = token.lower_
        if token.pos_ == "PRON":
            self._pronoun(token, holder, speaker)
            return
        if (lower in _BOTH and any(c.lower_ in ("both", "two") for c in token.subtree)) or (
            lower == "both" and token.dep_ in ("nsubj", "nsubjpass")
        ):
            for party in self.pair:
                holder.add(party)
            return
        if depth > 2:
            return
        count = _collective_count(token)
        if count:
            before = len(holder.parties)
            self._modifiers(token, holder, speaker, depth)  # "the two Korean delegations"
            if len(holder.parties) == before:
                for party in self.ranked[:count]:
                    holder.add(party)
            return
        if lower in AGENT_NOUNS or token.lemma_.lower() in AGENT_NOUNS or lower in TALK_NOUNS:
            self._modifiers(token, holder, speaker, depth)

    def _modifiers(self, token: Token, holder: Holder, speaker: Holder | None, depth: int) -> None:
        """Parties named on an agent noun: "Israeli and Palestinian negotiators", "officials
        from Kenya", "Ukraine's delegation". A named person in apposition decides ("his
        British counterpart David Frost"), and "his counterpart" is the *other* side."""
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.facts.token_person:
                self._resolve_one(child, holder, speaker, depth + 1)
                return
        for child in token.children:
            if child.dep_ == "poss" and token.lemma_.lower() == "counterpart":
                continue
            if child.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                for item in self._conjuncts(child):
                    self._resolve_one(item, holder, speaker, depth + 1)
            elif child.dep_ == "prep" and child.lower_ in ("of", "from", "for"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for item in self._conjuncts(obj):
                            self._resolve_one(item, holder, speaker, depth + 1)

    def _pronoun(self, token: Token, holder: Holder, speaker: Holder | None) -> None:
        lower = token.lower_
        if lower in _FIRST and speaker is not None:
            for party in speaker.parties:
                holder.add(party)
            for name in speaker.people:
                holder.add_person(name)
            return
        if lower in _PERSONAL:
            for i in range(token.i - 1, max(-1, token.i - 120), -1):
                index = self.facts.token_person.get(i)
                if index is not None:
                    person = self.facts.people[index]
                    holder.add(person.party)
                    holder.add_person(person.name)
                    return
            return
        if lower in ("they", "them", "their"):
            for i in range(token.i - 1, max(-1, token.i - 60), -1):
                earlier = self.doc[i]
                if earlier.dep_ in ("nsubj", "nsubjpass") and earlier.pos_ != "PRON":
                    group = self.resolve(earlier)
                    if len(group.parties) >= 2:
                        for party in group.parties:
                            holder.add(party)
                        return
        if lower in _GROUP or lower in _FIRST:
            for mention in reversed(self.facts.party_mentions):
                if mention.start < token.i and mention.weight >= 2:
                    holder.add(mention.party)
                    return


def _collective_count(token: Token) -> int:
    """How many parties a collective noun phrase stands for: "the two delegations" → 2,
    "both countries" → 2, "the three leaders" → 3; "the parties" / "the sides" → 2."""
    if token.lemma_.lower() not in _COLLECTIVE and token.lower_ not in _COLLECTIVE:
        return 0
    if token.tag_ not in ("NNS", "NNPS"):
        return 0
    for child in token.children:
        if child.dep_ in ("nummod", "det", "predet", "quantmod", "amod"):
            count = _COUNTS.get(child.lower_)
            if count:
                return count
    if token.lower_ in ("sides", "parties") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return 2
    return 0
