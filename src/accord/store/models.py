"""The tables of the record (SQLAlchemy 2 typed ORM).

Every fact row (stance, meeting, event, status) has a content-derived primary key
(see :mod:`accord.store.ids`) and points at the article it was read from, with the
evidence text and its character span, so re-ingesting adds nothing and every board
cell can be traced to a sentence. Article texts themselves are not kept (news is
copyrighted): only the URL, metadata, a MinHash signature and the evidence quotes.
The schema is created and upgraded by the Alembic migrations in ``migrations/``;
change a model only together with a new migration.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Actor",
    "ActorAlias",
    "ActorRole",
    "ArticleBand",
    "ArticleParty",
    "ArticleSource",
    "Base",
    "EventRow",
    "MeetingParticipant",
    "MeetingRow",
    "Negotiation",
    "Party",
    "StanceRow",
    "StatusRow",
    "StoredArticle",
    "Story",
]

ID = String(64)
NAME = String(300)


class Base(DeclarativeBase):
    pass


class Negotiation(Base):
    """A negotiation followed in the record; ``explicit`` when a user named it."""

    __tablename__ = "negotiations"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME, unique=True)
    explicit: Mapped[bool]


class Story(Base):
    """A group of near-duplicate articles (wire copies); every copy stays as a source."""

    __tablename__ = "stories"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    first_published: Mapped[dt.date | None] = mapped_column(Date)


class StoredArticle(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    negotiation_id: Mapped[str] = mapped_column(ForeignKey("negotiations.id"), index=True)
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id"), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    text_length: Mapped[int]
    minhash: Mapped[bytes] = mapped_column(LargeBinary)
    extractor: Mapped[str | None] = mapped_column(String(200))


class ArticleBand(Base):
    """One LSH band of an article's MinHash: articles sharing a band are duplicate candidates."""

    __tablename__ = "article_bands"
    band: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)


class ArticleSource(Base):
    """An attribution the article gives ("the Wall Street Journal reported")."""

    __tablename__ = "article_sources"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    source: Mapped[str] = mapped_column(NAME, primary_key=True)


class ArticleParty(Base):
    """A party the article names (taking part in the talks or stating a position)."""

    __tablename__ = "article_parties"
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    party: Mapped[str] = mapped_column(ForeignKey("parties.name"), primary_key=True, index=True)


class Party(Base):
    __tablename__ = "parties"
    name: Mapped[str] = mapped_column(NAME, primary_key=True)
    id: Mapped[str] = mapped_column(ID, unique=True)


class Actor(Base):
    """A named person (or organisation) and the party they speak for."""

    __tablename__ = "actors"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(NAME)
    party: Mapped[str | None] = mapped_column(NAME)
    kind: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(3))
    sector: Mapped[str | None] = mapped_column(String(8))


class ActorAlias(Base):
    __tablename__ = "actor_aliases"
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True)
    alias: Mapped[str] = mapped_column(NAME, primary_key=True)


class ActorRole(Base):
    """An actor's appearance in an article, with the role it gives them ("" when none)."""

    __tablename__ = "actor_roles"
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), primary_key=True)
    role: Mapped[str] = mapped_column(Text, primary_key=True)


class _Fact:
    """Columns shared by every fact: its article, negotiation, date and evidence span."""

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id"), index=True)
    negotiation_id: Mapped[str] = mapped_column(ForeignKey("negotiations.id"))
    date: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None]
    span_end: Mapped[int | None]


class StanceRow(_Fact, Base):
    __tablename__ = "stances"
    party: Mapped[str] = mapped_column(ForeignKey("parties.name"))
    issue: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(20))
    holder: Mapped[str | None] = mapped_column(NAME)
    target: Mapped[str | None] = mapped_column(NAME)
    negated: Mapped[bool]
    condition: Mapped[str | None] = mapped_column(Text)
    attribution: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    extractor: Mapped[str | None] = mapped_column(String(200))
    #: position of the stance in its article, to order stances of the same date
    ordinal: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        # the board's two covering indexes (migration 0002): a cell's stances by type and
        # date, and by date alone, each with the tie-break columns and the type
        Index(
            "ix_stances_board",
            *("negotiation_id", "issue", "party", "type", "date", "article_id", "ordinal", "id"),
        ),
        Index(
            "ix_stances_latest",
            *("negotiation_id", "issue", "party", "date", "article_id", "ordinal", "id", "type"),
        ),
        Index("ix_stances_date", "negotiation_id", "date"),
    )


class MeetingRow(_Fact, Base):
    __tablename__ = "meetings"
    location: Mapped[str | None] = mapped_column(Text)
    duration: Mapped[str | None] = mapped_column(String(100))
    __table_args__ = (Index("ix_meetings_date", "negotiation_id", "date"),)


class MeetingParticipant(Base):
    __tablename__ = "meeting_participants"
    meeting_id: Mapped[str] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    name: Mapped[str] = mapped_column(NAME, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))


class EventRow(_Fact, Base):
    __tablename__ = "events"
    type: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(NAME)
    target: Mapped[str | None] = mapped_column(NAME)
    location: Mapped[str | None] = mapped_column(Text)
    issue: Mapped[str | None] = mapped_column(String(100))


class StatusRow(_Fact, Base):
    __tablename__ = "statuses"
    issue: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    __table_args__ = (Index("ix_statuses_issue", "negotiation_id", "issue", "date"),)
