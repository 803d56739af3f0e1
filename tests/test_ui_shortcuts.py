"""Keys that always work: every shortcut from any text box, on every platform's key scheme.

A text box keeps the keys it edits with (Qt asks it first, with a
ShortcutOverride event), so a window shortcut on such a key never fires
while the cursor is in the box: Ctrl+U and Ctrl+E did exactly that on
Linux. The desk's keys are checked three ways: against Qt's table of
text-editing keys of X11, Windows and macOS (copied below from
qtbase/src/gui/kernel/qplatformtheme.cpp, for the standard keys QLineEdit
and QTextEdit claim) and the keys input methods take; against the text
widgets of the platform the tests run on; and by pressing each key with
the cursor in the search box, a call note and the Lockouts filter.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.registry import Services
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.actions.shortcuts import BY_NAME, TABLE
from desk_app.ui.actions.shortcuts_sheet import ShortcutsSheet
from desk_app.ui.main_window import MainWindow
from tests.support.desk_window import (
    ID,
    lock,
    open_window,
    register,
    settle,
    show_candidate,
    supervisor_on_a_locked_candidate,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate
from tests.support.keyboard import Keyboard

# The keys a QLineEdit / QTextEdit keeps for itself, per key scheme (Qt 6's table; "Ctrl" is
# Command on macOS and "Meta" its Control key). Plain and Shift+ printable keys, arrows,
# Home/End, Backspace and Delete are the boxes' own everywhere.
TEXT_KEYS = {
    "x11": {
        "Ctrl+C", "Ctrl+Ins", "F16", "Ctrl+X", "Shift+Del", "F20", "Ctrl+V", "Shift+Ins",
        "Ctrl+Shift+Ins", "F18", "Ctrl+Z", "F14", "Ctrl+Shift+Z", "Ctrl+A", "Ctrl+Shift+A",
        "Del", "Ctrl+D", "Ctrl+U", "Ctrl+K", "Ctrl+Backspace", "Ctrl+Del", "Home", "End",
        "Ctrl+E", "Ctrl+Left", "Ctrl+Right", "Ctrl+Home", "Ctrl+End", "Ctrl+Shift+Left",
        "Ctrl+Shift+Right", "Ctrl+Shift+Home", "Ctrl+Shift+End",
    },
    "windows": {
        "Ctrl+C", "Ctrl+Ins", "Ctrl+X", "Shift+Del", "Ctrl+V", "Shift+Ins", "Ctrl+Z",
        "Alt+Backspace", "Ctrl+Y", "Ctrl+Shift+Z", "Alt+Shift+Backspace", "Ctrl+A", "Del",
        "Ctrl+Backspace", "Ctrl+Del", "Home", "End", "Ctrl+Left", "Ctrl+Right", "Ctrl+Home",
        "Ctrl+End", "Ctrl+Shift+Left", "Ctrl+Shift+Right", "Ctrl+Shift+Home", "Ctrl+Shift+End",
    },
    "macos": {
        "Ctrl+C", "Ctrl+X", "Meta+K", "Ctrl+V", "Meta+Y", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+A",
        "Del", "Meta+D", "Meta+H", "Meta+F", "Meta+B", "Meta+N", "Meta+P", "Meta+V", "Meta+A",
        "Meta+E", "Meta+O", "Alt+Left", "Alt+Right", "Alt+Up", "Alt+Down", "Ctrl+Left",
        "Ctrl+Right", "Ctrl+Up", "Ctrl+Down", "Meta+Left", "Meta+Right", "Alt+Backspace",
        "Alt+Del", "Meta+Shift+A", "Meta+Shift+E", "Ctrl+Shift+Left", "Ctrl+Shift+Right",
    },
}  # fmt: skip
# input methods take these before the window sees them while they are on (IBus Unicode entry
# and emoji, Fcitx and Microsoft Pinyin's traditional/simplified switch, input source)
IME_KEYS = {
    "Ctrl+Space", "Meta+Space", "Ctrl+Shift+U", "Ctrl+Shift+E", "Ctrl+Shift+F", "Ctrl+.",
    "Ctrl+;",
}  # fmt: skip
# a second key kept for those used to it, although an input method may take it
SECOND_KEYS_IME_MAY_TAKE = {"answers": "Ctrl+Shift+F"}
# the keys a desktop keeps: help, menus, full screen, closing a window
SYSTEM_KEYS = {"F10", "F11", "F12", "Alt+F4", "Ctrl+F4", "F4", "Alt+Tab", "Ctrl+W"}

BOUND = [shortcut for shortcut in TABLE if shortcut.bound]

pytestmark = pytest.mark.usefixtures("workers_done")


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


@pytest.mark.parametrize("scheme", sorted(TEXT_KEYS))
def test_no_desk_key_is_a_text_editing_key(scheme: str) -> None:
    taken = {portable(QKeySequence(key)) for key in TEXT_KEYS[scheme] | SYSTEM_KEYS}
    ours = {portable(s): shortcut.name for shortcut in BOUND for s in shortcut.sequences()}
    assert ours, "no keys bound"
    assert not set(ours) & taken, {key: ours[key] for key in set(ours) & taken}


def test_every_key_is_free_of_input_methods_but_a_listed_second_one() -> None:
    taken = {portable(QKeySequence(key)) for key in IME_KEYS}
    for shortcut in BOUND:
        first, *others = (portable(s) for s in shortcut.sequences())
        assert first not in taken, shortcut.name  # the key the sheet names first always works
        kept = {portable(QKeySequence(SECOND_KEYS_IME_MAY_TAKE.get(shortcut.name, "")))}
        assert not (set(others) & taken) - kept, shortcut.name
    assert BY_NAME["answers"].keys == ("Shift+F3", "Ctrl+Shift+F")


def test_every_desk_key_is_one_key_and_used_once() -> None:
    keys = [portable(s) for shortcut in BOUND for s in shortcut.sequences()]
    assert len(keys) == len(set(keys)), keys
    for shortcut in BOUND:
        for sequence in shortcut.sequences():
            assert sequence.count() == 1, shortcut.name  # no two-stroke sequences


def overridden(widget: QWidget, sequence: QKeySequence) -> bool:
    """Whether ``widget`` keeps ``sequence`` for itself (accepts Qt's ShortcutOverride)."""
    combination = sequence[0]
    event = QKeyEvent(
        QEvent.Type.ShortcutOverride, combination.key(), combination.keyboardModifiers()
    )
    event.ignore()
    QCoreApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_no_text_box_of_this_platform_keeps_a_desk_key(qtbot: QtBot) -> None:
    line, notes = QLineEdit("chan tai man"), QPlainTextEdit("a note")
    for widget in (line, notes):
        qtbot.addWidget(widget)
        # the probe sees what a box keeps: select all, and typing
        assert overridden(widget, QKeySequence("Ctrl+A"))
        assert overridden(widget, QKeySequence("A"))
        for shortcut in BOUND:
            for sequence in shortcut.sequences():
                assert not overridden(widget, sequence), (type(widget).__name__, shortcut.name)


@pytest.fixture
def supervisor_desk(qtbot: QtBot, services: Services) -> MainWindow:
    """A supervisor (every action open, by override) with a locked candidate on screen."""
    return supervisor_on_a_locked_candidate(qtbot, services)


def window_actions(window: MainWindow) -> dict[str, QAction]:
    found = {key.value: action for key, action in window.call_actions.actions.items()}
    keys = window.desk_keys
    found |= {
        "find": window.find_action,
        "answers": window.answers_action,
        "export": keys.export_action,
        "reload": keys.reload_action,
        "shortcuts": keys.shortcuts_action,
        "quit": window.quit_action,
    }
    return found


def close_what_opened(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(5):
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            modal.reject()
        settle(qtbot)
    sheet = window.findChild(ShortcutsSheet)
    if sheet is not None:
        sheet.close()
    window.tabs.setCurrentIndex(0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


TARGETS = ("search box", "call note", "lockouts filter")


def text_box(window: MainWindow, target: str) -> QLineEdit | QPlainTextEdit:
    if target == "search box":
        return window.search_panel.search_box
    if target == "call note":
        window.pane.focus_notes()
        return window.pane.notes.box
    assert window.lockouts is not None
    window.show_lockouts()
    return window.lockouts.filter_box


def text_of(box: QLineEdit | QPlainTextEdit) -> str:
    return box.text() if isinstance(box, QLineEdit) else box.toPlainText()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("target", TARGETS)
def test_every_key_works_with_the_cursor_in_a_text_box(
    qtbot: QtBot, supervisor_desk: MainWindow, target: str
) -> None:
    window = supervisor_desk
    actions = window_actions(window)
    assert {s.name for s in BOUND} == set(actions)  # the table and the window agree
    for shortcut in BOUND:
        if shortcut.name == "quit":
            continue  # closing the window is not for this test; its key is checked above
        action = actions[shortcut.name]
        assert action.isEnabled(), shortcut.name
        for sequence in shortcut.sequences():
            box = text_box(window, target)
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            qtbot.waitUntil(box.hasFocus)
            before = text_of(box)
            combination = sequence[0]
            with qtbot.waitSignal(action.triggered, timeout=2_000):
                QTest.keyClick(box, combination.key(), combination.keyboardModifiers())
            assert text_of(box) == before, (target, shortcut.name)  # the box kept nothing
            close_what_opened(qtbot, window)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_key_whose_action_is_off_says_why(qtbot: QtBot, services: Services) -> None:
    make_candidate(services)
    register(services)
    lock(services)
    window = open_window(qtbot, services, add_staff(services, "operator"))
    show_candidate(qtbot, window)
    keys = Keyboard(qtbot)
    window.search_panel.focus_search()
    keys.press(Qt.Key.Key_F6)  # unlock, not verified yet
    assert window.statusBar().currentMessage() == "Verify the caller first (F2)."
    assert window.search_panel.search_box.text() == ID
    unlock = window.call_actions.actions[DeskAction.UNLOCK]
    button = next(
        b
        for b in window.pane.findChildren(QWidget)
        if getattr(b, "defaultAction", lambda: None)() is unlock
    )
    assert not button.isEnabled()
    assert button.toolTip() == unlock.toolTip() == "Verify the caller first (F2)."
    keys.press(Qt.Key.Key_F9)  # a statement: not an operator's
    assert window.statusBar().currentMessage() == "Your role may not do this."


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_sheet_lists_every_key_of_the_window(qtbot: QtBot, services: Services) -> None:
    make_candidate(services)
    window = open_window(qtbot, services, add_staff(services, "operator"))
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsSheet)
    assert sheet is not None and sheet.isVisible()
    listed = "\n".join(f"{key}\t{what}" for key, what in sheet.rows())
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString(native) in listed, action.text()
    assert "F6\tUnlock early" in listed
    assert "1–9\tChoose one of the reasons listed" in listed
    for name in ("verify_caller", "reissue_letter", "print"):
        assert BY_NAME[name].description() in listed
    # an operator sees the supervisor's keys greyed, with the reason
    item = next(
        table.item(row, 0)
        for table in sheet.tables
        for row in range(table.rowCount())
        if table.item(row, 0).text() == "Shift+F9"
    )
    assert item.toolTip() == "Your role may not do this."
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not sheet.isVisible())


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_answers_and_export_keys_from_a_text_box(qtbot: QtBot, services: Services) -> None:
    """Shift+F3 goes to the answers' search; Ctrl+Shift+S opens File › Export; Enter exports."""
    make_candidate(services)
    window = open_window(qtbot, services, add_staff(services, "operator"))
    keys = Keyboard(qtbot)
    # nothing listed yet: the export key says so
    keys.press(
        Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.activePopupWidget() is None
    assert window.statusBar().currentMessage() == (
        "Nothing to export yet: search for candidates first."
    )
    show_candidate(qtbot, window)
    window.search_panel.focus_search()
    keys.press(Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(window.knowledge.search_box.hasFocus)
    assert window.search_panel.search_box.text() == ID  # the search box kept its text
    window.pane.focus_notes()
    keys.press(
        Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.export_menu)
    assert window.export_menu.activeAction() is window.export_menu.search_action
    assert window.pane.notes.box.toPlainText() == ""
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.objectName() == "exportDialog"
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert keys.presses == 5
