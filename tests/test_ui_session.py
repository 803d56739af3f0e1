"""The desk's session: sign out, switch user and the idle lock, on real services.

The idle lock runs on an injected clock that the tests move by hand; the
watcher's timer looks every 20 ms, so no test waits minutes.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QThreadPool, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actor import StaffIdentity
from desk_app.services.registry import Services
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.actions.verify_dialog import VerifyCallerDialog
from desk_app.ui.app import window_services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.common.message_box import open_summary
from desk_app.ui.knowledge.column import unfold
from desk_app.ui.main_window import MainWindow
from desk_app.ui.session.desk_session import DeskSession
from desk_app.ui.session.window_lock import WindowLock
from desk_app.ui.signin.login_dialog import LoginDialog
from tests.support.desk_window import show_candidate
from tests.support.factories import STAFF_PASSWORD, add_staff, make_candidate

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
pytestmark = SQLITE_ONLY

IDLE_MINUTES = 10
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TIMEOUT = 10_000


class IdleClock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, minutes: float) -> None:
        self.seconds += minutes * 60


@pytest.fixture
def idle_clock() -> IdleClock:
    return IdleClock()


@pytest.fixture
def session(qtbot: QtBot, services: Services, idle_clock: IdleClock) -> Iterator[DeskSession]:
    add_staff(services, "operator", "amy")
    add_staff(services, "operator", "bob")
    make_candidate(services)
    translations = Translations()

    def make_window(identity: StaffIdentity) -> MainWindow:
        # not given to qtbot: the session closes and deletes its windows itself
        return MainWindow(window_services(services, services.db.dialect), identity, translations)

    desk = DeskSession(
        services.staff,
        make_window,
        translations,
        idle_minutes=IDLE_MINUTES,
        idle_clock=idle_clock,
        idle_check_ms=20,
    )
    yield desk
    desk.idle.stop()
    if desk.window is not None:
        for timer in desk.window.findChildren(QTimer):
            timer.stop()
    settle_pool()  # no worker may answer into a window deleted below
    for widget in (desk.login, desk.window):
        if widget is not None:
            widget.close()
            widget.deleteLater()
    settle_pool()


def sign_in(qtbot: QtBot, desk: DeskSession, username: str) -> MainWindow:
    dialog = desk.login if desk.login is not None else desk.show_sign_in()
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.username, username)
    QTest.keyClicks(dialog.password, STAFF_PASSWORD)
    with qtbot.waitSignal(desk.windowShown, timeout=TIMEOUT) as shown:
        QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    window: MainWindow = shown.args[0]
    qtbot.waitExposed(window)
    return window


def audit_actions(services: Services, username: str) -> list[tuple[str, str]]:
    settle_pool()
    with services.db.read() as session:
        return [
            (action, detail)
            for action, detail in session.execute(
                select(AuditEvent.action, AuditEvent.detail)
                .where(AuditEvent.subject == username, AuditEvent.action.like("staff_%"))
                .order_by(AuditEvent.id)
            )
        ]


def settle_pool() -> None:
    QThreadPool.globalInstance().waitForDone(TIMEOUT)
    QCoreApplication.processEvents()


def menu_action(window: MainWindow, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, name)
    assert action is not None and action in window.file_menu.actions()
    return action


def test_sign_out_closes_the_window_and_asks_who_is_next(
    qtbot: QtBot, session: DeskSession, services: Services
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    show_candidate(qtbot, window)
    assert session.identity is not None and session.identity.username == "amy"
    menu_action(window, "signOutAction").trigger()
    assert not window.isVisible()
    assert session.window is None and session.identity is None
    assert isinstance(session.login, LoginDialog) and session.login.isVisible()
    assert session.login.username.text() == "" and session.login.password.text() == ""
    # the window goes once no worker can answer into it
    with qtbot.waitSignal(window.destroyed, timeout=TIMEOUT):
        pass
    assert [a for a, _ in audit_actions(services, "amy")][-2:] == ["staff_login", "staff_logout"]
    # the same process, the same database: the next sign-in works at once
    again = sign_in(qtbot, session, "amy")
    assert show_candidate(qtbot, again).id_number == "SMR123456"


def test_switch_user_signs_the_first_out_and_the_next_in(
    qtbot: QtBot, session: DeskSession, services: Services
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    menu_action(window, "switchUserAction").trigger()
    bob_window = sign_in(qtbot, session, "bob")
    assert "Bob" in bob_window.staff_label.text()
    assert audit_actions(services, "amy")[-1] == ("staff_logout", '{"switch_user":true}')
    assert audit_actions(services, "bob")[-1] == ("staff_login", "{}")


def test_cancelling_the_sign_in_after_signing_out_ends_the_desk(
    qtbot: QtBot, session: DeskSession
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    menu_action(window, "signOutAction").trigger()
    assert session.login is not None
    with qtbot.waitSignal(session.finished, timeout=TIMEOUT) as finished:
        QTest.keyClick(session.login, Qt.Key.Key_Escape)
    assert finished.args == [0]


def test_quitting_signs_out(qtbot: QtBot, session: DeskSession, services: Services) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    with qtbot.waitSignal(session.finished, timeout=TIMEOUT) as finished:
        window.quit_action.trigger()
    assert finished.args == [0]
    assert audit_actions(services, "amy")[-1] == ("staff_logout", "{}")


def open_half_typed_dialog(qtbot: QtBot, window: MainWindow) -> tuple[QDialog, QLineEdit]:
    """A call in progress: the candidate on screen, the caller's verification half typed."""
    if window.pane.snapshot is None:
        show_candidate(qtbot, window)
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert isinstance(dialog, VerifyCallerDialog) and dialog.isVisible()
    QTest.keyClicks(dialog.name, "Chan Tai")
    return dialog, dialog.name


