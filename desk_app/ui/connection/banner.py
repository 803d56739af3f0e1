"""The banner across the top of the window while the database cannot be reached.

It says that the desk is reconnecting and for how long the database has been
away (counted every second), why (the error, in the current language), and
that actions wait until it is back. Its texts follow a language switch.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desk_app.ui.common.errors import error_text
from desk_app.ui.common.widgets import named

STYLE = (
    "#databaseBanner { background: #fdecea; border: 1px solid #d93025; border-radius: 4px; }"
    " #databaseBanner QLabel { color: #7a1c14; }"
    " #databaseBannerTitle { font-weight: bold; }"
)


class DatabaseBanner(QFrame):
    def __init__(
        self, parent: QWidget | None = None, *, ticks: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        named(self, "databaseBanner")
        self.setStyleSheet(STYLE)
        self._ticks = ticks
        self._since: float | None = None
        self._error: BaseException | None = None
        self.title = named(QLabel(), "databaseBannerTitle")
        self.detail = named(QLabel(), "databaseBannerDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self.retranslate)
        self.hide()

    def show_lost(self, since: float, error: BaseException | None) -> None:
        self._since = since
        self._error = error
        self.retranslate()
        self._clock.start()
        self.show()

    def set_error(self, error: BaseException | None) -> None:
        self._error = error
        self.retranslate()

    def clear(self) -> None:
        self._since = None
        self._clock.stop()
        self.hide()

    def elapsed(self) -> str:
        seconds = 0 if self._since is None else max(0, int(self._ticks() - self._since))
        if seconds < 60:
            return self.tr("{seconds} s").format(seconds=seconds)
        return self.tr("{minutes} min {seconds} s").format(
            minutes=seconds // 60, seconds=seconds % 60
        )

    def retranslate(self) -> None:
        self.title.setText(
            self.tr("The database cannot be reached: reconnecting… (for {elapsed})").format(
                elapsed=self.elapsed()
            )
        )
        reason = error_text(self._error) + "\n" if self._error is not None else ""
        self.detail.setText(
            reason
            + self.tr("Actions wait until the database is back; the desk reconnects by itself.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
