"""Background work: a widget deleted while its work ran is not called back."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desk_app.ui.common.workers import run_in_background


class _Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel("Looking up…", self)
        self.heard: list[object] = []

    def loaded(self, result: object) -> None:
        self.label.setText(str(result))  # would raise once Qt deleted the label
        self.heard.append(result)

    def failed(self, error: BaseException) -> None:
        self.label.setText(str(error))
        self.heard.append(error)


def _job(release: threading.Event, outcome: object) -> object:
    release.wait(5)
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def test_a_deleted_widget_is_not_called_back_and_a_live_one_is(qtbot: QtBot) -> None:
    gone, kept = _Panel(), _Panel()
    qtbot.addWidget(kept)
    release = threading.Event()
    plain: list[object] = []
    for panel in (gone, kept):
        run_in_background(lambda: _job(release, "found"), panel.loaded, panel.failed)
    run_in_background(lambda: _job(release, "found"), plain.append, plain.append)
    heard_by_gone = gone.heard
    shiboken6.delete(gone)  # as Qt deletes a dialog closed while it looked something up
    release.set()
    qtbot.waitUntil(lambda: kept.heard == ["found"] and plain == ["found"])
    qtbot.wait(50)  # the deleted panel's delivery was queued beside the others
    assert heard_by_gone == []


def test_a_failure_after_the_widget_went_is_dropped_too(qtbot: QtBot) -> None:
    gone = _Panel()
    release = threading.Event()
    plain: list[object] = []
    run_in_background(lambda: _job(release, RuntimeError("away")), gone.loaded, gone.failed)
    run_in_background(lambda: _job(release, RuntimeError("away")), plain.append, plain.append)
    heard_by_gone = gone.heard
    shiboken6.delete(gone)
    release.set()
    qtbot.waitUntil(lambda: len(plain) == 1)
    qtbot.wait(50)
    assert heard_by_gone == []
    assert isinstance(plain[0], RuntimeError)
