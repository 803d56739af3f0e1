"""Showing a temporary password once, to hand over at the counter.

The password is shown in large monospace type with a Copy button and the
reminder that it must be changed at the next login. It exists only in this
dialog: it is never logged or written anywhere, the field is emptied when
the dialog closes (and the clipboard too, if it still holds it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.common.widgets import named


class TemporaryPasswordDialog(QDialog):
    def __init__(self, password: str, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temporaryPasswordDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Temporary password"))
        self.setMinimumWidth(460)
        self._copied = False
        intro = named(
            QLabel(self.tr("Temporary password for {who}:").format(who=who)), "dialogIntro"
        )
        intro.setWordWrap(True)
        self.field = QLineEdit(password)
        self.field.setObjectName("temporaryPassword")
        self.field.setReadOnly(True)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 2.2)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.field.setFont(font)
        self.field.setAccessibleName(self.tr("Temporary password"))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.copy_button)
        note = named(
            QLabel(
                self.tr(
                    "Hand it over to the candidate now: it is shown only this once. "
                    "It must be changed at the next login on the results website. "
                    "Never read it out on the phone or write it in a note."
                )
            ),
            "handOverNote",
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Handed over"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)  # Enter copies (never loses the password); Esc closes
        self.field.selectAll()

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.field.text())
        self._copied = True
        self.copy_button.setText(self.tr("Copied"))

    def done(self, result: int) -> None:
        self._forget()
        super().done(result)

    def _forget(self) -> None:
        """The password is gone when the dialog closes."""
        text = self.field.text()
        clipboard = QGuiApplication.clipboard()
        if self._copied and text and clipboard.text() == text:
            clipboard.clear()
        self.field.clear()
