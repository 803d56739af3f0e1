"""A long job over many items in the background, with progress and cancel.

``BatchRunner(title, items, work, describe=..., parent=...)`` calls
``work(item)`` for each item on a pool thread (``work`` must not touch
widgets), shows a progress dialog, stops after the current item when the
user cancels, and ends with a summary: how many were done, which failed and
why. One item failing does not stop the others.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import SIGNAL, SLOT, QEvent, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton, QWidget

from desk_app.ui.common.errors import error_text
from desk_app.ui.common.message_box import open_summary

# at most this many failures are listed in the summary
_LISTED_FAILURES = 8


@dataclass(frozen=True)
class BatchSummary:
    total: int
    done: int
    # (item description, translated reason) for each item that failed
    failures: tuple[tuple[str, str], ...]
    cancelled: bool


class _Signals(QObject):
    started = Signal(int)
    itemDone = Signal(int, object)
    itemFailed = Signal(int, object)
    ended = Signal()


class _Job(QRunnable):
    def __init__(
        self, items: Sequence[Any], work: Callable[[Any], Any], stop: threading.Event
    ) -> None:
        super().__init__()
        self._items = items
        self._work = work
        self._stop = stop
        self.signals = _Signals()

    def run(self) -> None:
        try:
            for index, item in enumerate(self._items):
                if self._stop.is_set():
                    break
                self.signals.started.emit(index)
                try:
                    result = self._work(item)
                except Exception as error:
                    self.signals.itemFailed.emit(index, error)
                else:
                    self.signals.itemDone.emit(index, result)
        finally:
            self.signals.ended.emit()


class StoppableProgress(QProgressDialog):
    """Cancel (button, Escape or closing) asks the job to stop; the dialog stays
    up, saying so, until the item being worked on is finished."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        QObject.disconnect(self, SIGNAL("canceled()"), self, SLOT("cancel()"))
        # the runner's texts, said again after a language switch
        self.texts: Callable[[], None] = lambda: None

    def retranslate(self) -> None:
        self.texts()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # Qt's own texts first (its Cancel), then the runner's
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.canceled.emit()


# runners whose job has not ended yet (kept alive until it has)
_running: set[BatchRunner] = set()


class BatchRunner(QObject):
    # index of the item and what ``work`` returned for it (on the GUI thread)
    itemDone = Signal(int, object)
    finished = Signal(object)

    def __init__(
        self,
        title: str | Callable[[], str],
        items: Sequence[Any],
        work: Callable[[Any], Any],
        *,
        describe: Callable[[Any], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title if callable(title) else (lambda: title)
        self._label: Callable[[], str] = lambda: self.tr("Starting…")
        self._items = list(items)
        self._describe = describe
        self._stop = threading.Event()
        self._done = 0
        self._failures: list[tuple[str, str]] = []
        self._job = _Job(self._items, work, self._stop)
        self._job.setAutoDelete(False)
        signals = self._job.signals
        signals.started.connect(self._item_started)
        signals.itemDone.connect(self._item_done)
        signals.itemFailed.connect(self._item_failed)
        signals.ended.connect(self._ended)
        self.dialog = StoppableProgress(parent)
        self.dialog.texts = self._retranslate
        self.dialog.setWindowTitle(self._title())
        self.dialog.setRange(0, len(self._items))
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        # not modal: a modal progress dialog runs a nested event loop in setValue()
        self.dialog.setMinimumWidth(420)
        self.dialog.canceled.connect(self.cancel)
        self.summary_box: QDialog | None = None

    def _retranslate(self) -> None:
        self.dialog.setWindowTitle(self._title())
        self.dialog.setLabelText(self._label())
        if self._stop.is_set():
            self.dialog.setCancelButtonText(self.tr("Stopping…"))

    def _say(self, label: Callable[[], str]) -> None:
        self._label = label
        self.dialog.setLabelText(label())

    def start(self) -> None:
        self._say(lambda: self.tr("Starting…"))
        self.dialog.setValue(0)
        self.dialog.show()
        _running.add(self)
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        """Stop after the item being worked on now."""
        if not self._stop.is_set():
            self._stop.set()
            self.dialog.setCancelButtonText(self.tr("Stopping…"))
            button = self.dialog.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)
            self._say(lambda: self.tr("Stopping after the current item…"))

    # -- progress (GUI thread) --------------------------------------------------
    def _item_started(self, index: int) -> None:
        if self._stop.is_set():
            return
        item = self._describe(self._items[index])
        self._say(
            lambda: self.tr("{number} of {total}: {item}").format(
                number=index + 1, total=len(self._items), item=item
            )
        )

    def _item_done(self, index: int, result: object) -> None:
        self._done += 1
        self.dialog.setValue(self._done + len(self._failures))
        self.itemDone.emit(index, result)

    def _item_failed(self, index: int, error: BaseException) -> None:
        self._failures.append((self._describe(self._items[index]), error_text(error)))
        self.dialog.setValue(self._done + len(self._failures))

    def _ended(self) -> None:
        handled = self._done + len(self._failures)
        summary = BatchSummary(
            total=len(self._items),
            done=self._done,
            failures=tuple(self._failures),
            cancelled=self._stop.is_set() and handled < len(self._items),
        )
        self.dialog.hide()
        _running.discard(self)
        self._show_summary(summary)
        self.finished.emit(summary)

    def _show_summary(self, summary: BatchSummary) -> None:
        lines = [self.tr("Done: {done} of {total}.").format(done=summary.done, total=summary.total)]
        if summary.cancelled:
            lines.append(self.tr("Stopped on request: the rest were not done."))
        if summary.failures:
            lines.append(self.tr("Failed: {count}.").format(count=len(summary.failures)))
            lines += [f"• {item}: {why}" for item, why in summary.failures[:_LISTED_FAILURES]]
        self.summary_box = open_summary(
            self.dialog.parentWidget(),
            self._title(),
            "\n".join(lines),
            warning=bool(summary.failures),
        )
