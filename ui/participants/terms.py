"""The words shown for attendance codes, translatable in one place.

The database stores codes (``present``, ``remote``); the table, the
counts, the buttons and the add dialog all show these labels.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

CIVILITIES = ("", "M.", "Mme")


class AttendanceTerms(QObject):
    def statuses(self) -> dict[str, str]:
        return {
            "invited": self.tr("Invité"),
            "present": self.tr("Présent"),
            "excused": self.tr("Excusé"),
            "absent": self.tr("Absent"),
        }

    def statuses_feminine(self) -> dict[str, str]:
        """Shown for « Mme »: the list reads « Mme Lucy Earle — Présente »."""
        return {
            "invited": self.tr("Invitée"),
            "present": self.tr("Présente"),
            "excused": self.tr("Excusée"),
            "absent": self.tr("Absente"),
        }

    def modes(self) -> dict[str, str]:
        return {"in_person": self.tr("Sur place"), "remote": self.tr("À distance")}

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Civilité"),
            self.tr("Prénom"),
            self.tr("Nom"),
            self.tr("Fonction"),
            self.tr("Organisation"),
            self.tr("Mode"),
            self.tr("Statut"),
        )
