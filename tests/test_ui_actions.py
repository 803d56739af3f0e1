"""The Actions menu on the real services: verify first, then act with a reason.

An operator verifies a caller and unlocks; the actions that need a
verification are off (and say why) until a pass; a counter's temporary
password is shown once; a reissued letter opens in the preview from memory
with the new Secret Number, and nothing is written to disk; a supervisor
acts without verification by giving an override reason.
"""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.errors import Refused
from desk_app.services.registry import Services
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.actions.temp_password_dialog import TemporaryPasswordDialog
from desk_app.ui.actions.verify_dialog import DocumentSeenDialog, VerifyCallerDialog
from desk_app.ui.common.print_preview import PdfPreviewDialog
from desk_app.ui.main_window import MainWindow
from tests.support.clock import ManualClock
from tests.support.desk_window import (
    EMAIL,
    ID,
    PASSWORD,
    SECRET,
    lock,
    open_window,
    register,
    reloaded,
    settle,
    show_candidate,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate

NEED_VERIFICATION = (
    DeskAction.UNLOCK,
    DeskAction.SEND_RESET,
    DeskAction.CHANGE_EMAIL,
    DeskAction.REISSUE_LETTER,
)


pytestmark = pytest.mark.usefixtures("workers_done")


@pytest.fixture
def locked(services: Services) -> Services:
    make_candidate(services)
    register(services)
    lock(services)
    return services


def verify(qtbot: QtBot, window: MainWindow, *, born: str = "17/05/2001") -> VerifyCallerDialog:
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert isinstance(dialog, VerifyCallerDialog)
    dialog.name.setText("陳大文")
    dialog.date_of_birth.setText(born)
    dialog.kind.setCurrentIndex(dialog.kind.findData("phone"))
    dialog.identifier.setText("+852 9123 4567")
    with qtbot.waitSignal(dialog.verified, timeout=5_000):
        dialog.ok_button.click()
    return dialog


def act(qtbot: QtBot, dialog: object, reason: str, override: str | None = None) -> None:
    assert isinstance(dialog, ReasonDialog)
    assert not dialog.ok_button.isEnabled()  # no reason yet
    dialog.reason.setText("   ")
    assert not dialog.ok_button.isEnabled()  # blank is no reason
    dialog.reason.setText(reason)
    if override is not None:
        assert not dialog.ok_button.isEnabled()
        dialog.override_reason.setText(override)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.succeeded, timeout=10_000):
        dialog.ok_button.click()


def test_an_operator_verifies_the_caller_then_unlocks(
    qtbot: QtBot, locked: Services, clock: ManualClock
) -> None:
    window = open_window(qtbot, locked, add_staff(locked, "operator"))
    show_candidate(qtbot, window)
    unlock = window.call_actions.actions[DeskAction.UNLOCK]
    assert not unlock.isEnabled()
    assert unlock.toolTip() == "Verify the caller first (F2)."
    assert window.pane.header.badge.text() == "Locked until 10:30"

    failed = verify(qtbot, window, born="18/05/2001")
    assert failed.isVisible()  # a failure stays on screen, saying only FAIL
    assert failed.answer.text().startswith("FAIL")
    assert "date" not in failed.answer.text().lower()
    assert window.pane.header.verification.text().startswith("FAIL")
    assert not unlock.isEnabled()
    failed.reject()

    passed = verify(qtbot, window)
    qtbot.waitUntil(lambda: not passed.isVisible())
    assert window.pane.header.verification.text().startswith("PASS · Verified by you until 10:15")
    assert unlock.isEnabled()
    assert window.statusBar().currentMessage() == "Caller verification: PASS"

    with reloaded(qtbot, window) as done:
        act(qtbot, window.launcher.launch(DeskAction.UNLOCK), "caller verified, locked out")
    snapshot = done.args[0]
    assert snapshot.detail.account.locked_until is None
    assert not window.pane.header.badge.isVisible()
    assert not unlock.isEnabled()
    assert unlock.toolTip() == "The account is not locked."
    events = [
        window.pane.tabs.timeline.model().index(row, 1).data()
        for row in range(window.pane.tabs.timeline.model().rowCount())
    ]
    assert events[0] == "Unlocked early: “caller verified, locked out”"
    assert "Locked after 3 wrong passwords" in events
    assert locked.accounts.login(ID, PASSWORD).id_number == ID


