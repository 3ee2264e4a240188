"""``accord bargain SCENARIO``: the packages every party can accept, and what blocks a deal."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.bargain import EXACT_LIMIT, bargain, relax
from accord.bargain._scan import Progress as ProgressCallback
from accord.cli._app import app, console, err_console
from accord.schema import load_scenario
from accord.schema.bargain import BargainResult, SolutionName
from accord.schema.scenario import Scenario

_SHOWN = 10  # conflicts and blocking sets printed; --json has them all

_TITLES: dict[SolutionName, str] = {
    "nash": "Nash",
    "kalai_smorodinsky": "Kalai–Smor.",
    "egalitarian": "Egalitarian",
    "utilitarian": "Utilitarian",
}


@app.command("bargain")
def bargain_command(
    scenario_path: Annotated[Path, typer.Argument(metavar="SCENARIO", help="Scenario file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    with_frontier: Annotated[
        bool, typer.Option("--frontier", help="Include every frontier package in the JSON.")
    ] = False,
    exact_limit: Annotated[
        int, typer.Option(help="Evaluate every package up to this many; beyond, use CP-SAT.")
    ] = EXACT_LIMIT,
    step: Annotated[
        float, typer.Option(help="Reservation rise used to test whether deals are fragile.")
    ] = 0.05,
) -> None:
    """Search the packages of a scenario: Pareto frontier, Nash, Kalai–Smorodinsky,
    egalitarian and utilitarian solutions, and the red lines that block a deal.

    Example: accord bargain examples/seed_talks.yaml
    """
    scenario = load_scenario(scenario_path)
    with ExitStack() as stack:
        callback: ProgressCallback | None = None
        if err_console.is_terminal and not as_json:
            bar = stack.enter_context(
                Progress(
                    TextColumn("evaluating packages"),
                    BarColumn(),
                    TaskProgressColumn(),
                    TimeElapsedColumn(),
                    console=err_console,
                    transient=True,
                )
            )
            task = bar.add_task("scan", total=None)

            def callback(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

        result = bargain(
            scenario,
            exact_limit=exact_limit,
            step=step,
            on_progress=callback,
            source=str(scenario_path),
        )
    if as_json:
        exclude = None if with_frontier else {"frontier"}
        console.print_json(result.model_dump_json(exclude=exclude), indent=2)
        return
    _print(result, scenario, exact_limit)


def _print(result: BargainResult, scenario: Scenario, exact_limit: int) -> None:
    labels = {a.id: a.label for a in scenario.actors}
    counted = f"{result.feasible:,}" if result.feasible is not None else "not counted"
    console.print(
        f"[bold]{result.scenario}[/]: {len(result.parties)} parties, {len(result.issues)} issues, "
        f"{result.packages:,} packages, {counted} feasible"
        + (f", {result.frontier_size:,} on the Pareto frontier" if result.frontier_size else "")
        + f" ({result.method}).",
        highlight=False,
    )
    if result.excluded_issues:
        console.print(
            f"Left out (no options to bargain over): {', '.join(result.excluded_issues)}.",
            highlight=False,
        )
    if result.blocking:
        _print_deadlock(result, labels)
        top = result.blocking[0]
        relaxed = bargain(relax(scenario, top.constraints), exact_limit=exact_limit)
        if relaxed.solutions["nash"] is not None:
            count = f"{relaxed.feasible:,}" if relaxed.feasible is not None else "some"
            console.print(
                f"\n[bold]If way 1 were taken[/] ({top.text[0].lower()}{top.text[1:]}), "
                f"{count} package(s) would be feasible:",
                highlight=False,
            )
            _print_solutions(relaxed, labels)
            _print_fragile(relaxed)
        return
    if all(s is None for s in result.solutions.values()):
        console.print("No package satisfies every constraint.")
        return
    _print_solutions(result, labels)
    _print_fragile(result)


def _bullets(lines: list[str]) -> None:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        grid.add_row("  •", line)
    console.print(grid, highlight=False)


def _print_deadlock(result: BargainResult, labels: dict[str, str]) -> None:
    console.print(
        "\n[bold red]No package satisfies every constraint.[/] "
        "Minimal conflicts (drop any one constraint of a line and that conflict is gone):"
    )
    _bullets([c.text for c in result.conflicts[:_SHOWN]])
    _more(len(result.conflicts), result.conflicts_complete)
    table = Table(title="Ways to a deal: minimal sets of constraints to relax, easiest first")
    table.add_column("#", justify="right")
    table.add_column("relax")
    table.add_column("parties")
    table.add_column("salience", justify="right")
    for b in result.blocking[:_SHOWN]:
        table.add_row(
            str(b.rank),
            b.text.removeprefix("Relax "),
            ", ".join(labels.get(p, p) for p in b.parties),
            f"{b.salience:.2f}",
        )
    console.print(table)
    _more(len(result.blocking), result.blocking_complete)


def _more(count: int, complete: bool) -> None:
    if count > _SHOWN:
        console.print(f"  … {count - _SHOWN:,} more in --json", highlight=False)
    if not complete:
        console.print("  (not all listed: too many to enumerate; see docs/bargain.md)")


def _print_fragile(result: BargainResult) -> None:
    if result.fragile:
        console.print("[bold]Fragile[/] (one tightening step away from no deal):")
        _bullets([f.text for f in result.fragile])
    else:
        console.print("No single constraint is one tightening step away from removing every deal.")


def _print_solutions(result: BargainResult, labels: dict[str, str]) -> None:
    table = Table(title="Bargaining solutions: package, then utility and concession from the ideal")
    table.add_column("")
    present = [(name, s) for name, s in result.solutions.items() if s is not None]
    for name, _ in present:
        table.add_column(_TITLES[name])
    for issue in result.issues:
        table.add_row(issue, *(s.package[issue] for _, s in present))
    table.add_section()
    for party in result.parties:
        table.add_row(
            labels.get(party, party),
            *(f"{s.utilities[party]:.3f} −{s.concessions[party]:.3f}" for _, s in present),
        )
    console.print(table)
