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

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.extract.facts import DocFacts
from accord.extract.gazetteer import AGENT_NOUNS, TALK_NOUNS
from accord.extract.holders import Holder, HolderResolver
from accord.extract.resources import Lexicon, words
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
_CLAUSE_DEPS = ("ccomp", "conj", "advcl", "relcl", "parataxis")
#: "the talks would go on", "negotiators will meet": rounds and unnamed envoys commit no party
_MEETING_NOUNS = words("meeting_nouns")
#: Hostile acts: suspending or abandoning them concedes something, it refuses nothing
_HOSTILE_ACTS = words("hostile_acts")


@dataclass
class _Trigger:
    token: Token
    type: StanceType
    noun: bool = False
    obligation: bool = False
    commitment: bool = False
    #: a commitment whose subject is no party ("the talks would go on"): not the speaker's own
    unowned: bool = False


def _governor(token: Token, lex: Lexicon) -> Token:
    """The token's syntactic head, repairing one frequent parse error: in "X maintains that
    A must p, q and r" the small model attaches q and r to "maintains" instead of p."""
    head = token.head
    if (
        token.dep_ == "conj"
        and _lemma(head) in lex.speech
        and not any(c.dep_ in _SUBJECTS for c in token.children)
    ):
        for child in head.children:
            if child.dep_ == "ccomp" and child.i < token.i:
                return child
    return head


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrasal(token: Token, lex: Lexicon) -> tuple[str, ...] | None:
    for child in token.children:
        if (child.dep_ in ("prt", "prep") and child.i == token.i + 1) or child.dep_ == "prt":
            types = lex.phrasal.get(f"{_lemma(token)} {child.lower_}")
            if types:
                return types
    return None


def _triggers(sent: Span, lex: Lexicon) -> list[_Trigger]:
    out: list[_Trigger] = []
    for token in sent:
        lemma = _lemma(token)
        types: tuple[str, ...] | None = None
        if token.pos_ == "VERB":
            types = _phrasal(token, lex) or lex.verbs.get(lemma)
        elif token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT", "ccomp", "conj"):
            types = lex.adjectives.get(lemma)
            if types == ("support",) and any(
                c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children
            ):
                types = ("offer",)  # "ready to discuss self-rule": what the holder would do
        elif token.pos_ == "NOUN" and lemma in lex.nouns:
            if any(c.dep_ == "poss" for c in token.children):
                out.append(_Trigger(token, lex.nouns[lemma][0], noun=True))  # type: ignore[arg-type]
            continue
        if types:
            out.append(_Trigger(token, types[0]))  # type: ignore[arg-type]
        elif token.pos_ in ("VERB", "AUX") and _own_modal(token, lex.obligation):
            out.append(_Trigger(token, "demand", obligation=True))
        elif token.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ in lex.commitment for c in token.children
        ):
            out.append(_Trigger(token, "offer", commitment=True))
    return out


def _own_modal(token: Token, words: frozenset[str]) -> bool:
    """An obligation on this very verb: "must/should/ought to" or "need/have to" + verb."""
    for child in token.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in words:
            return True
    head = token.head
    return token.dep_ == "xcomp" and _lemma(head) in ("need", "have") and head.pos_ != "NOUN"


def _subject(token: Token, lex: Lexicon) -> Token | None:
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
            current = _governor(current, lex)
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


def _modal(token: Token, lex: Lexicon) -> bool:
    """An obligation on the verb or on the first verb of its coordination."""
    current = token
    for _ in range(4):
        if _own_modal(current, lex.obligation):
            return True
        if current.dep_ in ("conj", "xcomp") and current.head is not current:
            current = _governor(current, lex)
        else:
            break
    return False


