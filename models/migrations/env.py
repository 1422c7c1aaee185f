"""Alembic environment: always given a live connection by models.migrations."""

from alembic import context

from models import entities  # noqa: F401  (registers the tables on Base.metadata)
from models.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode rebuilds tables portably.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
