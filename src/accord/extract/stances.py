"""Stances: every verb (and stance noun) of every sentence, not only the root.

For a trigger verb the holder is its subject (climbing xcomp/conj/advcl); a clause under a
speech or demand verb belongs to the outer speaker: with an obligation modal ("Russia
maintains that Ukraine must abandon …") it is the speaker's *demand*, a self-commitment
("it would establish …") keeps its own type, anything else is only reported. Issues are read
per clause (the trigger's subtree minus its subject and minus coordinated or embedded
clauses with triggers of their own), so a coordinated list gives one stance per issue.
Negation flips the type; "only if / unless / in exchange for / before …" makes the issues of
the linked clause a *condition*.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract.facts import DocFacts
from accord.extract.gazetteer import TALK_NOUNS
from accord.extract.holders import Holder, HolderResolver
from accord.extract.resources import Lexicon
from accord.schema import Stance, StanceType

__all__ = ["find_stances"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep")
_FLIP: dict[str, StanceType | None] = {
    "accept": "reject",
    "support": "oppose",
    "offer": "reject",
    "demand": None,
    "reject": "accept",
    "oppose": "support",
    "condition": None,
}
_MARKS = frozenset(("if", "unless", "once", "before", "until", "provided", "providing", "when"))
_PREP_CONDITIONS = (("in", "exchange", "for"), ("in", "return", "for"), ("on", "condition"))
_CLAUSE_DEPS = ("ccomp", "conj", "advcl", "xcomp", "relcl", "parataxis")


@dataclass
class _Trigger:
    token: Token
    type: StanceType
    noun: bool = False


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrasal(token: Token, lex: Lexicon) -> tuple[str, ...] | None:
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.i == token.i + 1 or child.dep_ == "prt":
            types = lex.phrasal.get(f"{_lemma(token)} {child.lower_}")
            if types:
                return types
    return None


def _triggers(sent: Span, lex: Lexicon) -> list[_Trigger]:
    out: list[_Trigger] = []
    for token in sent:
        lemma = _lemma(token)
        if token.pos_ in ("VERB", "ADJ", "AUX") and (token.pos_ != "AUX" or lemma in lex.verbs):
            types = _phrasal(token, lex) or lex.verbs.get(lemma)
            if types:
                out.append(_Trigger(token, types[0]))  # type: ignore[arg-type]
        elif token.pos_ == "NOUN" and lemma in lex.nouns:
            if any(c.dep_ == "poss" for c in token.children):
                out.append(_Trigger(token, lex.nouns[lemma][0], noun=True))  # type: ignore[arg-type]
    return out


def _subject(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if current.dep_ in _CLIMB and current.head is not current:
            current = current.head
        elif current.dep_ == "relcl":
            return current.head
        else:
            return None
    return None


def _passive_agent(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    head = token.head
    return token.dep_ in ("xcomp", "acomp") and any(c.dep_ == "neg" for c in head.children)


def _modal(token: Token, words: frozenset[str]) -> bool:
    current = token
    for _ in range(3):
        for child in current.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in words:
                return True
            if child.lower_ in words and child.dep_ in ("xcomp", "advmod"):
                return True
        if current.lemma_ in ("need", "have") and any(c.dep_ == "xcomp" for c in current.children):
            return "need" in words or "have to" in words
        if current.dep_ in ("conj", "xcomp") and current.head is not current:
            current = current.head
        else:
            break
    return False


def _outer_speaker(token: Token, lex: Lexicon) -> Token | None:
    """The speech/demand verb whose complement clause contains ``token``, if any."""
    current = token
    for _ in range(6):
        if current.dep_ in ("ccomp", "parataxis") and _lemma(current.head) in lex.speech:
            return current.head
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current:
            current = current.head
            continue
        if current.dep_ == "ROOT":
            # "…, Turkey's president said Friday": the reporting verb is a child of the clause
            for child in current.children:
                if child.dep_ in ("parataxis", "ccomp") and _lemma(child) in lex.speech:
                    if any(c.dep_ in _SUBJECTS for c in child.children):
                        return child
        return None
    return None


def _clause_scope(token: Token, skip_heads: set[int]) -> list[Token]:
    """The trigger's own clause: its subtree minus subjects and clauses with own triggers."""
    excluded: set[int] = set()
    for child in token.children:
        if child.dep_ in _SUBJECTS or child.dep_ == "poss":
            excluded.update(t.i for t in child.subtree)
        elif child.dep_ in _CLAUSE_DEPS and child.i in skip_heads:
            excluded.update(t.i for t in child.subtree)
    scope = [t for t in token.subtree if t.i not in excluded]
    if token.dep_ == "relcl":
        scope.extend(t for t in token.head.subtree if t.i not in {s.i for s in token.subtree})
    return scope


