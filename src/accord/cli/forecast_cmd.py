"""``accord forecast SCENARIO``: the expected-utility forecast of every issue of a scenario."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from rich.table import Table

from accord.cli._app import app, console
from accord.errors import InputError
from accord.forecast.inputs import issue_inputs
from accord.forecast.montecarlo import monte_carlo
from accord.forecast.run import forecast_scenario
from accord.forecast.variants import PRESETS, resolve_variant
from accord.schema import load_scenario
from accord.schema.forecast import (
    ForecastResult,
    IssueForecast,
    IssueMonteCarlo,
    MonteCarloSettings,
    Stopping,
)

_Settings = TypeVar("_Settings", bound=BaseModel)


@app.command("forecast")
def forecast_command(
    scenario: Annotated[Path, typer.Argument(help="Scenario file (.yaml, .json or .csv).")],
    rounds: Annotated[
        int | None, typer.Option(help="Run exactly this many rounds (default 10).")
    ] = None,
    until_stable: Annotated[
        bool, typer.Option("--until-stable", help="Run until stable, a cycle or --max-rounds.")
    ] = False,
    epsilon: Annotated[
        float, typer.Option(help="Stability threshold, as a share of the issue's initial range.")
    ] = 1e-6,
    max_rounds: Annotated[int, typer.Option(help="Round cap for --until-stable.")] = 100,
    variant: Annotated[str, typer.Option(help=f"Model preset: {', '.join(PRESETS)}.")] = "scholz",
    settings: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="Override one variant setting, KEY=VALUE (normaliser, compromise, "
            "capitulation, q, t); repeatable.",
        ),
    ] = None,
    runs: Annotated[int, typer.Option(help="Monte Carlo runs (0 = none).")] = 0,
    seed: Annotated[int, typer.Option(help="Monte Carlo seed.")] = 0,
    workers: Annotated[
        int | None, typer.Option(help="Monte Carlo processes (default: all cores).")
    ] = None,
    position_sd: Annotated[
        float, typer.Option(help="Position SD as a share of the scale width.")
    ] = 0.05,
    salience_sd: Annotated[float, typer.Option(help="Salience SD.")] = 0.1,
    capability_sd: Annotated[
        float, typer.Option(help="Capability SD as a share of the capability.")
    ] = 0.2,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Run the Monte Carlo on Dask: 'local' for a local cluster, or a scheduler "
            "address such as tcp://host:8786."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full record as JSON.")] = False,
) -> None:
    """Forecast where each issue of a scenario is heading (Bueno de Mesquita's model).

    Example: accord forecast examples/seed_talks.yaml --variant bdm --set q=0.9 --runs 200
    """
    if until_stable and rounds is not None:
        raise InputError(
            "E202",
            source="accord forecast",
            option="--rounds",
            reason=("give either --rounds or --until-stable, not both"),
        )
    stopping = _checked(
        Stopping,
        mode="until_stable" if until_stable else "rounds",
        rounds=10 if rounds is None else rounds,
        epsilon=epsilon,
        max_rounds=max_rounds,
    )
    chosen = resolve_variant(variant, settings or ())
    if workers is not None and workers < 1:
        raise InputError("E202", source="accord forecast", option="--workers", reason="must be ≥ 1")
    mc = None
    if runs:
        mc = _checked(
            MonteCarloSettings,
            runs=runs,
            seed=seed,
            position_sd=position_sd,
            salience_sd=salience_sd,
            capability_sd=capability_sd,
        )
    loaded = load_scenario(scenario)
    result = forecast_scenario(loaded, chosen, stopping)
    if mc is not None:
        inputs, _ = issue_inputs(loaded)
        if scheduler is None:
            summary = monte_carlo(
                inputs, chosen, stopping, mc, workers=workers, progress=not as_json
            )
        else:
            from accord.dist import dask_client  # Dask loads only when asked for

            with dask_client(None if scheduler == "local" else scheduler) as client:
                summary = monte_carlo(
                    inputs,
                    chosen,
                    stopping,
                    mc,
                    workers=workers,
                    executor=client.get_executor(),  # type: ignore[no-untyped-call]
                    progress=not as_json,
                )
        result = result.model_copy(update={"monte_carlo": summary})
    if as_json:
        typer.echo(result.model_dump_json(by_alias=True, indent=2))
    else:
        _print(result, {actor.id: actor.label for actor in loaded.actors})


def _checked(model: type[_Settings], **values: Any) -> _Settings:
    """Validate option values through their pydantic model; errors name the option."""
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        field = str(error["loc"][0]).replace("_", "-")
        raise InputError(
            "E202", source="accord forecast", option=f"--{field}", reason=error["msg"]
        ) from None


def _print(result: ForecastResult, labels: dict[str, str]) -> None:
    """Rich tables per issue; actors appear by name (the JSON keeps their ids)."""
    v = result.variant
    console.print(
        f"[bold]{result.scenario}[/] — expected-utility model, normaliser {v.normaliser}, "
        f"compromise {v.compromise}, capitulation {'on' if v.capitulation else 'off'}, "
        f"Q={v.q:g}, T={v.t:g}"
    )
    mc = {m.issue: m for m in result.monte_carlo.issues} if result.monte_carlo else {}
    for issue in result.issues:
        console.print(_table(issue, mc.get(issue.issue), labels))
    for skipped in result.skipped:
        console.print(f"[yellow]skipped[/] {skipped.issue}: {skipped.reason}")


def _table(issue: IssueForecast, mc: IssueMonteCarlo | None, labels: dict[str, str]) -> Table:
    table = Table(title=f"{issue.name} ({issue.issue})", title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("initial", f"median {issue.initial.median:.4g}, mean {issue.initial.mean:.4g}")
    table.add_row(
        "forecast",
        f"median {issue.forecast.median:.4g}, mean {issue.forecast.mean:.4g} "
        f"(after {issue.rounds_run} rounds; stopped: {issue.stop_reason}"
        + (f", repeats round {issue.cycle_start}" if issue.cycle_start is not None else "")
        + ")",
    )
    b = issue.baselines
    table.add_row(
        "baselines", f"weighted median {b.weighted_median:.4g}, weighted mean {b.weighted_mean:.4g}"
    )
    first, last = issue.rounds[0].positions, issue.rounds[-1].positions
    moves = [f"{labels.get(a, a)} {first[a]:.4g} → {last[a]:.4g}" for a in issue.moved]
    table.add_row("moved", "; ".join(moves) or "nobody")
    if mc is not None:
        q = mc.quantiles
        table.add_row(
            "Monte Carlo",
            f"median q05 {q['q05']:.4g}, q25 {q['q25']:.4g}, q50 {q['q50']:.4g}, "
            f"q75 {q['q75']:.4g}, q95 {q['q95']:.4g}",
        )
        likely = sorted(mc.probabilities.items(), key=lambda kv: -kv[1])
        table.add_row("outcome odds", ", ".join(f"{k} {p:.0%}" for k, p in likely if p > 0))
    return table
