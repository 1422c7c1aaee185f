"""committee minutes: attendance roles, proxies, arrivals; meeting settings; the decisions register

Revision ID: 0004
Revises: 0003

Only columns and a table are added: every existing row keeps its values, and
the new columns' defaults print the 2023 document unchanged.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _add(table: str, column: str) -> None:
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column}")


def upgrade() -> None:
    # The meeting table by plain ADD COLUMN: batch mode would rebuild it on SQLite to add the CHECKs,
    # dropping the old table, and with foreign keys on that drop deletes, by ON DELETE CASCADE, every
    # row pointing at it (the meetings' attendance, programme, report; tests/test_migrations.py
    # caught it). The same statements run on PostgreSQL.
    false = "0" if op.get_bind().dialect.name == "sqlite" else "false"
    _add(
        "meeting",
        "document_kind VARCHAR(20) DEFAULT 'compte_rendu' NOT NULL CONSTRAINT ck_meeting_document_kind "
        "CHECK (document_kind IN ('compte_rendu', 'proces_verbal', 'releve_de_decisions'))",
    )
    _add("meeting", f"agenda_numbering BOOLEAN DEFAULT {false} NOT NULL")
    _add("meeting", "printed_lists TEXT DEFAULT '' NOT NULL")
    _add(
        "meeting",
        "quorum_rule VARCHAR(10) DEFAULT 'none' NOT NULL CONSTRAINT ck_meeting_quorum_rule "
        "CHECK (quorum_rule IN ('none', 'majority', 'two_thirds', 'number'))",
    )
    _add("meeting", "quorum_number INTEGER")
    _add("meeting", "label_overrides TEXT DEFAULT '' NOT NULL")
    # The attendance table may be rebuilt: no table points at it yet (the decisions come below).
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("role", sa.String(length=10), nullable=False, server_default=""))
        batch.add_column(sa.Column("represented_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("arrival", sa.String(length=64), nullable=False, server_default=""))
        batch.add_column(sa.Column("departure", sa.String(length=64), nullable=False, server_default=""))
        # The full name, as 0001 gives them: the naming convention is not applied on PostgreSQL here.
        batch.create_check_constraint(
            batch.f("ck_attendance_role"),
            "role IN ('', 'chair', 'vice_chair', 'secretary', 'member', 'guest', 'staff')",
        )
        batch.create_foreign_key(
            batch.f("fk_attendance_represented_by_id_attendance"),
            "attendance",
            ["represented_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(batch.f("ix_attendance_represented_by_id"), ["represented_by_id"], unique=False)
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("programme_item_id", sa.Integer(), nullable=True),
        sa.Column("owner_attendance_id", sa.Integer(), nullable=True),
        sa.Column("owner_text", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=11), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')", name=op.f("ck_decision_status")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_decision_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["programme_item_id"],
            ["programme_item.id"],
            name=op.f("fk_decision_programme_item_id_programme_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_attendance_id"],
            ["attendance.id"],
            name=op.f("fk_decision_owner_attendance_id_attendance"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["decision.id"],
            name=op.f("fk_decision_previous_id_decision"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("meeting_id", "number", name=op.f("uq_decision_meeting_id")),
    )
    for column in ("meeting_id", "programme_item_id", "owner_attendance_id", "previous_id"):
        op.create_index(op.f(f"ix_decision_{column}"), "decision", [column], unique=False)


def downgrade() -> None:
    # Batch mode here: a downgrade is never run on user data by Minutier (it only upgrades).
    op.drop_table("decision")
    with op.batch_alter_table("attendance") as batch:
        batch.drop_index(batch.f("ix_attendance_represented_by_id"))
        batch.drop_constraint(batch.f("fk_attendance_represented_by_id_attendance"), type_="foreignkey")
        batch.drop_constraint(batch.f("ck_attendance_role"), type_="check")
        for column in ("departure", "arrival", "represented_by_id", "role"):
            batch.drop_column(column)
    with op.batch_alter_table("meeting") as batch:
        batch.drop_constraint(batch.f("ck_meeting_quorum_rule"), type_="check")
        batch.drop_constraint(batch.f("ck_meeting_document_kind"), type_="check")
        for column in (
            "label_overrides",
            "quorum_number",
            "quorum_rule",
            "printed_lists",
            "agenda_numbering",
            "document_kind",
        ):
            batch.drop_column(column)
