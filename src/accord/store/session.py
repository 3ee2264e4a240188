"""The :class:`Store` handle: an engine with the schema migrated, sessions, and writes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from accord.schema import Article, Extraction
from accord.store.engine import lock_for_writing, make_engine, migrate, resolve_url, writer
from accord.store.models import StoredArticle
from accord.store.writer import WriteOutcome, write_article

__all__ = ["Store", "WriteOutcome", "open_store"]


class Store:
    """A migrated database holding the record."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session in one transaction (a consistent snapshot for a view)."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction holding the cross-process write lock; commits on success."""
        with Session(writer(self.engine), expire_on_commit=False) as session, session.begin():
            lock_for_writing(session)
            yield session

    def write(
        self, article: Article, extraction: Extraction, *, negotiation: str | None = None
    ) -> WriteOutcome:
        """Store one article and its facts in one transaction; a known article adds nothing."""
        with self.writing() as session:
            return write_article(session, article, extraction, negotiation=negotiation)

    def has_article(self, article_id: str) -> bool:
        with self.session() as session:
            return session.get(StoredArticle, article_id) is not None

    def close(self) -> None:
        self.engine.dispose()


def open_store(db: str | None = None) -> Store:
    """Open (creating or upgrading) the record at ``db``, ``$ACCORD_DB`` or ``accord.db``."""
    engine = make_engine(resolve_url(db))
    migrate(engine)
    return Store(engine)
