"""What would print badly when a Word file gives the export its styles: said before exporting.

The export still happens (exporters/user_template.py adds what is missing from
Minutier's own template); these sentences tell the secretary which parts of
the compte-rendu will not look like their file, and why.
"""

from __future__ import annotations

from exporters.user_template import LIST_STYLES, QUIET_STYLES, TABLE_STYLES, check_reference


def layout_warnings(reference: bytes) -> list[str]:
    """One sentence per thing the Word file ``reference`` lacks, with what is used instead."""
    fit = check_reference(reference)
    warnings = []
    tables = {name.lower() for name in TABLE_STYLES}
    lists = {name.lower() for name in LIST_STYLES}
    for name in fit.missing:
        if name.lower() in QUIET_STYLES:
            continue
        if name.lower() in tables:
            if fit.table_style:
                fallback = f'its own table style "{fit.table_style}" is used'
            else:
                fallback = "it has no table of its own, so Minutier's table style is used"
            warnings.append(f'the Word file has no table style "{name}"; {fallback}.')
        elif name.lower() in lists:
            warnings.append(
                f'the Word file has no list style "{name}" nor its list numbering; '
                "Minutier's own is added, in the file's fonts."
            )
        else:
            warnings.append(
                f"the Word file has no style \"{name}\"; Minutier's own is added, in the file's fonts."
            )
    for name in fit.unnumbered:
        warnings.append(
            f"the Word file's style \"{name}\" has lost its list numbering; Minutier's is put back."
        )
    if not fit.has_page:
        warnings.append("the Word file sets no page size or margins; A4 with 2.5 cm margins is used.")
    return warnings
