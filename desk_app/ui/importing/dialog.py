"""File › Import…: an administrator loads the exam board's file.

Choose the file and give the reason, then **Check** (a dry run) or
**Import**. The import service runs on a worker (``ui/common/workers.py``);
its progress comes back through a signal of this dialog's relay, and
**Cancel** asks it to stop after the chunk it is on (nothing is written
then). The problems are listed in a table, line and column, in the staff
member's language; the summary says what changed. While a run is going
the dialog does not close: closing asks the run to stop first.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.importing.report import ImportCancelled, ImportReport, Progress
from desk_app.services.importing.service import ImportService
from desk_app.ui.actions.reason_dialog import MAX_REASON
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import file_row, named
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import run_as_request
from desk_app.ui.importing.problems_model import ProblemColumn, ProblemsModel
from desk_app.ui.importing.summary import summary_text

#: the progress bar's steps: checking fills the first half, writing the second
_STEPS = 1000


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits on it and Qt queues the call here."""

    progressed = Signal(object)


class ImportDialog(QDialog):
    # the report of each run that ended (tests and the main window listen)
    finished_run = Signal(object)
    # a run that failed or was stopped: the sentence shown
    failed_run = Signal(str)

    def __init__(
        self, importer: ImportService, staff: StaffIdentity, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setMinimumSize(760, 520)
        self._importer = importer
        self._staff = staff
        self._stop = threading.Event()
        self._running = False
        #: how the last run ended (a report, or the error that ended it), shown again
        #: in the new language when the language changes
        self._outcome: ImportReport | BaseException | None = None
        #: a run whose connection died before it answered: "unknown", "done", "not done"
        self._lost: str | None = None
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.path, self.choose, path_row = file_row("importPath", self.choose_file)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.form = QFormLayout()
        self.file_label, self.reason_label = QLabel(), QLabel()
        self.file_label.setBuddy(self.path)
        self.reason_label.setBuddy(self.reason)
        self.form.addRow(self.file_label, path_row)
        self.form.addRow(self.reason_label, self.reason)
        self.progress = QProgressBar()
        self.progress.setRange(0, _STEPS)
        self.progress.setValue(0)
        # shown only while a run goes: the status line says how it ended
        self.progress.setVisible(False)
        self.status = named(QLabel(), "importStatus")
        self.model = ProblemsModel(self)
        self.table = QTableView()
        self.table.setObjectName("importProblems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ProblemColumn.LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProblemColumn.COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ProblemColumn.PROBLEM, QHeaderView.ResizeMode.Stretch)
        self.summary = named(QLabel(), "importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button, self.import_button = QPushButton(), QPushButton()
        self.cancel_button, self.close_button = QPushButton(), QPushButton()
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.check_button, self.import_button, self.cancel_button,
                       self.close_button):  # fmt: skip
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.check_button.setDefault(True)  # Enter checks (changes nothing); Esc closes
        self.path.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.retranslate()
        self._update()
        hold_while_away(self, self.check_button, self.import_button, refresh=self._update)

    # -- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import the exam board's file"))
        self.intro.setText(
            self.tr(
                "Candidates, exam entries and results from a CSV (UTF-8) or Excel (.xlsx) "
                "file in the import format. The whole file is checked first: if anything in "
                "it is wrong, nothing is imported and every problem is listed below."
            )
        )
        self.file_label.setText(self.tr("&File:"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.path.setPlaceholderText(self.tr("Choose the file"))
        self.reason.setPlaceholderText(self.tr("e.g. June 2026 results from the exam board"))
        self.choose.setText(self.tr("C&hoose…"))
        self.check_button.setText(self.tr("Chec&k only"))
        self.import_button.setText(self.tr("&Import"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.model.refresh()
        self._show_outcome()
        self.table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- choosing ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The exam board's file"),
            self.path.text(),
            self.tr("CSV or Excel files (*.csv *.xlsx);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)

    def ready(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and Path(text).is_file() and bool(self.reason.text().strip())

    def _update(self) -> None:
        idle = not self._running
        self.check_button.setEnabled(idle and self.ready())
        # never a second run while the first one's end is not known
        self.import_button.setEnabled(idle and self.ready() and self._lost != "unknown")
        for widget in (self.path, self.choose, self.reason, self.close_button):
            widget.setEnabled(idle)
        self.cancel_button.setEnabled(self._running and not self._stop.is_set())

    # -- running ---------------------------------------------------------------------------------
    def start(self, *, dry_run: bool) -> bool:
        """Start a run in the background (a check when ``dry_run``); False if not ready."""
        if self._running or not self.ready():
            return False
        path, reason = Path(self.path.text().strip()), self.reason.text().strip()
        importer, staff, stop = self._importer, self._staff, self._stop
        emit = self._relay.progressed.emit
        stop.clear()
        self._running = True
        self.model.set_rows(())
        self.summary.clear()
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Reading the file…"))
        self._update()

        def job() -> ImportReport:
            return importer.run(
                staff, path, reason=reason, dry_run=dry_run, progress=emit,
                should_stop=stop.is_set,
            )  # fmt: skip

        self._lost = None
        if dry_run:  # writes nothing: nothing to ask about afterwards
            run_in_background(job, self._ended, self._failed)
        else:  # was it done, if the connection dies during COMMIT?
            run_as_request(
                job, self._ended, self._failed, on_unknown=self._unknown,
                on_resolved=self._resolved,
            )  # fmt: skip
        return True

    def _unknown(self) -> None:
        self._running = False
        self._outcome = None
        self._lost = "unknown"
        self.progress.setVisible(False)
        self._show_lost()
        self._update()

    def _resolved(self, done: bool) -> None:
        self._lost = "done" if done else "not done"
        self._show_lost()
        self._update()

    def _show_lost(self) -> None:
        """What became of a run whose connection died before the database answered."""
        self.summary.clear()
        if self._lost == "unknown":
            text = self.tr(
                "The connection to the database was lost before it answered. Once it "
                "answers again, the desk will say whether the file was imported."
            )
        elif self._lost == "done":
            text = self.tr(
                "Imported: the database recorded the import before the connection was lost. "
                "Importing the same file again changes nothing."
            )
        else:
            text = self.tr(
                "Not imported: the connection was lost before the database recorded the "
                "import; nothing was changed. You may import the file again."
            )
        self.status.setText(text)

    def cancel(self) -> None:
        """Ask the run to stop after the chunk it is on; nothing is written."""
        if self._running and not self._stop.is_set():
            self._stop.set()
            self.status.setText(self.tr("Stopping…"))
            self._update()

    def _progressed(self, progress: Progress) -> None:
        if not self._running:
            return
        half = _STEPS // 2
        offset = 0 if progress.phase == "checking" else half
        self.progress.setValue(offset + round(half * min(1.0, progress.fraction)))
        rows = f"{progress.rows:,}"
        if self._stop.is_set():
            return
        if progress.phase == "checking":
            self.status.setText(self.tr("Checking: {rows} rows read…").format(rows=rows))
        else:
            self.status.setText(self.tr("Comparing and writing: {rows} rows…").format(rows=rows))

    def _ended(self, report: ImportReport) -> None:
        self._running = False
        self._outcome = report
        self.model.set_rows(report.problems)
        self.table.resizeRowsToContents()
        self.progress.setVisible(False)
        self._show_outcome()
        self._update()
        self.finished_run.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._outcome = error
        self.progress.setVisible(False)
        self._show_outcome()
        self._update()
        self.failed_run.emit(error_text(error))

    def _show_outcome(self) -> None:
        """The status line and the summary of the last run, in the current language."""
        outcome = self._outcome
        if self._lost is not None and not self._running:
            self._show_lost()
            return
        if outcome is None or self._running:
            return
        if isinstance(outcome, ImportReport):
            self.summary.setText(summary_text(outcome))
            if not outcome.ok:
                self.status.setText(self.tr("The file has problems: nothing was imported."))
            elif outcome.dry_run:
                self.status.setText(self.tr("Checked: the file can be imported."))
            else:
                self.status.setText(self.tr("Imported."))
            return
        self.summary.setText(error_text(outcome))
        if isinstance(outcome, ImportCancelled):
            self.status.setText(self.tr("Stopped."))
        else:
            self.status.setText(self.tr("Not imported."))

    @property
    def running(self) -> bool:
        return self._running

    # -- closing ---------------------------------------------------------------------------------
    def reject(self) -> None:
        if self._running:
            self.cancel()  # the dialog stays, saying it stops, until the run has ended
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
