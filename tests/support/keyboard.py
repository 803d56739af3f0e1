"""A person at the keyboard: key presses to whatever has the focus, counted.

``press`` is one key press (a chord such as Ctrl+Enter counts once, as the
issue's targets do; :attr:`Keyboard.physical` also counts the modifiers
held). ``say`` types what the caller says (a name, a date): counted apart,
since the targets count the keys beyond it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.MetaModifier,
)


@dataclass
class Keyboard:
    qtbot: QtBot
    #: key presses (a chord counts once)
    presses: int = 0
    #: keys pressed down, modifiers included
    physical: int = 0
    #: characters typed of what the caller said
    said: int = 0
    log: list[str] = field(default_factory=list)

    def focus(self) -> QWidget:
        """The widget that has the keyboard now (waits for one: a dialog may be opening)."""
        popup = QApplication.activePopupWidget()
        if popup is not None:  # an open menu takes every key, as Qt routes them
            return popup
        if QApplication.activeWindow() is None:
            # a dialog closed: a window manager gives the keyboard back to the window under
            # it; the offscreen platform has none, so do what it would
            under = QApplication.activeModalWidget() or next(
                (w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()),
                None,
            )
            if under is not None:
                under.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5_000)
        QCoreApplication.processEvents()
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def press(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        QTest.keyClick(self.focus(), key, modifier)
        self.presses += 1
        self.physical += 1 + sum(1 for m in _MODIFIERS if modifier & m)
        self.log.append(f"{modifier.name}+{key.name}" if modifier.value else key.name)
        QCoreApplication.processEvents()

    def say(self, text: str) -> None:
        for character in text:  # each to whatever has the focus by then, as a person types
            QTest.keyClicks(self.focus(), character)
            QCoreApplication.processEvents()
        self.said += len(text)

    def reset(self) -> None:
        self.presses = self.physical = self.said = 0
        self.log.clear()
