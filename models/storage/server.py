"""A PostgreSQL server: connection time-outs, refusals in one sentence, schema on first use."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from models import schema_version
from models.errors import DatabaseRefused
from models.storage import APPLICATION_ID, BUSY_TIMEOUT_MS
from models.storage.checks import _refuse_newer
from models.storage.engine import _create_schema_on
from models.storage.errors import one_line
from models.storage.unit import Database
from models.storage.urls import _scrub, safe_url

SERVER_CONNECT_TIMEOUT_S = 10


SERVER_BACKENDS = ("postgresql",)


def _connect_args(url: URL) -> dict:
    """Time-outs for a server: never hang on an unreachable host, never wait forever on a row lock."""
    query = url.query
    args: dict = {}
    if "connect_timeout" not in query:
        args["connect_timeout"] = SERVER_CONNECT_TIMEOUT_S
    if "application_name" not in query:
        args["application_name"] = "Minutier"
    options = query.get("options", "")
    options = " ".join(options) if isinstance(options, tuple) else options
    if "lock_timeout" not in options:
        args["options"] = f"{options} -c lock_timeout={BUSY_TIMEOUT_MS}".strip()
    return args


def _server_refusal(exc: BaseException, url: URL, safe: str) -> str:
    """One sentence saying why the server cannot be used: unreachable, credentials, no such database…"""
    orig = getattr(exc, "orig", None) or exc
    raw = _scrub(str(orig), url)
    lower = raw.lower()
    where = url.host or "localhost"
    if url.port:
        where += f":{url.port}"
    user = url.username or "(no user name)"
    if "no password supplied" in lower:
        return (
            f"Cannot connect to {safe}: the server asks for a password; put it in the address "
            "(postgresql+psycopg://user:password@host/dbname) or in ~/.pgpass."
        )
    if "authentication failed" in lower or ("role" in lower and "does not exist" in lower):
        return f"Cannot connect to {safe}: the server refused the user name {user} or its password."
    if "pg_hba.conf" in lower:
        return f"Cannot connect to {safe}: the server does not accept {user} from here (pg_hba.conf)."
    if "database" in lower and "does not exist" in lower:
        return (
            f"Cannot connect to {safe}: the server has no database named {url.database}; "
            "create it (createdb) or check the name."
        )
    if "connection refused" in lower or "no such file or directory" in lower:
        return f"Cannot connect to {safe}: nothing answers at {where}; is the server running there?"
    if "could not translate host name" in lower or "name or service not known" in lower:
        return f"Cannot connect to {safe}: unknown host {url.host}."
    if "timeout expired" in lower or "timed out" in lower:
        return f"Cannot connect to {safe}: no answer from {where} within {SERVER_CONNECT_TIMEOUT_S} s."
    if "permission denied" in lower:
        return (
            f"{safe} does not let {user} create Minutier's tables ({one_line(raw.splitlines()[0])}); "
            "make that user the owner of the database."
        )
    first = next((line.strip() for line in raw.splitlines() if line.strip()), type(orig).__name__)
    return f"Cannot use {safe}: {one_line(first)}"


def _prepare_server(engine: Engine, safe: str) -> bool:
    """Check the revision; create the schema on an empty database, migrate an older one. True if created.

    All in one transaction (PostgreSQL's DDL is transactional: a failed
    upgrade leaves nothing half-done), under an advisory lock so that two
    Minutiers opening a new database at once create it once.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPLICATION_ID})
        tables = inspect(conn).get_table_names()
        revision = None
        if "alembic_version" in tables:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        _refuse_newer(safe, revision)
        if revision is None:
            if tables:
                raise DatabaseRefused(f"{safe} already holds other tables; it is not a Minutier database.")
            _create_schema_on(conn)
            return True
        if revision != schema_version.HEAD:
            from models.migrations import upgrade_connection

            try:
                upgrade_connection(conn)
            except SQLAlchemyError as exc:
                raise DatabaseRefused(
                    f"Upgrading {safe} failed ({one_line(getattr(exc, 'orig', exc))}); "
                    "the upgrade was rolled back, nothing was changed."
                ) from exc
    return False


def _open_server(url: URL) -> Database:
    safe = safe_url(url)
    if url.get_backend_name() not in SERVER_BACKENDS:
        raise DatabaseRefused(
            f"{safe}: Minutier works with database files and PostgreSQL, not {url.get_backend_name()}."
        )
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=_connect_args(url))
    except ModuleNotFoundError as exc:
        raise DatabaseRefused(
            f"The driver for {safe} is not installed ({exc.name}); "
            "install Minutier with the PostgreSQL extra: pip install .[postgres]"
        ) from exc
    except SQLAlchemyError as exc:
        raise DatabaseRefused(_server_refusal(exc, url, safe)) from exc
    try:
        created = _prepare_server(engine, safe)
    except DatabaseRefused:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseRefused(_server_refusal(exc, url, safe)) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, path=None, created=created)
