"""Migrations: one line of history, so `upgrade head` always has a single target."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from accord.store.engine import MIGRATIONS


def test_store_migrations_have_a_single_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads
