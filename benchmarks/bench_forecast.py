"""Speed of the forecast engine against the loop oracle of the tests, measured in one process.

Run: ``PYTHONPATH=src python benchmarks/bench_forecast.py`` (``make bench``). Numpy is held to
one thread so that "model time" means one core; Monte Carlo uses a process per core.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.eum_oracle import Oracle  # noqa: E402

from accord.forecast import forecast_scenario, issue_inputs, monte_carlo, run_batch, run_issue  # noqa: E402
from accord.schema import Actor, Issue, Scenario, Stake  # noqa: E402
from accord.schema.forecast import MonteCarloSettings, Stopping, Variant  # noqa: E402

ROUNDS = 10


def random_scenario(actors: int, issues: int, seed: int) -> Scenario:
    """Positions uniform on 0–100, capabilities on [0.1, 1], saliences on [0.05, 1]."""
    rng = np.random.default_rng(seed)
    return Scenario(
        name=f"random-{actors}x{issues}",
        actors=[Actor(id=f"a{k}", capability=float(rng.uniform(0.1, 1))) for k in range(actors)],
        issues=[Issue(id=f"i{m}") for m in range(issues)],
        stakes=[
            Stake(
                actor=f"a{k}",
                issue=f"i{m}",
                position=float(rng.uniform(0, 100)),
                salience=float(rng.uniform(0.05, 1)),
            )
            for m in range(issues)
            for k in range(actors)
        ],
    )


def best_of(repeats: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def single_issue(actors: int, oracle_rounds: int) -> None:
    item = issue_inputs(random_scenario(actors, 1, seed=actors))[0][0]
    x, c, s = item.positions, item.capabilities, item.saliences
    fast = best_of(3, lambda: run_issue(x, c, s, Variant(), Stopping(rounds=ROUNDS)))
    slow = best_of(1, lambda: Oracle(list(x), list(c), list(s)).run(oracle_rounds))
    per_round = slow / oracle_rounds
    note = "" if oracle_rounds == ROUNDS else f"  (oracle timed on {oracle_rounds} round(s), ×10)"
    print(
        f"{actors:>4} actors × 1 issue × {ROUNDS} rounds: engine {fast:8.4f} s   "
        f"oracle {per_round * ROUNDS:9.2f} s   speed-up {per_round * ROUNDS / fast:8.0f}×{note}"
    )


def many_issues() -> None:
    scenario = random_scenario(20, 10, seed=7)
    inputs = issue_inputs(scenario)[0]
    x, c, s = (
        np.stack([getattr(i, a) for i in inputs])
        for a in ("positions", "capabilities", "saliences")
    )
    engine = best_of(3, lambda: run_batch(x, c, s, Variant(), Stopping()))
    record = best_of(3, lambda: forecast_scenario(scenario))
    oracle = best_of(
        1,
        lambda: [
            Oracle(list(i.positions), list(i.capabilities), list(i.saliences)).run(ROUNDS)
            for i in inputs
        ],
    )
    print(
        f"  20 actors × 10 issues × {ROUNDS} rounds: engine {engine:8.4f} s   oracle "
        f"{oracle:9.2f} s   speed-up {oracle / engine:8.0f}×   "
        f"(full record incl. pydantic: {record:.4f} s)"
    )


def monte_carlo_runs(runs: int) -> None:
    scenario = random_scenario(20, 10, seed=7)
    inputs = issue_inputs(scenario)[0]
    settings = MonteCarloSettings(runs=runs, seed=1)
    workers = os.cpu_count() or 1
    start = time.perf_counter()
    monte_carlo(inputs, Variant(), Stopping(), settings, workers=workers, progress=True)
    elapsed = time.perf_counter() - start
    one = best_of(
        1,
        lambda: [
            Oracle(list(i.positions), list(i.capabilities), list(i.saliences)).run(ROUNDS)
            for i in inputs
        ],
    )
    print(
        f"{runs} Monte Carlo runs of 20 actors × 10 issues on {workers} process(es): "
        f"{elapsed:.2f} s   oracle {one * runs:.0f} s (1 run timed, ×{runs}, one core)   "
        f"speed-up {one * runs / elapsed:.0f}×"
    )


def main() -> None:
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(
        f"accord forecast benchmark (numpy single-threaded, {os.cpu_count()} cores, "
        f"load average {load})"
    )
    single_issue(10, ROUNDS)
    single_issue(50, ROUNDS)
    single_issue(200, 1)
    many_issues()
    monte_carlo_runs(1000)


if __name__ == "__main__":
    main()
