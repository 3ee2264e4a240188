"""``accord serve``: the dashboard and REST API over the record."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from accord.cli._app import app, err_console
from accord.errors import InputError

__all__ = ["read_token"]


def read_token(token_file: Path | None) -> str | None:
    """The write token: the first line of ``token_file``, else ``ACCORD_TOKEN``, else none."""
    if token_file is None:
        return os.environ.get("ACCORD_TOKEN") or None
    try:
        text = token_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError("E709", source=str(token_file), reason=reason) from exc
    token = text.strip().splitlines()[0].strip() if text.strip() else ""
    if not token:
        raise InputError("E710", source=str(token_file))
    return token


@app.command("serve")
def serve_command(
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="ACCORD_DB", help="Database URL (default: ./accord.db)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(
            "--token-file",
            help="File whose first line is the write token (default: $ACCORD_TOKEN). "
            "Without a token the API is read-only.",
        ),
    ] = None,
) -> None:
    """Serve the dashboard and the REST API.

    Example: ACCORD_TOKEN=$(openssl rand -hex 24) accord serve --port 8000
    """
    import uvicorn

    from accord.web import create_app

    token = read_token(token_file)
    web_app = create_app(db, write_token=token)
    mode = "read-write" if token else "read-only (no token configured)"
    err_console.print(f"Accord on http://{host}:{port}/ — API at /api/v1 — {mode}")
    uvicorn.run(web_app, host=host, port=port, log_level="info", server_header=False)
