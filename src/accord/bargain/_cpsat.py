"""The CP-SAT engine, for spaces too large to evaluate package by package.

One Boolean per option, exactly one per issue; utilities are the same integer
contributions as the exact engine, so utilitarian, egalitarian (leximin) and the
blocking sets are exact and proven optimal. Nash maximises a product, which CP-SAT
cannot hold in 64 bits, so it is solved as Σ log(gain) with tangent-line upper bounds
on a 10⁻⁶ utility grid: each optimum of the bound is evaluated exactly, its tangents
are added and the package is excluded, until the bound cannot beat the best package
seen (proven optimal within the grid and tangent tolerance; see docs/bargain.md).
The solver runs single-threaded with a fixed seed so results are reproducible.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from ortools.sat.python import cp_model

from accord.bargain._facts import Facts
from accord.bargain._solutions import SolutionName
from accord.bargain._space import QUANTUM, Ints, Space
from accord.errors import AccordError

__all__ = ["cpsat_facts", "cpsat_solutions"]

_GRID = 10**6  # utility units per 1.0 in the objectives (OR-Tools needs products < 2^63)
_LOG_SCALE = 10**6  # log units per 1.0 in the log model
_TANGENT_RATIO = 1.05
#: Blocking sets listed at most by the solver (one solve each), cheapest first.
MAX_CORRECTIONS = 1000


@dataclass
class _Model:
    space: Space
    relaxable: bool = False
    model: cp_model.CpModel = field(default_factory=cp_model.CpModel)
    x: list[list[cp_model.IntVar]] = field(default_factory=list)
    relax: list[cp_model.IntVar] = field(default_factory=list)
    fires: dict[int, cp_model.IntVar] = field(default_factory=dict)

    def __post_init__(self) -> None:
        space, m = self.space, self.model
        self.x = [
            [m.new_bool_var(f"x{i}_{o}") for o in range(len(issue.options))]
            for i, issue in enumerate(space.issues)
        ]
        for row in self.x:
            m.add_exactly_one(row)
        for j, c in enumerate(space.constraints):
            b = m.new_bool_var(f"relax{j}")
            self.relax.append(b)
            if not self.relaxable:
                m.add(b == 0)
            if c.kind == "red_line":
                assert c.allowed is not None
                for o, ok in enumerate(c.allowed):
                    if not ok:
                        m.add_implication(self.x[c.issue][o], b)
            elif c.kind == "linkage":
                assert c.trigger is not None and c.allowed is not None
                fires = m.new_bool_var(f"fires{j}")
                m.add(fires == sum(self.x[c.issue][o] for o in np.flatnonzero(c.trigger)))
                self.fires[j] = fires
                then = sum(self.x[c.then_issue][o] for o in np.flatnonzero(c.allowed))
                m.add(fires <= then + b)
            else:
                m.add(self.utility(c.party) >= c.threshold).only_enforce_if(~b)

    def utility(self, a: int, tables: tuple[Ints, ...] | None = None) -> cp_model.LinearExpr:
        tables = tables or self.space.contributions
        return cp_model.LinearExpr.weighted_sum(
            [v for row in self.x for v in row],
            [int(t[a, o]) for t in tables for o in range(t.shape[1])],
        )

    def solve(self) -> cp_model.CpSolver | None:
        return self.run(self.model)

    @staticmethod
    def run(model: cp_model.CpModel) -> cp_model.CpSolver | None:
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        status = solver.solve(model)
        if status == cp_model.OPTIMAL:
            return solver
        if status == cp_model.INFEASIBLE:
            return None
        raise AccordError("E900", reason=f"CP-SAT stopped with status {solver.status_name()}")

    def choice(self, solver: cp_model.CpSolver) -> Ints:
        return np.array(
            [next(o for o, v in enumerate(row) if solver.value(v)) for row in self.x],
            dtype=np.int64,
        )

    def coarse(self) -> tuple[tuple[Ints, ...], Ints]:
        """Contributions and disagreement point on the objective grid."""
        unit = QUANTUM // _GRID
        tables = tuple(np.rint(t / unit).astype(np.int64) for t in self.space.contributions)
        return tables, np.rint(self.space.disagreement / unit).astype(np.int64)


def _clear_objective(model: cp_model.CpModel) -> None:
    model.clear_objective()  # type: ignore[no-untyped-call]


def _corrections(space: Space) -> tuple[list[int], bool]:
    """Minimal correction sets in increasing size, and whether the list is complete."""
    m = _Model(space, relaxable=True)
    m.model.minimize(sum(m.relax))
    found: list[int] = []
    while (solver := m.solve()) is not None:
        if len(found) == MAX_CORRECTIONS:
            return found, False
        chosen = [j for j, b in enumerate(m.relax) if solver.value(b)]
        found.append(sum(1 << j for j in chosen))
        m.model.add_bool_or([~m.relax[j] for j in chosen])
    return found, True


def cpsat_facts(space: Space) -> Facts:
    """The facts the explanation needs, by solver queries instead of enumeration."""
    m = _Model(space)
    n = len(space.parties)
    used = [np.zeros(len(issue.options), dtype=np.bool_) for issue in space.issues]
    first = m.solve()
    if first is None:
        corrections, complete = _corrections(space)
        return Facts(
            feasible=None,
            any_feasible=False,
            corrections=corrections,
            corrections_complete=complete,
            used=used,
            best=np.zeros(n, dtype=np.int64),
            untriggered={},
            then_used={},
        )
    seen = [m.choice(first)]

    def exists(*literals: Any) -> bool:
        m.model.clear_assumptions()
        m.model.add_assumptions(list(literals))
        solver = m.solve()
        m.model.clear_assumptions()
        if solver is not None:
            seen.append(m.choice(solver))
        return solver is not None

    for i, row in enumerate(m.x):
        for o, v in enumerate(row):
            if not any(c[i] == o for c in seen):
                exists(v)
            used[i][o] = any(c[i] == o for c in seen)
    untriggered: dict[int, bool] = {}
    then_used: dict[int, np.ndarray] = {}
    for j, fires in m.fires.items():
        c = space.constraints[j]
        untriggered[j] = exists(~fires)
        then_used[j] = np.array([exists(fires, v) for v in m.x[c.then_issue]], dtype=np.bool_)
    best = np.zeros(n, dtype=np.int64)
    for a in range(n):
        m.model.maximize(m.utility(a))
        solver = m.solve()
        assert solver is not None
        best[a] = round(solver.objective_value)
    _clear_objective(m.model)
    return Facts(
        feasible=None,
        any_feasible=True,
        corrections=[],
        used=used,
        best=best,
        untriggered=untriggered,
        then_used=then_used,
    )


def _maximise_and_fix(m: _Model, objective: cp_model.LinearExpr) -> None:
    m.model.maximize(objective)
    solver = m.solve()
    assert solver is not None
    m.model.add(objective >= round(solver.objective_value))
    _clear_objective(m.model)


def _leximin(m: _Model) -> None:
    """Fix, one after another, the largest sum of the k smallest gains (k = 1..n).

    "The k smallest gains sum to at least S" is "every k parties' gains sum to at least
    S": linear constraints over the option Booleans only. The largest such S is found
    by bisection with feasibility queries, so no wide integer variable enters the model
    (OR-Tools 9.15 can exhaust memory on those with 10^12-unit utilities).
    """
    d = m.space.disagreement
    gains = [m.utility(a) - int(d[a]) for a in range(len(m.space.parties))]
    spans = sorted((int(g) for g in m.space.maximum - d), reverse=True)
    for k in range(1, len(gains) + 1):
        groups = [sum(c) for c in itertools.combinations(gains, k)]
        lo, hi = 0, sum(spans[:k])  # lo is reachable: feasible packages have gains ≥ 0
        while lo < hi:
            mid = (lo + hi + 1) // 2
            trial = m.model.clone()
            for group in groups:
                trial.add(group >= mid)
            if _Model.run(trial) is not None:
                lo = mid
            else:
                hi = mid - 1
        for group in groups:
            m.model.add(group >= lo)


def _first_package(m: _Model) -> Ints:
    """The lowest package index among the remaining optima, issue by issue."""
    for row in m.x:
        index = sum(o * v for o, v in enumerate(row))
        m.model.minimize(index)
        solver = m.solve()
        assert solver is not None
        m.model.add(index == round(solver.objective_value))
        _clear_objective(m.model)
    solver = m.solve()
    assert solver is not None
    return m.choice(solver)


def _nash(space: Space) -> Ints:
    m = _Model(space)
    n = len(space.parties)
    coarse, d = m.coarse()
    top = sum(t.max(axis=1) for t in coarse) - d
    gains = [m.utility(a, coarse) - int(d[a]) for a in range(n)]
    logs = []
    for a in range(n):
        m.model.add(gains[a] >= 1)
        span = max(int(top[a]), 1)
        log = m.model.new_int_var(0, math.ceil(_LOG_SCALE * math.log(span)) + 1, f"log{a}")
        logs.append(log)
        t = 1.0
        while t <= span * _TANGENT_RATIO:
            _tangent(m, log, gains[a], max(1, round(t)))
            t *= _TANGENT_RATIO
    m.model.maximize(sum(logs))
    solver = m.solve()
    if solver is None:
        # no package gives every party a positive gain on the grid: every product is 0,
        # so the tie-break alone decides (leximin, then lowest index)
        fallback = _Model(space)
        _leximin(fallback)
        return _first_package(fallback)
    best: tuple[int, Ints, float] | None = None
    while solver is not None:
        choice = m.choice(solver)
        if (
            best is not None
            and solver.objective_value / _LOG_SCALE <= best[2] + (n + 1) / _LOG_SCALE
        ):
            break
        value = 1
        for g in space.utilities([int(o) for o in choice]) - space.disagreement:
            value *= int(g)
        grid = _grid_gains(choice, coarse, d)
        if best is None or value > best[0]:
            best = (value, choice, sum(math.log(max(int(g), 1)) for g in grid))
        for a, g in enumerate(grid):
            _tangent(m, logs[a], gains[a], max(1, int(g)))
        m.model.add_bool_or([~m.x[i][int(o)] for i, o in enumerate(choice)])
        solver = m.solve()
    assert best is not None
    return best[1]


def _grid_gains(choice: Ints, coarse: tuple[Ints, ...], d: Ints) -> Ints:
    total = np.zeros(len(d), dtype=np.int64)
    for t, o in zip(coarse, choice, strict=True):
        total += t[:, int(o)]
    return total - d


def _tangent(m: _Model, log: cp_model.IntVar, gain: cp_model.LinearExpr, t: int) -> None:
    """``log ≤ S·(ln t − 1) + S·gain/t``, multiplied through by t and rounded upwards."""
    constant = math.ceil(t * _LOG_SCALE * (math.log(t) - 1.0))
    m.model.add(t * log <= constant + _LOG_SCALE * gain)


def cpsat_solutions(space: Space) -> dict[SolutionName, Ints]:
    """Nash, egalitarian and utilitarian packages (Kalai–Smorodinsky needs the frontier)."""
    egalitarian = _Model(space)
    _leximin(egalitarian)
    utilitarian = _Model(space)
    total = cp_model.LinearExpr.sum([utilitarian.utility(a) for a in range(len(space.parties))])
    _maximise_and_fix(utilitarian, total)
    _leximin(utilitarian)
    return {
        "nash": _nash(space),
        "egalitarian": _first_package(egalitarian),
        "utilitarian": _first_package(utilitarian),
    }
