"""The model runs a page or briefing shows: a forecast with its Monte Carlo, and a bargain.

Both are deterministic for a given scenario and settings, so results are cached by the
scenario's JSON: the dashboard can redraw a page without rerunning the models.
"""

from __future__ import annotations

from functools import lru_cache

from accord.bargain import bargain, relax
from accord.forecast import forecast_scenario, issue_inputs, monte_carlo, resolve_variant
from accord.schema import Scenario
from accord.schema.bargain import BargainResult
from accord.schema.forecast import ForecastResult, MonteCarloSettings

__all__ = ["DEFAULT_RUNS", "MAX_RUNS", "run_bargain", "run_forecast"]

#: Monte Carlo runs drawn by default on a page (about 1.4 ms a run on the seed scenario).
DEFAULT_RUNS = 200
MAX_RUNS = 1000


def run_forecast(
    scenario: Scenario, *, variant: str = "scholz", runs: int = DEFAULT_RUNS, seed: int = 0
) -> ForecastResult:
    """The forecast of every issue plus ``runs`` perturbed runs (none when ``runs`` is 0)."""
    return _forecast(scenario.model_dump_json(), variant, runs, seed)


@lru_cache(maxsize=64)
def _forecast(body: str, variant: str, runs: int, seed: int) -> ForecastResult:
    scenario = Scenario.model_validate_json(body)
    chosen = resolve_variant(variant)
    result = forecast_scenario(scenario, chosen)
    if runs == 0:
        return result
    inputs, _ = issue_inputs(scenario)
    settings = MonteCarloSettings(runs=runs, seed=seed)
    summary = monte_carlo(inputs, chosen, result.stopping, settings, workers=1, progress=False)
    return result.model_copy(update={"monte_carlo": summary})


def run_bargain(scenario: Scenario) -> tuple[BargainResult, BargainResult | None]:
    """The bargain over ``scenario`` and, when it deadlocks, over the scenario with its
    first-ranked blocking set relaxed (so the frontier a concession would open is shown)."""
    return _bargain(scenario.model_dump_json())


@lru_cache(maxsize=64)
def _bargain(body: str) -> tuple[BargainResult, BargainResult | None]:
    scenario = Scenario.model_validate_json(body)
    result = bargain(scenario)
    if not result.blocking:
        return result, None
    return result, bargain(relax(scenario, result.blocking[0].constraints))
