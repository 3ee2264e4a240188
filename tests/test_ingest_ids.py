"""Article ids and the language check."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.ingest import IngestProblem, article_id, normalise_text, read_inputs
from accord.schema.news import Article

TEXT = "Talks in Genève resumed on Monday."


@pytest.mark.parametrize(
    "variant",
    [
        "  Talks in Genève\n resumed\ton   Monday.\n",
        unicodedata.normalize("NFD", TEXT),
        "Talks in\u00a0Genève resumed on Monday.",
        "\ufeffTalks in Gen\u200bève resumed on Monday.",
    ],
)
def test_ingest_ids_layout_does_not_change_id(variant: str) -> None:
    assert article_id(variant) == article_id(TEXT)


@pytest.mark.parametrize("variant", [TEXT.lower(), TEXT.replace(".", "!"), TEXT + " Again."])
def test_ingest_ids_wording_changes_id(variant: str) -> None:
    assert article_id(variant) != article_id(TEXT)


def test_ingest_ids_is_sha256_of_normalised_text() -> None:
    assert normalise_text(" a\n\n b ") == "a b"
    assert article_id(TEXT) == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


FRENCH = (
    "Les négociateurs des deux provinces se sont retrouvés lundi pour discuter des droits "
    "de pêche, du retour des bateaux saisis et d'une patrouille commune dans la baie "
    "contestée. Les deux parties ont déclaré que l'ambiance était meilleure."
)
GERMAN = (
    "Die Unterhändler der beiden Provinzen trafen sich am Montag erneut, um über "
    "Fischereirechte, die Rückgabe beschlagnahmter Boote und eine gemeinsame Patrouille "
    "in der umstrittenen Bucht zu sprechen. Beide Seiten lobten die Stimmung."
)
ENGLISH = (
    "Negotiators from the two provinces met again on Monday to discuss fishing rights, the "
    "return of impounded boats and a joint patrol of the disputed bay. Both sides said the "
    "atmosphere had improved."
)


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (GERMAN, "de")])
def test_ingest_language_other_language_skipped(tmp_path: Path, text: str, language: str) -> None:
    foreign = tmp_path / "foreign.txt"
    foreign.write_text(text, encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text(ENGLISH, encoding="utf-8")
    problem, article = list(read_inputs([foreign, english]))
    assert isinstance(problem, IngestProblem)
    assert (problem.code, problem.source) == ("E412", str(foreign))
    assert f"{language!r}, not English" in problem.message
    assert isinstance(article, Article)
    assert article.language == "en"


def test_ingest_language_short_text_kept_unjudged(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("Trêve signée à Genève.", encoding="utf-8")
    [article] = list(read_inputs([short]))
    assert isinstance(article, Article)
    assert article.language is None


@given(st.text())
def test_ingest_ids_normalisation_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert article_id(once) == article_id(text)


@given(st.lists(st.text(alphabet=st.characters(categories=["L", "N", "P"]), min_size=1)))
def test_ingest_ids_any_whitespace_between_words_same_id(words: list[str]) -> None:
    assert article_id("\n\t ".join(words)) == article_id(" ".join(words))
