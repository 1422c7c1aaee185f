"""Storage: opening a Minutier database, checking its file, pragmas, migrations, units of work.

models/database.py re-exports the public names; the parts are:

- ``checks``: read-only checks of an existing SQLite file (header, quick or
  full integrity check, schema revision) and why a file cannot be written;
- ``locks``: this process's registry of open files and the lock file a
  restore takes exclusively;
- ``engine``: engines, pragmas, ``BEGIN IMMEDIATE``, schema creation and migration;
- ``errors``: the storage's errors and their translation into one sentence;
- ``unit``: ``Database``, its ``transaction()`` and ``reading()``;
- ``urls`` and ``server``: database addresses without passwords, and PostgreSQL;
- ``opening``: ``open_database``, creating a new file whole, the daily backup.

A file is checked before anything writes to it, so a file we refuse (not
ours, corrupt, from a newer Minutier) is left byte-identical. (One
exception: a rollback-journal file with a hot -journal is first rolled
back by SQLite, which restores it as it was before the interrupted
transaction; Minutier files are in WAL mode, where this never happens.)

Data safety (docs/data-safety.md):

- A file, or its folder, that cannot be written is opened read-only
  (``Database.read_only``; ``read_only_reason`` says why, for a banner);
  every write transaction then raises ReadOnlyDatabase. A WAL database whose
  journal (-wal) holds changes but whose -shm cannot be created is refused.
- An existing file is checked with quick_check when it opens read-only,
  with the full integrity_check (indexes too) when it opens writable.
- A file path never goes into a URL as text (``_file_url``): any legal file
  name means that file. A new file is built under a temporary name and
  linked into place whole (``_create_new``).
- While a file is open, its lock (``lock_database_file``) is held shared; a
  restore takes it exclusively.
- Every open of an existing, healthy, writable file takes the daily backup
  when one is due (models.backup.maybe_daily_backup: one listing and two
  stats on the warm path); a failure there does not stop the open and is
  kept in ``Database.backup_problem``.
- A refused existing file (damaged, or not a database) names the newest
  backup that passes integrity_check, with the command that restores it;
  ``DatabaseRefused.backup`` carries it (a BackupInfo, or None).
- On a PostgreSQL server (docs/shared-database.md) writes are serialised
  by an advisory lock, as SQLite's BEGIN IMMEDIATE does for files; a
  server that cannot be reached, a database that does not exist or
  credentials it refuses make one sentence, never with the password.
- Database.transaction() turns the storage's failures into one-sentence
  MinutierErrors: ConflictError (a row changed by another window or
  process since it was read), StorageError (disk full, I/O error, lock
  held too long), DatabaseDamaged; reading() the last two for damaged data.
- Every session refuses text a .docx cannot hold (models.text_rules).
"""

from __future__ import annotations

# "MNUT": written in the SQLite header so we can tell our files from others.
APPLICATION_ID = 0x4D4E5554


SQLITE_MAGIC = b"SQLite format 3\x00"


BUSY_TIMEOUT_MS = 15_000


WRITE_LOCK = APPLICATION_ID + 1  # a server's advisory lock held by each write transaction
