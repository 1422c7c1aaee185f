"""What the editor remembers between runs (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Settings:
    """Named accessors over QSettings; ``path`` gives a private INI file (tests, screenshots)."""

    def __init__(self, path: Path | None = None):
        self._q = QSettings(str(path), QSettings.Format.IniFormat) if path else QSettings()

    def _get(self, key: str, default=None):
        return self._q.value(key, default)

    @property
    def geometry(self) -> QByteArray | None:
        return self._get("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._get("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._q.setValue("window/state", value)

    @property
    def last_meeting_id(self) -> int | None:
        value = self._get("meetings/last")
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @last_meeting_id.setter
    def last_meeting_id(self, value: int | None) -> None:
        self._q.setValue("meetings/last", "" if value is None else int(value))

    @property
    def export_folder(self) -> str:
        return str(self._get("export/folder", "") or "")

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._q.setValue("export/folder", value)

    @property
    def language(self) -> str:
        return str(self._get("ui/language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value)

    def sync(self) -> None:
        self._q.sync()