def test_a_pass_made_before_a_restart_still_counts(
    qtbot: QtBot, locked: Services, clock: ManualClock
) -> None:
    operator = add_staff(locked, "operator")
    locked.verification.verify_caller(
        operator, ID, name="Chan Tai Man", date_of_birth="2001-05-17", phone="91234567"
    )
    clock.advance(minutes=3)  # the desk is started again, as a new window
    window = open_window(qtbot, locked, operator)
    show_candidate(qtbot, window)
    assert window.pane.header.verification.text() == (
        "PASS · Verified by you until 10:15 (12:00 left)"
    )
    unlock = window.call_actions.actions[DeskAction.UNLOCK]
    assert unlock.isEnabled()
    with reloaded(qtbot, window) as done:
        act(qtbot, window.launcher.launch(DeskAction.UNLOCK), "caller verified before the restart")
    assert done.args[0].detail.account.locked_until is None
    # another operator's desk has nothing open for this caller
    other = open_window(qtbot, locked, add_staff(locked, "operator"))
    show_candidate(qtbot, other)
    assert other.pane.header.verification.text() == "Caller not verified (F2)"
    assert not other.call_actions.actions[DeskAction.REISSUE_LETTER].isEnabled()


def test_without_a_verification_an_operator_cannot_act(qtbot: QtBot, locked: Services):
    window = open_window(qtbot, locked, add_staff(locked, "operator"))
    show_candidate(qtbot, window)
    actions = window.call_actions.actions
    for key in NEED_VERIFICATION:
        assert not actions[key].isEnabled(), key
        assert "Verify the caller first" in actions[key].toolTip()
        assert window.launcher.launch(key) is None  # the shortcut does nothing either
    for key in (DeskAction.TEMP_PASSWORD, DeskAction.PRINT_STATEMENT, DeskAction.VIEW_LOCKOUTS):
        assert not actions[key].isEnabled()
        assert actions[key].toolTip() == "Your role may not do this."
    assert actions[DeskAction.VERIFY_CALLER].isEnabled()
    assert actions[DeskAction.ADD_NOTE].isEnabled()
    assert actions[DeskAction.UNLOCK].shortcut().toString() == "F6"
    assert window.lockouts is None  # no lockouts tab for an operator


def test_the_service_refusal_is_shown_when_the_verification_ran_out(
    qtbot: QtBot, locked: Services, clock: ManualClock
) -> None:
    window = open_window(qtbot, locked, add_staff(locked, "operator"))
    show_candidate(qtbot, window)
    verify(qtbot, window)
    dialog = window.launcher.launch(DeskAction.UNLOCK)
    assert isinstance(dialog, ReasonDialog)
    clock.advance(minutes=16)  # the pass ends while the dialog is open
    dialog.reason.setText("caller verified")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.message.text() != "Working…", timeout=5_000)
    assert dialog.message.text() == "Verify the caller before acting on this candidate."
    assert dialog.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: not window.call_actions.actions[DeskAction.UNLOCK].isEnabled())
    assert window.pane.header.verification.text() == "Verification ran out: verify again"


