"""A supervisor's batch reprint of statements into a folder.

Paste ID Numbers (one a line; commas and spaces work too), give the reason
and choose a folder. Each candidate's newest released statement is printed
in its own unit of work on a worker (progress, cancel after the current
one) and written as ``<serial>.pdf``; a candidate that cannot be printed is
listed in the summary with the reason, and the others go on.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.actor import StaffIdentity
from desk_app.services.documents.statements import StatementService
from desk_app.services.errors import DeskError
from desk_app.services.output_files import check_output_path, write_output
from desk_app.ui.actions.reason_dialog import MAX_REASON
from desk_app.ui.common.batch_progress import BatchRunner
from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named
from desk_app.ui.connection.away import hold_while_away

_SEPARATORS = re.compile(r"[\s,;]+")


def id_numbers_in(text: str) -> list[str]:
    """The ID Numbers pasted, in order, each once (the service checks their form)."""
    seen: dict[str, None] = {}
    for part in _SEPARATORS.split(text):
        key = part.strip().upper()
        if key:
            seen.setdefault(key, None)
    return list(seen)


def write_statement(
    statements: StatementService, staff: StaffIdentity, id_number: str, reason: str, folder: Path
) -> Path:
    """Print one candidate's statement and write it to ``folder`` (on a worker).

    The folder is checked first (a file named like the statements would go
    there), so that a folder gone or read-only issues nothing.
    """
    check_output_path(folder / f"{id_number}.pdf")
    outcome = statements.print_batch(staff, [id_number], reason=reason)[0]
    printed = outcome.statement
    if printed is None:
        raise DeskError(outcome.error_code or "no_results", **outcome.error_params)
    return write_output(folder / f"{printed.serial}.pdf", printed.pdf)


class BatchReprintDialog(RetranslatedDialog):
    # the runner just started (its ``finished`` says how it went)
    started = Signal(object)

    def __init__(
        self,
        statements: StatementService,
        staff: StaffIdentity,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchReprintDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(520, 460)
        self._statements = statements
        self._staff = staff
        self.intro = intro = named(QLabel(), "dialogIntro")
        intro.setWordWrap(True)
        self.ids = QPlainTextEdit()
        self.ids.setPlaceholderText("SMR123456\nKT0045821\n…")
        self.ids.setTabChangesFocus(True)
        self.count = QLabel()
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON)
        self.folder = QLineEdit()
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        self.captions = [QLabel() for _ in range(3)]
        for caption, buddy in zip(self.captions, (self.ids, self.reason, self.folder), strict=True):
            caption.setBuddy(buddy)
        form = QFormLayout()
        form.addRow(self.captions[0], self.ids)
        form.addRow("", self.count)
        form.addRow(self.captions[1], self.reason)
        form.addRow(self.captions[2], folder_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.start_button.setDefault(True)  # in the dialog now: Enter starts, Esc cancels
        self.ids.textChanged.connect(self._update)
        self.reason.textChanged.connect(self._update)
        self.folder.textChanged.connect(self._update)
        self.retranslate()
        hold_while_away(self, self.start_button, refresh=self._update)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch reprint of statements"))
        self.intro.setText(
            self.tr(
                "Paste the ID Numbers, one a line. Each candidate's newest released "
                "statement is reprinted, audited with your reason, and saved in the "
                "folder as <serial>.pdf."
            )
        )
        self.folder.setPlaceholderText(self.tr("Choose a folder"))
        self.choose.setText(self.tr("C&hoose…"))
        captions = (self.tr("&ID Numbers:"), self.tr("&Reason:"), self.tr("&Folder:"))
        for caption, text in zip(self.captions, captions, strict=True):
            caption.setText(text)
        self.start_button.setText(self.tr("Start"))
        self._update()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where to save the statements"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def ready(self) -> bool:
        folder = self.folder.text().strip()
        return (
            bool(id_numbers_in(self.ids.toPlainText()))
            and bool(self.reason.text().strip())
            and bool(folder)
            and Path(folder).is_dir()
        )

    def _update(self) -> None:
        count = len(id_numbers_in(self.ids.toPlainText()))
        self.count.setText(self.tr("{count} ID Numbers").format(count=count))
        self.start_button.setEnabled(self.ready())

    def start(self) -> BatchRunner | None:
        if not self.ready():
            return None
        items = id_numbers_in(self.ids.toPlainText())
        reason, folder = self.reason.text().strip(), Path(self.folder.text().strip())
        statements, staff = self._statements, self._staff
        runner = BatchRunner(
            # the runner outlives this dialog: its title is looked up without it
            lambda: QCoreApplication.translate("BatchReprintDialog", "Batch reprint of statements"),
            items,
            lambda id_number: write_statement(statements, staff, id_number, reason, folder),
            parent=self.parentWidget(),
        )
        self.started.emit(runner)
        runner.start()
        self.accept()
        return runner
