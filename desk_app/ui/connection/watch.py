"""The window while the database is away: banner, actions held, reconnect, read back.

:func:`watch_database` attaches a :class:`DatabaseWatch` to a desk window:
the banner goes above the window's tabs; the health check runs on a worker;
when the database goes away every action that changes data (the Actions
menu and the pane's buttons, notes, unlock in the lockouts view, the
answers' e-mail and edit, printing letters, import and export) is disabled
with the reason in its tooltip. When the database answers again, without
anyone doing anything, the banner goes, the actions come back, and what the
window shows is read again (the open candidate, the lockouts).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk_app.services.errors import DeskError
from desk_app.ui.connection.banner import DatabaseBanner
from desk_app.ui.connection.health import HealthCheck
from desk_app.ui.connection.hold import ActionHold, Target

if TYPE_CHECKING:
    from desk_app.services.connection import ConnectionService
    from desk_app.ui.main_window import MainWindow


class DatabaseWatch(QObject):
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

    def start(self) -> None:
        self.health.start()

    def stop(self) -> None:
        self.health.stop()

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
        return [t for t in targets if isinstance(t, QAction | QWidget)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.health.stop()
        return False

    @property
    def down(self) -> bool:
        return self.health.down

    def _lost(self, error: BaseException) -> None:
        since = self.health.down_since
        assert since is not None
        self.banner.show_lost(since, error if isinstance(error, DeskError) else None)
        self.hold.hold(self.tr("The database cannot be reached: this waits until it is back."))

    def _restored(self) -> None:
        self.banner.clear()
        self.hold.release()
        window = self._window
        window.call_actions.update()
        window.statusBar().showMessage(self.tr("The database answers again."), 10_000)
        window.pane.reload()
        if window.lockouts is not None and window.lockouts.isVisible():
            window.lockouts.fetch()


def watch_database(window: MainWindow, connection: ConnectionService) -> DatabaseWatch:
    """Attach the watch to ``window`` and start the health check."""
    watch = DatabaseWatch(window, connection)
    watch.start()
    return watch
