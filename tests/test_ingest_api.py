"""The public surface of accord.ingest and accord.dist, and the documentation of their codes."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import accord.dist
import accord.ingest
from accord.errors import Errors

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("module", [accord.ingest, accord.dist])
def test_ingest_api_all_matches_exports(module: object) -> None:
    public = {name for name in vars(module) if not name.startswith("_")}
    public -= {"annotations"}
    assert set(module.__all__) == public  # type: ignore[attr-defined]


def test_ingest_api_read_inputs_signature() -> None:
    signature = inspect.signature(accord.ingest.read_inputs)
    assert list(signature.parameters) == ["inputs", "fetch_urls"]
    assert signature.parameters["fetch_urls"].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.parameters["fetch_urls"].default is True


def test_ingest_api_problem_fields() -> None:
    fields = accord.ingest.IngestProblem.model_fields
    assert list(fields) == ["source", "where", "code", "message"]


@pytest.mark.parametrize(("prefix", "doc"), [("E4", "ingest.md"), ("E8", "dist.md")])
def test_ingest_api_every_code_documented(prefix: str, doc: str) -> None:
    codes = [name for name in vars(Errors) if re.fullmatch(rf"{prefix}\d\d", name)]
    text = (REPO / "docs" / doc).read_text(encoding="utf-8")
    assert codes
    assert [code for code in codes if f"`{code}`" not in text] == []
