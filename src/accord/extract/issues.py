"""Issue terms found in a Doc, from the taxonomy lexicon (``issues.yaml``).

Terms are written as lemmas and compared with each token's lemma and its lower-cased
form, so "guarantees", "assurances" and "cease-fire" match without inflection tables.
A term inside a longer term of another issue yields to it ("withdrawal from" → territory
wins over "withdrawal"), which is how the domain mappings of the corpus are honoured.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

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

    def __call__(self, doc: Doc) -> list[IssueHit]:
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
        return _yield_to_phrase_heads(doc, hits)


def _yield_to_phrase_heads(doc: Doc, hits: list[IssueHit]) -> list[IssueHit]:
    """A modifier yields to the multi-word term it modifies: in "troop withdrawal from the
    region" the territory phrase decides, not "troop" (military)."""
    phrase_heads = {h.start: h for h in hits if h.end - h.start > 1}
    kept: list[IssueHit] = []
    for hit in hits:
        head = doc[hit.start].head
        owner = phrase_heads.get(head.i)
        if owner is not None and owner is not hit and owner.issue != hit.issue:
            continue
        kept.append(hit)
    return kept
