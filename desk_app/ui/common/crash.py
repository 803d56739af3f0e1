"""Uncaught exceptions in the window: the details go to the log file, people get a sentence.

``install_excepthook`` replaces ``sys.excepthook`` (PySide6 reports
exceptions raised in slots through it too): the traceback is written to the
log file (``desk_app/logfile.py``, the same file the command line's last
resort writes to) and the translated "internal_error" sentence names it,
in a box through the message bridge.
"""

from __future__ import annotations

import sys
from contextlib import suppress
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from desk_app.logfile import record_failure, setup_logging
from desk_app.ui.common.errors import translate_error
from desk_app.ui.common.message_box import show_error


def crash_message(path: Path, *, logged: bool = True) -> str:
    code = "internal_error" if logged else "internal_error_unlogged"
    return translate_error(code, {"file": str(path)})


class _Hook:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._showing = False

    def __call__(
        self,
        kind: type[BaseException],
        value: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, traceback)
            return
        if value.__traceback__ is None:
            value = value.with_traceback(traceback)
        text = crash_message(self.path, logged=record_failure(value, self.path))
        if QApplication.instance() is None or self._showing:
            print(text, file=sys.stderr)
            return
        self._showing = True
        try:
            show_error(QApplication.activeWindow(), text)
        finally:
            self._showing = False


def install_excepthook(path: Path) -> None:
    """Log to ``path`` from now on, and catch what nothing else caught."""
    # without the file the hook still shows its sentence, which then says so
    with suppress(OSError):
        setup_logging(path)
    sys.excepthook = _Hook(path)
