"""File → Print exam-day letters…: a centre's letters as one PDF, previewed, then printed.

Choose a centre (each says how many letters await and how many were
printed); the letters are made on a worker with progress (cancel issues
nothing); the preview opens with the batch to print or save. The Secret
Numbers exist only in that PDF: printing letters already printed again is a
reissue, with a reason, and gives every candidate a new number.

:func:`offer_letter_batches` is what the import dialog calls after an import
that created candidates: the same dialog, those centres first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.documents.letter_batch import (
    CentreLetters,
    LetterBatchPrinted,
    LetterBatchService,
)
from desk_app.services.permissions import Action, allowed
from desk_app.ui.actions.reason_dialog import MAX_REASON
from desk_app.ui.common.errors import error_text
from desk_app.ui.common.print_preview import PdfPreviewDialog
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.connection.away import hold_while_away
from desk_app.ui.connection.outcomes import when_failed
from desk_app.ui.letters.batch_job import Cancelled, LetterBatchJob


class LetterBatchDialog(RetranslatedDialog):
    # a batch was made (LetterBatchPrinted); its preview is open
    printed = Signal(object)
    # the centres were (re)loaded
    centresLoaded = Signal()

    def __init__(
        self,
        letters: LetterBatchService,
        staff: StaffIdentity,
        parent: QWidget | None = None,
        *,
        first: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letterBatchDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(560)
        self._letters = letters
        self._staff = staff
        self._first = [code.upper() for code in first]
        self._centres: list[CentreLetters] = []
        self._job: LetterBatchJob | None = None
        #: a batch whose connection died before it answered, not yet known done or not
        self._lost = False
        self.preview: PdfPreviewDialog | None = None
        self.intro = named(QLabel(), "dialogIntro")
        self.intro.setWordWrap(True)
        self.centre = QComboBox()
        self.centre.setMinimumContentsLength(28)
        self.centre.currentIndexChanged.connect(self._update)
        self.reissue = QCheckBox()
        self.reissue.toggled.connect(self._update)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.reason.textChanged.connect(self._update)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = named(QLabel(), "dialogStatus")
        self.status.setWordWrap(True)
        self.form = QFormLayout()
        self.centre_caption, self.reason_caption = QLabel(), QLabel()
        self.centre_caption.setBuddy(self.centre)
        self.reason_caption.setBuddy(self.reason)
        self.form.addRow(self.centre_caption, self.centre)
        self.form.addRow("", self.reissue)
        self.form.addRow(self.reason_caption, self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.print_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.print_button.setDefault(True)  # in the dialog now: Enter prints, Esc closes
        self.retranslate()
        self._update()
        hold_while_away(self, self.print_button, refresh=self._update)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print exam-day letters"))
        intro = self.tr(
            "Each new candidate of the centre gets a Secret Number, printed once on its "
            "letter and kept only as a hash. Print or save the letters from the preview: "
            "the numbers cannot be shown again."
        )
        if self._first:
            intro = (
                self.tr("New candidates were imported for: {centres}.").format(
                    centres=", ".join(self._first)
                )
                + " "
                + intro
            )
        self.intro.setText(intro)
        self.centre_caption.setText(self.tr("&Centre:"))
        self.reason_caption.setText(self.tr("Reas&on:"))
        self.reason.setPlaceholderText(self.tr("Required to print letters again"))
        self.reissue.setText(self.tr("&Reissue the letters already printed"))
        self.reissue.setToolTip(
            self.tr(
                "They are printed again with new Secret Numbers; the old letters stop "
                "working at once. A reason is required."
            )
        )
        self.print_button.setText(self.tr("&Print…"))
        self._fill_centres()

    # -- the centres -----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._centres and self._job is None:
            self.reload_centres()

    def reload_centres(self) -> None:
        letters, staff = self._letters, self._staff
        if not self.status.text():
            self.status.setText(self.tr("Looking up the centres…"))
        run_in_background(lambda: letters.centres(staff), self._centres_loaded, self._show_error)

    def _centres_loaded(self, centres: list[CentreLetters]) -> None:
        # the imported centres first, then the ones with letters waiting, then the rest
        def order(centre: CentreLetters) -> tuple[int, int, str]:
            imported = centre.code in self._first
            return (0 if imported else 1, 0 if centre.waiting else 1, centre.code)

        self._centres = sorted(centres, key=order)
        if self.status.text() == self.tr("Looking up the centres…"):
            self.status.clear()
        self._fill_centres()
        self.centresLoaded.emit()

    def _fill_centres(self) -> None:
        chosen = self.chosen()
        self.centre.blockSignals(True)
        self.centre.clear()
        for centre in self._centres:
            self.centre.addItem(
                self.tr("{code} · {name} — {waiting} waiting, {printed} printed").format(
                    code=centre.code,
                    name=centre.name_en,
                    waiting=centre.waiting,
                    printed=centre.printed,
                ),
                centre.code,
            )
        codes = [c.code for c in self._centres]
        if chosen is not None and chosen.code in codes:
            self.centre.setCurrentIndex(codes.index(chosen.code))
        self.centre.blockSignals(False)
        self._update()

    def chosen(self) -> CentreLetters | None:
        index = self.centre.currentIndex()
        return self._centres[index] if 0 <= index < len(self._centres) else None

    def choose(self, code: str) -> None:
        index = self.centre.findData(code.upper())
        if index >= 0:
            self.centre.setCurrentIndex(index)

    # -- printing ----------------------------------------------------------------
    def ready(self) -> bool:
        centre = self.chosen()
        if centre is None or self._job is not None or self._lost:
            return False
        if self.reissue.isChecked():
            return bool(self.reason.text().strip()) and centre.waiting + centre.printed > 0
        return centre.waiting > 0 or centre.printed > 0  # printed only: the service says why

    def _update(self) -> None:
        self.print_button.setEnabled(self.ready())
        busy = self._job is not None
        for widget in (self.centre, self.reissue, self.reason):
            widget.setEnabled(not busy)
        self.close_button.setText(self.tr("Stop") if busy else self.tr("Close"))

    def start(self) -> LetterBatchJob | None:
        centre = self.chosen()
        if centre is None or not self.ready():
            return None
        reason = self.reason.text().strip() or None
        job = LetterBatchJob(
            self._letters, self._staff, centre.code, reason=reason,
            reissue=self.reissue.isChecked(), parent=self,
        )  # fmt: skip
        job.progressed.connect(self._progressed)
        job.finished.connect(self._finished)
        job.failed.connect(
            when_failed(
                job.request_id, self._failed, on_unknown=self._unknown, on_resolved=self._resolved
            )
        )
        self._job = job
        self.status.setText(self.tr("Starting…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._update()
        job.start()
        return job

    def _progressed(self, step: str, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if step == "numbers":
            text = self.tr("Making Secret Numbers: {done} of {total}")
        else:
            text = self.tr("Drawing the letters: {done} of {total}")
        self.status.setText(text.format(done=done, total=total))

    def _finished(self, printed: LetterBatchPrinted) -> None:
        self._end()
        self.status.setText(
            self.tr(
                "Centre {centre}: {new} exam-day letters and {again} reissued letters are "
                "in the preview. Print or save them now."
            ).format(centre=printed.centre, new=printed.new_letters, again=printed.reissued)
        )
        self.reissue.setChecked(False)
        self.reason.clear()
        # the window's, not this dialog's: closing this one must not take the letters with it
        self.preview = PdfPreviewDialog(
            printed.pdf,
            f"letters-{printed.centre}-batch{printed.batch_id}.pdf",
            self.parentWidget(),
        )
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()
        self.printed.emit(printed)
        self.reload_centres()

    def _failed(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Stopped: no letter was issued."))
        else:
            self._show_error(error)

    # -- the connection died before the answer came ---------------------------------------
    def _unknown(self) -> None:
        self._job = None
        self._lost = True  # no second batch until the database says what became of this one
        self.progress.setVisible(False)
        self.status.setText(
            self.tr(
                "The connection to the database was lost before it answered. Once it "
                "answers again, the desk will say whether these letters were issued."
            )
        )
        self._update()

    def _resolved(self, done: bool) -> None:
        self._lost = False
        if done:
            self.status.setText(
                self.tr(
                    "Issued: the database recorded these letters before the connection was "
                    "lost, but their pages were lost with it. Print them again as a reissue "
                    "(new Secret Numbers), with the reason."
                )
            )
            self.reissue.setChecked(True)
        else:
            self.status.setText(
                self.tr(
                    "Not issued: the connection was lost before the database recorded these "
                    "letters; nothing was changed. You may print them again."
                )
            )
        self.reload_centres()
        self._update()

    def _show_error(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    def _end(self) -> None:
        self._job = None
        self.progress.setVisible(False)
        self._update()

    def reject(self) -> None:
        """Close (Escape too); while letters are being made: stop them instead."""
        if self._job is not None:
            self._job.cancel()
            self.status.setText(self.tr("Stopping…"))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._job is not None:  # stop first: the dialog waits for the worker
            self._job.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def offer_letter_batches(
    letters: LetterBatchService,
    staff: StaffIdentity,
    centres: Sequence[str],
    parent: QWidget | None = None,
) -> LetterBatchDialog | None:
    """After an import that created candidates: offer their centres' letters.

    Opens the dialog with those centres first (None when the role may not
    print letters or no centre is named).
    """
    if not centres or not allowed(staff.role, Action.PRINT_LETTERS):
        return None
    dialog = LetterBatchDialog(letters, staff, parent, first=centres)
    dialog.open()
    return dialog