def _outer_speaker(token: Token, lex: Lexicon) -> Token | None:
    """The speech/demand verb whose complement clause contains ``token``, if any."""
    current = token
    for _ in range(6):
        head = _governor(current, lex)
        if current.dep_ in ("ccomp", "parataxis") and _embeds(head, lex):
            return head
        if current.dep_ == "acl" and _reported_content(current):
            # "said in a statement … that X would …": the clause is what the speaker said
            verb = head.head.head if head.dep_ == "pobj" else head.head
            return verb if _embeds(verb, lex) else None
        if head.dep_ == "ccomp" and current.dep_ == "conj" and head is not current.head:
            current = head
            continue
        if current.dep_ in ("conj", "xcomp") and head is not current:
            current = head
            continue
        if current.dep_ == "ROOT":
            # "…, Turkey's president said Friday": the reporting verb is a child of the clause
            for child in current.children:
                if (
                    child.dep_ in ("parataxis", "ccomp")
                    and _lemma(child) in lex.speech
                    and any(c.dep_ in _SUBJECTS for c in child.children)
                ):
                    return child
        return None
    return None


def _reported_content(clause: Token) -> bool:
    """A "that" clause completing a statement noun ("a statement … that X would …")."""
    return clause.head.lemma_.lower() in _SPEECH_NOUNS and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )


_SPEECH_NOUNS = frozenset(
    ("statement", "announcement", "declaration", "interview", "letter", "communique", "speech")
)
_LINKED_MARKS = ("if", "when", "unless", "once", "until", "before", "provided", "providing")


def _hypothetical(token: Token) -> bool:
    """A clause that states a requirement or a circumstance ("until Y's troops withdraw",
    "if X fails"), not a stance of its own."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _LINKED_MARKS for c in token.children
    )


def _adjective_complement(token: Token, heads: set[int]) -> bool:
    if token.dep_ not in ("xcomp", "advcl"):
        return False
    return any(c.dep_ == "acomp" and c.i in heads for c in token.head.children)


def _embeds(token: Token, lex: Lexicon) -> bool:
    """Verbs whose complement clause is the subject's claim or demand ("said", "demanded")."""
    lemma = _lemma(token)
    return lemma in lex.speech or "demand" in lex.verbs.get(lemma, ())


def _clause_scope(token: Token, skip_heads: set[int]) -> list[Token]:
    """The trigger's own clause: its subtree minus subjects and clauses with own triggers."""
    excluded: set[int] = set()
    for child in token.children:
        if (
            child.dep_ in _SUBJECTS
            or child.dep_ == "poss"
            or (child.dep_ in _CLAUSE_DEPS and child.i in skip_heads and not _hypothetical(child))
        ):
            excluded.update(t.i for t in child.subtree)
    for inner in token.subtree:
        # "urged X to implement the deal and called for an inquiry": a coordinated clause
        # deeper down that holds its own stance is cut out too
        if inner.i != token.i and inner.dep_ == "conj" and inner.i in skip_heads:
            excluded.update(t.i for t in inner.subtree)
    scope = [t for t in token.subtree if t.i not in excluded]
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        for sibling in token.head.children:
            if sibling.dep_ in ("xcomp", "advcl") and any(
                c.lower_ == "to" for c in sibling.children
            ):
                scope.extend(sibling.subtree)
    if token.dep_ == "relcl":
        scope.extend(t for t in token.head.subtree if t.i not in {s.i for s in token.subtree})
    return scope


def _attached(marker: Token, token: Token, *, phrase: bool) -> bool:
    """The marker belongs to the trigger's clause, not to a clause nested deeper. Explicit
    phrases ("as long as", "in exchange for") may sit in the object's relative clause, where
    the small parser often attaches them."""
    governor = marker.head
    steps = 0
    blocked = ("acl", "ccomp", "pcomp") if phrase else ("relcl", "acl", "ccomp", "pcomp")
    while steps < 6 and governor.i != token.i:
        if governor.dep_ in blocked and governor.head.i != token.i:
            return False
        if governor.head is governor:
            return False
        governor = governor.head
        steps += 1
    return governor.i == token.i


