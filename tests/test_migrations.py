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


def _rows(path, table: str, columns: list[str]) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        listed = ", ".join(f'"{c}"' for c in columns)
        return con.execute(f'SELECT {listed} FROM "{table}" ORDER BY id').fetchall()
    finally:
        con.close()


def test_a_0003_database_with_the_2023_meeting_keeps_every_row_and_value(tmp_path):
    from models.migrations import upgrade_to_head
    from models.sample import load_sample

    # The 2023 meeting as a database of revision 0003 holds it: each table's 0003 columns copied over.
    source = tmp_path / "source.sqlite"
    db = open_database(source)
    try:
        with db.transaction() as session:
            load_sample(session)
    finally:
        db.close()
    old = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{old}")
    upgrade_to_head(engine, "0003")
    engine.dispose()
    con = sqlite3.connect(old)
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute("ATTACH DATABASE ? AS source", (str(source),))
    kept: dict[str, list[str]] = {}
    for (table,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
    ):
        kept[table] = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    for table, columns in kept.items():
        listed = ", ".join(f'"{c}"' for c in columns)
        con.execute(f'INSERT INTO "{table}" ({listed}) SELECT {listed} FROM source."{table}"')
    con.commit()
    con.execute("DETACH DATABASE source")
    con.close()
    before = {table: _rows(old, table, columns) for table, columns in kept.items() if "id" in columns}
    assert before["attendance"] and before["block"]

    db = open_database(old, backup_dir=tmp_path / "backups")
    db.close()
    for table, rows in before.items():
        assert _rows(old, table, kept[table]) == rows, table
    # The new columns read as the 2023 shape: no role, no proxy, the default settings.
    assert set(_rows(old, "attendance", ["role", "represented_by_id", "arrival", "departure"])) == {
        ("", None, "", "")
    }
    assert set(
        _rows(
            old,
            "meeting",
            [
                "document_kind",
                "agenda_numbering",
                "printed_lists",
                "quorum_rule",
                "quorum_number",
                "label_overrides",
            ],
        )
    ) == {("compte_rendu", 0, "", "none", None, "")}
    assert _rows(old, "decision", ["id"]) == []
    assert _schema(f"sqlite:///{old}") == _schema(f"sqlite:///{source}")
