"""Forecast a whole scenario: the model issue by issue, turned into the published record."""

from __future__ import annotations

import numpy as np

from accord.forecast.eum import OFFER_TYPES, IssueRun, RoundState, run_batch
from accord.forecast.inputs import IssueInput, issue_inputs, same_size_groups
from accord.schema.forecast import (
    Baselines,
    ForecastResult,
    IssueForecast,
    Offer,
    Point,
    Round,
    Stopping,
    Variant,
)
from accord.schema.scenario import Scenario

__all__ = ["forecast_scenario"]


def forecast_scenario(
    scenario: Scenario, variant: Variant | None = None, stopping: Stopping | None = None
) -> ForecastResult:
    """Run the expected-utility model on every issue with at least two positioned actors.

    Issues with the same number of actors are stepped together as one batch.
    """
    variant = variant or Variant()
    stopping = stopping or Stopping()
    inputs, skipped = issue_inputs(scenario)
    runs: dict[str, IssueRun] = {}
    for group in same_size_groups([len(item.actors) for item in inputs]):
        batch = run_batch(
            np.stack([inputs[m].positions for m in group]),
            np.stack([inputs[m].capabilities for m in group]),
            np.stack([inputs[m].saliences for m in group]),
            variant,
            stopping,
        )
        runs.update((inputs[m].issue, run) for m, run in zip(group, batch, strict=True))
    return ForecastResult(
        scenario=scenario.name,
        variant=variant,
        stopping=stopping,
        issues=[_issue_record(item, runs[item.issue]) for item in inputs],
        skipped=skipped,
    )


def _issue_record(item: IssueInput, run: IssueRun) -> IssueForecast:
    """The record of one issue; baselines are the weighted mean and median of the input."""
    first, last = run.rounds[0], run.rounds[-1]
    moved = {
        actor: float(b - a)
        for actor, a, b in zip(item.actors, first.positions, last.positions, strict=True)
        if a != b
    }
    return IssueForecast(
        issue=item.issue,
        name=item.name,
        stop_reason=run.stop_reason,
        rounds_run=len(run.rounds) - 1,
        cycle_start=run.cycle_start,
        initial=Point(median=first.median, mean=first.mean),
        forecast=Point(median=last.median, mean=last.mean),
        baselines=Baselines(weighted_mean=first.mean, weighted_median=first.median),
        moved=moved,
        rounds=_rounds(item.actors, run),
    )


def _rounds(actors: tuple[str, ...], run: IssueRun) -> list[Round]:
    return [_round(actors, k, state) for k, state in enumerate(run.rounds)]


def _round(actors: tuple[str, ...], k: int, state: RoundState) -> Round:
    offers = [
        Offer(
            sender=actors[j],
            receiver=actors[i],
            type=OFFER_TYPES[int(state.offer_type[i, j])],
            position=float(state.offer_position[i, j]),
            accepted=int(state.choice[i]) == j,
        )
        for i, j in zip(*state.offer_type.nonzero(), strict=True)
    ]
    return Round(
        round=k,
        median=state.median,
        mean=state.mean,
        positions=dict(zip(actors, state.positions.tolist(), strict=True)),
        risk=dict(zip(actors, state.risk.tolist(), strict=False)),
        danger=dict(zip(actors, state.danger.tolist(), strict=False)),
        offers=offers,
    )
