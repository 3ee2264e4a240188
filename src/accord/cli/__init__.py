"""The ``accord`` command line: one sub-command per job.

Each sub-command lives in its own module and registers itself on :data:`app` when
imported below. :func:`main` turns every :class:`~accord.errors.AccordError` into a
one-line message on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import sys

from accord.cli import (  # noqa: F401  (each import registers its commands)
    bargain_cmd,
    eval_cmd,
    extract_cmd,
    forecast_cmd,
    ingest_cmd,
    record_cmd,
    report_cmd,
    schema_cmd,
    serve_cmd,
)
from accord.cli._app import app, err_console
from accord.errors import AccordError

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``accord`` console script."""
    try:
        app()
    except AccordError as exc:
        err_console.print(
            f"[bold red]error[/]: {exc}", highlight=False, soft_wrap=True, markup=True
        )
        sys.exit(1)
