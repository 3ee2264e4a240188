"""Issue terms found in a Doc, from the taxonomy lexicon (``issues.yaml``).

Terms are written as lemmas and compared with each token's lemma and its lower-cased
form, so "guarantees", "assurances" and "cease-fire" match without inflection tables.
A term inside a longer term of another issue yields to it ("withdrawal from" → territory
wins over "withdrawal"), which is how the domain mappings of the corpus are honoured.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from accord.extract import resources
from accord.extract.facts import IssueHit
from accord.extract.resources import issues

__all__ = ["IssueMatcher"]


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


class IssueMatcher:
    def __init__(self, nlp: Language) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._weak: set[tuple[tuple[str, ...], str]] = set()
        for entry in issues():
            for term in entry.terms:
                words = tuple(t.lower_ for t in nlp.make_doc(term))
                self._index.setdefault(words[0], []).append((words, entry.id))
                if term in entry.weak:
                    self._weak.add((words, entry.id))
        for options in self._index.values():
            options.sort(key=lambda item: -len(item[0]))

    def __call__(self, doc: Doc, states: frozenset[int] = frozenset()) -> list[IssueHit]:
        """Issue hits; ``states`` are tokens naming a party outright (not a capital), from
        which a withdrawal is a matter of foreign troops, not of territory."""
        hits: list[IssueHit] = []
        taken_until = -1
        for token in doc:
            if token.i < taken_until:
                continue
            best: tuple[int, str, bool] | None = None
            for form in _forms(token):
                for words, issue in self._index.get(form, ()):
                    end = token.i + len(words)
                    if end > len(doc):
                        continue
                    if all(w in _forms(doc[token.i + k]) for k, w in enumerate(words)) and (
                        best is None or end > best[0]
                    ):
                        best = (end, issue, (words, issue) in self._weak)
            if best is not None:
                hits.append(IssueHit(token.i, best[0], best[1], best[2]))
                taken_until = best[0]
        hits = _withdrawals_from_places(doc, _yield_to_phrase_heads(doc, hits), states)
        return _released_people(doc, _yield_to_locative_heads(doc, hits))


def _yield_to_phrase_heads(doc: Doc, hits: list[IssueHit]) -> list[IssueHit]:
    """A modifier yields to the multi-word term it modifies: in "troop withdrawal from the
    region" the territory phrase decides, not "troop" (military)."""
    phrase_heads = {i: h for h in hits if h.end - h.start > 1 for i in range(h.start, h.end)}
    kept: list[IssueHit] = []
    for hit in hits:
        word = doc[hit.start]
        owner = phrase_heads.get(word.head.i)
        modifier = word.dep_ in ("compound", "amod", "nmod") and not any(
            c.dep_ == "conj"
            for c in word.children  # "economic and security guarantees"
        )
        if owner is not None and owner is not hit and owner.issue != hit.issue and modifier:
            continue
        kept.append(hit)
    return kept


_WITHDRAW = resources.words("withdrawal_words")
_LOCATIVE = resources.words("locative_preps")
_CAPTIVES = resources.words("captive_people")
_RELEASE_VERBS = resources.words("release_verbs")


def _from_place(token: Token, states: frozenset[int]) -> bool:
    """ "withdraw its troops from Juba", "withdrawal of forces from the Gaza Strip" (but not
    "from Angola": foreign troops leaving a state)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "to"):
            return not any(c.dep_ == "pobj" and c.i in states for c in child.children)
        if (
            child.dep_ in ("dobj", "pobj", "prep")
            and child.i > token.i
            and _from_place(child, states)
        ):
            return True
    return False


def _withdraws(token: Token) -> bool:
    """ "withdraw", "pullout", and phrasal verbs with their particle ("pull back its troops")."""
    lemma = token.lemma_.lower()
    return lemma in _WITHDRAW or any(
        (c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == token.i + 1))
        and f"{lemma} {c.lower_}" in _WITHDRAW
        for c in token.children
    )


def _withdrawals_from_places(
    doc: Doc, hits: list[IssueHit], states: frozenset[int]
) -> list[IssueHit]:
    """Withdrawing forces *from an area* is territory, per the corpus mapping, even when the
    words are apart; the forces withdrawn then name no issue of their own."""
    added: list[IssueHit] = []
    moved: set[int] = set()
    for token in doc:
        if not _withdraws(token) or not _from_place(token, states):
            continue
        if not any(h.start == token.i and h.issue == "territory" for h in hits):
            added.append(IssueHit(token.i, token.i + 1, "territory"))
        moved.update(t.i for t in token.subtree)
    if not added and not moved:
        return hits
    kept = [h for h in hits if not (h.issue == "military" and h.start in moved)]
    return sorted(kept + added, key=lambda h: h.start)


def _released_people(doc: Doc, hits: list[IssueHit]) -> list[IssueHit]:
    """Soldiers or fighters who are freed, handed over or exchanged are prisoners
    (humanitarian), not a matter of forces ("will free four fighters captured in the war")."""
    out: list[IssueHit] = []
    for hit in hits:
        word = doc[hit.start]
        if hit.issue == "military" and word.lemma_.lower() in _CAPTIVES and _released(word):
            hit = IssueHit(hit.start, hit.end, "humanitarian", hit.weak)
        out.append(hit)
    return out


def _released(word: Token) -> bool:
    """The noun is what a release verb frees, directly or through a list, an apposition or
    "the remains of" / "in exchange for"."""
    current = word
    for _ in range(5):
        head = current.head
        if current.dep_ in ("dobj", "nsubjpass", "prep") and head.lemma_.lower() in _RELEASE_VERBS:
            return True
        if current.dep_ not in ("conj", "appos", "pobj", "prep") or head is current:
            return False
        current = head
    return False


def _yield_to_locative_heads(doc: Doc, hits: list[IssueHit]) -> list[IssueHit]:
    """ "a ceasefire along the whole frontier", "talks in a town near the border": a place
    phrase locates something and names no issue of its own ("at" only when it locates
    another issue: "agreed at the border" may be about the border)."""
    by_token = {doc[h.start].i: h for h in hits}
    kept: list[IssueHit] = []
    for hit in hits:
        word = doc[hit.start]
        prep = word.head.head if word.dep_ == "compound" else word.head
        if prep.dep_ == "prep" and prep.lower_ in _LOCATIVE:
            owner = by_token.get(prep.head.i)
            if prep.lower_ != "at" or (owner is not None and owner is not hit and not owner.weak):
                continue
        kept.append(hit)
    return kept
