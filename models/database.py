"""Opening a Minutier database: the names the rest of the program uses, from models/storage/.

The storage package splits the work (file checks, locks, engines and
pragmas, errors, units of work, PostgreSQL, opening); this module keeps the
one import path the program and the tests have always used.
"""

from __future__ import annotations

from models.storage import APPLICATION_ID, BUSY_TIMEOUT_MS, SQLITE_MAGIC, WRITE_LOCK
from models.storage.checks import FileCheck, check_sqlite_file, examine_backup, first_problem
from models.storage.engine import _create_schema
from models.storage.errors import (
    DatabaseDamaged,
    ReadOnlyDatabase,
    StorageError,
    _os_reason,
    _storage_error,
    one_line,
)
from models.storage.locks import DatabaseLock, lock_database_file, open_paths
from models.storage.opening import CREATING_STALE_S, default_database_path, open_database
from models.storage.server import SERVER_BACKENDS, SERVER_CONNECT_TIMEOUT_S, _server_refusal
from models.storage.unit import Database
from models.storage.urls import PG_DRIVER, mask_password, parse_url, safe_url

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "CREATING_STALE_S",
    "PG_DRIVER",
    "SERVER_BACKENDS",
    "SERVER_CONNECT_TIMEOUT_S",
    "SQLITE_MAGIC",
    "WRITE_LOCK",
    "Database",
    "DatabaseDamaged",
    "DatabaseLock",
    "FileCheck",
    "ReadOnlyDatabase",
    "StorageError",
    "_create_schema",
    "_os_reason",
    "_server_refusal",
    "_storage_error",
    "check_sqlite_file",
    "default_database_path",
    "examine_backup",
    "first_problem",
    "lock_database_file",
    "mask_password",
    "one_line",
    "open_database",
    "open_paths",
    "parse_url",
    "safe_url",
]
