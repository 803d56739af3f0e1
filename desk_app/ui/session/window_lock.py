"""Locking a desk window: candidate data out of sight, work in progress kept.

``engage`` puts the lock screen over everything between the menu bar and
the status bar (the desk, the lockouts tab, any pane docked beside them),
disables what lies under it and the menu bar, clears the status line, and
hides every other window of the desk: a dialog opened with ``open()`` (a
half-typed reason, a verification, a print preview) is only hidden and
comes back as it was on ``release``. A box running its own event loop
(``exec()``: a message box, the system's print or file dialog) cannot wait
hidden: hiding would end it as a Cancel, so it is closed as a Cancel, and
nothing typed is lost with it.

While locked, keyboard shortcuts reach nothing but the lock screen, and a
window that opens meanwhile (a worker's answer) is put away the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid

from desk_app.ui.session.lock_screen import LockScreen


class WindowLock(QObject):
    def __init__(self, window: QMainWindow, screen: LockScreen) -> None:
        super().__init__(window)
        self._window = window
        self.screen = screen
        screen.setParent(window)
        screen.hide()
        # windows put away, in the order they were open (parents before their children)
        self._hidden: list[QWidget] = []
        # what was enabled under the lock screen (given back on release)
        self._disabled: list[QWidget] = []
        self._focus: QWidget | None = None
        self.engaged = False

    def engage(self) -> None:
        if self.engaged:
            return
        self.engaged = True
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._focus = QApplication.focusWidget()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            self._put_away(widget)
        window = self._window
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for child in window.findChildren(QWidget, options=direct):
            if child is self.screen or child is window.statusBar() or not child.isEnabled():
                continue
            child.setEnabled(False)
            self._disabled.append(child)
        window.statusBar().clearMessage()
        self._place()
        self.screen.show()
        self.screen.raise_()
        window.installEventFilter(self)
        app.installEventFilter(self)
        window.activateWindow()
        self.screen.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def release(self) -> None:
        """Give the window back as it was; then this lock is done with."""
        if not self.engaged:
            return
        self.engaged = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._window.removeEventFilter(self)
        self.screen.hide()
        for child in self._disabled:
            if isValid(child):
                child.setEnabled(True)
        self._disabled = []
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if isValid(widget):
                widget.show()
                widget.raise_()
        if hidden and isValid(hidden[-1]):
            hidden[-1].activateWindow()
        elif self._focus is not None and isValid(self._focus) and self._focus.isVisible():
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus = None

    @property
    def hidden_windows(self) -> list[QWidget]:
        return list(self._hidden)

    def abandon(self) -> list[QWidget]:
        """The staff member signed out from the lock: stop watching, give nothing back.

        Returns the windows that were put away, for the caller to close.
        """
        self.engaged = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._window.removeEventFilter(self)
        hidden, self._hidden, self._disabled = self._hidden, [], []
        return [widget for widget in hidden if isValid(widget)]

    def _put_away(self, widget: QWidget) -> None:
        if (
            widget is self._window
            or not widget.isVisible()
            or widget.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
            or widget in self._hidden
        ):
            return
        modality = widget.windowModality()
        if isinstance(widget, QDialog) and modality == Qt.WindowModality.ApplicationModal:
            widget.reject()  # runs its own event loop (exec): it cannot wait hidden
            if widget.isVisible():
                widget.hide()
            return
        widget.hide()
        self._hidden.append(widget)

    def _place(self) -> None:
        window = self._window
        top = window.menuBar().geometry().bottom() + 1 if window.menuBar().isVisible() else 0
        status = window.statusBar()
        bottom = status.geometry().top() if status.isVisible() else window.height()
        self.screen.setGeometry(QRect(0, top, window.width(), max(bottom - top, 0)))

    def _inside_screen(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and (
            watched is self.screen or self.screen.isAncestorOf(watched)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Shortcut:
            # actions, menus and buttons under the lock do not answer their keys
            return not self._inside_screen(watched)
        if watched is self._window and kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._place()
        elif (
            kind == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self._window
        ):
            # a window opened while locked: put away once it is shown
            QTimer.singleShot(0, lambda: self._put_away_if_locked(watched))
        return False

    def _put_away_if_locked(self, widget: QWidget) -> None:
        if self.engaged and isValid(widget):
            self._put_away(widget)
