"""Reading and closing the message boxes the code under test opens (they block)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def close_message_boxes(seen: list[str]) -> None:
    """Append the text of the next modal message box to ``seen`` and close it."""

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.done(0)
        else:
            QTimer.singleShot(10, close)

    QTimer.singleShot(0, close)
