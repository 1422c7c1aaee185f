"""Shared fixtures: real SQLite files in tmp_path, a real PostgreSQL server, real widgets offscreen.

Storage: ``db`` is an open Database on ``db_target``. In a module marked
``pytest.mark.both_backends`` each test using it runs twice, on a new
SQLite file and on a new database of the PostgreSQL server named by
MINUTIER_TEST_PG_URL (``bash .ci/run`` and ``make test-postgres`` start
one); without that variable the PostgreSQL runs are skipped, with the
reason in the summary. A test that also uses ``db_path`` (the file
itself) or is marked ``sqlite_only`` runs on SQLite only.
"""

from __future__ import annotations

import itertools
import os

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Windows do not poll the change feed on their own during tests (a reload at a random moment
# would make them flaky); tests/test_shared_live_refresh.py drives the polling itself.
os.environ.setdefault("MINUTIER_REFRESH_MS", "0")

import pytest

from models.database import open_database
from models.sample import load_committee_sample, load_sample

PG_ENV = "MINUTIER_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pytest_collection_modifyitems(items):
    # Any test that drives widgets is a GUI test, so `-m "not gui"` runs the rest.
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


PG_SKIPPED = (
    f"PostgreSQL tests not run (no server in {PG_ENV}, or no psycopg); `make test-postgres` runs them "
    "on a throwaway server"
)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # One summary line for all the PostgreSQL tests skipped for want of a server, not one per
    # test: -ra folds skips that share a location and a reason.
    report = yield
    if report.skipped and not os.environ.get(PG_ENV) and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2])
        if reason.startswith(("PostgreSQL:", "Skipped: PostgreSQL:")) or "psycopg" in reason:
            report.longrepr = (__file__, None, PG_SKIPPED)
    return report


def pytest_generate_tests(metafunc):
    if "backend" not in metafunc.fixturenames:
        return
    if any(m.args and m.args[0] == "backend" for m in metafunc.definition.iter_markers("parametrize")):
        return  # the test chose its backends itself
    both = (
        metafunc.definition.get_closest_marker("both_backends") is not None
        and metafunc.definition.get_closest_marker("sqlite_only") is None
        and "db_path" not in metafunc.fixturenames
    )
    if both:
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request) -> str:
    """ "sqlite" or "postgresql": where ``db_target`` lives."""
    return getattr(request, "param", "sqlite")


class PostgresServer:
    """The server of MINUTIER_TEST_PG_URL; hands each test a database of its own."""

    def __init__(self, url: str):
        import psycopg
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        plain = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.admin = psycopg.connect(plain, autocommit=True, connect_timeout=10)
        self._names = (f"minutier_test_{os.getpid()}_{n}" for n in itertools.count(1))

    def url_for(self, name: str) -> str:
        return self.url.set(drivername="postgresql+psycopg", database=name).render_as_string(
            hide_password=False
        )

    def create(self) -> str:
        """A new, empty database; its name."""
        name = next(self._names)
        self.admin.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop(self, name: str) -> None:
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server to test against; skips (saying why) when there is none."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(
            f"PostgreSQL: {PG_ENV} is not set; `bash .ci/run` or `make test-postgres` starts a server"
        )
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL: psycopg is not installed (pip install -e '.[postgres]')")
    try:
        server = PostgresServer(url)
    except psycopg.Error as exc:
        # Asked for and not there: a failure, not a skip, or a broken server would pass unseen.
        pytest.fail(f"PostgreSQL: {PG_ENV} is set but the server cannot be used: {exc}", pytrace=False)
    yield server
    server.admin.close()


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    name = pg_server.create()
    yield pg_server.url_for(name)
    pg_server.drop(name)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "minutier.sqlite"


@pytest.fixture
def db_target(backend, request) -> str:
    """Where the test's database lives: a file path (SQLite) or a URL (PostgreSQL)."""
    if backend == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(request.getfixturevalue("db_path"))


@pytest.fixture
def db(db_target):
    database = open_database(db_target)
    yield database
    database.close()


@pytest.fixture
def sample_id(db):
    """The 2023 meeting, imported into ``db``; its id."""
    with db.transaction() as session:
        return load_sample(session).id


@pytest.fixture
def committee_id(db):
    """The committee sample (resources/samples/committee-2025.json), imported into ``db``; its id."""
    with db.transaction() as session:
        return load_committee_sample(session).id
