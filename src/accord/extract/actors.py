"""Named people: who they are, what role the text gives them and which party they act for.

Names come from the NER, from capitalised words after a role noun ("security chief X",
which the small model often misses) and from the public-figure gazetteer. Later surname-only
mentions ("Umerov", "Mr Barnier") join the person first named in full. Affiliation is read,
in order of reliability, from the words just before the name ("US President", "the SPLA's"),
an apposition ("X, the Irish Foreign Minister"), a list head ("rebel delegates, including X"),
a passive agent ("the delegation was led by X"), the public-figure gazetteer (only for a
country the article names) and finally the one party acting in the person's sentence.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.extract.facts import DocFacts, Person
from accord.extract.resources import parties, people, words

__all__ = ["ROLE_NOUNS", "find_people", "normalise_name"]

ROLE_NOUNS = words("role_nouns")
_TITLES = words("name_titles")
_NAME_GLUE = words("name_particles")
_STOP = frozenset(("VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM"))
_SPEECH = words("report_verbs")
_MEDIATOR = frozenset(("mediator", "chair", "chairman", "facilitator", "moderator"))
#: Words that make the office before a name a past one ("former President X").
_PAST_OFFICE = frozenset(("former", "ex", "late", "onetime"))
_LOCATIVE = frozenset(("at", "on", "in", "inside", "near"))
_MOTION = frozenset(("around", "from", "to", "into", "across", "toward", "towards", "of", "under"))


def normalise_name(text: str) -> str:
    """Lower case, no diacritics, no punctuation: the key names are compared by."""
    folded = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in folded if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in letters.lower())
    return " ".join(cleaned.split())


def _clean(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in _TITLES
        or doc[start].lower_ in ROLE_NOUNS
        or not doc[start].text[:1].isalpha()
    ):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or not doc[end - 1].text[-1:].isalnum()):
        end -= 1
    if start >= end or not doc[start].text[:1].isupper():
        return None
    return doc[start:end]


def _after_role(doc: Doc, covered: set[int]) -> list[Span]:
    """Capitalised runs right after a role noun: "security chief Rustem Umerov"."""
    found: list[Span] = []
    for token in doc:
        if token.lower_ not in ROLE_NOUNS or token.i + 1 >= len(doc):
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end not in covered
            and (
                (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
                or (
                    doc[end].lower_ in _NAME_GLUE
                    and end + 1 < len(doc)
                    and doc[end + 1].pos_ == "PROPN"
                )
            )
        ):
            if doc[end].lower_ in ROLE_NOUNS:
                break
            end += 1
        last = doc[end - 1]
        if end > token.i + 1 and not (last.dep_ == "compound" and last.head.pos_ == "NOUN"):
            found.append(doc[token.i + 1 : end])
    return found


def _unlabelled_names(doc: Doc, covered: set[int]) -> list[Span]:
    """Two or more capitalised proper nouns that speak ("X Y told …") or are listed among
    people ("delegates, including X Y") although the NER gave them no PERSON label."""
    found: list[Span] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in covered or token.ent_type_ in ("GPE", "NORP"):
            continue
        speaks = token.dep_ == "nsubj" and token.head.lemma_ in ("say", "tell", "add")
        listed = token.dep_ == "pobj" and token.head.lower_ == "including"
        if not (speaks or listed):
            continue
        parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not parts or any(not t.text[:1].isupper() for t in [*parts, token]):
            continue
        found.append(doc[parts[0].i : token.i + 1])
    return found


def _candidate_spans(doc: Doc, facts: DocFacts) -> list[Span]:
    party_tokens = set(facts.token_party)
    table = people()
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" or (
            ent.label_ in ("ORG", "GPE", "NORP") and normalise_name(ent.text) in table
        ):
            spans.append(ent)
    spans.extend(_after_role(doc, party_tokens))
    spans.extend(_unlabelled_names(doc, party_tokens))
    cleaned: list[Span] = []
    for span in spans:
        clean = _clean(span)
        if clean is None or all(i in party_tokens for i in range(clean.start, clean.end)):
            continue
        root = clean.root
        outside = not clean.start <= root.head.i < clean.end
        if (
            root.dep_ == "compound"
            and outside
            and (root.head.pos_ == "NOUN" or root.head.lower_ in ROLE_NOUNS)
        ):
            continue  # "Brexit" in "Brexit Secretary", "EU" in "EU negotiator"
        if any(t.pos_ in _STOP or t.lower_ in ROLE_NOUNS for t in clean):
            continue
        if (
            root.dep_ == "pobj"
            and root.head.lower_ in _LOCATIVE
            and normalise_name(clean.text) not in table
        ):
            continue  # "said on Twitter", "held at Moldo": the NER's places and media
        if len(clean) == 1 and normalise_name(clean.text) not in table and _placelike(root):
            continue  # "displaced Azeris", "troops left Tigray": a people or a region
        cleaned.append(clean)
    return _join_split_names(filter_spans(cleaned))


def _placelike(token: Token) -> bool:
    """A lone capitalised word used as a plural people or as the object of a motion or
    relation preposition; a surname alone is rarely either."""
    return token.tag_ == "NNPS" or (token.dep_ == "pobj" and token.head.lower_ in _MOTION)


def _join_split_names(spans: list[Span]) -> list[Span]:
    """Join "Roelof F." + "(Pik) Botha": name parts separated only by initials/brackets."""
    out: list[Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            gap = span.doc[prev.end : span.start]
            if len(gap) <= 4 and all(
                (t.pos_ == "PROPN" and t.lower_ not in ROLE_NOUNS) or t.text in "().'\""
                for t in gap
            ):
                out[-1] = span.doc[prev.start : span.end]
                continue
        out.append(span)
    return out


def _window_left(span: Span) -> list[Token]:
    """Words just before a name that describe it, right to left, inside its noun phrase."""
    doc = span.doc
    out: list[Token] = []
    i = span.start - 1
    while i >= span.sent.start and len(out) < 9:
        token = doc[i]
        if (
            token.pos_ in ("PROPN", "NOUN", "ADJ")
            or token.tag_ == "POS"
            or token.lower_ == "of"
            or (token.text in ".-" and out)
        ):
            out.append(token)
        else:
            break
        i -= 1
    out.reverse()
    while out and (out[0].lower_ == "of" or out[0].tag_ == "POS"):
        out.pop(0)
    return out


def _described_by(span: Span) -> list[list[Token]]:
    """Token groups that describe the person, most reliable first."""
    window = _window_left(span)
    # "Former Nigerian President X, the AU's envoy": a past office yields to the apposition
    former = any(t.lower_ in _PAST_OFFICE for t in window)
    groups: list[list[Token]] = [] if former else [window]
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("including", "like"):
        noun = root.head.head
        groups.append([t for t in noun.subtree if t.i < root.head.i])
    for child in root.children:
        if child.dep_ == "appos":
            groups.append(list(child.subtree))
    if root.dep_ == "appos" or (root.dep_ == "conj" and root.head.lower_ in ROLE_NOUNS):
        # "the Northern Ireland Secretary, Sir Patrick Mayhew" (parsed as appos or conj)
        head = root.head
        groups.append(list(span.doc[head.left_edge.i : head.i + 1])[-12:])
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb = root.head.head
        groups.extend(list(c.subtree) for c in verb.children if c.dep_ == "nsubjpass")
    return [*groups, window] if former else groups


def _party_in(tokens: list[Token], facts: DocFacts, skip: set[int]) -> str | None:
    for token in tokens:
        if token.i in skip:
            continue
        if token.i in facts.token_person:
            person = facts.people[facts.token_person[token.i]]
            if person.party:
                return person.party
        party = facts.token_party.get(token.i)
        if party:
            return party
    return None


def _role_text(tokens: list[Token], skip: set[int]) -> str | None:
    words = [t.text for t in tokens if t.i not in skip and t.pos_ != "DET"]
    if not any(t.lower_ in ROLE_NOUNS or t.pos_ == "NOUN" for t in tokens):
        return None
    text = " ".join(words).replace(" ’s", "’s").replace(" 's", "'s").replace(" .", ".")
    return text.strip(" ,") or None


def _gazetteer_party(name: str, facts: DocFacts) -> str | None:
    code = people().get(normalise_name(name))
    if not code:
        return None
    known = {m.party for m in facts.party_mentions}
    for entry in parties():
        if entry.country == code and entry.kind == "state":
            for name in (entry.government_name, entry.name):
                if name in known:
                    return name
    return None


def find_people(doc: Doc, facts: DocFacts) -> None:
    spans = _candidate_spans(doc, facts)
    by_surname: dict[str, int] = {}
    persons: list[Person] = []
    token_person: dict[int, int] = {}
    for span in spans:
        key = normalise_name(span[-1].text)
        index = by_surname.get(key)
        if index is None:
            full_match = [
                i
                for i, p in enumerate(persons)
                if normalise_name(p.name).split()[-1:] == key.split()[-1:]
            ]
            index = full_match[0] if full_match else None
        if index is None:
            index = len(persons)
            persons.append(Person(name=span.text))
            by_surname[key] = index
            words = span.text.split()
            if len(words) == 2 and "-" in words[1]:
                # "Chung Won-shik" … "Chung": a hyphenated given name follows the family name
                by_surname.setdefault(normalise_name(words[0]), index)
        person = persons[index]
        if len(span.text) > len(person.name):
            person.name = span.text
        person.mentions.append((span.start, span.end))
        for i in range(span.start, span.end):
            token_person[i] = index
    # bare surnames the NER missed
    for token in doc:
        if token.i in token_person or token.pos_ != "PROPN" or token.i in facts.token_party:
            continue
        index = by_surname.get(normalise_name(token.text))
        if index is not None and len(persons[index].name.split()) > 1:
            persons[index].mentions.append((token.i, token.i + 1))
            token_person[token.i] = index
    facts.people = persons
    facts.token_person = token_person
    for _ in range(2):  # a second pass lets "X's envoy Y" use X's party found on the first
        for index, person in enumerate(persons):
            _describe(doc, facts, index, person)


def _describe(doc: Doc, facts: DocFacts, index: int, person: Person) -> None:
    own = {i for i, p in facts.token_person.items() if p == index}
    for start, end in sorted(person.mentions):
        span = doc[start:end]
        root = span.root
        if root.dep_ == "nsubj" and root.head.lemma_ in _SPEECH:
            person.speaks = True
        for group in _described_by(span):
            if person.party is None:
                person.party = _party_in(group, facts, own)
            if person.role is None:
                person.role = _role_text(group, own)
    if person.party is None:
        person.party = _relative_party(doc, facts, person, own)
    if person.party is None:
        person.party = _gazetteer_party(person.name, facts)
    if person.party is None:
        person.party = _context_party(doc, facts, person, own)
    if person.party is None and person.role and _MEDIATOR & set(person.role.lower().split()):
        person.party = "mediator"  # an independent chair or mediator (corpus convention)


def _relative_party(doc: Doc, facts: DocFacts, person: Person, own: set[int]) -> str | None:
    """ "Humberto Ortega, who led the government delegation": the party the relative clause
    names."""
    for start, end in person.mentions:
        for child in doc[start:end].root.children:
            if child.dep_ == "relcl":
                party = _party_in(list(child.subtree), facts, own)
                if party:
                    return party
    return None


def _context_party(doc: Doc, facts: DocFacts, person: Person, own: set[int]) -> str | None:
    """Last resort: a person coordinated with an affiliated person ("envoy X and adviser Y")
    or named in a sentence where exactly one party is named acting takes that party."""
    start, end = person.mentions[0]
    root = doc[start:end].root
    if root.dep_ == "conj" and root.head.i in facts.token_person:
        other = facts.people[facts.token_person[root.head.i]]
        if other.party:
            return other.party
    sent = doc[start].sent
    mentions = [m for m in facts.party_mentions if sent.start <= m.start < sent.end]
    # "X told his Chinese counterpart": the counterpart's party is the one X does not hold
    other_side = {m.party for m in mentions if _counterpart_of(doc[m.start])}
    found = {m.party for m in mentions if m.weight >= 1} - other_side
    return found.pop() if len(found) == 1 else None


def _counterpart_of(token: Token) -> bool:
    """The mention modifies a possessed "counterpart" ("his Chinese counterpart")."""
    head = token.head
    return head.lemma_.lower() == "counterpart" and any(c.dep_ == "poss" for c in head.children)
