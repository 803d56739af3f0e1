"""Turning errors into translated sentences people can act on.

A service raises :class:`DeskError` with a code; ``messages.MESSAGES`` holds
the English text marked for Qt Linguist in the "Errors" context. Anything
else (a bug, a dropped connection) becomes a general sentence: never a
traceback or a raw database message on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import SQLAlchemyError

from desk_app.services.errors import DeskError
from desk_app.services.messages import CONTEXT, MESSAGES
from desk_app.ui.common.labels import role_name

log = logging.getLogger("desk_app.ui")


def translate_error(code: str, params: dict[str, object]) -> str:
    template = MESSAGES.get(code)
    if template is None:
        return QCoreApplication.translate("Errors", "The request was refused ({code}).").format(
            code=code
        )
    text = QCoreApplication.translate(CONTEXT, template)
    if "role" in params:  # the role as people call it, in their language
        params = {**params, "role": role_name(str(params["role"]))}
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its parameters", code)
        return template.format(**params)


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
    return QCoreApplication.translate(
        "Errors", "Something unexpected went wrong; details were written to the log."
    )
