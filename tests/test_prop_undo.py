"""Property (issue 10): whatever mix of edits, saves, undos and redos, no saved state is lost.

A model of a linear history runs beside the real thing (services on a
SQLite file, the window's undo stack, the real commands and, for the
text, the real window with its keyboard): every stored state is pushed on
the model's history, an undo or a redo moves along it, and the database
must show the state the model points at after every step. At the end,
undoing everything visits every state of the history back to the first,
and redoing everything visits them all again up to the last.

An edit after undos drops the undone states, as in every editor with a
linear history; nothing else may.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from models.database import open_database
from models.entities import Attendance, Block, ProgrammeItem
from models.sample import load_sample
from models.services import attendance, programme, report
from ui import commands
from ui.history import UndoStack
from ui.main_window import MainWindow
from ui.participants import commands as attendance_commands
from ui.settings import Settings
from ui.undo import push

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class History:
    """The linear history the user must be able to walk: states, and where we are."""

    def __init__(self, first):
        self.states = [first]
        self.at = 0

    def saved(self, state, pushed: bool = False) -> None:
        """A store: a new step when the state changed, or when a command was pushed anyway."""
        if pushed or state != self.states[self.at]:
            del self.states[self.at + 1 :]
            self.states.append(state)
            self.at += 1

    def undo(self) -> None:
        self.at = max(self.at - 1, 0)

    def redo(self) -> None:
        self.at = min(self.at + 1, len(self.states) - 1)

    @property
    def current(self):
        return self.states[self.at]


def walk_back_and_forth(history: History, stack, read, undo, redo) -> None:
    """Undo everything, then redo everything, checking each state on the way."""
    steps = len(history.states) + 2  # a bound: an undo that does not reach the stack must fail, not hang
    seen = [read()]
    for _ in range(steps):
        if not stack.canUndo():
            break
        undo()
        seen.append(read())
    assert seen == history.states[: history.at + 1][::-1]
    assert seen[-1] == history.states[0]
    seen = [read()]
    for _ in range(steps):
        if not stack.canRedo():
            break
        redo()
        seen.append(read())
    assert seen == history.states
    assert read() == history.states[-1]


# The text of a compte-rendu block, typed in the real window --------------------------------------

TEXT_STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("type"), st.text(alphabet="ab *_#[]()\\<>&1.-", min_size=1, max_size=5)),
        st.tuples(st.sampled_from(["enter", "backspace", "bold", "save", "reselect"]), st.none()),
        st.tuples(
            st.sampled_from(["undo key", "redo key", "redo key y", "undo menu", "redo menu"]), st.none()
        ),
    ),
    max_size=25,
)


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("undo")
    db = open_database(folder / "minutier.sqlite")
    with db.transaction() as session:
        meeting_id = load_sample(session).id
    main = MainWindow(db, Settings(folder / "settings.ini"), remember=False)
    main.start(meeting_id)
    main.show()
    main.activateWindow()
    tab = main.show_tab("compte-rendu")
    QTest.qWaitForWindowActive(main)
    yield main, tab
    main.close()
    db.close()


def stored_text(db, block_id: int) -> str:
    with db.reading() as session:
        return session.get(Block, block_id).text


@PROPERTY
@given(steps=TEXT_STEPS)
def test_every_saved_text_stays_reachable(window, steps):
    main, tab = window
    db = main.db
    section_id = tab.model.root.children[0].data.id
    with db.transaction() as session:
        block_id = report.add_block(session, section_id, kind="paragraph").id
    main.undo_stack.clear()
    tab.set_meeting(main.meeting_id)
    tab.select(("block", block_id))
    editor = tab.block_editor.text
    editor.setFocus()
    assert main.isActiveWindow() and editor.hasFocus()
    history = History("")

    def key(k, modifiers=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(editor, k, modifiers)

    def flushed() -> None:
        # What the window stores before an undo or redo: the text as typed, if it changed.
        history.saved(editor.markdown())

    for action, arg in steps:
        if action == "type":
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            QTest.keyClicks(editor, arg)
        elif action == "enter":
            key(Qt.Key.Key_Return)
        elif action == "backspace":
            key(Qt.Key.Key_Backspace)
        elif action == "bold":
            key(Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        elif action == "save":  # what the pause in typing or leaving the text does
            editor.commit()
            flushed()
        elif action == "reselect":
            tab.select(("section", section_id))
            flushed()
            tab.select(("block", block_id))
            editor.setFocus()
        else:
            flushed()
            if action == "undo key":
                key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            elif action == "redo key":
                key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
            elif action == "redo key y":
                key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
            elif action == "undo menu":
                main.undo()
            else:
                main.redo()
            if action.startswith("undo"):
                history.undo()
            else:
                history.redo()
            assert stored_text(db, block_id) == history.current
            assert editor.markdown() == history.current  # the editor shows it too
        assert stack_matches(main.undo_stack, history)
    main.flush()
    flushed()
    walk_back_and_forth(
        history,
        main.undo_stack,
        lambda: stored_text(db, block_id),
        lambda: key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        lambda: key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
    )
    assert editor.markdown() == history.states[-1]


def stack_matches(stack, history: History) -> bool:
    return (stack.index(), stack.count()) == (history.at, len(history.states) - 1)


# A programme item and an attendance row, through the commands of their tabs ------------------------

EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.integers(0, 3)),
        st.tuples(st.sampled_from(["undo", "redo"]), st.none()),
    ),
    max_size=30,
)


@pytest.fixture
def sample(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("rows") / "minutier.sqlite")
    with db.transaction() as session:
        meeting_id = load_sample(session).id
    yield db, meeting_id
    db.close()


def run_edits(steps, stack, first, read, edit) -> None:
    history = History(first)
    for n, (action, arg) in enumerate(steps):
        if action == "edit":
            history.saved(edit(arg, n), pushed=True)
        elif action == "undo":
            stack.undo()
            history.undo()
        else:
            stack.redo()
            history.redo()
        assert read() == history.current
        assert stack_matches(stack, history)
    walk_back_and_forth(history, stack, read, stack.undo, stack.redo)


@PROPERTY
@given(steps=EDITS)
def test_every_programme_item_edit_stays_reachable(qapp, sample, steps):
    db, meeting_id = sample
    with db.transaction() as session:
        item_id = programme.add_item(session, meeting_id, title="Ouverture").id
    stack = UndoStack()

    def read():
        with db.reading() as session:
            item = session.get(ProgrammeItem, item_id)
            return (item.title, item.debate)

    def edit(choice: int, n: int):
        fields = [{"title": f"Titre {n}"}, {"debate": n % 2 == 0}, {"title": f"**{n}** _x_"}]
        fields.append({"title": "Ouverture"})
        assert push(stack, commands.Edit(db, "Edit", programme.update_item, item_id, fields[choice])) is None
        return read()

    run_edits(steps, stack, read(), read, edit)


@PROPERTY
@given(steps=EDITS)
def test_every_attendance_row_edit_stays_reachable(qapp, sample, steps):
    db, meeting_id = sample
    with db.transaction() as session:
        row = attendance.add_attendance(session, meeting_id, first_name="Ana", last_name="García")
        row_id, person_id = row.id, row.person_id
    stack = UndoStack()

    def read():
        with db.reading() as session:
            row = session.get(Attendance, row_id)
            return (row.person.function, row.person.email, row.status, row.mode)

    def edit(choice: int, n: int):
        done = lambda _ids: None  # noqa: E731 - the table model's refresh is not under test here
        if choice == 0:
            command = attendance_commands.EditPerson(db, "Edit", row_id, person_id, done, function=f"F{n}")
        elif choice == 1:
            command = attendance_commands.EditPerson(db, "Edit", row_id, person_id, done, email=f"a{n}@x.org")
        elif choice == 2:
            command = attendance_commands.Mark(
                db, "Mark", [row_id], done, status=("present", "excused")[n % 2]
            )
        else:
            command = attendance_commands.Mark(
                db, "Mark", [row_id], done, mode=("remote", "in_person")[n % 2]
            )
        assert push(stack, command) is None
        return read()

    run_edits(steps, stack, read(), read, edit)