def _condition_split(token: Token, scope: list[Token], lex: Lexicon) -> tuple[set[int], str | None]:
    """Token ids of the linked condition clause within the scope, and its text."""
    ids = {t.i for t in scope}
    sequenced = any(t.lower_ == "first" for t in scope)
    for t in scope:
        window = tuple(x.lower_ for x in t.doc[t.i : t.i + 4])
        phrase = next((p for p in lex.condition_phrases if window[: len(p)] == p), None)
        if t.i == token.i or not _attached(t, token, phrase=phrase is not None):
            continue
        clause: Token | None = None
        if t.lower_ == "then" and sequenced and t.dep_ == "advmod" and t.head.i != token.i:
            clause = t.head  # "A should first …, then B could be discussed"
        elif phrase is not None:
            last = t.doc[t.i + len(phrase) - 1]
            clause = (
                last.head if last.dep_ == "mark" else t
            )  # "as long as X does", "in exchange for X"
        elif t.lower_ in lex.condition_marks and t.dep_ in ("mark", "advmod", "prep"):
            if t.i > 0 and t.doc[t.i - 1].lower_ == "even":
                continue  # "even if" concedes, it does not condition
            if t.dep_ == "prep" and _deadline(t):
                continue  # "before the end of the year" is a date, not a requirement
            clause = t if t.dep_ == "prep" else t.head
        if clause is not None and clause.i != token.i:
            sub = [x for x in clause.subtree if x.i in ids]
            if sub:
                text = t.doc[min(x.i for x in sub) : max(x.i for x in sub) + 1].text
                start = min(t.i, min(x.i for x in sub))
                return {x.i for x in sub} | {t.i} | set(range(start, t.i)), text
    return set(), None


def _deadline(prep: Token) -> bool:
    """The preposition governs a time ("before the end of the year", "until March")."""
    return any(
        c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in _TIME_NOUNS)
        for c in prep.children
    )


_TIME_NOUNS = frozenset(("end", "deadline", "start", "beginning", "close", "time"))


def _issues_in(ids: set[int], facts: DocFacts) -> list[str]:
    """Issues named in the tokens; generic talk words only when nothing else is named."""
    hits = [h for h in facts.issue_hits if h.start in ids]
    strong = [h for h in hits if not h.weak]
    found: list[str] = []
    for hit in strong or hits:
        if hit.issue not in found:
            found.append(hit.issue)
    return found


@dataclass
class _Context:
    """What every trigger of one sentence shares."""

    doc: Doc
    facts: DocFacts
    lex: Lexicon
    resolver: HolderResolver
    heads: set[int]
    speaker: Holder | None
    owners: set[int] = field(default_factory=set)
    #: the latest earlier stances, for "X rejected the proposal" with no issue named
    previous: list[Stance] = field(default_factory=list)


def _skipped(trig: _Trigger, ctx: _Context) -> bool:
    token = trig.token
    if trig.noun:
        return False
    return (
        _lemma(token) in ctx.lex.report_only
        # "unwilling to endorse", "agreed to abandon": the outer verb decides
        or (token.dep_ in ("xcomp", "acomp") and token.head.i in ctx.heads)
        # "When the DPRK backs …": a condition, not a stance
        or _hypothetical(token)
        # "appeared more willing … to strike a deal": the adjective decides
        or _adjective_complement(token, ctx.heads)
        # "agreement must be reached on …": wanted, not yet accepted by anyone
        or (
            trig.type == "accept"
            and _own_modal(token, ctx.lex.obligation)
            and any(c.dep_ == "auxpass" for c in token.children)
        )
        # "signed an agreement under which X's troops will withdraw": the agreement's terms
        or _term_of_agreement(token)
        # "the EU is expected to give …": a forecast, not a demand
        or (_lemma(token) == "expect" and any(c.dep_ == "auxpass" for c in token.children))
        # "failed to agree on …", "ended without agreeing on …": no stance was taken
        or (token.dep_ == "xcomp" and _lemma(token.head) == "fail")
        or (token.dep_ == "pcomp" and token.head.lower_ == "without")
        # "declined to say whether …": no comment, not a refusal
        or any(c.dep_ == "xcomp" and _lemma(c) in ctx.lex.report_only for c in token.children)
        # "would keep pressing for …": the inner verb decides
        or (trig.commitment and any(c.dep_ == "xcomp" and c.i in ctx.heads for c in token.children))
    )


