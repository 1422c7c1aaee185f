"""Year after year in the editor: next year's meeting, the comparison, people across years,
participant lists in and out, the sign-in sheet, and search over all meetings.

The work is done by the Qt-free services (models.services.rollover,
compare, roster, search; models.people_import; exporters.attendance_table,
sign_in_sheet); these modules are their dialogs and menu actions.
"""
