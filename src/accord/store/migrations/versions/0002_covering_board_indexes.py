"""covering indexes for the board

The board reads every stance of a cell's latest type and the stances at a cell's newest
date; indexes holding the columns it reads (article, ordinal, id, type) answer both from
the index alone instead of one table lookup per stance. Each replaces an index that is a
prefix of it, so no query loses its index.

Revision ID: 0002
Revises: w001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "w001"
branch_labels = None
depends_on = None

_CELL = ["negotiation_id", "issue", "party"]
_TIE_BREAK = ["article_id", "ordinal", "id"]


def upgrade() -> None:
    with op.batch_alter_table("stances") as batch_op:
        batch_op.drop_index("ix_stances_type")
        batch_op.drop_index("ix_stances_cell")
        batch_op.create_index("ix_stances_board", [*_CELL, "type", "date", *_TIE_BREAK])
        batch_op.create_index("ix_stances_latest", [*_CELL, "date", *_TIE_BREAK, "type"])


def downgrade() -> None:
    with op.batch_alter_table("stances") as batch_op:
        batch_op.drop_index("ix_stances_latest")
        batch_op.drop_index("ix_stances_board")
        batch_op.create_index("ix_stances_cell", [*_CELL, "date"])
        batch_op.create_index("ix_stances_type", [*_CELL, "type", "date"])
