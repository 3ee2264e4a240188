"""The CP-SAT engine agrees with exact enumeration on small spaces."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from accord.bargain import bargain, relax
from accord.schema import load_scenario
from accord.schema.bargain import BargainResult
from accord.schema.scenario import Scenario
from tests.bargain_strategies import scenarios

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed_talks.yaml"


def _both(scenario: Scenario) -> tuple[BargainResult, BargainResult]:
    return bargain(scenario), bargain(scenario, exact_limit=0)


def _nash_product(result: BargainResult) -> float:
    nash = result.solutions["nash"]
    assert nash is not None
    return math.prod(nash.gains.values())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(scenarios())
def test_bargain_cpsat_matches_exact(scenario: Scenario) -> None:
    exact, solver = _both(scenario)
    assert solver.method == "cp-sat" and exact.method == "exact"
    assert [b.constraints for b in solver.blocking] == [b.constraints for b in exact.blocking]
    assert solver.conflicts == exact.conflicts
    assert solver.fragile == exact.fragile
    if exact.solutions["nash"] is None:
        assert all(s is None for s in solver.solutions.values())
        return
    for name in ("egalitarian", "utilitarian"):
        assert solver.solutions[name] == exact.solutions[name], name
    # Nash is optimised on a 1e-6 grid: the product agrees within that, the package may not
    assert _nash_product(solver) == pytest.approx(_nash_product(exact), rel=1e-3, abs=1e-6)


def test_bargain_cpsat_seed_deadlock_matches_exact() -> None:
    exact, solver = _both(load_scenario(SEED))
    assert solver.blocking == exact.blocking and solver.conflicts == exact.conflicts
    assert solver.feasible is None and solver.frontier_size is None


def test_bargain_cpsat_seed_relaxed_solutions_match_exact() -> None:
    scenario = relax(load_scenario(SEED), ["red_line:russia:territory"])
    exact, solver = _both(scenario)
    for name in ("nash", "egalitarian", "utilitarian"):
        assert solver.solutions[name] == exact.solutions[name], name
    assert solver.solutions["kalai_smorodinsky"] is None
    assert solver.fragile == exact.fragile
