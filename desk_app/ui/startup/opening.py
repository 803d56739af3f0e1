"""Opening the database while the sign-in dialog is already on screen.

Importing SQLAlchemy, Alembic and the services, opening the database and
checking (on SQLite: migrating) its schema take longer than the desk may
take to show its sign-in dialog. So the dialog shows first, and
:class:`DeskOpener` does all of that on a worker of its own: the staff
member types while it works. What it builds is handed over twice: as a
:class:`~concurrent.futures.Future` that the sign-in's own worker waits on
(so "Sign in" pressed early simply takes a moment longer), and as the
``opened`` signal on the GUI thread.

A PostgreSQL server that asks for a password gets it from the keyring, or
else from the person at the desk (:class:`DatabasePasswordDialog`, at most
``MAX_ASKS`` times), who may keep it in the keyring. Any other failure is
``failed``, with the error to show; the future fails with it too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desk_app.ui.common.workers import run_in_background

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from desk_app.database import Database

log = logging.getLogger("desk_app.ui")

MAX_ASKS = 3


class DeskOpener(QObject):
    # what ``build`` made, on the GUI thread
    opened = Signal(object)
    # the DeskError (or other exception) that stopped the opening, not yet shown to anyone
    failed = Signal(object)

    def __init__(
        self,
        url_text: str,
        build: Callable[[Database], Any],
        warm: Callable[[Any], object] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``build`` runs on the worker once the database is open; ``warm`` after the
        future is set (it may import what the window needs while the staff member types)."""
        super().__init__(parent)
        self._url_text = url_text
        self._build = build
        self._warm = warm
        # its own single worker: the sign-in's worker may wait on the future
        # meanwhile without taking the thread this needs
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.future: Future[Any] = Future()
        # the PostgreSQL password prompt while it is open
        self.password_dialog: QDialog | None = None
        self._url: URL | None = None
        self._asked = 0
        self._remember = False

    # -- on the GUI thread --------------------------------------------------
    def start(self) -> None:
        run_in_background(self._open, self._done, self._refused, pool=self._pool)

    def wait(self, msecs: int) -> None:
        """Let a worker still running end (the desk is closing)."""
        self._pool.waitForDone(msecs)

    def _done(self, built: Any) -> None:
        if self._remember and self._url is not None and self._url.password:
            self._store_password(self._url)
        self.opened.emit(built)

    def _refused(self, error: BaseException) -> None:
        from desk_app.services.errors import DeskError

        url = self._url
        if (
            isinstance(error, DeskError)
            and error.code == "database_password_needed"
            and url is not None
            and url.get_backend_name() == "postgresql"
            and self._asked < MAX_ASKS
        ):
            self._ask_password(url, error)
            return
        if not self.future.done():
            self.future.set_exception(error)
        self.failed.emit(error)

    def _ask_password(self, url: URL, error: BaseException) -> None:
        from desk_app.ui.signin.database_password import DatabasePasswordDialog, keyring_available

        can_store = keyring_available(url)
        dialog = DatabasePasswordDialog(
            url, can_store=can_store, wrong=self._asked > 0, parent=QApplication.activeWindow()
        )
        self._asked += 1
        self.password_dialog = dialog

        def answered(result: int) -> None:
            self.password_dialog = None
            dialog.deleteLater()
            if result != QDialog.DialogCode.Accepted:
                self.future.set_exception(error)
                self.failed.emit(error)
                return
            self._url = url.set(password=dialog.password.text())
            self._remember = can_store and dialog.remember.isChecked()
            self.start()

        dialog.finished.connect(answered)
        dialog.open()

    def _store_password(self, url: URL) -> None:
        from desk_app import config
        from desk_app.ui.common.errors import translate_error
        from desk_app.ui.common.message_box import show_error

        try:
            config.store_database_password(url, str(url.password))
        except config.KeyringUnavailable:
            show_error(QApplication.activeWindow(), translate_error("keyring_unavailable", {}))

    # -- on the worker --------------------------------------------------------
    def _open(self) -> Any:
        from desk_app import config
        from desk_app.services.database_errors import parse_database_url
        from desk_app.services.schema_check import DESK_TIMEOUTS, open_checked

        if self._url is None:
            self._url = config.with_password(parse_database_url(self._url_text))
        db = open_checked(self._url, timeouts=DESK_TIMEOUTS)  # short waits: the window says why
        try:
            built = self._build(db)
        except BaseException:
            db.dispose()
            raise
        self.future.set_result(built)
        if self._warm is not None:
            try:
                self._warm(built)
            except Exception:  # a missing warm-up only costs time later, where it shows
                log.exception("warming up the window failed")
        return built


class AfterFirstPaint(QObject):
    """Calls ``then`` once, when ``widget`` has first painted (or after ``latest_ms``).

    The opener starts only once the sign-in dialog is on screen: its worker
    imports for a second or more, and Python runs one thread at a time, so
    started earlier it would delay the very dialog it works behind.
    """

    def __init__(self, widget: QWidget, then: Callable[[], None], latest_ms: int = 500) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # after this paint is done, not inside it
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
