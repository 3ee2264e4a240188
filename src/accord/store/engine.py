"""Opening the record: URL resolution, engine set-up per dialect, migrations, write locks.

Writers are serialised across processes (SQLite: ``BEGIN IMMEDIATE`` under WAL;
PostgreSQL: a transaction-level advisory lock), so two ``accord ingest`` runs can
share one database and each article's transaction sees every article committed
before it — which keeps story merging and negotiation assignment order-free.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session

from accord.errors import ServiceError

__all__ = ["DEFAULT_URL", "ENV_VAR", "lock_for_writing", "make_engine", "migrate", "resolve_url"]

DEFAULT_URL = "sqlite:///accord.db"
ENV_VAR = "ACCORD_DB"
MIGRATIONS = Path(__file__).with_name("migrations")
#: Key of the PostgreSQL advisory lock that serialises writers (arbitrary, fixed).
WRITE_LOCK_KEY = 0x61636364


def resolve_url(db: str | None = None) -> str:
    """The database URL: ``--db``, else ``$ACCORD_DB``, else ``accord.db`` in the working dir."""
    return db or os.environ.get(ENV_VAR) or DEFAULT_URL


def make_engine(url: str) -> Engine:
    """An engine for ``url``; ``postgresql://`` uses psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ServiceError("E600", url=url, reason=str(exc)) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ServiceError(
            "E600", url=url, reason=f"{backend} is not supported; use SQLite or PostgreSQL"
        )
    if backend == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 120})
        _serialise_sqlite_writers(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _serialise_sqlite_writers(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 120000")
        cursor.execute("PRAGMA journal_mode = WAL")
        # WAL + NORMAL survives a killed process intact (only power loss may drop the
        # last commits), and spares an fsync per article
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get("accord_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine, flagged so that SQLite transactions take the write lock at BEGIN."""
    return engine.execution_options(accord_write=True)


def lock_for_writing(connection: Connection | Session) -> None:
    """Serialise this transaction against other writers (PostgreSQL; SQLite locks at BEGIN)."""
    bind = connection if isinstance(connection, Connection) else connection.get_bind()
    if bind.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest migration, under the write lock."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with writer(engine).begin() as connection:
            lock_for_writing(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        url = engine.url.render_as_string(hide_password=True)
        reason = str(getattr(exc, "orig", None) or exc)
        raise ServiceError("E600", url=url, reason=reason.strip().splitlines()[0]) from exc
