"""``accord bargain``: readable deadlock, JSON shape, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.cli import app

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "seed_talks.yaml"
runner = CliRunner()


def _accord(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO / "src"), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _seed_variant(tmp_path: Path, change: dict[str, object]) -> Path:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data.update(change)
    path = tmp_path / "variant.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_bargain_cli_explains_the_seed_deadlock() -> None:
    result = runner.invoke(app, ["bargain", str(SEED)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # undo the console's line wrapping
    assert "2,160 packages, 0 feasible" in text
    assert (
        "Russia's red line on Territory and Ukraine's red line on Territory cannot both hold."
        in text
    )
    assert "If way 1 were taken (relax Russia's red line on Territory)" in text


def test_bargain_cli_json_shape() -> None:
    result = runner.invoke(app, ["bargain", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["packages"], data["feasible"], data["frontier_size"]) == (2160, 0, 0)
    assert set(data["solutions"]) == {"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"}
    assert data["blocking"][0]["constraints"] == ["red_line:russia:territory"]
    assert data["blocking"][0]["parties"] == ["russia"]
    assert "frontier" not in data


def test_bargain_cli_json_solutions_when_deals_exist(tmp_path: Path) -> None:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    for stake in data["stakes"]:
        if stake["actor"] == "russia" and stake["issue"] == "territory":
            stake.pop("red_line")
    path = tmp_path / "relaxed.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["bargain", str(path), "--json", "--frontier"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["feasible"] == 2 and out["frontier_size"] == len(out["frontier"]) == 2
    nash = out["solutions"]["nash"]
    assert nash["package"]["territory"] == "freeze"
    assert set(nash["utilities"]) == {"us", "russia", "europe", "ukraine"}
    assert {f["constraint"] for f in out["fragile"]} >= {"reservation:russia"}


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"linkages": [{"if_issue": "territory", "if_options": ["nope"],
                        "then_issue": "elections", "then_options": ["after_war"]}]}, "E103"),
        ({"linkages": [{"id": "loop", "if_issue": "territory", "if_options": ["freeze"],
                        "then_issue": "territory", "then_options": ["swaps"]}]}, "E304"),
    ],
)  # fmt: skip
def test_bargain_cli_bad_references_are_one_line_errors(
    tmp_path: Path, change: dict[str, object], code: str
) -> None:
    done = _accord("bargain", str(_seed_variant(tmp_path, change)))
    assert done.returncode == 1
    assert f"[{code}]" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "E101"),
        ("actors: [\n", "E102"),
        (
            "actors: [{id: a, capability: 1}, {id: b, capability: 1}]\n"
            "issues: [{id: x}]\n"
            "stakes: [{actor: a, issue: x, position: 0, salience: 1},"
            " {actor: b, issue: x, position: 90, salience: 1}]\n",
            "E300",
        ),
        (
            "actors: [{id: a, capability: 1}, {id: b, capability: 1}]\n"
            "issues: [{id: x, ordered: false, options: [{id: p}, {id: q}]}]\n"
            "stakes: [{actor: a, issue: x, position: 10, salience: 1},"
            " {actor: b, issue: x, salience: 1, utilities: {p: 1, q: 0}}]\n",
            "E301",
        ),
        (
            "actors: [{id: a, capability: 1}, {id: b, capability: 1}]\n"
            "issues: [{id: x, ordered: false, options: [{id: p}, {id: q}]}]\n"
            "stakes: [{actor: a, issue: x, salience: 1, utilities: {p: 1, q: 0},"
            " red_line: {acceptable: [0, 50]}}, {actor: b, issue: x, salience: 1,"
            " utilities: {p: 0, q: 1}}]\n",
            "E302",
        ),
    ],
)
def test_bargain_cli_bad_scenarios_are_one_line_errors(
    tmp_path: Path, text: str, code: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    done = _accord("bargain", str(path))
    assert done.returncode == 1
    assert f"[{code}]" in done.stderr and "Traceback" not in done.stderr
    assert str(path) in done.stderr.replace("\n", "")


def test_bargain_cli_rejects_bad_step() -> None:
    done = _accord("bargain", str(SEED), "--step", "2")
    assert done.returncode == 1 and "[E307]" in done.stderr


def test_bargain_cli_schema_is_published() -> None:
    result = runner.invoke(app, ["schema", "bargain"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "BargainResult"
    assert {"packages", "feasible", "frontier_size", "solutions", "blocking"} <= set(
        schema["properties"]
    )
