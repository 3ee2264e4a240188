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
        for entry in issues():
            for term in entry.terms:
                words = tuple(t.lower_ for t in nlp.make_doc(term))
                self._index.setdefault(words[0], []).append((words, entry.id))
        for options in self._index.values():
            options.sort(key=lambda item: -len(item[0]))

    def __call__(self, doc: Doc) -> list[IssueHit]:
        hits: list[IssueHit] = []
        taken_until = -1
        for token in doc:
            if token.i < taken_until:
                continue
            best: tuple[int, str] | None = None
            for form in _forms(token):
                for words, issue in self._index.get(form, ()):
                    end = token.i + len(words)
                    if end > len(doc):
                        continue
                    if all(w in _forms(doc[token.i + k]) for k, w in enumerate(words)) and (
                        best is None or end > best[0]
                    ):
                        best = (end, issue)
            if best is not None:
                hits.append(IssueHit(token.i, best[0], best[1]))
                taken_until = best[0]
        return hits
