"""Schema migrations: Alembic scripts, the fast create path, upgrade on open."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from sqlalchemy import create_engine, inspect

from models import schema_version
from models.database import APPLICATION_ID, _create_schema, open_database
from models.migrations import script_head, upgrade_to_head


def test_schema_version_constant_is_the_newest_migration():
    assert script_head() == schema_version.HEAD


def _schema(url: str) -> dict:
    engine = create_engine(url)
    try:
        insp = inspect(engine)
        return {
            table: {
                "columns": {(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(table)},
                "fks": {
                    (tuple(fk["constrained_columns"]), fk["referred_table"], fk["options"].get("ondelete"))
                    for fk in insp.get_foreign_keys(table)
                },
                "checks": {c["name"] for c in insp.get_check_constraints(table)},
                "indexes": {i["name"] for i in insp.get_indexes(table)},
            }
            for table in insp.get_table_names()
        }
    finally:
        engine.dispose()


def test_migrations_build_the_same_schema_as_the_models(tmp_path):
    migrated = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite'}")
    upgrade_to_head(migrated)
    migrated.dispose()
    created = create_engine(f"sqlite:///{tmp_path / 'created.sqlite'}")
    _create_schema(created)
    created.dispose()
    assert _schema(f"sqlite:///{tmp_path / 'migrated.sqlite'}") == _schema(
        f"sqlite:///{tmp_path / 'created.sqlite'}"
    )


def test_an_older_database_is_backed_up_then_migrated(tmp_path):
    # A Minutier file from before the first migration: marked as ours, no tables yet.
    path = tmp_path / "old.sqlite"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute("CREATE TABLE note (x)")
    con.commit()
    con.close()
    original = path.read_bytes()

    backups = tmp_path / "backups"
    db = open_database(path, backup_dir=backups)
    try:
        with db.reading() as session:
            assert session.connection().exec_driver_sql(
                "SELECT version_num FROM alembic_version"
            ).scalar() == (schema_version.HEAD)
    finally:
        db.close()
    (backup,) = backups.iterdir()
    assert "before-migration" in backup.name
    check = sqlite3.connect(backup)
    assert check.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() == [("note",)]
    check.close()
    assert len(backup.read_bytes()) == len(original)


def test_opening_an_up_to_date_database_does_not_import_alembic(db_path, db):
    db.close()
    code = (
        "import sys; from models.database import open_database; "
        f"d = open_database({str(db_path)!r}); d.close(); "
        "print('alembic' in sys.modules, 'jsonschema' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