def _condition_split(token: Token, scope: list[Token]) -> tuple[set[int], str | None]:
    """Token ids of the linked condition clause within the scope, and its text."""
    ids = {t.i for t in scope}
    for t in scope:
        lower = t.lower_
        clause: Token | None = None
        if lower in _MARKS and t.dep_ in ("mark", "advmod", "prep"):
            if t.i > 0 and t.doc[t.i - 1].lower_ == "even":
                continue
            clause = t.head if t.dep_ == "mark" or t.dep_ == "advmod" else t
        elif lower == "as" and t.i + 2 < len(t.doc) and t.doc[t.i + 1].lower_ == "long":
            clause = t.head if t.head.pos_ in ("VERB", "AUX") else t
        else:
            for words in _PREP_CONDITIONS:
                window = tuple(x.lower_ for x in t.doc[t.i : t.i + len(words)])
                if window == words:
                    clause = t
        if clause is not None and clause.i != token.i:
            sub = [x for x in clause.subtree if x.i in ids]
            if sub:
                text = t.doc[min(x.i for x in sub) : max(x.i for x in sub) + 1].text
                start = min(t.i, min(x.i for x in sub))
                return {x.i for x in sub} | {t.i} | set(range(start, t.i)), text
    return set(), None


def _issues_in(ids: set[int], facts: DocFacts) -> list[str]:
    found: list[str] = []
    for hit in facts.issue_hits:
        if hit.start in ids and hit.issue not in found:
            found.append(hit.issue)
    return found


def find_stances(
    doc: Doc, facts: DocFacts, lex: Lexicon, attribution: dict[int, str], extractor: str
) -> list[Stance]:
    resolver = HolderResolver(doc, facts)
    stances: list[Stance] = []
    seen: set[tuple[str, str, str, int]] = set()
    for sent_index, sent in enumerate(doc.sents):
        triggers = _triggers(sent, lex)
        heads = {t.token.i for t in triggers}
        speaker = _sentence_speaker(sent, lex, resolver)
        for trig in triggers:
            token = trig.token
            stance_type: StanceType | None = trig.type
            lemma = _lemma(token)
            if not trig.noun and lemma in lex.report_only:
                continue
            if not trig.noun and token.dep_ == "xcomp" and token.head.i in heads:
                continue  # "unwilling to endorse", "agreed to abandon": the outer verb decides
            if trig.noun:
                owner = next(c for c in token.children if c.dep_ == "poss")
                holder = resolver.resolve(owner, speaker)
                outer_holder = None
            else:
                subject = _subject(token)
                if subject is not None and subject.lemma_.lower() in TALK_NOUNS:
                    holder = Holder(parties=list(resolver.pair))
                else:
                    holder = resolver.resolve(subject, speaker) if subject is not None else Holder()
                outer = _outer_speaker(token, lex)
                outer_holder = None
                if outer is not None and outer.i != token.i:
                    outer_subject = _subject(outer)
                    if outer_subject is not None:
                        outer_holder = resolver.resolve(outer_subject, speaker)
            if outer_holder is not None and outer_holder.parties:
                same = not holder.parties or set(holder.parties) <= set(outer_holder.parties)
                if not same:
                    if _modal(token, lex.obligation) or stance_type == "demand":
                        stance_type = "demand"
                    else:
                        continue
                holder = outer_holder
            if not holder.parties:
                continue
            negated = _negated(token)
            if negated:
                stance_type = "offer" if lemma in lex.double_negation else _FLIP[stance_type]
                if stance_type is None:
                    continue
            scope = _clause_scope(token, heads - {token.i})
            cond_ids, cond_text = _condition_split(token, scope)
            main_ids = {t.i for t in scope} - cond_ids
            main_issues = _issues_in(main_ids, facts)
            cond_issues = _issues_in(cond_ids, facts)
            pairs: list[tuple[str, StanceType]] = []
            if cond_text is not None:
                if cond_issues:
                    pairs += [(i, stance_type) for i in main_issues if i not in cond_issues]
                    pairs += [(i, "condition") for i in cond_issues]
                else:
                    pairs += [(i, "condition") for i in main_issues]
            else:
                pairs += [(i, stance_type) for i in main_issues]
            evidence_span = (sent.start_char, sent.end_char)
            evidence = doc.text[evidence_span[0] : evidence_span[1]].strip()
            for party in holder.parties:
                for issue, kind in pairs:
                    key = (party, issue, kind, sent_index)
                    if key in seen:
                        continue
                    seen.add(key)
                    stances.append(
                        Stance(
                            party=party,
                            issue=issue,
                            type=kind,
                            evidence=evidence,
                            holder=holder.person or party,
                            negated=negated,
                            condition=cond_text if kind == "condition" else None,
                            attribution=attribution.get(sent_index),
                            span=evidence_span,
                            extractor=extractor,
                        )
                    )
    return stances


def _sentence_speaker(sent: Span, lex: Lexicon, resolver: HolderResolver) -> Holder | None:
    """Who speaks in a sentence with a reporting verb: "we" in a quote refers to them."""
    for token in sent:
        if _lemma(token) in lex.speech and token.pos_ == "VERB":
            subject = _subject(token)
            if subject is not None and subject.pos_ != "PRON" or (
                subject is not None and subject.lower_ in ("he", "she")
            ):
                holder = resolver.resolve(subject)
                if holder.parties:
                    return holder
    return None
