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
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.ui.common.retranslated import RetranslatedDialog
from desk_app.ui.common.widgets import named


class TemporaryPasswordDialog(RetranslatedDialog):
    def __init__(self, password: str, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temporaryPasswordDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(460)
        self._copied = False
        self._who = who
        self.intro = intro = named(QLabel(), "dialogIntro")
        intro.setWordWrap(True)
        self.field = QLineEdit(password)
        self.field.setObjectName("temporaryPassword")
        self.field.setReadOnly(True)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 2.2)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.field.setFont(font)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.copy_button)
        self.note = note = named(QLabel(), "handOverNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.copy_button.setDefault(True)  # Enter copies (never loses the password); Esc closes
        self.retranslate()
        self.field.selectAll()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Temporary password"))
        self.intro.setText(self.tr("Temporary password for {who}:").format(who=self._who))
        self.field.setAccessibleName(self.tr("Temporary password"))
        self.copy_button.setText(self.tr("Copied") if self._copied else self.tr("&Copy"))
        self.note.setText(
            self.tr(
                "Hand it over to the candidate now: it is shown only this once. "
                "It must be changed at the next login on the results website. "
                "Never read it out on the phone or write it in a note."
            )
        )
        self.close_button.setText(self.tr("Handed over"))

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.field.text())
        self._copied = True
        self.retranslate()

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
