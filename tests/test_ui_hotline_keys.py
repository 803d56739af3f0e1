"""Whole calls at the real desk window, by key presses only, counted against the targets.

Targets (issue 9, item 2): with the candidate on screen and the caller
verified, unlock, send a reset email, reissue and print the letter, and
reprint and print the statement each take at most 8 key presses; a
verification at most 3 beyond what the caller says (the name and the date
typed). A chord (Ctrl+Enter) counts as one press. Each scenario checks the
database, not only the screen. Printing goes to a PDF file: the print
dialog's file name is set as the office's printer would be chosen, and is
not counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.models import CallNote, IssuedStatement, Letter, OutboxMessage, ResultsAccount
from desk_app.services.registry import Services
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.actions.verify_dialog import DocumentSeenDialog, VerifyCallerDialog
from desk_app.ui.common.print_preview import PdfPreviewDialog
from desk_app.ui.main_window import MainWindow
from desk_app.ui.search.table_model import Column
from tests.support.desk_window import (
    ID,
    LOAD_TIMEOUT,
    loaded,
    lock,
    open_window,
    register,
    settle,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate
from tests.support.keyboard import Keyboard

pytestmark = pytest.mark.usefixtures("workers_done")

CALL_TARGET = 8
VERIFY_TARGET = 3
KEY = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def count(services: Services, model: type, *where: object) -> int:
    with services.db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def desk(qtbot: QtBot, services: Services, role: str) -> tuple[MainWindow, Keyboard]:
    """The window, signed in, with the candidate found by typing its ID Number and Enter."""
    window = open_window(qtbot, services, add_staff(services, role))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    settle(qtbot)  # the reason presets are read
    keys = Keyboard(qtbot)
    assert keys.focus() is window.search_panel.search_box  # the cursor starts in the search
    keys.say(ID)
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT
    ):
        keys.press(KEY.Key_Return)
    settle(qtbot)
    keys.reset()
    return window, keys


def verify_by_keys(qtbot: QtBot, window: MainWindow, keys: Keyboard) -> None:
    """F2, the name as said, Tab, the date as said, Enter."""
    keys.press(KEY.Key_F2)
    dialog = window.findChild(VerifyCallerDialog)
    assert dialog is not None and dialog.isVisible()
    assert keys.focus() is dialog.name  # not Cancel: a space typed goes into the name
    assert dialog.identifier.text() == ID  # the ID Number on screen, filled in
    keys.say("Chan Tai Man")
    keys.press(KEY.Key_Tab)
    keys.say("17/05/2001")
    with qtbot.waitSignal(dialog.verified, timeout=5_000) as answer:
        keys.press(KEY.Key_Return)
    assert answer.args[0].passed
    qtbot.waitUntil(lambda: window.findChild(VerifyCallerDialog) is None)


def act_by_keys(qtbot: QtBot, window: MainWindow, keys: Keyboard, key: Qt.Key) -> ReasonDialog:
    """The action's key, the first reason listed (1), Enter; waits for the candidate reloaded."""
    keys.press(key)
    dialog = window.findChild(ReasonDialog)
    assert dialog is not None and dialog.isVisible()
    assert keys.focus() is dialog.presets
    keys.press(KEY.Key_1)
    assert dialog.reason.text() == dialog.presets.texts()[0]
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT
    ):
        keys.press(KEY.Key_Return)
    return dialog


def save_offered_note(qtbot: QtBot, window: MainWindow, keys: Keyboard, services: Services) -> str:
    """Ctrl+Enter in the note box, which holds the reason offered as the call's note."""
    box = window.pane.notes.box
    assert keys.focus() is box
    offered = box.toPlainText()
    before = count(services, CallNote)
    keys.press(KEY.Key_Return, CTRL)
    qtbot.waitUntil(lambda: count(services, CallNote) == before + 1, timeout=5_000)
    settle(qtbot)
    return offered


