"""One folding for the whole program: the Participants filter finds what the search finds.

The filter once had its own folding, which did not know « ð » (« Sigurðsson »
stayed out of reach from « sigurdsson ») nor « þ » nor « ß ». Both now fold
with models.text_keys.fold; these tests type the plain spelling into the
real filter and the search and expect the same people.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from models import text_keys
from models.services import attendance, meetings
from models.services.search import search
from ui.participants.tab import ParticipantsTab

# Typed plainly, as on a keyboard without these letters.
NAMES = [
    ("Jón", "Sigurðsson", "sigurdsson"),
    ("Þóra", "Þórsdóttir", "thora thorsdottir"),
    ("Hans", "Straße", "strasse"),
    ("Zoë", "Œuvray", "oeuvray"),
    ("Ayşe", "Kırıkkale", "ayse kirikkale"),
    ("Bjørn", "Ødegård", "bjorn odegard"),
    ("Łukasz", "Wiśniewski", "lukasz wisniewski"),
    ("Ǆemal", "Ｆｕｌｌｗｉｄｔｈ", "dzemal fullwidth"),
]


@pytest.fixture
def tab(qtbot, db):
    with db.transaction() as session:
        meeting_id = meetings.create_meeting(session, "Noms difficiles", "2024-06-01").id
        for first, last, _typed in NAMES:
            attendance.add_attendance(session, meeting_id, first_name=first, last_name=last)
    widget = ParticipantsTab(db, QUndoStack())
    qtbot.addWidget(widget)
    widget.set_meeting(meeting_id)
    return widget


def shown(tab) -> list[str]:
    return [
        tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()].last_name
        for r in range(tab.proxy.rowCount())
    ]


@pytest.mark.parametrize(("first", "last", "typed"), NAMES)
def test_the_filter_and_the_search_find_the_same_person(tab, db, first, last, typed):
    tab.filter_edit.setText(typed)
    assert shown(tab) == [last]
    with db.reading() as session:
        found = search(session, typed)
    assert [h.label for g in found.groups for h in g.hits if h.kind == "attendance"] == [f"{first} {last}"]


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
def test_the_filter_folds_as_the_rest_of_the_program(text):
    from ui.participants import filter_proxy, folding

    assert filter_proxy.fold(text) == folding.fold(text) == text_keys.fold(text)
