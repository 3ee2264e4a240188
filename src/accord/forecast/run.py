"""Forecast a whole scenario: the model issue by issue, turned into the published record."""

from __future__ import annotations

from accord.forecast.eum import OFFER_TYPES, IssueRun, RoundState, run_issue
from accord.forecast.inputs import IssueInput, issue_inputs
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

__all__ = ["forecast_issue", "forecast_scenario"]


def forecast_scenario(
    scenario: Scenario, variant: Variant | None = None, stopping: Stopping | None = None
) -> ForecastResult:
    """Run the expected-utility model on every issue with at least two positioned actors."""
    variant = variant or Variant()
    stopping = stopping or Stopping()
    inputs, skipped = issue_inputs(scenario)
    return ForecastResult(
        scenario=scenario.name,
        variant=variant,
        stopping=stopping,
        issues=[forecast_issue(item, variant, stopping) for item in inputs],
        skipped=skipped,
    )


def forecast_issue(item: IssueInput, variant: Variant, stopping: Stopping) -> IssueForecast:
    """The record of one issue; baselines are the weighted mean and median of the input."""
    run = run_issue(item.positions, item.capabilities, item.saliences, variant, stopping)
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
