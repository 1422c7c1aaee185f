"""The refusal line of the tabs: shown with its text, gone by itself, shown again on the next refusal."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.passing_message import PassingMessage


def test_a_message_is_shown_then_goes_by_itself(qtbot):
    tab = QWidget()
    qtbot.addWidget(tab)
    message = PassingMessage()
    QVBoxLayout(tab).addWidget(message)
    tab.show()
    assert not message.isVisible()  # hidden until something is said
    message._timer.setInterval(50)
    message.say("« 25h » : l'heure doit être entre 0 et 23.")
    assert message.isVisible() and message.text().startswith("« 25h »")
    qtbot.waitUntil(lambda: not message.isVisible(), timeout=2000)
    message.say("again")
    assert message.isVisible() and message.text() == "again"
