"""A whole scenario through the model: who takes part in which issue, and the round records."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from accord.forecast import forecast_scenario
from accord.schema import load_scenario
from accord.schema.forecast import Stopping

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed_talks.yaml"

MIXED = """\
name: mixed
actors:
  - {id: a, capability: 1}
  - {id: b, capability: 2}
  - {id: c, capability: 1}
issues:
  - {id: all_three}
  - {id: two_only}
  - id: labels
    ordered: false
    options: [{id: accept}, {id: refuse}]
stakes:
  - {actor: a, issue: all_three, position: 10, salience: 0.5}
  - {actor: b, issue: all_three, position: 90, salience: 0.7}
  - {actor: c, issue: all_three, position: 40, salience: 0.9}
  - {actor: a, issue: two_only, position: 20, salience: 0.6}
  - {actor: c, issue: two_only, position: 70, salience: 0.3}
  - {actor: a, issue: labels, salience: 0.5, utilities: {accept: 1, refuse: 0}}
  - {actor: b, issue: labels, salience: 0.5, utilities: {accept: 0, refuse: 1}}
"""


def test_run_actors_without_a_stake_stay_out_of_the_issue(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    result = forecast_scenario(load_scenario(path))
    issues = {i.issue: i for i in result.issues}
    assert set(issues["all_three"].rounds[0].positions) == {"a", "b", "c"}
    assert set(issues["two_only"].rounds[0].positions) == {"a", "c"}
    assert all(set(r.positions) == {"a", "c"} for r in issues["two_only"].rounds)


def test_run_categorical_issue_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    result = forecast_scenario(load_scenario(path))
    assert [(s.issue, "fewer than 2" in s.reason) for s in result.skipped] == [("labels", True)]


@pytest.mark.parametrize("stopping", [Stopping(), Stopping(mode="until_stable")], ids=str)
def test_run_each_move_is_one_accepted_offer(stopping: Stopping) -> None:
    result = forecast_scenario(load_scenario(EXAMPLE), stopping=stopping)
    for issue in result.issues:
        for before, after in zip(issue.rounds, issue.rounds[1:], strict=False):
            accepted = {o.receiver: o.position for o in after.offers if o.accepted}
            moved = {a for a in after.positions if after.positions[a] != before.positions[a]}
            assert set(accepted) == moved
            assert all(after.positions[a] == p for a, p in accepted.items())


def test_run_same_input_same_record() -> None:
    scenario = load_scenario(EXAMPLE)
    assert (
        forecast_scenario(scenario).model_dump_json()
        == forecast_scenario(scenario).model_dump_json()
    )


@pytest.mark.parametrize(
    ("rows", "expect"),
    [
        ("A,1e308,1,0.5\nB,1e308,3,0.5\nC,1,2,0.5\n", "computed"),
        ("A,1,1e308,0.5\nB,1,-1e308,0.5\nC,1,2,0.5\n", "skipped"),
    ],
    ids=["huge capabilities", "huge positions"],
)
def test_run_extreme_numbers_never_give_nan(tmp_path: Path, rows: str, expect: str) -> None:
    path = tmp_path / "extreme.csv"
    path.write_text("Actor,Capability,Position,Salience\n" + rows, encoding="utf-8")
    result = forecast_scenario(load_scenario(path))
    numbers = [
        value
        for issue in result.issues
        for r in issue.rounds
        for value in (r.median, r.mean, *r.positions.values(), *r.risk.values())
    ]
    assert all(math.isfinite(v) for v in numbers)
    assert ("skipped" if result.skipped else "computed") == expect
