"""One desk from the sign-in dialog to Quit: sign in, the window, sign out, the idle lock.

The process stays up and the database open for the whole session; what
changes is who is signed in:

- **Sign out** (File menu) closes the window, and the candidate data with it,
  and shows the sign-in dialog again. Cancelling that dialog quits.
- **Switch user…** is the same for the next staff member at the desk; the
  first is signed out (audited as such).
- **The idle lock**: after ``idle_minutes`` without key or mouse input the
  window goes behind the lock screen (:class:`WindowLock`), which asks for
  the same staff member's password; "Sign in as someone else" signs them
  out. File › Lock the desk does the same at once.

Signing in, out, locking and unlocking are audited by the staff service;
the audit entries are written on a worker, never on the GUI thread; the
sign-out's and the lock's are written again when the database was away
(:class:`~desk_app.ui.session.records.SessionRecords`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desk_app.ui.common.errors import error_text
from desk_app.ui.common.message_box import show_error
from desk_app.ui.session.idle import CHECK_MS, IdleWatcher
from desk_app.ui.session.lock_screen import LockScreen
from desk_app.ui.session.menu import SessionActions
from desk_app.ui.session.records import SessionRecords
from desk_app.ui.session.window_lock import WindowLock
from desk_app.ui.signin.login_dialog import LoginDialog

if TYPE_CHECKING:
    from desk_app.services.actor import StaffIdentity
    from desk_app.ui.common.i18n import Translations
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.session.staff_door import StaffDoor

#: how often a signed-out window looks whether its workers are done (then it is deleted)
RETIRE_POLL_MS = 200


class DeskSession(QObject):
    # the sign-in dialog is on screen (LoginDialog)
    signInShown = Signal(object)
    # a staff member's window is on screen (MainWindow)
    windowShown = Signal(object)
    # the lock screen covers the window (WindowLock)
    locked = Signal(object)
    # the same staff member is back
    unlocked = Signal()
    # the desk is done: the exit status (ui/app.py ends the application with it)
    finished = Signal(int)

    def __init__(
        self,
        staff: StaffDoor,
        make_window: Callable[[StaffIdentity], MainWindow],
        translations: Translations,
        *,
        idle_minutes: int,
        preferences: QSettings | None = None,
        idle_clock: Callable[[], float] = time.monotonic,
        idle_check_ms: int = CHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._make_window = make_window
        self._translations = translations
        self._idle_minutes = idle_minutes
        self._preferences = preferences
        self.identity: StaffIdentity | None = None
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.lock: WindowLock | None = None
        self._quitting = False
        self.idle = IdleWatcher(idle_minutes, idle_clock, idle_check_ms, self)
        self.records = SessionRecords(self)
        self.idle.idle.connect(lambda: self.lock_now(self._idle_minutes))

    # -- signing in -------------------------------------------------------------
    def show_sign_in(self) -> LoginDialog:
        dialog = LoginDialog(self._staff, self._translations)
        dialog.finished.connect(lambda result: self._sign_in_done(dialog, result))
        self.login = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.signInShown.emit(dialog)
        return dialog

    def _sign_in_done(self, dialog: LoginDialog, result: int) -> None:
        if self.login is dialog:
            self.login = None
        dialog.deleteLater()
        identity = dialog.identity
        if result != QDialog.DialogCode.Accepted or identity is None:
            self.quit(0)
            return
        # the language the sign-in dialog showed is the one the desk uses; one chosen
        # there is also kept as this staff member's own
        language = self._translations.language
        if dialog.language_chosen:
            staff = self._staff
            self.records.write("language kept", lambda: staff.set_language(identity, language))
        self._open_window(identity)

    def _open_window(self, identity: StaffIdentity) -> None:
        window = self._make_window(identity)
        self.identity, self.window = identity, window
        actions = SessionActions(window)
        actions.lockRequested.connect(lambda: self.lock_now(None))
        actions.signOutRequested.connect(lambda: self.sign_out())
        actions.switchUserRequested.connect(lambda: self.sign_out(switching_user=True))
        if self._preferences is not None:
            geometry = self._preferences.value("geometry")
            if geometry is not None:
                window.restoreGeometry(geometry)
        window.installEventFilter(self)
        window.show()
        self.idle.start()
        self.windowShown.emit(window)

    # -- locking ------------------------------------------------------------------
    def lock_now(self, idle_minutes: int | None) -> None:
        """Hide the candidate data until the same staff member gives their password."""
        window, identity = self.window, self.identity
        if window is None or identity is None or self.lock is not None:
            return
        screen = LockScreen(self._staff, identity, idle_minutes)
        lock = WindowLock(window, screen)
        screen.unlocked.connect(self._unlocked)
        screen.signOutRequested.connect(lambda: self.sign_out(switching_user=True))
        self.lock = lock
        lock.engage()
        staff = self._staff
        self.records.write(
            "screen locked", lambda: staff.lock_screen(identity, idle_minutes=idle_minutes)
        )
        self.locked.emit(lock)

    def _unlocked(self, identity: StaffIdentity) -> None:
        lock = self.lock
        if lock is None:
            return
        self.lock = None
        self.identity = identity
        lock.release()
        lock.screen.deleteLater()
        lock.deleteLater()
        self.idle.touch()
        self.unlocked.emit()

    # -- signing out and quitting -------------------------------------------------
    def sign_out(self, *, switching_user: bool = False) -> None:
        """End this staff member's session and ask who is next (Cancel there quits)."""
        window, identity = self.window, self.identity
        if window is None or identity is None:
            return
        staff = self._staff
        self.records.write(
            "sign-out", lambda: staff.sign_out(identity, switching_user=switching_user)
        )
        self._end_session(window)
        self.show_sign_in()
        self._retire(window)

    def _end_session(self, window: MainWindow) -> None:
        self.idle.stop()
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.screen.cancel()
            for hidden in lock.abandon():  # they are not given back to anyone
                hidden.close()
        self.identity, self.window = None, None
        window.removeEventFilter(self)
        if self._preferences is not None:
            self._preferences.setValue("geometry", window.saveGeometry())

    def _retire(self, window: MainWindow) -> None:
        """Close the window now; delete it once no worker can answer into it any more.

        Its timers stop first (a search waiting for the typing to pause, a
        countdown), so nothing of it starts new work; it is deleted when the
        workers have been idle for two looks in a row (an answer may start a
        follow-up, such as loading the first row found).
        """
        for widget in QApplication.topLevelWidgets():
            if widget is not window and widget is not self.login and widget.isVisible():
                widget.close()
        window.close()
        for timer in window.findChildren(QTimer):
            timer.stop()
        idle_looks = [0]

        def delete_when_idle() -> None:
            idle_looks[0] = (
                0 if QThreadPool.globalInstance().activeThreadCount() else idle_looks[0] + 1
            )
            if idle_looks[0] >= 2:
                window.deleteLater()
            else:
                QTimer.singleShot(RETIRE_POLL_MS, delete_when_idle)

        delete_when_idle()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Quit or the window's close button: the staff member leaves
            window, identity = self.window, self.identity
            if window is not None and identity is not None:
                staff = self._staff
                self.records.write("sign-out", lambda: staff.sign_out(identity))
                self._end_session(window)
                self.quit(0)
        return False

    def show_status(self, text: str) -> None:
        """A passing word for the status line (a release run), if a window is open and unlocked."""
        if self.window is not None and self.lock is None:
            self.window.statusBar().showMessage(text, 15_000)

    def cannot_open(self, error: BaseException) -> None:
        """The database could not be opened: say why, then quit with the matching status."""
        from desk_app.services.errors import DeskError, ExitStatus

        parent: QWidget | None = self.login
        show_error(parent, error_text(error))
        status = error.status if isinstance(error, DeskError) else ExitStatus.INTERNAL_ERROR
        self.quit(int(status))
        if self.login is not None:
            self.login.reject()

    def quit(self, status: int) -> None:
        """The desk is done, with ``status`` (the first reason to quit is the one kept)."""
        if self._quitting:
            return
        self._quitting = True
        self.idle.stop()
        self.records.abandon()
        self.finished.emit(status)
