"""a meeting's Word file giving the export its styles

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch: SQLite cannot add a NOT NULL column in place without a default.
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("style_template", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("style_template_name", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("style_template_name")
        batch.drop_column("style_template")
