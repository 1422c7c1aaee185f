"""The attendance table's columns: names in order, titles, status colours, what committee columns store.

The person columns follow ``models.person_fields.NAMES`` (their titles are
``ui.person_labels``'); the attendance columns come after them. The tab, its
delegates and the filter name columns by these numbers; the model reads and
writes a row's field of the same name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from models.person_fields import NAMES
from ui import person_labels

# A person's fields shown otherwise than in a column of their own: the email is the tooltip
# of the person's cells.
TOOLTIP_FIELDS = ("email",)
PERSON_COLUMNS = tuple(name for name in NAMES if name not in TOOLTIP_FIELDS)
ATTENDANCE_COLUMNS = ("mode", "status", "role", "represented_by", "arrival", "departure")
COLUMNS = (*PERSON_COLUMNS, *ATTENDANCE_COLUMNS)
CIVILITY_COLUMN = COLUMNS.index("civility")
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
    """The columns' titles, in order: the person's from ``ui.person_labels``, then the attendance's
    (translated in the model's context, where they were first)."""
    attendance = {
        "mode": QCoreApplication.translate("ParticipantsModel", "Mode"),
        "status": QCoreApplication.translate("ParticipantsModel", "Status"),
        "role": QCoreApplication.translate("ParticipantsModel", "Role"),
        "represented_by": QCoreApplication.translate("ParticipantsModel", "Represented by"),
        "arrival": QCoreApplication.translate("ParticipantsModel", "Arrival"),
        "departure": QCoreApplication.translate("ParticipantsModel", "Departure"),
    }
    return tuple(attendance[name] if name in attendance else person_labels.label(name) for name in COLUMNS)
