"""Alembic environment: always runs on the connection :func:`accord.store.engine.migrate` passes."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from accord.store.models import Base

connection: Connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
