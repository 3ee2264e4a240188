"""Monte Carlo: reproducible for a seed whatever the number of workers, and honest summaries."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.forecast.inputs import IssueInput, issue_inputs
from accord.forecast.montecarlo import make_payload, monte_carlo, simulate_runs
from accord.forecast.run import forecast_scenario
from accord.schema import load_scenario
from accord.schema.forecast import MonteCarloSettings, Stopping, Variant
from tests.forecast_cases import EU, REFERENCE

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "seed_talks.yaml"


def example_inputs() -> list[IssueInput]:
    return issue_inputs(load_scenario(EXAMPLE))[0]


def test_montecarlo_same_seed_same_bits_across_worker_counts() -> None:
    settings = MonteCarloSettings(runs=24, seed=11)
    one = monte_carlo(example_inputs(), Variant(), Stopping(), settings, workers=1, progress=False)
    two = monte_carlo(example_inputs(), Variant(), Stopping(), settings, workers=2, progress=False)
    assert one.model_dump_json() == two.model_dump_json()


def test_montecarlo_run_results_do_not_depend_on_chunking() -> None:
    payload = make_payload(example_inputs(), Variant(), Stopping(), MonteCarloSettings())
    whole = simulate_runs(payload, 5, 0, 6)
    parts = np.concatenate([simulate_runs(payload, 5, 0, 2), simulate_runs(payload, 5, 2, 4)])
    assert whole.tobytes() == parts.tobytes()


def test_montecarlo_different_seeds_differ() -> None:
    payload = make_payload(example_inputs(), Variant(), Stopping(), MonteCarloSettings())
    assert simulate_runs(payload, 1, 0, 3).tobytes() != simulate_runs(payload, 2, 0, 3).tobytes()


def test_montecarlo_without_noise_every_run_is_the_forecast() -> None:
    scenario = load_scenario(EXAMPLE)
    quiet = MonteCarloSettings(runs=5, position_sd=0, salience_sd=0, capability_sd=0)
    summary = monte_carlo(example_inputs(), Variant(), Stopping(), quiet, workers=1, progress=False)
    forecast = forecast_scenario(scenario)
    for issue, mc in zip(forecast.issues, summary.issues, strict=True):
        assert set(mc.quantiles.values()) == {issue.forecast.median}


def test_montecarlo_option_probabilities_cover_every_option() -> None:
    settings = MonteCarloSettings(runs=40, seed=3)
    summary = monte_carlo(
        example_inputs(), Variant(), Stopping(), settings, workers=1, progress=False
    )
    scenario = load_scenario(EXAMPLE)
    for mc in summary.issues:
        assert list(mc.probabilities) == [o.id for o in scenario.issue(mc.issue).options]
        assert sum(mc.probabilities.values()) == pytest.approx(1.0)
        assert sum(mc.stop_reasons.values()) == 40


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference data missing")
def test_montecarlo_bins_tenths_of_the_axis_without_options() -> None:
    inputs = issue_inputs(load_scenario(EU))[0]
    summary = monte_carlo(
        inputs, Variant(), Stopping(), MonteCarloSettings(runs=30), workers=1, progress=False
    )
    probabilities = summary.issues[0].probabilities
    labels = list(probabilities)
    assert (labels[0], labels[-1], len(labels)) == ("[4, 4.6)", "[9.4, 10]", 10)
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_montecarlo_perturbations_stay_in_range() -> None:
    wild = MonteCarloSettings(runs=1, position_sd=5.0, salience_sd=5.0, capability_sd=5.0)
    payload = make_payload(example_inputs(), Variant(), Stopping(rounds=0), wild)
    results = simulate_runs(payload, 9, 0, 20)
    assert np.all((results[:, :, 0] >= 0) & (results[:, :, 0] <= 100))
