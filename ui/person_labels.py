"""The word users read for each field of a person, once, in one translation context.

``models.person_fields.NAMES`` says which fields a person has and in which order;
this module says what each is called on screen. The Participants table's headers,
the « Add a participant » form, the import dialog's fields, the search hits and the
duplicates' cards take their words from here. A field added to ``person_fields``
needs its line in ``_LABELS`` (and its French in ``resources/translations``):
``tests/test_person_labels.py`` fails until it has one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from models.person_fields import NAMES

CONTEXT = "PersonLabels"

# English source strings; lupdate finds them through QT_TRANSLATE_NOOP, in CONTEXT.
_LABELS = {
    "civility": QT_TRANSLATE_NOOP("PersonLabels", "Title"),
    "first_name": QT_TRANSLATE_NOOP("PersonLabels", "First name"),
    "last_name": QT_TRANSLATE_NOOP("PersonLabels", "Last name"),
    "function": QT_TRANSLATE_NOOP("PersonLabels", "Function"),
    "organisation": QT_TRANSLATE_NOOP("PersonLabels", "Organisation"),
    "email": QT_TRANSLATE_NOOP("PersonLabels", "Email"),
}


def has_label(name: str) -> bool:
    return name in _LABELS


def label(name: str) -> str:
    """The translated label of the person field ``name``, as a header or a form shows it (« Prénom »)."""
    return QCoreApplication.translate(CONTEXT, _LABELS[name])


def in_sentence(name: str) -> str:
    """The label as it reads inside a line of text, lower case first (« Participants · fonction »)."""
    text = label(name)
    return text[:1].lower() + text[1:]


def labels() -> dict[str, str]:
    """Every person field's translated label, in the order of ``person_fields.NAMES``."""
    return {name: label(name) for name in NAMES}