def go_idle(qtbot: QtBot, session: DeskSession, idle_clock: IdleClock) -> WindowLock:
    idle_clock.advance(IDLE_MINUTES - 1)
    QTest.qWait(60)
    assert session.lock is None  # not yet
    with qtbot.waitSignal(session.locked, timeout=TIMEOUT) as locked:
        idle_clock.advance(1)
    lock: WindowLock = locked.args[0]
    return lock


def test_the_idle_lock_hides_the_data_and_keeps_the_dialog_in_progress(
    qtbot: QtBot, session: DeskSession, services: Services, idle_clock: IdleClock
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    show_candidate(qtbot, window)
    dialog, reason = open_half_typed_dialog(qtbot, window)
    lock = go_idle(qtbot, session, idle_clock)
    screen = lock.screen
    assert screen.isVisible() and not dialog.isVisible()
    assert screen.geometry().contains(window.centralWidget().geometry())
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    assert screen.explanation.text() == "Locked after 10 minutes without use."
    assert screen.who.text() == "Amy (Hotline operator)"
    assert "SMR123456" not in window.statusBar().currentMessage()
    assert audit_actions(services, "amy")[-1] == ("staff_screen_locked", '{"idle_minutes":10}')
    # no shortcut reaches the desk under the lock
    QTest.keySequence(screen.password, QKeySequence(QKeySequence.StandardKey.Find))
    assert screen.password.hasFocus()
    # the right password: everything back as it was
    QTest.keyClicks(screen.password, STAFF_PASSWORD)
    with qtbot.waitSignal(session.unlocked, timeout=TIMEOUT):
        QTest.keyClick(screen.password, Qt.Key.Key_Return)
    assert not screen.isVisible() and dialog.isVisible()
    assert reason.text() == "Chan Tai"
    assert window.centralWidget().isEnabled() and window.menuBar().isEnabled()
    assert window.pane.snapshot is not None
    assert audit_actions(services, "amy")[-1] == ("staff_screen_unlocked", "{}")


def test_a_wrong_password_keeps_the_lock_and_counts(
    qtbot: QtBot, session: DeskSession, services: Services, idle_clock: IdleClock
) -> None:
    session.show_sign_in()
    sign_in(qtbot, session, "amy")
    screen = go_idle(qtbot, session, idle_clock).screen
    QTest.keyClicks(screen.password, "not-amys-password")
    QTest.keyClick(screen.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.message.text() == "Wrong password: the desk stays locked.")
    assert session.lock is not None and screen.isVisible()
    assert screen.password.text() == ""
    # both written on workers: at test speed the lock's own entry may land after it
    failed = ("staff_unlock_failed", '{"locked":false}')
    qtbot.waitUntil(lambda: failed in audit_actions(services, "amy")[-2:], timeout=TIMEOUT)


def test_someone_else_at_a_locked_desk_signs_the_first_out(
    qtbot: QtBot, session: DeskSession, services: Services, idle_clock: IdleClock
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    dialog, _reason = open_half_typed_dialog(qtbot, window)
    screen = go_idle(qtbot, session, idle_clock).screen
    screen.other_button.click()
    assert session.window is None and not window.isVisible() and not dialog.isVisible()
    assert session.login is not None and session.login.isVisible()
    # the sign-out is written on a worker
    signed_out = ("staff_logout", '{"switch_user":true}')
    qtbot.waitUntil(lambda: signed_out in audit_actions(services, "amy")[-2:], timeout=TIMEOUT)
    sign_in(qtbot, session, "bob")


def test_input_keeps_the_desk_unlocked(
    qtbot: QtBot, session: DeskSession, idle_clock: IdleClock
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    for _ in range(3):
        idle_clock.advance(IDLE_MINUTES - 1)
        QTest.keyClick(window.search_panel.search_box, Qt.Key.Key_A)
        QTest.qWait(60)
    assert session.lock is None
    QTest.mouseMove(window.search_panel.table.viewport())
    idle_clock.advance(IDLE_MINUTES - 1)
    QTest.qWait(60)
    assert session.lock is None


def test_lock_by_hand_keeps_a_box_that_was_open(
    qtbot: QtBot, session: DeskSession, services: Services
) -> None:
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    box = open_summary(window, "Results Desk", "Batch SMR123456 printed.", warning=False)
    with qtbot.waitSignal(session.locked, timeout=TIMEOUT) as locked:
        menu_action(window, "lockAction").trigger()
    lock: WindowLock = locked.args[0]
    assert not box.isVisible() and lock.hidden_windows == [box]
    assert lock.screen.explanation.text() == "Locked by the staff member signed in."
    assert audit_actions(services, "amy")[-1] == ("staff_screen_locked", '{"idle_minutes":null}')
    QTest.keyClicks(lock.screen.password, STAFF_PASSWORD)
    with qtbot.waitSignal(session.unlocked, timeout=TIMEOUT):
        lock.screen.unlock_button.click()
    assert box.isVisible()


def test_a_box_in_its_own_event_loop_ends_as_a_cancel(
    qtbot: QtBot, session: DeskSession, idle_clock: IdleClock
) -> None:
    """A box shown with exec() cannot wait hidden: the lock closes it, nothing is lost."""
    session.show_sign_in()
    window = sign_in(qtbot, session, "amy")
    box = QMessageBox(QMessageBox.Icon.Warning, "Results Desk", "SMR123456", parent=window)
    QTimer.singleShot(50, lambda: idle_clock.advance(IDLE_MINUTES))
    box.exec()  # returns once the idle lock has closed it
    assert session.lock is not None and not box.isVisible()
    assert session.lock.hidden_windows == []


def test_the_lock_covers_the_answers_and_puts_an_export_away(
    qtbot: QtBot, session: DeskSession, services: Services, idle_clock: IdleClock
) -> None:
    """The answers pane (beside the candidate) and File › Export's dialog hold candidate
    data too: the first lies under the lock screen, the second waits hidden, as it was."""
    add_staff(services, "supervisor", "sue")
    session.show_sign_in()
    window = sign_in(qtbot, session, "sue")
    show_candidate(qtbot, window)
    unfold(window.splitter, 2)
    answers = window.knowledge
    qtbot.waitUntil(lambda: answers.width() > 0 and answers.listed_keys() != [])
    export = window.export_menu.export_audit()
    qtbot.waitExposed(export)
    export.path.setText("/tmp/audit-for-the-auditors.csv")
    lock = go_idle(qtbot, session, idle_clock)
    covered = lock.screen.geometry()
    shown = QRect(answers.mapTo(window, QPoint(0, 0)), answers.size())
    assert covered.contains(shown) and not answers.isEnabled()
    assert not export.isVisible() and export in lock.hidden_windows
    # the window comes forward again once the dialog is put away (asynchronously)
    qtbot.waitUntil(lock.screen.password.hasFocus, timeout=TIMEOUT)
    # the answers' own key (Ctrl+Shift+F) reaches nothing under the lock
    QTest.keyClick(lock.screen.password, Qt.Key.Key_F, CTRL_SHIFT)
    assert lock.screen.password.hasFocus()
    QTest.keyClicks(lock.screen.password, STAFF_PASSWORD)
    with qtbot.waitSignal(session.unlocked, timeout=TIMEOUT):
        QTest.keyClick(lock.screen.password, Qt.Key.Key_Return)
    assert export.isVisible() and export.path.text() == "/tmp/audit-for-the-auditors.csv"
    assert answers.isEnabled()
    export.reject()
