"""The engine against a brute-force oracle on random small scenarios."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from accord.bargain import QUANTUM, bargain
from accord.schema.scenario import Scenario
from tests import bargain_oracle as oracle
from tests.bargain_strategies import scenarios

STEP = 0.05
_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


def _package(o: oracle.Oracle, scenario: Scenario, p: oracle.Package) -> dict[str, str]:
    return {i: scenario.issue(i).options[k].id for i, k in zip(o.issues, p, strict=True)}


@_SETTINGS
@given(scenarios())
def test_bargain_oracle_counts_and_frontier(scenario: Scenario) -> None:
    o = oracle.build(scenario)
    result = bargain(scenario)
    assert result.packages == len(o.packages)
    assert result.feasible == len(o.feasible)
    expected = [_package(o, scenario, p) for p in oracle.frontier(o)]
    assert [f.package for f in result.frontier or []] == expected
    assert result.frontier_size == len(expected)


@_SETTINGS
@given(scenarios())
def test_bargain_oracle_solutions(scenario: Scenario) -> None:
    o = oracle.build(scenario)
    result = bargain(scenario)
    for name, p in oracle.solutions(o).items():
        got = result.solutions[name]  # type: ignore[index]
        if p is None:
            assert got is None, name
            continue
        assert got is not None, name
        assert got.package == _package(o, scenario, p), name
        expected = [u / QUANTUM for u in o.utilities[p]]
        assert list(got.utilities.values()) == pytest.approx(expected, abs=1e-8)


@_SETTINGS
@given(scenarios())
def test_bargain_oracle_blocking_and_conflicts(scenario: Scenario) -> None:
    o = oracle.build(scenario)
    result = bargain(scenario)
    if o.feasible:
        assert not result.blocking and not result.conflicts
        return
    assert [b.constraints for b in result.blocking] == oracle.blocking(o)
    assert {frozenset(c.constraints) for c in result.conflicts} == oracle.conflicts(o)


@_SETTINGS
@given(scenarios())
def test_bargain_oracle_fragility(scenario: Scenario) -> None:
    o = oracle.build(scenario)
    result = bargain(scenario, step=STEP)
    assert {f.constraint for f in result.fragile} == oracle.fragile(o, STEP)


@_SETTINGS
@given(scenarios(max_actors=4, max_options=2, red_line_odds=2))
def test_bargain_oracle_ranked_blocking_in_crowded_deadlocks(scenario: Scenario) -> None:
    o = oracle.build(scenario)
    result = bargain(scenario)
    if not o.feasible:
        assert [b.constraints for b in result.blocking] == oracle.blocking(o)
        assert {frozenset(c.constraints) for c in result.conflicts} == oracle.conflicts(o)
