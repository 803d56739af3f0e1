"""Typed errors that reach people.

A service raises :class:`DeskError` with a code and parameters; the UI and the
command line turn the code into a sentence (``messages.py``) and the CLI into
an exit status. Nothing about the database or Python leaks into the text.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitStatus(IntEnum):
    """The command line's exit codes (DESIGN.md)."""

    OK = 0
    REFUSED = 1
    BAD_INPUT = 2
    LOCKED = 3
    NOT_FOUND = 4


class DeskError(Exception):
    """An error with a code the UI translates; ``params`` fill its placeholders."""

    status: ExitStatus = ExitStatus.REFUSED

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        from desk_app.services.messages import english

        return english(self.code, self.params)


class Refused(DeskError):
    """Wrong password or secret, a policy, or a role said no."""

    status = ExitStatus.REFUSED


class PermissionDenied(Refused):
    pass


class BadInput(DeskError):
    status = ExitStatus.BAD_INPUT


class Locked(DeskError):
    status = ExitStatus.LOCKED


class NotFound(DeskError):
    status = ExitStatus.NOT_FOUND
