"""The one error type the exporters raise."""

from __future__ import annotations

from models.errors import MinutierError


class ExportError(MinutierError):
    """The document cannot be produced; the message is one sentence for the user."""
