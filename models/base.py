"""Declarative base shared by every table.

The naming convention gives constraints stable names, so Alembic migrations
written against SQLite also apply unchanged to PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Optimistic concurrency: an UPDATE whose row changed meanwhile fails.

    SQLAlchemy bumps ``version`` on every flush and adds it to the WHERE
    clause, so a second writer working from a stale copy gets a
    StaleDataError instead of silently overwriting.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}
