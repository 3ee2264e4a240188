"""Collective-decision forecasts over a scenario: the expected-utility model and Monte Carlo.

>>> from accord.forecast import forecast_scenario, resolve_variant
>>> result = forecast_scenario(scenario, resolve_variant("bdm", ["q=0.9"]))
"""

from __future__ import annotations

from accord.forecast.eum import run_batch, run_issue
from accord.forecast.inputs import IssueInput, issue_inputs
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.run import forecast_scenario
from accord.forecast.variants import PRESETS, resolve_variant

__all__ = [
    "PRESETS",
    "IssueInput",
    "forecast_scenario",
    "issue_inputs",
    "monte_carlo",
    "resolve_variant",
    "run_batch",
    "run_issue",
]
