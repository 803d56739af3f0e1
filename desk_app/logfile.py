"""The log file: where the details of a failure go, for the window and the command line.

People get one sentence naming this file; the traceback and the program's
own log records go into it. It lives in the user's data folder, beside the
local database (``~/.local/share/desk-app/desk-app.log`` on Linux), rotated
at 1 MB. No Qt here: the command line uses it too.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from desk_app.config import APP_NAME

log = logging.getLogger("desk_app.crash")

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


def default_log_file() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "desk-app.log"


class _StrictHandler(RotatingFileHandler):
    """Raises instead of printing "--- Logging error ---" and a traceback to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:
        raise  # emit() calls this from inside its except block


def _handler(
    path: Path, kind: type[RotatingFileHandler] = RotatingFileHandler
) -> RotatingFileHandler:
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = kind(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    return handler


def setup_logging(path: Path) -> Path:
    """Send the application's log records (``desk_app.*``, INFO and up) to ``path`` from now on."""
    logger = logging.getLogger("desk_app")
    target = os.path.abspath(path)
    if not any(getattr(h, "baseFilename", None) == target for h in logger.handlers):
        logger.addHandler(_handler(path))
    logger.setLevel(logging.INFO)
    return path


def record_failure(error: BaseException, path: Path | None = None) -> bool:
    """Write ``error`` with its traceback to the log file; whether that worked.

    Used by the last-resort handlers, which must not fail themselves: a log
    file that cannot be written is reported by the return value, not raised.
    """
    try:
        handler = _handler(path or default_log_file(), _StrictHandler)
    except OSError:
        return False
    try:
        record = log.makeRecord(
            log.name,
            logging.ERROR,
            __file__,
            0,
            "uncaught exception",
            (),
            (type(error), error, error.__traceback__),
        )
        handler.handle(record)
    except Exception:
        return False
    finally:
        handler.close()
    return True
