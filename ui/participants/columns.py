"""The attendance table's columns: names in order, titles, status colours, what committee columns store.

The tab, its delegates and the filter name columns by these numbers; the
model reads and writes a row's field of the same name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

COLUMNS = (
    "civility",
    "first_name",
    "last_name",
    "function",
    "organisation",
    "mode",
    "status",
    "role",
    "represented_by",
    "arrival",
    "departure",
)
PERSON_COLUMNS = COLUMNS[:5]
MODE_COLUMN = COLUMNS.index("mode")
STATUS_COLUMN = COLUMNS.index("status")
ROLE_COLUMN = COLUMNS.index("role")
PROXY_COLUMN = COLUMNS.index("represented_by")
# What the committee columns store, by column name (update_attendance's fields).
COMMITTEE_COLUMNS = {
    "role": "role",
    "represented_by": "represented_by_id",
    "arrival": "arrival",
    "departure": "departure",
}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLOURS = {"present": "#1b7a2f", "excused": "#a35c00", "absent": "#b3261e", "invited": "#6b6b6b"}


def headers() -> tuple[str, ...]:
    """The columns' titles, in order (translated in the model's context, where they were first)."""
    return (
        QCoreApplication.translate("ParticipantsModel", "Title"),
        QCoreApplication.translate("ParticipantsModel", "First name"),
        QCoreApplication.translate("ParticipantsModel", "Last name"),
        QCoreApplication.translate("ParticipantsModel", "Function"),
        QCoreApplication.translate("ParticipantsModel", "Organisation"),
        QCoreApplication.translate("ParticipantsModel", "Mode"),
        QCoreApplication.translate("ParticipantsModel", "Status"),
        QCoreApplication.translate("ParticipantsModel", "Role"),
        QCoreApplication.translate("ParticipantsModel", "Represented by"),
        QCoreApplication.translate("ParticipantsModel", "Arrival"),
        QCoreApplication.translate("ParticipantsModel", "Departure"),
    )
