"""Compiling a scenario: utilities from positions, exclusions, exports."""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import accord.bargain
from accord.bargain import EXACT_LIMIT, QUANTUM, bargain, compile_space, relax
from accord.bargain._explain import _by_deletion, minimal_hitting_sets
from accord.bargain._scan import scan
from accord.errors import InputError
from accord.schema import load_scenario
from accord.schema.scenario import Scenario

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed_talks.yaml"


def _scenario(risk: float = 1.0, extra_issue: bool = False) -> Scenario:
    issues: list[dict[str, Any]] = [
        {"id": "x", "options": [{"id": "lo", "at": 0}, {"id": "mid", "at": 50},
                                {"id": "hi", "at": 100}]}
    ]  # fmt: skip
    stakes: list[dict[str, Any]] = [
        {"actor": "a", "issue": "x", "position": 20, "salience": 0.5},
        {"actor": "b", "issue": "x", "position": 100, "salience": 1.0},
    ]
    if extra_issue:
        issues.append({"id": "y"})
        stakes += [
            {"actor": "a", "issue": "y", "position": 0, "salience": 1.0},
            {"actor": "b", "issue": "y", "position": 100, "salience": 1.0},
        ]
    actors = [{"id": "a", "capability": 1, "risk_exponent": risk}, {"id": "b", "capability": 1}]
    return Scenario.model_validate({"actors": actors, "issues": issues, "stakes": stakes})


@pytest.mark.parametrize(
    ("risk", "expected"), [(1.0, [0.8, 0.7, 0.2]), (2.0, [1 - 0.04, 1 - 0.09, 1 - 0.64])]
)
def test_bargain_space_utility_from_position(risk: float, expected: list[float]) -> None:
    space = compile_space(_scenario(risk))
    assert space.values[0][0] == pytest.approx(expected)
    assert list(space.contributions[0][0]) == [round(QUANTUM * u) for u in space.values[0][0]]


def test_bargain_space_issues_without_options_are_left_out() -> None:
    result = bargain(_scenario(extra_issue=True))
    assert result.issues == ["x"] and result.excluded_issues == ["y"]
    assert result.packages == 3


def test_bargain_space_exports_match_all() -> None:
    public = {
        name
        for name, value in vars(accord.bargain).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } - {"annotations"}
    assert public == set(accord.bargain.__all__)


@pytest.mark.parametrize(
    ("sets", "expected"),
    [([0b011, 0b110], [0b010, 0b101]), ([0b001], [0b001]), ([0b011, 0b011], [0b001, 0b010])],
)
def test_bargain_space_conflicts_are_minimal_hitting_sets(
    sets: list[int], expected: list[int]
) -> None:
    assert sorted(minimal_hitting_sets(sets) or []) == sorted(expected)


def test_bargain_space_pareto_mask_keeps_duplicates() -> None:
    points = np.array([[3, 1], [1, 3], [3, 1], [2, 2], [1, 1]], dtype=np.int64)
    assert list(accord.bargain.pareto_mask(points)) == [True, True, True, True, False]


def test_bargain_space_same_input_same_output() -> None:
    scenario = load_scenario(SEED)
    loose = relax(scenario, ["red_line:russia:territory"])
    for engine_limit in (EXACT_LIMIT, 0):
        first = bargain(loose, exact_limit=engine_limit).model_dump_json()
        assert bargain(loose, exact_limit=engine_limit).model_dump_json() == first


def test_bargain_space_relax_rejects_unknown_constraint() -> None:
    with pytest.raises(InputError, match=r"\[E308\] unknown constraint 'red_line:nobody:x'"):
        relax(load_scenario(SEED), ["red_line:nobody:x"])


def test_bargain_space_deletion_finds_true_conflicts_past_the_limit() -> None:
    facts = scan(compile_space(load_scenario(SEED)))
    every = minimal_hitting_sets(facts.corrections)
    assert every is not None and minimal_hitting_sets(facts.corrections, limit=1) is None
    some = _by_deletion(facts.corrections, seeds=list(range(12)))
    assert some and set(some) <= set(every)
