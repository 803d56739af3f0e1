"""The idle watcher: input resets it, the limit passes on an injected clock, 0 means never."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desk_app.ui.session.idle import IdleWatcher


class Clock:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


def test_idle_is_said_once_per_spell_and_input_starts_a_new_one(qtbot: QtBot) -> None:
    clock = Clock()
    box = QLineEdit()
    qtbot.addWidget(box)
    box.show()
    watcher = IdleWatcher(10, clock, check_ms=10)
    watcher.start()
    try:
        said: list[None] = []
        watcher.idle.connect(lambda: said.append(None))
        clock.seconds += 9 * 60 + 59
        watcher.check()
        assert said == []
        clock.seconds += 1
        with qtbot.waitSignal(watcher.idle, timeout=2_000):
            pass  # the watcher's own timer notices
        watcher.check()
        assert len(said) == 1  # once, not at every look
        QTest.keyClick(box, Qt.Key.Key_A)  # someone is back
        assert watcher.idle_seconds() == 0
        clock.seconds += 10 * 60
        watcher.check()
        assert len(said) == 2
    finally:
        watcher.stop()


def test_a_limit_of_zero_never_locks(qtbot: QtBot) -> None:
    clock = Clock()
    watcher = IdleWatcher(0, clock, check_ms=10)
    watcher.start()
    said: list[None] = []
    watcher.idle.connect(lambda: said.append(None))
    clock.seconds += 24 * 3600
    qtbot.wait(50)
    watcher.check()
    watcher.stop()
    assert not watcher.enabled and said == []
