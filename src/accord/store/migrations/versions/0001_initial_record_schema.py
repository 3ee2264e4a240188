"""initial record schema

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("party", sa.String(length=300), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("sector", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "negotiations",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("explicit", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "parties",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name"),
        sa.UniqueConstraint("id"),
    )
    op.create_table(
        "stories",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "actor_aliases",
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.PrimaryKeyConstraint("actor_id", "alias"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("negotiation_id", sa.String(length=64), nullable=False),
        sa.Column("story_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text_length", sa.Integer(), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.Column("extractor", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_articles_negotiation_id"), ["negotiation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_story_id"), ["story_id"], unique=False)

    op.create_table(
        "actor_roles",
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("actor_id", "article_id", "role"),
    )
    op.create_table(
        "article_bands",
        sa.Column("band", sa.String(length=40), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("band", "article_id"),
    )
    op.create_table(
        "article_parties",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("party", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["party"],
            ["parties.name"],
        ),
        sa.PrimaryKeyConstraint("article_id", "party"),
    )
    with op.batch_alter_table("article_parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_parties_party"), ["party"], unique=False)

    op.create_table(
        "article_sources",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.PrimaryKeyConstraint("article_id", "source"),
    )
    op.create_table(
        "events",
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("target", sa.String(length=300), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("issue", sa.String(length=100), nullable=True),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("negotiation_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_article_id"), ["article_id"], unique=False)

    op.create_table(
        "meetings",
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("duration", sa.String(length=100), nullable=True),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("negotiation_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meetings_article_id"), ["article_id"], unique=False)
        batch_op.create_index("ix_meetings_date", ["negotiation_id", "date"], unique=False)

    op.create_table(
        "stances",
        sa.Column("party", sa.String(length=300), nullable=False),
        sa.Column("issue", sa.String(length=100), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("holder", sa.String(length=300), nullable=True),
        sa.Column("target", sa.String(length=300), nullable=True),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.Column("attribution", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor", sa.String(length=200), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("negotiation_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
        ),
        sa.ForeignKeyConstraint(
            ["party"],
            ["parties.name"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stances_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            "ix_stances_cell", ["negotiation_id", "issue", "party", "date"], unique=False
        )
        batch_op.create_index("ix_stances_date", ["negotiation_id", "date"], unique=False)
        batch_op.create_index(
            "ix_stances_type", ["negotiation_id", "issue", "party", "type", "date"], unique=False
        )

    op.create_table(
        "statuses",
        sa.Column("issue", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("negotiation_id", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
        ),
        sa.ForeignKeyConstraint(
            ["negotiation_id"],
            ["negotiations.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statuses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statuses_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            "ix_statuses_issue", ["negotiation_id", "issue", "date"], unique=False
        )

    op.create_table(
        "meeting_participants",
        sa.Column("meeting_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
        ),
        sa.PrimaryKeyConstraint("meeting_id", "name"),
    )


def downgrade() -> None:
    op.drop_table("meeting_participants")
    with op.batch_alter_table("statuses", schema=None) as batch_op:
        batch_op.drop_index("ix_statuses_issue")
        batch_op.drop_index(batch_op.f("ix_statuses_article_id"))

    op.drop_table("statuses")
    with op.batch_alter_table("stances", schema=None) as batch_op:
        batch_op.drop_index("ix_stances_type")
        batch_op.drop_index("ix_stances_date")
        batch_op.drop_index("ix_stances_cell")
        batch_op.drop_index(batch_op.f("ix_stances_article_id"))

    op.drop_table("stances")
    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_index("ix_meetings_date")
        batch_op.drop_index(batch_op.f("ix_meetings_article_id"))

    op.drop_table("meetings")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_article_id"))

    op.drop_table("events")
    op.drop_table("article_sources")
    with op.batch_alter_table("article_parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_parties_party"))

    op.drop_table("article_parties")
    op.drop_table("article_bands")
    op.drop_table("actor_roles")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_story_id"))
        batch_op.drop_index(batch_op.f("ix_articles_negotiation_id"))

    op.drop_table("articles")
    op.drop_table("actor_aliases")
    op.drop_table("stories")
    op.drop_table("parties")
    op.drop_table("negotiations")
    op.drop_table("actors")