def test_a_temporary_password_is_shown_once(
    qtbot: QtBot, locked: Services, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    window = open_window(qtbot, locked, add_staff(locked, "counter"))
    show_candidate(qtbot, window)
    temporary = window.call_actions.actions[DeskAction.TEMP_PASSWORD]
    assert not temporary.isEnabled()
    document = window.launcher.launch(DeskAction.RECORD_DOCUMENT)
    assert isinstance(document, DocumentSeenDialog)
    assert document.document.currentText() == "HKID card"
    with qtbot.waitSignal(document.verified, timeout=5_000):
        document.ok_button.click()
    assert "Identity document seen" in window.pane.header.verification.text()
    assert temporary.isEnabled()

    with reloaded(qtbot, window):
        act(qtbot, window.launcher.launch(DeskAction.TEMP_PASSWORD), "lost password, HKID seen")
    shown = window.findChild(TemporaryPasswordDialog)
    assert shown is not None and shown.isVisible()
    password = shown.field.text()
    assert len(password) >= 8 and shown.field.isReadOnly()
    shown.copy()
    assert QApplication.clipboard().text() == password
    # the lock ended and the password works (it must be changed at this login)
    assert locked.accounts.login(ID, password).must_change_password
    shown.done(0)
    assert shown.field.text() == ""  # gone when the dialog closes
    assert QApplication.clipboard().text() != password
    assert password not in caplog.text


def test_a_reissued_letter_is_previewed_from_memory(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_candidate(services)  # not registered: the new letter has a Secret Number
    monkeypatch.chdir(tmp_path)
    before = {*Path.cwd().glob("*.pdf"), *Path(tempfile.gettempdir()).glob("*.pdf")}
    window = open_window(qtbot, services, add_staff(services, "operator"))
    show_candidate(qtbot, window)
    verify(qtbot, window)
    with reloaded(qtbot, window) as done:
        act(qtbot, window.launcher.launch(DeskAction.REISSUE_LETTER), "letter lost")
    preview = window.findChild(PdfPreviewDialog)
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    text = "\n".join(
        preview.document.getAllText(page).text() for page in range(preview.document.pageCount())
    )
    numbers = re.findall(r"^\s*(\d{4})\s*$", text, flags=re.MULTILINE)
    assert len(numbers) == 1, text
    secret = numbers[0]
    assert ID in text
    letters = done.args[0].detail.letters
    assert [letter.active for letter in letters] == [False, True]
    preview.reject()
    after = {*Path.cwd().glob("*.pdf"), *Path(tempfile.gettempdir()).glob("*.pdf")}
    assert after == before  # nothing was written
    # the old Secret Number stopped working; the one in the preview registers
    if secret != SECRET:
        with pytest.raises(Refused):
            services.accounts.register(ID, SECRET, EMAIL, PASSWORD, accept_terms=True)
    services.accounts.register(ID, secret, EMAIL, PASSWORD, accept_terms=True)


def test_a_supervisor_acts_without_verification_by_giving_an_override(
    qtbot: QtBot, locked: Services, clock: ManualClock
) -> None:
    clock.advance(minutes=2)
    window = open_window(qtbot, locked, add_staff(locked, "supervisor", "sup.lee"))
    show_candidate(qtbot, window)
    unlock = window.call_actions.actions[DeskAction.UNLOCK]
    assert unlock.isEnabled()
    assert "override reason" in unlock.toolTip()
    dialog = window.launcher.launch(DeskAction.UNLOCK)
    assert isinstance(dialog, ReasonDialog)
    assert dialog.override_reason.isVisible()
    assert "recorded as an override" in dialog.override_note.text()
    with reloaded(qtbot, window):
        act(qtbot, dialog, "locked out before an interview", "candidate emailed from school")
    timeline = window.pane.tabs.timeline.model()
    texts = [timeline.index(row, 1).data() for row in range(timeline.rowCount())]
    assert texts[:2] == [
        "Unlocked early: “locked out before an interview”",
        "Acted without verification (supervisor override): “candidate emailed from school”",
    ]
    assert timeline.index(0, 2).data() == "sup.lee"


def test_change_of_email_then_a_reset_link_to_the_new_address(
    qtbot: QtBot, services: Services
) -> None:
    make_candidate(services)
    register(services)
    window = open_window(qtbot, services, add_staff(services, "operator"))
    show_candidate(qtbot, window)
    verify(qtbot, window)
    dialog = window.launcher.launch(DeskAction.CHANGE_EMAIL)
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setText("lost access to the old mailbox")
    assert not dialog.ok_button.isEnabled()  # the new email is required too
    dialog.findChild(type(dialog.reason), "newEmail").setText("tm.chan@example.org")
    with reloaded(qtbot, window) as done:
        dialog.ok_button.click()
    assert done.args[0].detail.account.email == "tm.chan@example.org"
    with reloaded(qtbot, window):
        act(qtbot, window.launcher.launch(DeskAction.SEND_RESET), "forgot the password")
    assert window.statusBar().currentMessage() == "Reset email queued to tm.chan@example.org."
    settle(qtbot)


def test_a_counter_reprints_the_selected_statement(qtbot: QtBot, services: Services) -> None:
    make_candidate(services)
    window = open_window(qtbot, services, add_staff(services, "counter"))
    show_candidate(qtbot, window)
    statement = window.call_actions.actions[DeskAction.PRINT_STATEMENT]
    assert not statement.isEnabled()
    assert "record the identity document" in statement.toolTip()
    document = window.launcher.launch(DeskAction.RECORD_DOCUMENT)
    assert isinstance(document, DocumentSeenDialog)
    document.document.setCurrentText("Passport")
    with qtbot.waitSignal(document.verified, timeout=5_000):
        document.ok_button.click()
    assert window.pane.selected_entry() is not None
    dialog = window.launcher.launch(DeskAction.PRINT_STATEMENT)
    assert isinstance(dialog, ReasonDialog)
    assert "A2 Key for Schools (KET for Schools) — July 2014" in dialog.intro.text()
    with reloaded(qtbot, window):
        act(qtbot, dialog, "walk-in: statement for a school application")
    preview = window.findChild(PdfPreviewDialog)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    text = preview.document.getAllText(0).text()
    assert "REPRINT" in text and ID in text
    assert window.statusBar().currentMessage().startswith("Statement SR")
    preview.reject()
