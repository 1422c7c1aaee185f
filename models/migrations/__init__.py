"""Alembic migrations, run in-process when an older database is opened.

Alembic is imported here only, and this module only when a migration must
run, so an up-to-date database opens without paying for the import.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

SCRIPT_LOCATION = Path(__file__).resolve().parent


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade_to_head(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def upgrade_connection(connection, revision: str = "head") -> None:
    """Upgrade inside the caller's transaction (a server's open: create, check and migrate as one)."""
    from alembic import command

    command.upgrade(alembic_config(connection), revision)


def script_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
