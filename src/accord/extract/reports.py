"""Attributions (who the article says reported something) and explicit issue-status cues."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.extract.facts import DocFacts
from accord.extract.resources import words
from accord.schema import StatusCue, StatusValue

__all__ = ["find_sources", "find_status"]

_REPORT_VERBS = words("report_verbs")
_SOURCE_NOUNS = words("source_nouns")
_OFFICIAL_NOUNS = words("official_nouns")
_STATUS: tuple[tuple[frozenset[str], StatusValue], ...] = (
    (words("status_unresolved"), "unresolved"),
    (words("status_deadlocked"), "deadlocked"),
    (words("status_collapsed"), "collapsed"),
    (words("status_progress"), "progress"),
)


def _phrase(token: Token) -> str:
    tokens = [t for t in token.subtree if t.dep_ not in ("relcl", "punct") or t.i == token.i]
    cut = [
        t
        for t in tokens
        if not any(a.dep_ == "relcl" for a in t.ancestors if a.i in {x.i for x in token.subtree})
    ]
    words = cut or tokens
    text = token.doc[words[0].i : words[-1].i + 1].text.strip(" ,")
    return text[4:] if text.startswith(("the ", "The ")) else text


def _source_of(token: Token, facts: DocFacts) -> str | None:
    if token.i in facts.token_person:
        return None
    ent = token.ent_type_
    lemma = token.lemma_.lower()
    if lemma in _SOURCE_NOUNS or token.lower_ in _SOURCE_NOUNS:
        return _phrase(token)
    if lemma in _OFFICIAL_NOUNS and any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "two", "three", "several", "some")
        for c in token.children
    ):
        return _phrase(token)
    if ent == "ORG" and token.i not in facts.token_party:
        return _phrase(token)
    return None


def find_sources(doc: Doc, facts: DocFacts) -> dict[int, str]:
    """Sources per sentence index; also fills ``facts.sources`` in order of appearance."""
    by_sentence: dict[int, str] = {}
    for index, sent in enumerate(doc.sents):
        for token in sent:
            source: str | None = None
            if token.lemma_.lower() in _REPORT_VERBS and token.pos_ == "VERB":
                for child in token.children:
                    if child.dep_ == "nsubj":
                        source = _source_of(child, facts)
            elif token.lower_ == "according" and token.i + 1 < len(doc):
                nxt = doc[token.i + 1]
                for child in nxt.children:
                    if child.dep_ == "pobj":
                        source = _phrase(child)
            if (source and index > 0) or (source and index == 0 and not _is_title(sent)):
                by_sentence.setdefault(index, source)
                if source.lower() not in {s.lower() for s in facts.sources}:
                    facts.sources.append(source)
    return by_sentence


def _is_title(sent: Span) -> bool:
    return "\n\n" in sent[-1].text_with_ws or sent[-1].is_space


def _clause_of(token: Token) -> Span:
    """The clause around a cue word: its nearest verb (or the sentence root) and subtree."""
    current = token
    while current.pos_ not in ("VERB", "AUX") and current.head is not current:
        current = current.head
    return current.doc[current.left_edge.i : current.right_edge.i + 1]


def _place_subject(clause: Span, facts: DocFacts) -> list[str]:
    """ "The status of Badme remains unresolved": a cue whose subject is a named place that is
    no party ("Badme", "the future of Abyei") is about who controls it, i.e. territory."""
    for token in clause:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        named = [token] + [
            obj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        if any(
            word.pos_ == "PROPN"
            and word.i not in facts.token_person
            and word.i not in facts.token_party
            for word in named
        ):
            return ["territory"]
    return []


def _cue(sent: Span) -> tuple[Token, StatusValue] | None:
    for token in sent:
        forms = {token.lemma_.lower(), token.lower_}
        for cue_words, value in _STATUS:
            if forms & cue_words:
                return token, value
    return None


def find_status(doc: Doc, facts: DocFacts) -> list[StatusCue]:
    """Explicit status words ("remains unresolved", "deadlock", "progress") and the issues
    named in their clause; a negated clause ("no progress") is skipped."""
    cues: list[StatusCue] = []
    seen: set[str] = set()
    for sent in doc.sents:
        found = _cue(sent)
        if found is None:
            continue
        token, status = found
        clause = _clause_of(token)
        if any(t.dep_ == "neg" for t in clause) or any(c.lower_ == "no" for c in token.children):
            continue
        issues = [
            h.issue for h in facts.issue_hits if not h.weak and clause.start <= h.start < clause.end
        ] or _place_subject(clause, facts)
        for issue in issues:
            if issue in seen:
                continue
            seen.add(issue)
            cues.append(
                StatusCue(
                    issue=issue,
                    status=status,
                    evidence=sent.text.strip(),
                    span=(sent.start_char, sent.end_char),
                )
            )
    return cues
