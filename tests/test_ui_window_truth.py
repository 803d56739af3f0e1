"""What the window shows is always true: no stale candidate, rows that follow, reasons said.

The pane lets go of a candidate as soon as a new search starts or the list
empties; an action refreshes the row and the pane at once; the date of
birth is hidden until the caller passed (and again when the pass runs
out); a button that is off says why; a date the desk cannot read names the
forms it reads and puts the cursor back in it; opening a candidate is one
audit entry; the sign-in dialog keeps its words through a language switch.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.models import AuditEvent, CallerVerification
from desk_app.services.candidates.notes import MAX_NOTE
from desk_app.services.registry import Services
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.actions.verify_dialog import VerifyCallerDialog
from desk_app.ui.common.i18n import Translations
from desk_app.ui.main_window import MainWindow
from desk_app.ui.search.table_model import Column
from desk_app.ui.signin.login_dialog import LoginDialog
from tests.support.clock import ManualClock
from tests.support.desk_window import (
    ID,
    LOAD_TIMEOUT,
    loaded,
    lock,
    open_window,
    register,
    settle,
    show_candidate,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate
from tests.support.keyboard import Keyboard

pytestmark = [
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("workers_done"),
]
OTHER = "KT0045821"
KEY = Qt.Key


@pytest.fixture
def two(services: Services) -> Services:
    make_candidate(services)
    make_candidate(services, OTHER, name_en="LEE Ka Yan", name_zh=None)
    register(services)
    lock(services)
    return services


def operator_desk(qtbot: QtBot, services: Services) -> MainWindow:
    window = open_window(qtbot, services, add_staff(services, "operator"))
    show_candidate(qtbot, window)
    settle(qtbot)
    return window


def audited(services: Services, action: str) -> int:
    with services.db.read() as session:
        query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        return session.scalar(query) or 0


def test_a_new_search_lets_go_of_the_candidate_at_once(qtbot: QtBot, two: Services) -> None:
    window = operator_desk(qtbot, two)
    unlock = window.call_actions.actions[DeskAction.VERIFY_CALLER]
    assert window.pane.snapshot is not None and unlock.isEnabled()
    keys = Keyboard(qtbot)
    window.search_panel.focus_search()
    keys.say("lee")  # a new search starts: nothing of SMR123456 stays actionable
    qtbot.waitUntil(lambda: window.pane.snapshot is None, timeout=1_000)
    assert window.call_actions.snapshot is None
    assert not unlock.isEnabled() and unlock.toolTip() == "Open a candidate first."
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(OTHER), timeout=LOAD_TIMEOUT
    ):
        pass  # the new search's first row is loaded after the pause
    # a search that finds nobody: the list empties and the pane with it
    keys.say(" nobody at all")
    keys.press(KEY.Key_Return)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 0)
    settle(qtbot)
    assert window.pane.snapshot is None and window.pane.header.isHidden() is False
    assert window.pane._stack.currentIndex() == 0  # the placeholder, not a candidate
    # Esc empties the box: the list and the pane are empty
    show_candidate(qtbot, window)
    window.search_panel.focus_search()
    keys.press(KEY.Key_Escape)
    assert window.search_panel.model.rowCount() == 0 and window.pane.snapshot is None
    assert window.count_label.text() == "Candidates listed: 0"


def test_an_action_from_the_lockouts_view_refreshes_the_row(
    qtbot: QtBot, two: Services, clock: ManualClock
) -> None:
    window = open_window(qtbot, two, add_staff(two, "supervisor"))
    show_candidate(qtbot, window)
    settle(qtbot)
    listed = window.search_panel.proxy
    assert listed.index(0, Column.ACCOUNT).data() == "Locked"
    dialog = window.launcher.launch(DeskAction.UNLOCK)
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setText("interview today")
    dialog.override_reason.setText("caller emailed from school")
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT
    ):
        dialog.ok_button.click()
    assert listed.index(0, Column.ACCOUNT).data() == "Registered"
    assert not window.pane.header.badge.isVisible()
    # F5 reads the list and the candidate again and keeps the same candidate selected
    viewed = audited(two, "candidate_viewed")
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT
    ):
        Keyboard(qtbot).press(KEY.Key_F5)
    settle(qtbot)
    assert window.search_panel.table.current_candidate().id_number == ID
    assert audited(two, "candidate_viewed") == viewed + 1


def test_opening_a_candidate_is_one_audit_entry(qtbot: QtBot, two: Services) -> None:
    operator_desk(qtbot, two)
    assert audited(two, "candidate_viewed") == 1
    assert audited(two, "timeline_viewed") == 0


def test_enter_while_the_selection_loads_is_the_same_one_look(qtbot: QtBot, two: Services) -> None:
    """The list selects the row and starts reading it; Enter then opens it: one entry, not two."""
    window = open_window(qtbot, two, add_staff(two, "operator"))
    panel, pane = window.search_panel, window.pane
    panel.search_box.setText(ID)
    with qtbot.waitSignal(
        panel.currentCandidateChanged, check_params_cb=lambda r: r is not None, timeout=LOAD_TIMEOUT
    ) as selected:
        panel.search_now()  # the row selected: the pane reads it after a pause …
    row = selected.args[0]
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT):
        pane._loader._load_pending()  # … which ends now; the read is on the worker
        assert pane._loader.loading(ID)
        pane.open_candidate(row)  # Enter before the answer came
    settle(qtbot)
    assert audited(two, "candidate_viewed") == 1


def test_the_same_candidate_found_again_at_once_is_not_read_again(
    qtbot: QtBot, two: Services, clock: ManualClock
) -> None:
    """Typing on (or searching again) lists the candidate just read: shown, not read twice."""
    window = operator_desk(qtbot, two)
    assert audited(two, "candidate_viewed") == 1
    panel, pane = window.search_panel, window.pane
    panel.search_box.setText(ID.lower())
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT):
        panel.search_now(force=True)  # a new search lets go; the same candidate listed again
    settle(qtbot)
    assert audited(two, "candidate_viewed") == 1
    # later on it is read again (a look after a while is a look of its own)
    clock.advance(minutes=1)
    panel.search_box.setText(ID)
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT):
        panel.search_now(force=True)
    settle(qtbot)
    assert audited(two, "candidate_viewed") == 2


def test_the_date_of_birth_shows_only_while_the_pass_counts(
    qtbot: QtBot, two: Services, clock: ManualClock
) -> None:
    window = operator_desk(qtbot, two)
    listed, header = window.search_panel.proxy, window.pane.header
    masked = "••/••/••••"
    assert listed.index(0, Column.DATE_OF_BIRTH).data() == masked
    assert masked in header.facts.text() and "2001" not in header.facts.text()
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert isinstance(dialog, VerifyCallerDialog)
    dialog.name.setText("陳大文")
    dialog.date_of_birth.setText("2001-05-17")
    with qtbot.waitSignal(dialog.verified, timeout=5_000):
        dialog.ok_button.click()
    assert listed.index(0, Column.DATE_OF_BIRTH).data() == "17 May 2001"
    assert "17 May 2001" in header.facts.text()
    clock.advance(minutes=16)  # the pass runs out
    window.verifications.check_expiry()
    assert listed.index(0, Column.DATE_OF_BIRTH).data() == masked
    assert masked in header.facts.text()


def test_a_date_the_desk_cannot_read_names_the_forms_it_reads(qtbot: QtBot, two: Services) -> None:
    window = operator_desk(qtbot, two)
    keys = Keyboard(qtbot)
    keys.press(KEY.Key_F2)
    dialog = window.findChild(VerifyCallerDialog)
    assert dialog is not None
    keys.say("Chan Tai Man")
    keys.press(KEY.Key_Tab)
    keys.say("31/02/2001")
    keys.press(KEY.Key_Return)
    assert dialog.answer.text() == (
        "“31/02/2001” is not a date: write it as DD/MM/YYYY or YYYY-MM-DD."
    )
    assert keys.focus() is dialog.date_of_birth
    assert dialog.date_of_birth.selectedText() == "31/02/2001"
    with two.db.read() as session:  # nothing was checked or recorded
        assert session.scalar(select(func.count()).select_from(CallerVerification)) == 0
    keys.say("17.05.2001")  # replaces the selection
    with qtbot.waitSignal(dialog.verified, timeout=5_000) as answer:
        keys.press(KEY.Key_Return)
    assert answer.args[0].passed


def test_buttons_that_are_off_say_why(qtbot: QtBot, two: Services) -> None:
    window = operator_desk(qtbot, two)
    notes = window.pane.notes
    window.pane.focus_notes()
    assert notes.add_button.toolTip() == "Write the note first."
    notes.box.setPlainText("x" * (MAX_NOTE + 1))
    why = "The note is over 4,000 characters (4,001): shorten it."
    assert not notes.add_button.isEnabled()
    assert notes.add_button.toolTip() == why and notes.add_button.statusTip() == why
    assert notes.status.text() == why
    notes.box.setPlainText("caller asked about the certificate")
    assert notes.add_button.isEnabled() and notes.status.text() == ""
    # the verification dialog: the check button says what is missing
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert isinstance(dialog, VerifyCallerDialog)
    assert dialog.ok_button.toolTip() == "Type the name the caller says."
    dialog.name.setText("Chan Tai Man")
    assert dialog.ok_button.toolTip() == "Type the date of birth the caller says."
    dialog.identifier.clear()
    dialog.date_of_birth.setText("17/05/2001")
    assert dialog.ok_button.toolTip() == "Give the caller's ID Number, email or phone."
    dialog.reject()
    # the reason dialog of a supervisor: the reason, then the override reason
    supervisor = open_window(qtbot, two, add_staff(two, "supervisor"))
    show_candidate(qtbot, supervisor)
    settle(qtbot)
    reason = supervisor.launcher.launch(DeskAction.UNLOCK)
    assert isinstance(reason, ReasonDialog)
    assert reason.ok_button.toolTip() == "Choose a reason (1–3) or type one."
    assert reason.hint.text() == reason.ok_button.toolTip()
    reason.presets.choose(2)
    assert reason.reason.text() == "Needs the results today: cannot wait for the lock to end"
    assert reason.ok_button.toolTip() == "Say why you act without verifying the caller."
    reason.override_reason.setText("caller at the counter with a letter")
    assert reason.ok_button.isEnabled() and reason.ok_button.toolTip() == ""
    reason.reject()


def test_free_text_typed_on_the_list_goes_into_the_reason(qtbot: QtBot, two: Services) -> None:
    window = open_window(qtbot, two, add_staff(two, "supervisor"))
    show_candidate(qtbot, window)
    settle(qtbot)
    keys = Keyboard(qtbot)
    keys.press(KEY.Key_F6)
    dialog = window.findChild(ReasonDialog)
    assert dialog is not None and keys.focus() is dialog.presets
    keys.say("interview at 3")
    assert dialog.reason.text() == "interview at 3"
    assert keys.focus() is dialog.reason
    keys.press(KEY.Key_Escape)  # Esc cancels
    qtbot.waitUntil(lambda: window.findChild(ReasonDialog) is None)


def test_the_sign_in_dialog_keeps_its_words_and_shows_the_language_used(
    qtbot: QtBot, services: Services
) -> None:
    translations = Translations()
    translations.switch("zh_HK")
    try:
        dialog = LoginDialog(services.staff, translations)
        qtbot.addWidget(dialog)
        assert dialog.language.currentData() == "zh_HK"  # the one the desk will use
        assert dialog.sign_in_button.text() == "登入"
        dialog.language.setCurrentIndex(0)
        dialog.language.activated.emit(0)
        assert translations.language == "en"
        qtbot.waitUntil(lambda: dialog.windowTitle() == "Sign in to Results Desk")
        assert dialog.sign_in_button.text() == "Sign in"  # not Qt's "OK"
        dialog.language.setCurrentIndex(1)
        dialog.language.activated.emit(1)
        qtbot.waitUntil(lambda: dialog.windowTitle() != "Sign in to Results Desk")
        assert dialog.sign_in_button.text() == "登入"
        assert dialog.sign_in_button.isDefault()
    finally:
        translations.switch("en")


def test_a_listed_candidate_unlocked_elsewhere_shows_at_once(qtbot: QtBot, two: Services) -> None:
    make_candidate(two, "KT0045999", name_en="CHAN Siu Ming", name_zh=None)
    supervisor = add_staff(two, "supervisor")
    window = open_window(qtbot, two, supervisor)
    window.search_panel.search_box.setText("chan")
    window.search_panel.search_now()
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 2)
    listed = window.search_panel.proxy
    rows = {listed.index(r, Column.ID_NUMBER).data(): r for r in range(listed.rowCount())}
    with qtbot.waitSignal(
        window.pane.snapshotChanged, check_params_cb=loaded("KT0045999"), timeout=LOAD_TIMEOUT
    ):
        window.search_panel.table.select_row(rows["KT0045999"], move_focus=True)
    assert listed.index(rows[ID], Column.ACCOUNT).data() == "Locked"
    # the Lockouts view unlocks the other one (as its Unlock button does)
    two.desk_actions.unlock(supervisor, ID, reason="interview", override_reason="emailed")
    assert window.lockouts is not None
    window.lockouts.unlocked.emit(ID)
    qtbot.waitUntil(
        lambda: listed.index(rows[ID], Column.ACCOUNT).data() == "Registered", timeout=5_000
    )
    settle(qtbot)
    assert window.pane.snapshot is not None
    assert window.pane.snapshot.id_number == "KT0045999"  # the candidate shown stays
