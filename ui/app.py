"""Starting the editor: QApplication, translations, the main window."""

from __future__ import annotations

import sys


def run_gui(args, open_db) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

    from models.errors import MinutierError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Minutier")
    app.setOrganizationName("Minutier")
    try:
        db = open_db(args)
    except MinutierError as exc:
        QMessageBox.critical(None, "Minutier", str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(f"Minutier — {db.label}")
    window.resize(1100, 750)
    window.show()
    try:
        return app.exec()
    finally:
        db.close()
