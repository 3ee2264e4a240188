"""``bargain(scenario)``: pick the engine, run it, and assemble the result."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from accord.bargain._explain import blocking_sets, conflict_sets, fragility
from accord.bargain._facts import Facts
from accord.bargain._frontier import feasible_frontier
from accord.bargain._scan import Progress, scan
from accord.bargain._solutions import SOLUTIONS, SolutionName, solve_frontier
from accord.bargain._space import Ints, Space, compile_space
from accord.errors import InputError
from accord.schema.bargain import (
    BargainResult,
    ConstraintInfo,
    FrontierPackage,
    Solution,
)
from accord.schema.scenario import Scenario

__all__ = ["EXACT_LIMIT", "bargain", "solution_of"]

#: Largest number of packages evaluated one by one; beyond it CP-SAT takes over.
EXACT_LIMIT = 10_000_000


def _by_party(space: Space, values: npt.NDArray[np.float64]) -> dict[str, float]:
    return {p: float(v) for p, v in zip(space.parties, values, strict=True)}


def solution_of(space: Space, choice: Ints) -> Solution:
    """Describe one package: utilities, gains, concessions and conceded issues."""
    conceded: dict[str, list[str]] = {}
    for a, party in enumerate(space.parties):
        conceded[party] = [
            issue.id
            for issue, table, o in zip(space.issues, space.contributions, choice, strict=True)
            if table[a, o] < table[a].max()
        ]
    u = space.float_utilities([int(o) for o in choice])
    return Solution(
        package=space.named([int(o) for o in choice]),
        utilities=_by_party(space, u),
        gains=_by_party(space, u - space.float_disagreement()),
        concessions=_by_party(space, space.float_ideal() - u),
        conceded_issues=conceded,
    )


def bargain(
    scenario: Scenario,
    *,
    exact_limit: int = EXACT_LIMIT,
    step: float = 0.05,
    on_progress: Progress | None = None,
    source: str | None = None,
) -> BargainResult:
    """Search the packages of ``scenario``: frontier, solutions and what blocks a deal.

    Args:
        scenario: a validated scenario; issues without options are left out.
        exact_limit: evaluate every package up to this many, else use CP-SAT (0: always).
        step: how far a reservation utility is raised when testing fragility.
        on_progress: called with (chunks done, chunks) during exact evaluation.
        source: the file the scenario came from, for error messages.

    Raises:
        ScenarioError: the scenario cannot be bargained over.
        InputError: ``step`` or ``exact_limit`` out of range.
    """
    if not 0.0 < step <= 1.0:
        raise InputError(
            "E307", source="bargain", where="step", what="step", rule="in (0, 1]", value=step
        )
    if exact_limit < 0:
        raise InputError(
            "E307",
            source="bargain",
            where="exact_limit",
            what="exact_limit",
            rule="0 or more",
            value=exact_limit,
        )
    space = compile_space(scenario, source=source)
    frontier: list[FrontierPackage] | None = None
    solutions: dict[SolutionName, Solution | None]
    if space.packages <= exact_limit:
        method = "exact"
        facts = scan(space, on_progress=on_progress)
        choice, utilities = feasible_frontier(space)
        rows = solve_frontier(space, utilities)
        solutions = {
            name: None if row is None else solution_of(space, choice[row])
            for name, row in rows.items()
        }
        frontier = [
            FrontierPackage(
                package=space.named([int(o) for o in c]),
                utilities=_by_party(space, space.float_utilities([int(o) for o in c])),
            )
            for c in choice
        ]
    else:
        from accord.bargain._cpsat import cpsat_facts, cpsat_solutions

        method = "cp-sat"
        facts = cpsat_facts(space)
        found = cpsat_solutions(space) if facts.any_feasible else {}
        solutions = {name: None for name in SOLUTIONS}
        for name, choice_row in found.items():
            solutions[name] = solution_of(space, choice_row)
    return _result(space, method, facts, solutions, frontier, step)


def _result(
    space: Space,
    method: str,
    facts: Facts,
    solutions: dict[SolutionName, Solution | None],
    frontier: list[FrontierPackage] | None,
    step: float,
) -> BargainResult:
    blocking = [] if facts.any_feasible else blocking_sets(space, facts.corrections)
    conflicts, complete = (
        conflict_sets(space, facts.corrections, blocking) if blocking else ([], True)
    )
    return BargainResult(
        scenario=space.name,
        method="exact" if method == "exact" else "cp-sat",
        parties=list(space.parties),
        issues=[issue.id for issue in space.issues],
        excluded_issues=list(space.excluded_issues),
        packages=space.packages,
        feasible=facts.feasible,
        frontier_size=None if frontier is None else len(frontier),
        ideal=_by_party(space, space.float_ideal()),
        disagreement=_by_party(space, space.float_disagreement()),
        solutions=solutions,
        constraints=[
            ConstraintInfo(
                id=c.id,
                kind=c.kind,
                owner=c.owner,
                salience=c.salience,
                text=c.text,
                detail=c.detail,
            )
            for c in space.constraints
        ],
        blocking=blocking,
        blocking_complete=facts.corrections_complete,
        conflicts=conflicts,
        conflicts_complete=complete,
        fragile=fragility(space, facts, step=step) if facts.any_feasible else [],
        frontier=frontier,
    )
