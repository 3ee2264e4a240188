"""The Typer application and the two consoles every command writes to."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="accord",
    help="Follow multi-party negotiations from the news and model the bargaining.\n\n"
    "Example: accord forecast examples/seed_talks.yaml",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
console = Console()
err_console = Console(stderr=True)


@app.callback()
def _root() -> None:
    """Follow multi-party negotiations from the news and model the bargaining."""
