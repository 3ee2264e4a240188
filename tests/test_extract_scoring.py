"""The scorer: lenient name matching, micro-averaged counts, clear errors on bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from accord.errors import InputError
from accord.extract.scoring import party_key, person_match, read_records, score


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("US", "United States"),
        ("U.S.", "the United States"),
        ("UK", "United Kingdom"),
        ("Russian Federation", "Russia"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Colombian government", "Colombia"),
    ],
)
def test_extract_scoring_party_aliases_match(a: str, b: str) -> None:
    assert party_key(a) == party_key(b)


def test_extract_scoring_unknown_party_compares_normalised() -> None:
    assert party_key("The Rebel Alliance!") == party_key("rebel alliance")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Zelensky", "Volodymyr Zelensky", True),
        ("Mr Barnier", "Michel Barnier", True),
        ("Sir Patrick Mayhew", "Patrick Mayhew", True),
        ("José Ramos-Horta", "Jose Ramos Horta", True),
        ("Michel Barnier", "Michel Rocard", False),
        ("Hill", "Christopher Hills", False),
    ],
)
def test_extract_scoring_person_match(a: str, b: str, same: bool) -> None:
    assert person_match(a, b) is same


def record(**fields: Any) -> dict[str, Any]:
    return {"id": "a", **fields}


def test_extract_scoring_counts_micro_average() -> None:
    gold = [
        record(parties=["United States", "Russia"], issues=["territory"]),
        {"id": "b", "parties": ["Ukraine"]},
    ]
    pred = {
        "a": record(parties=["US", "China"], issues=["territory"]),
        "b": {"id": "b", "parties": ["Ukraine"]},
    }
    report = score(gold, pred)
    parties = report.fields["parties"]
    assert (parties.tp, parties.fp, parties.fn) == (2, 1, 1)
    assert report.fields["issues"].f1 == 1.0


def test_extract_scoring_stance_type_matters_only_in_typed_field() -> None:
    gold = [record(stances=[{"party": "Russia", "issue": "territory", "type": "demand"}])]
    pred = {"a": record(stances=[{"party": "Russia", "issue": "territory", "type": "offer"}])}
    report = score(gold, pred)
    assert report.fields["stances_party_issue"].f1 == 1.0
    assert report.fields["stances_party_issue_type"].f1 == 0.0


def test_extract_scoring_missing_prediction_counts_as_empty() -> None:
    report = score([record(parties=["Cuba"])], {})
    assert (report.fields["parties"].fn, report.fields["parties"].fp) == (1, 0)


def test_extract_scoring_errors_name_article_and_item() -> None:
    report = score([record(parties=["Cuba"])], {"a": record(parties=["Chile"])})
    assert sorted(report.fields["parties"].errors) == [
        ("a", "missing", "cuba"),
        ("a", "spurious", "chile"),
    ]


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [
        ('{"id": "a"}\n{not json\n', "E501", 2),
        ('{"id": "a"}\n[1, 2]\n', "E502", 2),
        ('{"title": "x"}\n', "E503", 1),
        ('{"id": "a", "parties": "Cuba"}\n', "E504", 1),
        ('{"id": "a", "stances": [{"party": "Cuba"}]}\n', "E504", 1),
    ],
)
def test_extract_scoring_malformed_line_names_file_and_line(
    tmp_path: Path, content: str, code: str, line: int
) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_records(path))
    assert str(caught.value).startswith(f"{path}:{line}: [{code}]")


def test_extract_scoring_binary_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\xff\xfe\x00\x81" * 10)
    with pytest.raises(InputError, match=r"\[E505\]"):
        list(read_records(path))


def test_extract_scoring_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"\[E500\]"):
        list(read_records(tmp_path / "absent.jsonl"))


def test_extract_scoring_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n" + json.dumps({"id": "a"}) + "\n\n", encoding="utf-8")
    assert [r["id"] for r in read_records(path)] == ["a"]
