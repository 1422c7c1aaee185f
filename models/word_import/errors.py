"""The one error an import of a Word file raises: the file cannot be read as a compte-rendu."""

from __future__ import annotations

from models.errors import MinutierError


class WordImportError(MinutierError):
    """The file is refused (not a .docx, damaged, encrypted, too large); nothing was imported."""
