"""The record: a durable, sourced store of what the news says about each negotiation.

Open it with :func:`open_store` (SQLite ``accord.db`` by default, PostgreSQL by URL,
or ``$ACCORD_DB``); the schema is created or upgraded by the bundled Alembic
migrations on open. Write one article at a time with :meth:`Store.write` (one
transaction, idempotent); read with :meth:`Store.session` and the models in
:mod:`accord.store.models`, or through the views in :mod:`accord.track`.

    >>> store = open_store("sqlite:///record.db")          # doctest: +SKIP
    >>> outcome = store.write(article, extraction)        # doctest: +SKIP
    >>> with store.session() as session: ...              # doctest: +SKIP
"""

from __future__ import annotations

from accord.store.engine import DEFAULT_URL, ENV_VAR, resolve_url
from accord.store.models import Base
from accord.store.session import Store, WriteOutcome, open_store

__all__ = ["DEFAULT_URL", "ENV_VAR", "Base", "Store", "WriteOutcome", "open_store", "resolve_url"]
