"""The schema revision this build of Minutier writes.

Kept here, not read from Alembic, so opening an up-to-date database never
imports Alembic (~0.3 s). tests/test_migrations.py checks it equals the
newest migration script. Revision ids are zero-padded integers, so a
revision we do not know and that sorts after ours is "newer".
"""

HEAD = "0004"


def is_known(revision: str) -> bool:
    return revision.isdigit() and int(revision) <= int(HEAD)
