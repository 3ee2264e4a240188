"""``accord forecast``: JSON record, human tables, the published schema and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.cli import main
from accord.cli.schema_cmd import SCHEMAS
from accord.schema.forecast import ForecastResult
from tests.forecast_cases import EU, REFERENCE

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "seed_talks.yaml"

GOOD_YAML = """\
name: t
actors:
  - {id: a, capability: 1}
  - {id: b, capability: 2}
  - {id: c, capability: 1}
issues:
  - id: x
    options: [{id: lo, at: 0}, {id: hi, at: 100}]
stakes:
  - {actor: a, issue: x, position: 10, salience: 0.5}
  - {actor: b, issue: x, position: 90, salience: 0.7}
  - {actor: c, issue: x, position: 40, salience: 0.9}
"""


def accord(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[int, str, str]:
    """Run the real entry point in-process: exit code, stdout, stderr."""
    monkeypatch.setattr(sys, "argv", ["accord", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    return lambda *args: accord(capsys, monkeypatch, *args)


def test_forecast_cli_json_has_the_documented_shape(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("forecast", str(EXAMPLE), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["model"] == "eum" and data["variant"]["normaliser"] == "global"
    issue = data["issues"][0]
    assert {"issue", "stop_reason", "forecast", "baselines", "rounds"} <= issue.keys()
    assert issue["forecast"].keys() == {"median", "mean"}
    first = issue["rounds"][0]
    assert first["round"] == 0 and first["positions"]["us"] == 45.0 and first["offers"] == []
    assert {"median", "mean", "positions", "risk", "danger", "offers"} <= first.keys()
    assert data["monte_carlo"] is None
    ForecastResult.model_validate(data)


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data missing")
def test_forecast_cli_json_offers_name_sender_and_receiver(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("forecast", str(EU), "--json", "--rounds", "1")
    offers = json.loads(out)["issues"][0]["rounds"][1]["offers"]
    accepted = {(o["from"], o["to"], o["type"]): o["position"] for o in offers if o["accepted"]}
    assert code == 0 and len(offers) == 14
    assert accepted == pytest.approx(
        {
            ("France", "Belgium", "compromise"): 8.415932315426764,
            ("Belgium", "Luxembourg", "conflict"): 7.0,
            ("Luxembourg", "Ireland", "conflict"): 4.0,
        },
        abs=1e-12,
    )


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data missing")
def test_forecast_cli_eu_medians_in_json(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run("forecast", str(EU), "--json")
    medians = [round(r["median"], 4) for r in json.loads(out)["issues"][0]["rounds"]]
    assert medians == [7.0, 8.4159, 9.6109, 9.962, 9.962, 9.962, 7.472, 8.8246, 9.6711, 9.6711, 7.0]


def test_forecast_cli_human_output_lists_every_issue(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("forecast", str(EXAMPLE))
    assert code == 0
    for name in ("Security guarantees", "Territory", "Foreign troops", "baselines", "moved"):
        assert name in out


def test_forecast_cli_human_output_names_actors_json_keeps_ids(run) -> None:  # type: ignore[no-untyped-def]
    _, human, _ = run("forecast", str(EXAMPLE))
    _, raw, _ = run("forecast", str(EXAMPLE), "--json")
    moved = {a for issue in json.loads(raw)["issues"] for a in issue["moved"]}
    assert "russia" in moved
    assert "Russia 90 → 25" in " ".join(human.split())
    assert "russia 90" not in human


def test_forecast_cli_monte_carlo_in_both_outputs(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("forecast", str(EXAMPLE), "--runs", "8", "--seed", "4", "--workers", "1")
    assert code == 0 and "Monte Carlo" in out and "q95" in out
    _, out, _ = run("forecast", str(EXAMPLE), "--runs", "8", "--workers", "1", "--json")
    mc = json.loads(out)["monte_carlo"]
    assert mc["settings"]["runs"] == 8 and len(mc["issues"]) == 6


def test_forecast_cli_until_stable_reports_why(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run("forecast", str(EXAMPLE), "--until-stable", "--json")
    reasons = {i["stop_reason"] for i in json.loads(out)["issues"]}
    assert reasons <= {"stable", "cycle", "round_cap"} and reasons


def test_forecast_cli_variant_and_settings_are_recorded(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run("forecast", str(EXAMPLE), "--variant", "bdm", "--set", "q=0.9", "--json")
    assert json.loads(out)["variant"] == {
        "normaliser": "pairwise",
        "compromise": "least_move",
        "capitulation": True,
        "q": 0.9,
        "t": 1.0,
    }


def test_forecast_cli_schema_is_published(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("schema", "forecast")
    schema = json.loads(out)
    assert code == 0 and "forecast" in SCHEMAS
    assert {"from", "to"} <= schema["$defs"]["Offer"]["properties"].keys()


BAD_FILES: list[tuple[str, str, str | bytes, str]] = [
    ("salience", "s.yaml", GOOD_YAML.replace("salience: 0.5", "salience: 1.5"), "salience"),
    (
        "salience csv",
        "s.csv",
        "Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,-0.2\n",
        ":3: Salience",
    ),
    ("duplicate actor", "s.yaml", GOOD_YAML.replace("id: b,", "id: a,"), "duplicate actor"),
    (
        "duplicate actor csv",
        "s.csv",
        "Actor,Capability,Position,Salience\nA,1,2,0.5\nA,1,3,0.5\n",
        ":3: Actor",
    ),
    (
        "one actor",
        "s.csv",
        "Actor,Capability,Position,Salience\nA,1,2,0.5\n",
        "at least 2 actors",
    ),
    (
        "equal positions",
        "s.yaml",
        GOOD_YAML.replace("position: 90", "position: 10").replace("position: 40", "position: 10"),
        "are equal",
    ),
    ("malformed yaml", "s.yaml", "actors: [\n  - {id: a", "not valid YAML"),
    ("malformed json", "s.json", '{"actors": [}', "not valid JSON"),
    ("malformed csv", "s.csv", "Actor,Capability,Position,Salience\nA,1,2\n", "expected 4 columns"),
    ("binary", "s.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\xff", "not UTF-8"),
    ("empty", "s.yaml", "", "empty"),
    ("bad option place", "s.yaml", GOOD_YAML.replace("at: 100", "at: 300"), "options[1].at"),
    ("duplicate option", "s.yaml", GOOD_YAML.replace("id: hi", "id: lo"), "duplicate option"),
    ("option without place", "s.yaml", GOOD_YAML.replace(", at: 100", ""), "options[1].at"),
]


@pytest.mark.parametrize(
    ("case", "name", "content", "needle"), BAD_FILES, ids=[b[0] for b in BAD_FILES]
)
def test_forecast_cli_bad_file_one_line_error(  # type: ignore[no-untyped-def]
    run, tmp_path: Path, case: str, name: str, content: str | bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, out, err = run("forecast", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(path) in err and needle in err, err


def test_forecast_cli_missing_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("forecast", str(tmp_path / "nope.yaml"))
    assert code == 1 and "nope.yaml" in err and "E100" in err


BAD_OPTIONS = [
    (["--rounds", "-1"], "--rounds"),
    (["--rounds", "3", "--until-stable"], "not both"),
    (["--epsilon", "0"], "--epsilon"),
    (["--max-rounds", "0"], "--max-rounds"),
    (["--variant", "nope"], "unknown variant"),
    (["--set", "q=7"], "'q=7'"),
    (["--set", "speed=9"], "'speed=9'"),
    (["--runs", "-3"], "--runs"),
    (["--runs", "2", "--seed", "-1"], "--seed"),
    (["--runs", "2", "--position-sd", "-1"], "--position-sd"),
    (["--runs", "2", "--workers", "0"], "--workers"),
]


@pytest.mark.parametrize(("args", "needle"), BAD_OPTIONS, ids=[" ".join(a) for a, _ in BAD_OPTIONS])
def test_forecast_cli_bad_option_one_line_error(run, args: list[str], needle: str) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("forecast", str(EXAMPLE), *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and needle in err, err


def test_forecast_cli_non_number_option_is_a_usage_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "accord", "forecast", str(EXAMPLE), "--rounds", "abc"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 2 and "--rounds" in done.stderr and "Traceback" not in done.stderr


def test_forecast_cli_entry_point_runs_the_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "accord", "forecast", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0 and "Territory" in done.stdout
