"""The undo stack, telling undo/redo apart from new commands.

Views reload after an undo or redo (``rewound``) but not after a push: the
tab that pushed has already shown its change. Errors from an undo or redo
are kept by ServiceCommand; this stack hands them on as ``failed``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack


class UndoStack(QUndoStack):
    rewound = Signal()
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pushing = False
        self.indexChanged.connect(self._index_changed)

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
            command.error = None
            self.failed.emit(str(error))

    def _index_changed(self, _index: int) -> None:
        if not self._pushing:
            self.rewound.emit()
