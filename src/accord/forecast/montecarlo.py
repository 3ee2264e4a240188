"""Monte Carlo sensitivity of the forecast to the analyst's numbers.

Each run perturbs every capability, salience and position with a truncated normal
(:class:`~accord.schema.forecast.MonteCarloSettings`) and runs the model on every issue.
Run ``k`` draws from ``SeedSequence(seed, spawn_key=(k,))`` — the ``k``-th child that
``SeedSequence(seed).spawn`` would give — so results are bit-identical whatever the number
of workers. :func:`simulate_runs` is a plain top-level function over plain values, so any
executor (a process pool here, Dask later) can run it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from accord.forecast.eum import run_batch
from accord.forecast.inputs import IssueInput, same_size_groups
from accord.schema.forecast import (
    IssueMonteCarlo,
    MonteCarloSettings,
    MonteCarloSummary,
    Stopping,
    Variant,
)

__all__ = ["QUANTILES", "McPayload", "make_payload", "monte_carlo", "simulate_runs", "summarise"]

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
_STOP_CODES = ("rounds", "stable", "cycle", "round_cap")
_BATCH_PROBLEMS = 100


@dataclass(frozen=True)
class McPayload:
    """Everything a worker needs, as plain values (arrays, floats, dicts)."""

    capabilities: NDArray[np.float64]  # per actor of the scenario
    members: tuple[NDArray[np.intp], ...]  # per issue: indices into ``capabilities``
    positions: tuple[NDArray[np.float64], ...]
    saliences: tuple[NDArray[np.float64], ...]
    scales: tuple[tuple[float, float], ...]
    variant: dict[str, Any]
    stopping: dict[str, Any]
    settings: dict[str, Any]


def make_payload(
    issues: Sequence[IssueInput], variant: Variant, stopping: Stopping, settings: MonteCarloSettings
) -> McPayload:
    """Collect the issues' numbers, keyed so that an actor's capability is drawn once per run."""
    actors: dict[str, float] = {}
    for item in issues:
        for actor, cap in zip(item.actors, item.capabilities.tolist(), strict=True):
            actors.setdefault(actor, cap)
    index = {actor: k for k, actor in enumerate(actors)}
    return McPayload(
        capabilities=np.array(list(actors.values()), dtype=np.float64),
        members=tuple(np.array([index[a] for a in item.actors], dtype=np.intp) for item in issues),
        positions=tuple(item.positions for item in issues),
        saliences=tuple(item.saliences for item in issues),
        scales=tuple(item.scale for item in issues),
        variant=variant.model_dump(),
        stopping=stopping.model_dump(),
        settings=settings.model_dump(),
    )


def _truncated_normal(
    rng: np.random.Generator,
    mean: NDArray[np.float64],
    sd: NDArray[np.float64],
    lo: float,
    hi: float,
) -> NDArray[np.float64]:
    """Normal draws redrawn until they fall in [lo, hi] (means lie inside, so this ends fast)."""
    out = rng.normal(mean, sd)
    bad = (out < lo) | (out > hi)
    while bad.any():
        out[bad] = rng.normal(mean[bad], sd[bad])
        bad = (out < lo) | (out > hi)
    return out


def simulate_runs(payload: McPayload, seed: int, first: int, count: int) -> NDArray[np.float64]:
    """Runs ``first … first + count − 1``: array (count, issues, 3) of median, mean, stop code.

    Draws happen run by run in a fixed order (capabilities, then each issue's saliences and
    positions); the model then steps all runs' issues of equal size as one batch. Rows of a
    batch never interact, so a run's result does not depend on its chunk.
    """
    variant = Variant.model_validate(payload.variant)
    stopping = Stopping.model_validate(payload.stopping)
    settings = payload.settings
    issues = len(payload.members)
    pos: list[list[NDArray[np.float64]]] = [[] for _ in range(issues)]
    sal: list[list[NDArray[np.float64]]] = [[] for _ in range(issues)]
    cap: list[list[NDArray[np.float64]]] = [[] for _ in range(issues)]
    for k in range(count):
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(first + k,)))
        caps = _truncated_normal(
            rng, payload.capabilities, settings["capability_sd"] * payload.capabilities, 0.0, np.inf
        )
        for m, members in enumerate(payload.members):
            s = payload.saliences[m]
            sal[m].append(_truncated_normal(rng, s, np.full_like(s, settings["salience_sd"]), 0, 1))
            lo, hi = payload.scales[m]
            x = payload.positions[m]
            sd = np.full_like(x, settings["position_sd"] * (hi - lo))
            pos[m].append(_truncated_normal(rng, x, sd, lo, hi))
            cap[m].append(caps[members])
    out = np.empty((count, issues, 3))
    for group in same_size_groups([actors.size for actors in payload.members]):
        runs = run_batch(
            np.stack([row for m in group for row in pos[m]]),
            np.stack([row for m in group for row in cap[m]]),
            np.stack([row for m in group for row in sal[m]]),
            variant,
            stopping,
        )
        for g, m in enumerate(group):
            for k in range(count):
                run = runs[g * count + k]
                last = run.rounds[-1]
                out[k, m] = (last.median, last.mean, _STOP_CODES.index(run.stop_reason))
    return out


def monte_carlo(
    issues: Sequence[IssueInput],
    variant: Variant,
    stopping: Stopping,
    settings: MonteCarloSettings,
    *,
    workers: int | None = None,
    executor: Executor | None = None,
    progress: bool = True,
) -> MonteCarloSummary:
    """Run ``settings.runs`` perturbed forecasts over ``workers`` processes (default: all cores).

    ``executor`` runs the chunks elsewhere instead, e.g. a Dask client's
    ``get_executor()``; ``workers`` then only sets how finely the runs are chunked. Every
    run draws from its own seed, so the result is the same wherever it runs.
    """
    payload = make_payload(issues, variant, stopping, settings)
    workers = max(1, workers or os.cpu_count() or 1)
    # About 100 problems per batch is where numpy's per-call cost and cache misses balance.
    size = max(1, min(settings.runs // (workers * 4), _BATCH_PROBLEMS // max(1, len(issues))))
    chunks = [(first, min(size, settings.runs - first)) for first in range(0, settings.runs, size)]
    with _bar(progress) as bar:
        task = bar.add_task("Monte Carlo runs", total=settings.runs)
        if executor is not None:
            parts = _in_pool(
                executor, payload, settings.seed, chunks, lambda n: bar.advance(task, n)
            )
        elif workers == 1:
            parts = []
            for first, count in chunks:
                parts.append(simulate_runs(payload, settings.seed, first, count))
                bar.advance(task, count)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                parts = _in_pool(
                    pool, payload, settings.seed, chunks, lambda n: bar.advance(task, n)
                )
    return summarise(issues, np.concatenate(parts), settings)


def _in_pool(
    pool: Executor,
    payload: McPayload,
    seed: int,
    chunks: list[tuple[int, int]],
    done: Callable[[int], object],
) -> list[NDArray[np.float64]]:
    """Submit every chunk at once, collect in order, report each finished chunk."""
    futures = [pool.submit(simulate_runs, payload, seed, first, count) for first, count in chunks]
    parts = []
    for future, (_, count) in zip(futures, chunks, strict=True):
        parts.append(future.result())
        done(count)
    return parts


def _bar(show: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not show,
    )


def summarise(
    issues: Sequence[IssueInput], results: NDArray[np.float64], settings: MonteCarloSettings
) -> MonteCarloSummary:
    """Quantiles of each issue's forecast and the share of runs per option or tenth of the axis."""
    summaries = []
    for m, item in enumerate(issues):
        medians, means, codes = results[:, m, 0], results[:, m, 1], results[:, m, 2]
        summaries.append(
            IssueMonteCarlo(
                issue=item.issue,
                quantiles=_quantiles(medians),
                mean_quantiles=_quantiles(means),
                probabilities=_probabilities(item, medians),
                stop_reasons={
                    reason: int(np.count_nonzero(codes == k))
                    for k, reason in enumerate(_STOP_CODES)
                    if np.any(codes == k)
                },
            )
        )
    return MonteCarloSummary(settings=settings, issues=summaries)


def _quantiles(values: NDArray[np.float64]) -> dict[str, float]:
    return {
        f"q{round(q * 100):02d}": float(v)
        for q, v in zip(QUANTILES, np.quantile(values, QUANTILES), strict=True)
    }


def _probabilities(item: IssueInput, medians: NDArray[np.float64]) -> dict[str, float]:
    """Nearest option (first listed on ties), or one of ten equal bins of the scale."""
    runs = medians.size
    if item.options:
        at = np.array([a for _, a in item.options])
        nearest = np.argmin(np.abs(medians[:, None] - at[None, :]), axis=1)
        counts = np.bincount(nearest, minlength=at.size)
        return {oid: int(c) / runs for (oid, _), c in zip(item.options, counts, strict=True)}
    lo, hi = item.scale
    edges = np.linspace(lo, hi, 11)
    bins = np.clip(np.searchsorted(edges, medians, side="right") - 1, 0, 9)
    counts = np.bincount(bins, minlength=10)
    labels = [f"[{edges[k]:g}, {edges[k + 1]:g}{']' if k == 9 else ')'}" for k in range(10)]
    return {label: int(c) / runs for label, c in zip(labels, counts, strict=True)}
