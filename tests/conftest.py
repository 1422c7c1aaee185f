"""Shared fixtures: real SQLite files in tmp_path, real widgets offscreen."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from models.database import open_database
from models.sample import load_sample


def pytest_collection_modifyitems(items):
    # Any test that drives widgets is a GUI test, so `-m "not gui"` runs the rest.
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "minutier.sqlite"


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def sample_id(db):
    """The 2023 meeting, imported into ``db``; its id."""
    with db.transaction() as session:
        return load_sample(session).id
