"""File › Export › …: one dialog for every export — the file, its format, the days.

The dialog names the file (typed, or chosen with **Choose…** in the system's
save dialog), the format where there is a choice (the audit log: CSV or JSON
lines) and the office's days where the export takes them. **Export** runs
the service on a worker (``ui/common/workers.py``); its progress comes back
through a relay on the GUI thread, and **Cancel** asks it to stop: the
service then writes no file and records nothing. While an export runs the
dialog does not close: closing asks it to stop first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QStandardPaths, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.errors import DeskError
from desk_app.services.exports.files import Days, ExportCancelled, ExportReport
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import file_row, named
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import resolved_text, run_as_request, unknown_text

#: the format's key, and the ending its files get
ENDINGS = {"csv": ".csv", "jsonl": ".jsonl"}


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog hands the export: the service call is the kind's ``run``."""

    path: Path
    format: str
    days: Days
    progress: Callable[[int, int], None]
    should_stop: Callable[[], bool]


@dataclass(frozen=True)
class ExportKind:
    #: search, audit, lockouts or view (the audit view's filters): chooses the dialog's texts
    key: str
    run: Callable[[ExportRequest], ExportReport]
    #: the file's name without its ending, e.g. "lockouts-2026-07-25"
    stem: str
    formats: tuple[str, ...] = ("csv",)
    #: "none", "optional" (all days unless limited) or "required"
    days: str = "none"
    #: the office's today: the days offered first end on it
    today: date | None = None
    #: for a search: what was searched and how many candidates are listed (the audit
    #: view: what its filters let through, in words)
    query: str = ""
    rows: int = 0


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits on it and Qt queues the call here."""

    progressed = Signal(int, int)


class ExportDialog(QDialog):
    # the report of an export that was written (tests and the main window listen)
    finished_run = Signal(object)
    # an export that failed or was stopped: the sentence shown
    failed_run = Signal(str)

    def __init__(self, kind: ExportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setMinimumWidth(600)
        self.kind = kind
        self._stop = threading.Event()
        self._running = False
        #: how the last export ended (a report or an error), said again after a language switch
        self._outcome: ExportReport | BaseException | None = None
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.path, self.choose, path_row = file_row("exportPath", self.choose_file)
        self.form = QFormLayout()
        self.file_label = QLabel()
        self.file_label.setBuddy(self.path)
        self.form.addRow(self.file_label, path_row)
        # made for every kind (so that every text has a widget), shown where they apply
        self.format, self.format_label = QComboBox(self), QLabel(self)
        self.format_label.setBuddy(self.format)
        self.limit_days = QCheckBox(self)
        self.first_day, self.last_day = self._date_edit(), self._date_edit()
        self.first_label, self.last_label = QLabel(self), QLabel(self)
        self.first_label.setBuddy(self.first_day)
        self.last_label.setBuddy(self.last_day)
        for widget in (self.format, self.format_label, self.limit_days, self.first_day,
                       self.last_day, self.first_label, self.last_label):  # fmt: skip
            widget.hide()
        if len(kind.formats) > 1:
            for key in kind.formats:
                self.format.addItem("", key)
            self.format.currentIndexChanged.connect(self._format_changed)
            self.form.addRow(self.format_label, self.format)
            self.format.show()
            self.format_label.show()
        if kind.days != "none":
            self._add_days(kind)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = named(QLabel(), "exportStatus")
        self.status.setWordWrap(True)
        self.export_button, self.cancel_button = QPushButton(), QPushButton()
        self.close_button = QPushButton()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.path.setText(str(_documents() / (kind.stem + ENDINGS[kind.formats[0]])))
        self.path.textChanged.connect(self._update)
        self.retranslate()
        self._update()
        hold_while_away(self, self.export_button, refresh=self._update)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")  # ISO: the same in both languages
        return edit

    def _add_days(self, kind: ExportKind) -> None:
        today = kind.today or date.today()
        last = QDate(today.year, today.month, today.day)
        self.last_day.setDate(last)
        self.first_day.setDate(last.addDays(-7))
        row = QHBoxLayout()
        # optional days: the box is the label ("Only these days: … to …")
        first = self.limit_days if kind.days == "optional" else self.first_label
        self.limit_days.toggled.connect(self._update)
        for widget in (first, self.first_day, self.last_label, self.last_day):
            row.addWidget(widget)
            widget.show()
        row.addStretch(1)
        self.form.addRow(row)

    # -- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        key = self.kind.key
        if key == "search":
            self.setWindowTitle(self.tr("Export search results"))
            self.intro.setText(
                self.tr(
                    "The {count} candidates listed for “{query}”, as a CSV file for Excel. "
                    "The file holds personal data: the export is recorded in the audit trail."
                ).format(count=self.kind.rows, query=self.kind.query)
            )
        elif key == "audit":
            self.setWindowTitle(self.tr("Export the audit log"))
            self.intro.setText(
                self.tr(
                    "Every event of the audit trail, or those of the days chosen (office time). "
                    "CSV opens in Excel; JSON lines can be checked on their own later with "
                    "“desk-app audit verify --file”."
                )
            )
        elif key == "view":  # the audit view's Export to CSV…: what its filters show
            self.setWindowTitle(self.tr("Export the audit view"))
            self.intro.setText(
                self.tr(
                    "The events the audit view shows ({filters}), oldest first, as a CSV file "
                    "for Excel: the audit log's columns, then the ID Number and what happened in "
                    "words. The export is recorded in the audit trail."
                ).format(filters=self.kind.query)
            )
        else:
            self.setWindowTitle(self.tr("Export the lockout history"))
            self.intro.setText(
                self.tr(
                    "Every lock, expiry and early unlock of the days chosen (office time), "
                    "with who, why and from which address, as a CSV file for Excel."
                )
            )
        self.file_label.setText(self.tr("&File:"))
        self.choose.setText(self.tr("C&hoose…"))
        self.format_label.setText(self.tr("F&ormat:"))
        names = {"csv": self.tr("CSV for Excel"), "jsonl": self.tr("JSON lines (can be verified)")}
        for index in range(self.format.count()):
            self.format.setItemText(index, names[self.format.itemData(index)])
        self.limit_days.setText(self.tr("Only these &days:"))
        self.first_label.setText(self.tr("&From"))
        self.last_label.setText(self.tr("to"))
        self.export_button.setText(self.tr("&Export"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self._show_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- choosing -----------------------------------------------------------------------------
    def chosen_format(self) -> str:
        data = self.format.currentData()
        return str(data) if data else self.kind.formats[0]

    def choose_file(self) -> None:
        ending = ENDINGS[self.chosen_format()]
        pattern = (
            self.tr("CSV files (*.csv)") if ending == ".csv" else self.tr("JSON lines (*.jsonl)")
        )
        chosen, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path.text(), pattern)
        if chosen:
            self.path.setText(chosen if Path(chosen).suffix else chosen + ending)

    def _format_changed(self) -> None:
        """The file's ending follows the format, when it was one of ours."""
        text = self.path.text().strip()
        path = Path(text)
        if text and path.suffix.lower() in ENDINGS.values():
            self.path.setText(str(path.with_suffix(ENDINGS[self.chosen_format()])))

    def days(self) -> Days:
        if self.kind.days == "none" or (
            self.kind.days == "optional" and not self.limit_days.isChecked()
        ):
            return Days()
        return Days(self.first_day.date().toPython(), self.last_day.date().toPython())  # type: ignore[arg-type]

    def _update(self) -> None:
        idle = not self._running
        self.export_button.setEnabled(idle and bool(self.path.text().strip()))
        limited = self.kind.days == "required" or self.limit_days.isChecked()
        widgets: tuple[QWidget, ...] = (
            self.path, self.choose, self.format, self.limit_days, self.close_button,
        )  # fmt: skip
        for widget in widgets:
            widget.setEnabled(idle)
        self.first_day.setEnabled(idle and limited)
        self.last_day.setEnabled(idle and limited)
        self.cancel_button.setEnabled(self._running and not self._stop.is_set())

    # -- running ------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start the export in the background; False when it cannot start."""
        if self._running or not self.path.text().strip():
            return False
        try:
            days = self.days()
        except DeskError as error:  # the last day before the first: said, nothing started
            self._failed(error)
            return False
        request = ExportRequest(
            Path(self.path.text().strip()).expanduser(), self.chosen_format(), days,
            self._relay.progressed.emit, self._stop.is_set,
        )  # fmt: skip
        run = self.kind.run
        self._stop.clear()
        self._running = True
        self._outcome = None
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._set_status(self.tr("Writing…"))
        self._update()
        # its audit entry carries a request id: recorded, if the connection dies at COMMIT?
        run_as_request(
            lambda: run(request), self._ended, self._failed,
            on_unknown=lambda: self._set_status(unknown_text(), error=True),  # still running
            on_resolved=self._resolved,
        )  # fmt: skip
        return True

    def _resolved(self, done: bool) -> None:
        """The file is never written when the answer was lost; only the entry may be."""
        self._running = False
        self.progress.setVisible(False)
        if done:
            text = self.tr(
                "The database recorded this export before the connection was lost, but the "
                "file was not written. Export again."
            )
        else:
            text = resolved_text(False)
        self._set_status(text, error=True)
        self._update()

    def cancel(self) -> None:
        """Ask the export to stop: no file is written, nothing recorded."""
        if self._running and not self._stop.is_set():
            self._stop.set()
            self._set_status(self.tr("Stopping…"))
            self._update()

    def _progressed(self, rows: int, total: int) -> None:
        if not self._running or self._stop.is_set():
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(rows, total))
            text = self.tr("Writing: {rows} of {total} rows…")
        else:
            text = self.tr("Writing: {rows} rows…")
        self._set_status(text.format(rows=f"{rows:,}", total=f"{total:,}"))

    def _ended(self, report: ExportReport) -> None:
        self._finish(report)
        self.finished_run.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._finish(error)
        self.failed_run.emit(self.status.text())

    def _finish(self, outcome: ExportReport | BaseException) -> None:
        self._running = False
        self._outcome = outcome
        self.progress.setVisible(False)
        self._show_outcome()
        self._update()

    def _show_outcome(self) -> None:
        outcome = self._outcome
        if outcome is None or self._running:
            return
        if isinstance(outcome, ExportReport):
            text = self.tr("Written: {rows} rows to {file}.")
            self._set_status(text.format(rows=f"{outcome.rows:,}", file=str(outcome.path)))
        elif isinstance(outcome, ExportCancelled):
            self._set_status(self.tr("Stopped: no file was written."))
        else:
            self._set_status(error_text(outcome), error=True)

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setProperty("error", error)
        self.status.style().polish(self.status)
        self.status.setText(text)

    @property
    def running(self) -> bool:
        return self._running

    # -- closing ------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._running:
            self.cancel()  # the dialog stays, saying it stops, until the export has ended
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def _documents() -> Path:
    """Where a file is offered first: the user's documents folder, else the home folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()