def print_from_preview(qtbot: QtBot, keys: Keyboard, target: Path) -> None:
    """Enter in the preview, Enter in the print dialog (printing to ``target``), Esc."""
    preview = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PdfPreviewDialog))
    preview = QApplication.activeModalWidget()
    assert isinstance(preview, PdfPreviewDialog)
    keys.press(KEY.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog))
    printing = QApplication.activeModalWidget()
    assert isinstance(printing, QPrintDialog)
    # the office's printer: here a PDF file (chosen as a printer is, not counted)
    file_name = printing.findChild(QLineEdit, "filename")
    if file_name is not None:
        file_name.setText(str(target))
    with qtbot.waitSignal(preview.printed, timeout=30_000) as printed:
        keys.press(KEY.Key_Return)
    assert printed.args[0] >= 1
    assert target.read_bytes().startswith(b"%PDF")
    keys.press(KEY.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    QCoreApplication.processEvents()


@pytest.fixture
def locked(services: Services) -> Services:
    make_candidate(services)
    register(services)
    lock(services)
    return services


def test_an_operator_verifies_then_unlocks_by_keys(qtbot: QtBot, locked: Services) -> None:
    window, keys = desk(qtbot, locked, "operator")
    listed = window.search_panel.proxy
    assert listed.index(0, Column.ACCOUNT).data() == "Locked"
    assert listed.index(0, Column.DATE_OF_BIRTH).data() == "••/••/••••"  # not before a pass

    verify_by_keys(qtbot, window, keys)
    assert keys.presses <= VERIFY_TARGET, keys.log
    assert keys.said == len("Chan Tai Man") + len("17/05/2001")
    assert listed.index(0, Column.DATE_OF_BIRTH).data() == "17 May 2001"
    assert "17 May 2001" in window.pane.header.facts.text()

    keys.reset()
    act_by_keys(qtbot, window, keys, KEY.Key_F6)
    offered = save_offered_note(qtbot, window, keys, locked)
    assert keys.presses <= CALL_TARGET, keys.log
    with locked.db.read() as session:
        assert session.scalars(select(ResultsAccount.locked_until)).one() is None
        note = session.scalars(select(CallNote.text)).one()
    assert offered == note
    assert note.startswith("Unlocked early: Caller verified")
    # the row and the pane show the account as it is now, at once
    assert listed.index(0, Column.ACCOUNT).data() == "Registered"
    assert not window.pane.header.badge.isVisible()
    record_counts("unlock", keys)


def test_a_reset_email_by_keys(qtbot: QtBot, services: Services) -> None:
    make_candidate(services)
    register(services)
    window, keys = desk(qtbot, services, "operator")
    verify_by_keys(qtbot, window, keys)
    keys.reset()
    before = count(services, OutboxMessage)
    act_by_keys(qtbot, window, keys, KEY.Key_F7)
    save_offered_note(qtbot, window, keys, services)
    assert keys.presses <= CALL_TARGET, keys.log
    assert count(services, OutboxMessage) == before + 1
    assert window.statusBar().currentMessage().startswith("Reset email queued")
    record_counts("reset email", keys)


def test_a_letter_reissued_and_printed_by_keys(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    make_candidate(services)  # not registered: the new letter has a Secret Number
    window, keys = desk(qtbot, services, "operator")
    verify_by_keys(qtbot, window, keys)
    keys.reset()
    act_by_keys(qtbot, window, keys, KEY.Key_F8)
    print_from_preview(qtbot, keys, tmp_path / "letter.pdf")
    save_offered_note(qtbot, window, keys, services)
    assert keys.presses <= CALL_TARGET, keys.log
    assert count(services, Letter) == 2
    assert count(services, Letter, Letter.active.is_(True), Letter.number == 1) == 1
    record_counts("letter", keys)


def test_a_statement_reprinted_and_printed_by_keys(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    make_candidate(services)
    window, keys = desk(qtbot, services, "counter")
    # at the counter: the identity document seen (Shift+F2, Enter: the HKID card offered first)
    keys.press(KEY.Key_F2, SHIFT)
    document = window.findChild(DocumentSeenDialog)
    assert document is not None
    with qtbot.waitSignal(document.verified, timeout=5_000):
        keys.press(KEY.Key_Return)
    assert keys.presses <= VERIFY_TARGET
    keys.reset()
    act_by_keys(qtbot, window, keys, KEY.Key_F9)
    print_from_preview(qtbot, keys, tmp_path / "statement.pdf")
    save_offered_note(qtbot, window, keys, services)
    assert keys.presses <= CALL_TARGET, keys.log
    assert count(services, IssuedStatement) == 1
    record_counts("statement", keys)


def test_a_new_email_by_keys(qtbot: QtBot, services: Services) -> None:
    """Shift+F7: the cursor in the new email, Tab to the reasons, 1, Enter."""
    make_candidate(services)
    register(services)
    window, keys = desk(qtbot, services, "operator")
    verify_by_keys(qtbot, window, keys)
    keys.reset()
    keys.press(KEY.Key_F7, SHIFT)
    dialog = window.findChild(ReasonDialog)
    assert dialog is not None and keys.focus().objectName() == "newEmail"
    keys.say("tm.chan@example.org")
    keys.press(KEY.Key_Tab)
    assert keys.focus() is dialog.presets
    keys.press(KEY.Key_1)
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT
    ) as done:
        keys.press(KEY.Key_Return)
    assert done.args[0].detail.account.email == "tm.chan@example.org"
    save_offered_note(qtbot, window, keys, services)
    assert keys.presses <= CALL_TARGET, keys.log
    with services.db.read() as session:
        assert session.scalars(select(ResultsAccount.email)).one() == "tm.chan@example.org"


COUNTS: dict[str, tuple[int, int, list[str]]] = {}


def record_counts(call: str, keys: Keyboard) -> None:
    """Kept for docs/HOTLINE.md (printed with -s)."""
    COUNTS[call] = (keys.presses, keys.physical, list(keys.log))
    print(f"\n{call}: {keys.presses} presses ({keys.physical} keys down): {' '.join(keys.log)}")
