"""The uncaught-exception hook: traceback to the log file, a sentence on screen."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desk_app.ui.common.crash import install_excepthook
from tests.support.message_boxes import close_message_boxes


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    before = sys.excepthook
    path = tmp_path / "logs" / "desk-app.log"
    yield path
    sys.excepthook = before
    logger = logging.getLogger("desk_app")
    for handler in list(logger.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            logger.removeHandler(handler)
            handler.close()


def test_an_uncaught_exception_is_logged_and_explained(qapp: QApplication, log_file: Path):
    install_excepthook(log_file)
    seen: list[str] = []
    close_message_boxes(seen)
    try:
        raise RuntimeError("the secret detail")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert seen == [f"Something went wrong; details were written to {log_file}."]
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: the secret detail" in logged
    assert "the secret detail" not in seen[0]


def test_the_hook_is_installed_once_per_file(qapp: QApplication, log_file: Path) -> None:
    install_excepthook(log_file)
    install_excepthook(log_file)
    handlers = [
        h
        for h in logging.getLogger("desk_app").handlers
        if getattr(h, "baseFilename", None) == str(log_file)
    ]
    assert len(handlers) == 1
