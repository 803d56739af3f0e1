"""The window while the database is away: banner, actions held, reconnect, read back.

:func:`watch_database` attaches a :class:`DatabaseWatch` to a desk window:
the banner goes above the window's tabs; the health check runs on a worker;
when the database goes away every action that changes data (the Actions
menu and the pane's buttons, notes, unlock in the lockouts view, the
answers' e-mail and edit, printing letters, import and export) is disabled
with the reason in its tooltip, and so are the action buttons of the dialogs
open over it (:mod:`desk_app.ui.connection.away`, told by
:attr:`DatabaseWatch.awayChanged`). When the database answers again, without
anyone doing anything, the banner goes, the actions come back, and what the
window shows is read again (the open candidate, the lockouts).

An action whose connection died before it answered (COMMIT included) is
looked up by its request id once the database answers
(:mod:`desk_app.ui.connection.outcomes`): the status bar and its dialog say
"done" or "not done".
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk_app.services.errors import DeskError
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.connection.away_state import AwayState
from desk_app.ui.connection.banner import DatabaseBanner
from desk_app.ui.connection.health import HealthCheck
from desk_app.ui.connection.hold import ActionHold, Target
from desk_app.ui.connection.outcomes import Answer, add_resolver

if TYPE_CHECKING:
    from desk_app.services.connection import ConnectionService
    from desk_app.ui.main_window import MainWindow


#: a look-up that failed while the database answers (only its connection died): again after
LOOK_AGAIN_MS = 1000


class DatabaseWatch(AwayState):
    """The window's watch; open dialogs follow its ``awayChanged`` (``connection/away.py``)."""

    def __init__(
        self,
        window: MainWindow,
        connection: ConnectionService,
        *,
        ticks: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.banner = DatabaseBanner(ticks=ticks)
        self._place_banner()
        self.hold = ActionHold(self)
        for target in self._targets():
            self.hold.add(target)
        self.health = HealthCheck(connection.check, self, ticks=ticks)
        self.health.lost.connect(self._lost)
        self.health.restored.connect(self._restored)
        window.installEventFilter(self)  # a closed window stops checking
        self._connection = connection
        #: actions whose connection died: request id → who wants to know
        self.unresolved: dict[str, Answer] = {}
        self._withdraw = add_resolver(self._resolve_later)

    def start(self) -> None:
        self.health.start()

    def stop(self) -> None:
        self.health.stop()
        self._withdraw()

    def _place_banner(self) -> None:
        """The banner above the window's tabs (the central widget is wrapped, not changed)."""
        window = self._window
        central = window.takeCentralWidget()
        holder = QWidget()
        holder.setObjectName("bannerHolder")
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        wrap = QVBoxLayout()
        wrap.setContentsMargins(12, 8, 12, 0)
        wrap.addWidget(self.banner)
        layout.addLayout(wrap)
        if central is not None:
            layout.addWidget(central, 1)
        window.setCentralWidget(holder)

    def _targets(self) -> list[Target]:
        window = self._window
        targets: list[Target] = list(window.call_actions.actions.values())
        targets += [window.letters_action, window.export_menu.menuAction()]
        if window.import_action is not None:
            targets.append(window.import_action)
        targets.append(window.pane.notes.add_button)
        targets += [window.knowledge.email_button, window.knowledge.edit_button]
        if window.lockouts is not None:
            targets.append(window.lockouts.unlock_button)
        if window.audit is not None:  # the chain's check and the CSV read the database
            targets += [window.audit.verify_button, window.audit.export_button]
        return [t for t in targets if isinstance(t, QAction | QWidget)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.stop()
        if watched is self._window and event.type() == QEvent.Type.LanguageChange and self.down:
            self.hold.hold(self.reason())  # the reason in the new language
        return False

    @property
    def down(self) -> bool:
        return self.health.down

    def _lost(self, error: BaseException) -> None:
        since = self.health.down_since
        assert since is not None
        self.banner.show_lost(since, error if isinstance(error, DeskError) else None)
        self.hold.hold(self.reason())
        self.awayChanged.emit(True)

    def reason(self) -> str:
        """The tooltip of every held action and button."""
        return self.tr("The database cannot be reached: this waits until it is back.")

    def _restored(self) -> None:
        self.banner.clear()
        self.hold.release()
        window = self._window
        window.call_actions.update()
        window.statusBar().showMessage(self.tr("The database answers again."), 10_000)
        window.pane.reload()
        if window.lockouts is not None and window.lockouts.isVisible():
            window.lockouts.fetch()
        for request_id in list(self.unresolved):
            self._look_up(request_id)
        self.awayChanged.emit(False)

    # -- done or not done -------------------------------------------------------
    def _resolve_later(self, request_id: str, answer: Answer) -> None:
        self.unresolved[request_id] = answer
        if not self.down:  # perhaps only that connection died: look now
            self._look_up(request_id)

    def _look_up(self, request_id: str) -> None:
        connection = self._connection
        run_in_background(
            lambda: connection.request_done(request_id),
            lambda done: self._answer(request_id, bool(done)),
            lambda _error: self._not_looked_up(request_id),
        )

    def _not_looked_up(self, request_id: str) -> None:
        """Still away: asked again when back; or only that connection died: again soon."""
        self.health.check_now()
        QTimer.singleShot(
            LOOK_AGAIN_MS,
            self,
            lambda: (
                None
                if self.down or request_id not in self.unresolved
                else self._look_up(request_id)
            ),
        )

    def _answer(self, request_id: str, done: bool) -> None:
        answer = self.unresolved.pop(request_id, None)
        if answer is None:
            return
        window = self._window
        if done:
            text = self.tr("The action under way when the connection was lost was done.")
            window.pane.reload()
        else:
            text = self.tr(
                "The action under way when the connection was lost was not done; "
                "nothing was changed."
            )
        window.statusBar().showMessage(text, 30_000)
        with contextlib.suppress(RuntimeError):  # its dialog was closed and deleted meanwhile
            answer(done)


def watch_database(window: MainWindow, connection: ConnectionService) -> DatabaseWatch:
    """Attach the watch to ``window`` and start the health check."""
    watch = DatabaseWatch(window, connection)
    live = getattr(window, "live", None)  # the other desks' listener, when one runs
    if live is not None:
        # its connection dropped: ask at once rather than at the next tick
        live.connectedChanged.connect(lambda up: None if up else watch.health.check_now())
    watch.start()
    return watch
