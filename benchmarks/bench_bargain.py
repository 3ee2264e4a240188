"""Bargaining search speed and memory, against a plain-Python brute force in the same run.

Random linear-additive scenarios (explicit utility tables, random saliences, no
constraints) of P parties × I issues × 5 options. For each case it prints the time of
the frontier + four solutions, of the whole ``bargain()`` call (which also evaluates
every package to count the feasible ones), the peak memory, and the speed-up over a
plain-Python brute force. The brute force evaluates packages one at a time and checks
each against the frontier (the O(N·F) filter of the peers); it runs on a subsample of
packages and is extrapolated linearly to N — the printout says so.

Run: PYTHONPATH=src python benchmarks/bench_bargain.py
"""

from __future__ import annotations

import itertools
import resource
import time
import tracemalloc
from typing import Any

import numpy as np

from accord.bargain import QUANTUM, bargain, compile_space, feasible_frontier
from accord.bargain._solutions import solve_frontier
from accord.schema.scenario import Scenario

OPTIONS = 5
CASES = [(3, 8), (5, 6), (3, 10), (5, 10)]
LARGE = (3, 12)  # 2.4e8 packages: the CP-SAT engine
SUBSAMPLE = 20_000
CHECKS = 10**7  # dominance checks the brute-force subsample may spend


def random_scenario(parties: int, issues: int, seed: int) -> Scenario:
    rng = np.random.default_rng(seed)
    opts = [f"o{j}" for j in range(OPTIONS)]
    data: dict[str, Any] = {
        "name": f"random-{parties}x{issues}x{OPTIONS}",
        "actors": [{"id": f"p{a}", "capability": 1.0} for a in range(parties)],
        "issues": [
            {"id": f"i{i}", "ordered": False, "options": [{"id": o} for o in opts]}
            for i in range(issues)
        ],
        "stakes": [
            {
                "actor": f"p{a}",
                "issue": f"i{i}",
                "salience": float(rng.uniform(0.1, 1.0)),
                "utilities": {o: float(u) for o, u in zip(opts, rng.random(OPTIONS), strict=True)},
            }
            for a in range(parties)
            for i in range(issues)
        ],
    }
    return Scenario.model_validate(data)


def brute_force_per_package(
    scenario: Scenario, frontier: list[tuple[float, ...]]
) -> tuple[float, int]:
    """Seconds per package of a plain-Python evaluate-and-filter loop (subsample)."""
    weights: dict[tuple[str, str], float] = {}
    for actor in scenario.actors:
        mine = [s for s in scenario.stakes if s.actor == actor.id]
        total = sum(s.salience for s in mine)
        for s in mine:
            weights[(actor.id, s.issue)] = s.salience / total
    tables = {(s.actor, s.issue): s.utilities or {} for s in scenario.stakes}
    ids = [i.id for i in scenario.issues]
    sample = min(SUBSAMPLE, max(500, CHECKS // max(len(frontier), 1)))
    packages = itertools.islice(
        itertools.product(*([o.id for o in i.options] for i in scenario.issues)), sample
    )
    start = time.perf_counter()
    kept = evaluated = 0
    for package in packages:
        evaluated += 1
        u = tuple(
            sum(
                weights[(a.id, i)] * tables[(a.id, i)][o] for i, o in zip(ids, package, strict=True)
            )
            for a in scenario.actors
        )
        dominated = any(
            all(f >= x for f, x in zip(point, u, strict=True)) and point != u for point in frontier
        )
        kept += not dominated
    return (time.perf_counter() - start) / evaluated, evaluated


def run_case(parties: int, issues: int) -> None:
    scenario = random_scenario(parties, issues, seed=parties * 100 + issues)
    space = compile_space(scenario)
    tracemalloc.start()
    start = time.perf_counter()
    choice, utilities = feasible_frontier(space)
    solve_frontier(space, utilities)
    fast = time.perf_counter() - start
    _, peak_fast = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    start = time.perf_counter()
    result = bargain(scenario)
    full = time.perf_counter() - start
    _, peak_full = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    frontier = [tuple(float(x) for x in row / QUANTUM) for row in utilities]
    per_package, sampled = brute_force_per_package(scenario, frontier)
    brute = per_package * space.packages
    print(
        f"{parties} parties × {issues} issues × {OPTIONS} options = "
        f"{space.packages:>11,} packages | "
        f"frontier {len(choice):>5} | frontier+4 solutions {fast:7.3f} s | "
        f"bargain() incl. counting {full:7.3f} s | peak traced memory {peak_full / 2**20:6.1f} MiB "
        f"(frontier+solutions {peak_fast / 2**20:.1f} MiB)"
    )
    print(
        f"    plain-Python brute force: {per_package * 1e6:.1f} µs/package on "
        f"{sampled:,} packages, extrapolated to {brute:,.1f} s for all "
        f"→ speed-up ×{brute / full:,.0f} "
        f"(whole bargain()), ×{brute / fast:,.0f} (frontier + solutions)"
    )
    assert result.frontier_size == len(choice)


def run_large() -> None:
    parties, issues = LARGE
    scenario = random_scenario(parties, issues, seed=7)
    start = time.perf_counter()
    result = bargain(scenario)
    elapsed = time.perf_counter() - start
    print(
        f"{parties} parties × {issues} issues × {OPTIONS} options = "
        f"{result.packages:>11,} packages | "
        f"engine {result.method} | Nash, egalitarian, utilitarian + facts {elapsed:7.2f} s"
    )


def main() -> None:
    for parties, issues in CASES:
        run_case(parties, issues)
    run_large()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
