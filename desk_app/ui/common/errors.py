"""Turning errors into translated sentences people can act on.

A service raises :class:`DeskError` with a code; ``messages.MESSAGES`` holds
the English text marked for Qt Linguist in the "Errors" context, and the
names of the fields and actions it mentions ("Fields", "Actions"). Anything
else (a bug, a dropped connection) becomes a general sentence: never a
traceback or a raw database message on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError

from desk_app.logfile import default_log_file
from desk_app.services.errors import DeskError
from desk_app.services.messages import render
from desk_app.ui.common.labels import role_name

log = logging.getLogger("desk_app.ui")


def translate_error(code: str, params: Mapping[str, object]) -> str:
    """The sentence for ``code`` in the current language, field and role names included."""
    if "role" in params:  # the role as people call it, in their language
        params = {**params, "role": role_name(str(params["role"]))}
    text = render(code, params, QCoreApplication.translate)
    if text is None:
        return QCoreApplication.translate("Errors", "The request was refused ({code}).").format(
            code=code
        )
    return text


def error_text(error: BaseException) -> str:
    """The sentence to show for ``error``, in the current language."""
    if isinstance(error, DeskError):
        return translate_error(error.code, error.params)
    if isinstance(error, SQLAlchemyError):
        log.error("database error", exc_info=error)
        return QCoreApplication.translate(
            "Errors", "The database did not answer as expected; nothing was changed. Try again."
        )
    log.error("unexpected error in a background task", exc_info=error)
    return translate_error("internal_error", {"file": str(default_log_file())})
