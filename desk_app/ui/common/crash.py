"""Uncaught exceptions: the details go to a log file, people get a sentence.

``install_excepthook`` replaces ``sys.excepthook`` (PySide6 reports
exceptions raised in slots through it too): the traceback is written to the
log in the user's log folder and a translated message names that file.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desk_app.config import APP_NAME

log = logging.getLogger("desk_app.crash")


def default_log_file() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "desk-app.log"


def setup_logging(path: Path) -> Path:
    """Send the application's log records to ``path`` (rotated at 1 MB)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("desk_app")
    if not any(getattr(h, "baseFilename", None) == handler.baseFilename for h in logger.handlers):
        logger.addHandler(handler)
    else:
        handler.close()
    logger.setLevel(logging.INFO)
    return path


def crash_message(path: Path) -> str:
    return QCoreApplication.translate(
        "Crash", "Something went wrong; details were written to {file}."
    ).format(file=str(path))


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
        log.error("uncaught exception", exc_info=(kind, value, traceback))
        if QApplication.instance() is None or self._showing:
            print(crash_message(self.path), file=sys.stderr)
            return
        self._showing = True
        try:
            QMessageBox.critical(
                QApplication.activeWindow(),
                QCoreApplication.translate("Crash", "Results Desk"),
                crash_message(self.path),
            )
        finally:
            self._showing = False


def install_excepthook(path: Path) -> None:
    setup_logging(path)
    sys.excepthook = _Hook(path)
