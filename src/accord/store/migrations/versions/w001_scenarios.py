"""scenarios uploaded or edited through the web API

Revision ID: w001
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "w001"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenarios",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("negotiation_id", sa.String(length=64), nullable=True),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["negotiation_id"], ["negotiations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_scenarios_negotiation_id", "scenarios", ["negotiation_id"])


def downgrade() -> None:
    op.drop_index("ix_scenarios_negotiation_id", table_name="scenarios")
    op.drop_table("scenarios")
