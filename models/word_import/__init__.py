"""Reading a Word compte-rendu (.docx) into a new meeting: no Qt.

``read_docx(bytes, label)`` opens the file safely and returns a ``Reading``:
the interchange data of the meeting, its participant rows and an
``Understanding`` (counts per kind, what was missing, what was not
recognised). ``add_meeting(session, reading)`` writes it in the caller's
transaction, refusing a date that already has a meeting unless ``again``.
docs/word-import.md tells what is recognised and how.
"""

from models.word_import.errors import WordImportError
from models.word_import.importer import Imported, add_meeting, meeting_date, preview
from models.word_import.reader import Reading, read_docx
from models.word_import.safe_open import read_file
from models.word_import.understanding import Understanding

__all__ = [
    "Imported",
    "Reading",
    "Understanding",
    "WordImportError",
    "add_meeting",
    "meeting_date",
    "preview",
    "read_docx",
    "read_file",
]
