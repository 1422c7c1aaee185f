"""The undo stack, telling undo/redo apart from new commands.

Views reload after an undo or redo (``rewound``) but not after a push: the
tab that pushed has already shown its change. Errors from an undo or redo
are kept by the command (ui.undo.DataCommand); this stack hands them on as ``failed``.

Once the window's data-safety handler is attached (``window_reports``),
``take`` hands it the errors that are the window's to tell, from any
command: ``conflicted`` (a row changed elsewhere) and ``refused`` (the
storage refused the write).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack

from models.database import DatabaseDamaged, ReadOnlyDatabase, StorageError
from models.errors import ConflictError

STORAGE_ERRORS = (ReadOnlyDatabase, StorageError, DatabaseDamaged)


class UndoStack(QUndoStack):
    rewound = Signal()
    failed = Signal(str)
    conflicted = Signal(object)  # the command refused because its row changed elsewhere
    refused = Signal(str)  # the storage refused a command's write: read-only, full, locked, damaged

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pushing = False
        self.window_reports = False
        self.indexChanged.connect(self._index_changed)

    def take(self, command) -> bool:
        """Hand ``command``'s error to the window if it is the window's to tell; whether it was."""
        error = command.error
        if not self.window_reports:
            return False
        if isinstance(error, ConflictError):
            self.conflicted.emit(command)
            return True
        if isinstance(error, STORAGE_ERRORS):
            self.refused.emit(str(error))
            return True
        return False

    def push(self, command) -> None:
        self._pushing = True
        try:
            super().push(command)
        finally:
            self._pushing = False

    def undo(self) -> None:
        self._step(self.index() - 1, super().undo)

    def redo(self) -> None:
        self._step(self.index(), super().redo)

    def _step(self, at: int, step) -> None:
        # Keep a Python reference: a command made obsolete by its failure is deleted by Qt.
        command = self.command(at) if 0 <= at < self.count() else None
        step()
        error = getattr(command, "error", None)
        if error is not None:
            if not self.take(command):
                self.failed.emit(str(error))
            command.error = None

    def _index_changed(self, _index: int) -> None:
        if not self._pushing:
            self.rewound.emit()
