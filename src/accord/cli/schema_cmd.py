"""``accord schema NAME``: print the JSON Schema of a file format Accord reads or writes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from accord.cli._app import app, console
from accord.errors import InputError
from accord.schema import Extraction, ForecastResult, Scenario

#: Published formats; each value returns a JSON Schema document.
SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "scenario": Scenario.model_json_schema,
    "extraction": Extraction.model_json_schema,
    "forecast": ForecastResult.model_json_schema,
}


@app.command("schema")
def schema_command(
    name: Annotated[str, typer.Argument(help="Format name, e.g. 'scenario'.")],
) -> None:
    """Print the JSON Schema of a format.

    Example: accord schema scenario > scenario.schema.json
    """
    if name not in SCHEMAS:
        raise InputError(
            "E900",
            source="accord schema",
            reason=f"unknown schema {name!r}; choose one of {', '.join(sorted(SCHEMAS))}",
        )
    console.print_json(json.dumps(SCHEMAS[name]()), indent=2)
