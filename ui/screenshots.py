"""`--screenshots DIR`: one PNG per tab, showing the newest meeting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication


def save_screenshots(window, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for index, slot in enumerate(window.slots):
        window.tabs.setCurrentIndex(index)
        tab = slot.ensure()
        if slot.key == "programme":
            # Show an item with its moderator and speakers rather than the welcome coffee.
            with_people = [item for item in tab.model.rows if any(p.role == "moderator" for p in item.people)]
            if with_people:
                tab.select_item(with_people[0].id)
        # Two passes: layouts settle, then word-wrapped rows take their final height.
        QApplication.processEvents()
        QApplication.processEvents()
        path = folder / f"{slot.key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        saved.append(path)
    window.tabs.setCurrentIndex(0)
    return saved