def _term_of_agreement(token: Token) -> bool:
    """The verb heads a relative clause of an agreement noun ("a deal under which …"): a
    term of what the signatories accepted, not a stance of the clause's subject."""
    return (
        token.dep_ == "relcl"
        and token.head.lower_ in TALK_NOUNS
        and any(c.dep_ == "prep" and c.lower_ in ("under", "by") for c in token.children)
    )


def _holder(trig: _Trigger, ctx: _Context) -> tuple[Holder, StanceType] | None:
    """Whose stance it is, after embedding under a speech verb; ``None`` if only reported."""
    token, kind = trig.token, trig.type
    if trig.noun:
        owner = next(c for c in token.children if c.dep_ == "poss")
        return ctx.resolver.resolve(owner, ctx.speaker), kind
    subject = _subject(token, ctx.lex)
    if subject is None:
        holder = Holder()
    elif subject.lemma_.lower() in TALK_NOUNS and kind == "accept":
        holder = Holder(parties=list(ctx.resolver.pair))  # "the talks reached a ceasefire"
    else:
        holder = ctx.resolver.resolve(subject, ctx.speaker)
        trig.unowned = (
            trig.commitment
            and not holder.parties
            and (subject.lower_ in _MEETING_NOUNS or subject.lower_ in AGENT_NOUNS)
        )
    outer = _outer_speaker(token, ctx.lex)
    outer_subject = _subject(outer, ctx.lex) if outer is not None and outer.i != token.i else None
    if outer is None or outer_subject is None:
        # a bare "X will do Y" is a forecast, not a commitment someone voiced
        return None if trig.commitment else (holder, kind)
    speaker = ctx.resolver.resolve(outer_subject, ctx.speaker)
    inner, outer_parties = set(holder.parties), set(speaker.parties)
    if not outer_parties or (inner and outer_parties < inner):
        return holder, kind  # a source reports it, or "X said both sides had agreed"
    if not inner and "demand" in ctx.lex.verbs.get(_lemma(outer), ()) and kind != "reject":
        # "demanded that war criminals be handed over": what is demanded, not offered
        return speaker, "demand"
    if not inner or inner <= outer_parties:
        return speaker, kind
    if _modal(token, ctx.lex) or "demand" in ctx.lex.verbs.get(_lemma(outer), ()):
        # "Russia maintains that Ukraine must abandon …": Russia's demand, aimed at Ukraine
        speaker.target = holder.parties[0]
        return speaker, "demand"
    # "the mediator said A and B agreed …": A's and B's own stance, reported by the speaker;
    # "X said Y would …" commits nobody
    return None if trig.commitment else (holder, kind)


