"""`accord extract` and `accord eval` from the command line: output, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from tests.extract_support import DEV, dev_records

TEXT = (
    "Envoys meet in Doha\n\n"
    "Envoys from Qatar and Egypt met Hamas leaders in Doha on Monday. Hamas said it would "
    "release the hostages only if Israel agreed to a ceasefire, according to Reuters."
)
CORPUS_KEYS = {
    "id",
    "title",
    "published",
    "parties",
    "actors",
    "issues",
    "stances",
    "meetings",
    "status",
    "sources",
    "events",
}


def accord(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_cli_jsonl_keeps_ids_and_skips_bad_lines(tmp_path: Path) -> None:
    good = json.dumps({"id": "doha-1", "published": "2024-03-15", "text": TEXT})
    source = write_jsonl(tmp_path / "in.jsonl", [good, "{broken"])
    result = accord("extract", str(source), "--jsonl")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["doha-1"]
    assert set(records[0]) >= CORPUS_KEYS
    assert {"Qatar", "Egypt", "Hamas"} <= set(records[0]["parties"])
    assert f"{source}:2" in result.stderr
    assert "[E507]" in result.stderr


def test_extract_cli_nothing_readable_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = accord("extract", str(empty))
    assert result.returncode == 1
    assert "[E401]" in result.stderr
    assert "[E506]" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_cli_summary_is_readable(tmp_path: Path) -> None:
    source = tmp_path / "doha.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    assert "Parties" in result.output
    assert "Doha" in result.output


def test_extract_cli_eval_on_predictions_as_json(tmp_path: Path) -> None:
    gold = next(r for r in dev_records() if r["id"] == "seed")
    gold_path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps(gold)])
    pred_path = write_jsonl(tmp_path / "pred.jsonl", [json.dumps(gold)])
    result = CliRunner().invoke(
        app, ["eval", str(gold_path), "--pred", str(pred_path), "--json", "--errors"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["articles"] == 1
    assert all(field["f1"] == 1.0 for field in report["fields"].values())
    assert all(field["errors"] == [] for field in report["fields"].values())


def test_extract_cli_eval_runs_the_extractor_without_predictions(tmp_path: Path) -> None:
    seed = next(r for r in dev_records() if r["id"] == "seed")
    gold_path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps(seed)])
    result = CliRunner().invoke(app, ["eval", str(gold_path)])
    assert result.exit_code == 0, result.output
    assert "stances_party_issue_type" in result.output


def test_extract_cli_eval_malformed_gold_names_file_and_line(tmp_path: Path) -> None:
    gold_path = write_jsonl(tmp_path / "gold.jsonl", [DEV.read_text().splitlines()[0], "nope"])
    result = accord("eval", str(gold_path), "--pred", str(gold_path))
    assert result.returncode == 1
    assert f"{gold_path}:2: [E501]" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_cli_eval_gold_without_text_needs_predictions(tmp_path: Path) -> None:
    gold_path = write_jsonl(tmp_path / "gold.jsonl", [json.dumps({"id": "a", "parties": []})])
    result = accord("eval", str(gold_path))
    assert result.returncode == 1
    assert f"{gold_path}:1: [E503]" in result.stderr


@pytest.mark.slow
def test_extract_cli_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", DEV.read_text(encoding="utf-8").splitlines()[:3])
    outputs = [
        subprocess.run(
            [sys.executable, "-m", "accord", "extract", str(source), "--jsonl"],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 3
