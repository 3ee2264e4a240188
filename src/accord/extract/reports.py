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
    return "\n\n" in sent.doc.text[sent.start_char : sent.end_char + 2]


def find_status(doc: Doc, facts: DocFacts) -> list[StatusCue]:
    cues: list[StatusCue] = []
    seen: set[str] = set()
    for sent in doc.sents:
        words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        negated = any(t.dep_ == "neg" for t in sent)
        status: StatusValue | None = None
        for cue_words, value in _STATUS:
            if words & cue_words:
                status = value
                break
        if status is None or (negated and status == "progress"):
            continue
        for hit in facts.issue_hits:
            if (
                sent.start <= hit.start < sent.end
                and hit.issue != "process"
                and hit.issue not in seen
            ):
                seen.add(hit.issue)
                cues.append(
                    StatusCue(
                        issue=hit.issue,
                        status=status,
                        evidence=sent.text.strip(),
                        span=(sent.start_char, sent.end_char),
                    )
                )
    return cues
