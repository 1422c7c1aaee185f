"""`--screenshots DIR`: one PNG per tab, and one of the preview, showing the newest meeting."""

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
    saved.append(_preview(window, folder))
    window.tabs.setCurrentIndex(0)
    return saved


def _preview(window, folder: Path) -> Path:
    """The Compte-rendu tab with the preview beside it, scrolled to the block being edited."""
    tab = window.show_tab("compte-rendu")
    shown = window.preview.isVisible()
    window.preview.show()
    QApplication.processEvents()
    node = tab.current_node() if hasattr(tab, "current_node") else None
    if node is not None:
        window.preview.pane.scroll_to(*node.key)
    QApplication.processEvents()
    path = folder / "preview.png"
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    window.preview.setVisible(shown)
    return path
