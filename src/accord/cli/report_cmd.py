"""``accord report``: a self-contained HTML briefing on one negotiation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from accord.cli._app import app, err_console
from accord.errors import InputError
from accord.schema import Scenario, load_scenario
from accord.store import Store, open_store
from accord.store.scenarios import get_scenario


def _scenario(value: str | None, store: Store) -> Scenario | None:
    """A scenario file, else a stored scenario id, else none."""
    if value is None:
        return None
    if Path(value).exists():
        return load_scenario(value)
    return get_scenario(store, value).scenario


@app.command("report")
def report_command(
    negotiation: Annotated[
        str, typer.Option("--negotiation", "-n", help="Negotiation name or id.")
    ],
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")],
    scenario: Annotated[
        str | None,
        typer.Option(
            help="Scenario file (.yaml/.json/.csv) or stored scenario id for the models "
            "(default: drafted from the record)."
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="'What changed' from this date (default: last 7 days).")
    ] = None,
    runs: Annotated[int, typer.Option(min=0, max=10_000, help="Monte Carlo runs.")] = 100,
    seed: Annotated[int, typer.Option(min=0, help="Monte Carlo seed.")] = 0,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default: $ACCORD_DB, else sqlite:///accord.db)."),
    ] = None,
) -> None:
    """Write one self-contained HTML briefing: situation, board, changes, models, sources.

    Example: accord report -n "Harbour talks" --scenario talks.yaml --out briefing.html
    """
    from accord.report.briefing import build_briefing  # Plotly loads only when reporting

    start = None
    if since is not None:
        try:
            start = dt.date.fromisoformat(since)
        except ValueError:
            raise InputError("E603", source="--since", value=since) from None
    store = open_store(db)
    try:
        html = build_briefing(
            store,
            negotiation,
            scenario=_scenario(scenario, store),
            since=start,
            runs=runs,
            seed=seed,
        )
    finally:
        store.close()
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise InputError("E714", source=str(out), reason=exc.strerror or str(exc)) from exc
    err_console.print(f"wrote {out} ({len(html.encode('utf-8')):,} bytes)", highlight=False)
