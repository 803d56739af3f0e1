"""File › Lock, Sign out, Switch user…: the session's entries in the window's File menu.

They go just above Quit. The window does not know them (the session owns
what they do), so they retranslate themselves when the window's language
changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from desk_app.ui.main_window import MainWindow


class SessionActions(QObject):
    lockRequested = Signal()
    signOutRequested = Signal()
    switchUserRequested = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.lock_action = QAction(window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.triggered.connect(self.lockRequested)
        self.sign_out_action = QAction(window)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self.signOutRequested)
        self.switch_user_action = QAction(window)
        self.switch_user_action.setObjectName("switchUserAction")
        self.switch_user_action.triggered.connect(self.switchUserRequested)
        menu, before = window.file_menu, window.quit_action
        menu.insertActions(
            before, [self.lock_action, self.switch_user_action, self.sign_out_action]
        )
        menu.insertSeparator(before)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.lock_action.setText(self.tr("&Lock the desk"))
        self.switch_user_action.setText(self.tr("S&witch user…"))
        self.sign_out_action.setText(self.tr("Sign &out"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
