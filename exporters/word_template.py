"""Minutier's own Word template (resources/templates/compte-rendu.docx), and opening any .docx.

Both :class:`exporters.word.WordDocument` and :mod:`exporters.user_template`
start from here; the list style names are the ones the template's numbering hangs on.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

import docx

from exporters.errors import ExportError

TEMPLATE_PACKAGE = "resources.templates"
TEMPLATE_FILE = "compte-rendu.docx"
TEMPLATE_LABEL = "The Word template"
REFERENCE_LABEL = "The Word file chosen for the styles"
# List styles the exporter cannot do without: Markdown's bullets and numbers.
BULLET_STYLE = "Minutier Bullet"
NUMBER_STYLE = "Minutier Number"


@cache
def template_bytes() -> bytes:
    try:
        return resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FILE).read_bytes()
    except OSError as exc:
        raise ExportError(f"The Word template {TEMPLATE_FILE} cannot be read ({exc}).") from None


def open_docx(data: bytes, what: str) -> docx.document.Document:
    """``data`` opened by python-docx; ``what`` names the file in the error."""
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises a variety of types for a bad package
        raise ExportError(f"{what} is not a usable .docx file ({exc}).") from None
