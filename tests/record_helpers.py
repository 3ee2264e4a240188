"""Helpers for the store tests: corpus paths, running ``accord``, dumping a whole record."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from accord.store.models import Base

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "corpus" / "dev.jsonl"
SRC = REPO / "src"


def sa_url(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two records are the same iff their dumps are equal."""
    engine = create_engine(sa_url(url))
    try:
        with engine.connect() as conn:
            return {
                table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    return {name: len(rows) for name, rows in dump(url).items()}


def accord(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m accord ARGS`` in a real subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        capture_output=True,
        text=True,
        env=accord_env(env),
        check=False,
    )


def accord_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    env.pop("ACCORD_DB", None)
    return {**env, **(extra or {})}


def write_variants(path: Path, copies: int) -> Path:
    """Annotated JSONL with ``copies`` re-dated versions of each dev record.

    Each copy adds one closing line to the text, so copies of one record are
    near-duplicates (one story) while the annotations stay valid for the text.
    """
    lines = []
    for line in DEV.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for k in range(copies):
            copy = dict(record)
            copy["id"] = f"{record['id']}-{k:03d}"
            copy["text"] = f"{record['text']}\n\nThis report was updated ({k})."
            if record["published"]:
                day = dt.date.fromisoformat(record["published"]) + dt.timedelta(days=k)
                copy["published"] = day.isoformat()
            lines.append(json.dumps(copy, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(capsys: Any, *args: str) -> tuple[int, str, str]:
    """Run the ``accord`` entry point in this process: (exit code, stdout, stderr)."""
    from accord.cli import main

    old = sys.argv
    sys.argv = ["accord", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = old
    captured = capsys.readouterr()
    return code, captured.out, captured.err