def _target(trig: _Trigger, holder: Holder, ctx: _Context) -> str | None:
    """The party a stance is aimed at: an embedded subject ("… that Ukraine must …"), the
    object ("called on the army"), or the owner of what is rejected ("Russia's demands")."""
    if holder.target or trig.noun:
        return holder.target
    for child in trig.token.children:
        objects = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ in ("on", "to", "with"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
        for obj in objects:
            owners = [c for c in obj.children if c.dep_ == "poss"] or [obj]
            for owner in owners:
                for party in ctx.resolver.resolve(owner).parties:
                    if party not in holder.parties:
                        return party
    return None


def _anaphoric(token: Token, ctx: _Context, parties: list[str]) -> list[str]:
    """ "Israel rejected the demand": a definite stance noun as object refers back to the
    latest demand, offer or condition of another party (else the latest stance), so it takes
    that stance's issues."""
    for child in token.children:
        if (
            child.dep_ in ("dobj", "nsubjpass")
            and child.lemma_.lower() in _BACK_REFERENCES
            and any(c.lower_ in _DEFINITE for c in child.children)
            and not any(c.dep_ == "poss" for c in child.children)
        ):
            proposed = [
                s.issue
                for s in ctx.previous
                if s.type in ("demand", "offer", "condition") and s.party not in parties
            ]
            return list(dict.fromkeys(proposed or [s.issue for s in ctx.previous]))
    return []


def _polarity(token: Token, kind: StanceType, lex: Lexicon) -> tuple[StanceType | None, bool]:
    if not _negated(token):
        return kind, False
    following = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    lemma = _lemma(token)
    if lemma in lex.double_negation or f"{lemma} {following}" in lex.double_negation:
        return "offer", True  # "did not rule out"
    return _FLIP[kind], True


def _issue_pairs(
    trig: _Trigger, kind: StanceType, ctx: _Context, parties: list[str], *, negated: bool
) -> tuple[list[tuple[str, StanceType]], str | None]:
    token = trig.token
    scope = _clause_scope(token, ctx.owners - {token.i})
    subject = None if trig.noun else _subject(token, ctx.lex)
    if (
        subject is not None
        # "the bloc would sign …": an active subject commits; "an amnesty would be included"
        and not (trig.commitment and subject.dep_ == "nsubj")
        and subject.head.i == token.i
        and subject.pos_ != "PRON"
        and not ctx.resolver.resolve(subject).parties
    ):
        scope.extend(subject.subtree)  # "a few hundred troops should remain": what is wanted
    cond_ids, cond_text = _condition_split(token, scope, ctx.lex)
    main = _issues_in({t.i for t in scope} - cond_ids, ctx.facts) or _anaphoric(token, ctx, parties)
    if kind == "reject" and not negated and _leaves_the_talks(token):
        main = ["process"]  # "broke off the talks on missiles": the talks, not the missiles
    linked = _issues_in(cond_ids, ctx.facts)
    only = any(c.dep_ == "advmod" and c.lower_ == "only" for c in token.children)
    binding = cond_text is not None and (_binding(cond_text) or only)
    if trig.unowned:
        # "the ceasefire will collapse unless …" links; "the talks would go on until …" does not
        return ([(i, "condition") for i in (linked or main)], cond_text) if binding else ([], None)
    if cond_text is not None and negated:
        # "would not discuss X until Y" refuses nothing: it makes Y the price of X
        return [(i, "condition") for i in (linked or main)], cond_text
    if cond_text is None or (kind == "accept" and not binding):
        # what an agreement trades for, or its fallback ("agreed to X if Y fails"), is the
        # agreement itself; only "only if / unless / provided …" make an acceptance conditional
        return [(i, kind) for i in main], None
    pairs: list[tuple[str, StanceType]] = [(i, kind) for i in main if i not in linked]
    if linked:
        return pairs + [(i, "condition") for i in linked], cond_text
    return [(i, "condition") for i in main], cond_text


_BACK_REFERENCES = frozenset(
    (
        "demand",
        "proposal",
        "offer",
        "plan",
        "condition",
        "request",
        "call",
        "term",
        "idea",
        "ultimatum",
        "initiative",
        "precondition",
    )
)
_DEFINITE = frozenset(("the", "this", "that", "these", "those", "such", "both", "all"))
_BINDING = (
    "only if",
    "only after",
    "unless",
    "provided",
    "providing",
    "on condition",
    "as long as",
)


def _binding(condition: str) -> bool:
    return condition.lower().startswith(_BINDING) or " only if " in f" {condition.lower()}"


def _evidence(sent: Span) -> tuple[str, tuple[int, int]]:
    raw = sent.text  # Span.text, not Doc.text: the latter rebuilds the whole string
    start = sent.start_char + len(raw) - len(raw.lstrip())
    text = raw.strip()
    return text, (start, start + len(text))


def find_stances(
    doc: Doc, facts: DocFacts, lex: Lexicon, attribution: dict[int, str], extractor: str
) -> list[Stance]:
    resolver = HolderResolver(doc, facts)
    stances: list[Stance] = []
    seen: set[tuple[str, str, str, int]] = set()
    recent: tuple[int, list[Stance]] = (-10, [])  # sentence and the latest stances
    for sent_index, sent in enumerate(doc.sents):
        triggers = _triggers(sent, lex)
        ctx = _Context(
            doc,
            facts,
            lex,
            resolver,
            {t.token.i for t in triggers if not t.commitment},
            _sentence_speaker(sent, lex, resolver),
        )
        evidence, span = _evidence(sent)
        # a nested clause is cut out of its governor's scope only if it holds a stance itself
        held = [(t, None if _skipped(t, ctx) else _holder(t, ctx)) for t in triggers]
        ctx.owners = {
            t.token.i for t, found in held if found and found[0].parties and not t.commitment
        }
        ctx.previous = recent[1] if sent_index - recent[0] <= 2 else []
        before = len(stances)
        for trig, found in held:
            if found is None or not found[0].parties:
                continue
            holder, base = found
            kind, negated = _polarity(trig.token, base, lex)
            if kind is None:
                continue
            if kind == "reject" and not negated and _halts_hostilities(trig.token):
                kind = "offer"  # "the rebels will suspend kidnappings and attacks"
            if kind == "accept":
                for party in _cosigners(trig.token, ctx.resolver):
                    holder.add(party)
            pairs, condition = _issue_pairs(trig, kind, ctx, holder.parties, negated=negated)
            target = _target(trig, holder, ctx)
            for party in holder.parties:
                for issue, pair_kind in pairs:
                    key = (party, issue, pair_kind, sent_index)
                    if key in seen:
                        continue
                    seen.add(key)
                    stances.append(
                        Stance(
                            party=party,
                            issue=issue,
                            type=pair_kind,
                            evidence=evidence,
                            holder=holder.person or party,
                            target=target,
                            negated=negated,
                            condition=condition if pair_kind == "condition" else None,
                            attribution=attribution.get(sent_index),
                            span=span,
                            extractor=extractor,
                        )
                    )
        if len(stances) > before:
            recent = (sent_index, stances[before:])
    return stances


def _leaves_the_talks(token: Token) -> bool:
    """The refused object is the round of talks itself ("broke off the negotiations",
    "walked out of the talks"), not a proposal made in them."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    for prep in token.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in ("of", "out", "from"):
            objects.extend(c for c in prep.subtree if c.dep_ == "pobj")
    return any(o.lower_ in _MEETING_NOUNS for o in objects)


def _halts_hostilities(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "dobj":
            objects = [child, *(c for c in child.conjuncts)]
            return any(o.lemma_.lower() in _HOSTILE_ACTS for o in objects)
    return False


def _cosigners(token: Token, resolver: HolderResolver) -> list[str]:
    """ "signed agreements with Turkey and the UN": who an agreement is made with accepts it
    too."""
    out: list[str] = []
    places = [token, *(c for c in token.children if c.dep_ == "dobj")]
    for place in places:
        for prep in place.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        out.extend(resolver.resolve(obj).parties)
    return out


def _sentence_speaker(sent: Span, lex: Lexicon, resolver: HolderResolver) -> Holder | None:
    """Who speaks in a sentence with a reporting verb: "we" in a quote refers to them."""
    for token in sent:
        if _lemma(token) in lex.speech and token.pos_ == "VERB":
            subject = _subject(token, lex)
            if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in ("he", "she")):
                holder = resolver.resolve(subject)
                if holder.parties:
                    return holder
    return None
