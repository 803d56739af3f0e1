"""Verify the audit chain from the window: on a worker, with progress and Cancel.

The check reads every event (a million take a while), so it runs on the
thread pool; its progress comes back through a relay on the GUI thread and
moves the bar; Cancel (or Escape, or closing the box) asks it to stop at
the next few thousand events, and the box says so until it has. The end
is one summary box: intact with the number of events, the problems found
(row by row, in the staff member's language), or stopped.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from desk_app.services.actor import StaffIdentity
from desk_app.services.audit.browse import AuditBrowseService
from desk_app.services.audit.verify import AuditCheckStopped, AuditReport
from desk_app.ui.audit.words import problem_text
from desk_app.ui.common.batch_progress import StoppableProgress
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.message_box import open_summary
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.connection.health import means_unreachable

#: problems listed in the summary; the rest are counted
LISTED = 12
_STEPS = 1000


class _Relay(QObject):
    progressed = Signal(int, int)


class ChainCheck(QObject):
    # the report, or the error that ended the check (AuditCheckStopped when cancelled)
    finished = Signal(object)

    def __init__(self, browse: AuditBrowseService, staff: StaffIdentity, parent: QWidget) -> None:
        super().__init__(parent)
        self._browse = browse
        self._staff = staff
        self._parent = parent
        self._stop = threading.Event()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self.running = False
        self.dialog = StoppableProgress(parent)
        self.dialog.texts = self._say  # said again after a language switch
        self._counted: tuple[int, int] | None = None  # (checked, total) so far
        self.dialog.setObjectName("auditCheckProgress")
        self.dialog.setRange(0, _STEPS)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(440)
        self.dialog.canceled.connect(self.cancel)
        # Qt starts a progress dialog's show timer when it is made: it would pop up
        # empty over the desk 4 s later; it shows when a check starts
        self.dialog.reset()
        self.summary: QDialog | None = None

    def start(self) -> None:
        if self.running:
            return
        self.running = True
        self._stop.clear()
        self._counted = None
        self._say()
        self.dialog.setValue(0)
        self.dialog.show()
        browse, staff = self._browse, self._staff
        emit, stop = self._relay.progressed.emit, self._stop
        run_in_background(
            lambda: browse.verify(staff, progress=emit, should_stop=stop.is_set),
            self._ended,
            self._ended,
        )

    def cancel(self) -> None:
        if self.running and not self._stop.is_set():
            self._stop.set()
            self._say()
            button = self.dialog.findChild(QPushButton)
            if button is not None:
                button.setEnabled(False)

    def _progressed(self, checked: int, total: int) -> None:
        if not self.running or self._stop.is_set():
            return
        self.dialog.setValue(round(_STEPS * checked / max(total, 1)))
        self._counted = (checked, total)
        self._say()

    def _say(self) -> None:
        """The box's texts as things stand, in the current language."""
        dialog = self.dialog
        dialog.setWindowTitle(self.tr("Verify the audit chain"))
        if self._stop.is_set():
            dialog.setLabelText(self.tr("Stopping…"))
            dialog.setCancelButtonText(self.tr("Stopping…"))
            return
        dialog.setCancelButtonText(self.tr("Cancel"))
        if self._counted is None:
            dialog.setLabelText(self.tr("Reading the audit trail…"))
            return
        checked, total = self._counted
        dialog.setLabelText(
            self.tr("Checked {checked} of {total} events…").format(
                checked=f"{checked:,}", total=f"{total:,}"
            )
        )

    def _ended(self, outcome: AuditReport | BaseException) -> None:
        self.running = False
        self.dialog.hide()
        title = self.tr("Verify the audit chain")
        if isinstance(outcome, AuditReport):
            self.summary = open_summary(
                self._parent, title, self.report_text(outcome), warning=not outcome.ok
            )
        elif isinstance(outcome, AuditCheckStopped):
            self.summary = open_summary(self._parent, title, error_text(outcome), warning=False)
        elif means_unreachable(outcome):
            self.summary = open_summary(self._parent, title, self.away_text(), warning=True)
        else:
            self.summary = open_summary(self._parent, title, error_text(outcome), warning=True)
        self.finished.emit(outcome)

    def away_text(self) -> str:
        """The database went away during the check: how far it got, and that nothing changed."""
        said = self.tr(
            "The check stopped: the database could not be reached. A check only reads, "
            "so nothing was changed. Run it again once the database answers."
        )
        if self._counted is None:
            return said
        checked, total = self._counted
        return "\n".join(
            [
                said,
                self.tr("It had read {checked} of {total} events.").format(
                    checked=f"{checked:,}", total=f"{total:,}"
                ),
            ]
        )

    def report_text(self, report: AuditReport) -> str:
        if report.ok:
            return self.tr(
                "The audit chain is intact: {count} events checked, none changed, removed or added."
            ).format(count=f"{report.checked:,}")
        lines = [
            self.tr(
                "The audit chain is BROKEN: {problems} problem(s) in {count} events. "
                "Someone with the database owner's rights changed the trail; keep this list."
            ).format(problems=len(report.problems), count=f"{report.checked:,}")
        ]
        lines += [f"• {problem_text(p)}" for p in report.problems[:LISTED]]
        if len(report.problems) > LISTED:
            lines.append(self.tr("…and {count} more.").format(count=len(report.problems) - LISTED))
        return "\n".join(lines)
