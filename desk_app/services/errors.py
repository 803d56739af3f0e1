"""Typed errors that reach people.

A service raises :class:`DeskError` with a code and parameters; the UI and the
command line turn the code into a sentence (``messages.py``) and the CLI into
an exit status. Nothing about the database or Python leaks into the text.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitStatus(IntEnum):
    """The command line's exit codes (DESIGN.md; the table is in the README)."""

    OK = 0
    #: wrong password or secret, a policy, a role
    REFUSED = 1
    #: bad usage or bad input (arguments, files, settings)
    BAD_INPUT = 2
    #: the account is locked (the attempt that locks it and every one while locked)
    LOCKED = 3
    NOT_FOUND = 4
    #: the database cannot be reached: never 1, which a script reads as a wrong password
    DATABASE_UNAVAILABLE = 5
    #: ``db status`` only: the database has no schema yet
    DATABASE_EMPTY = 6
    #: a fault in the program itself: the details are in the log file
    INTERNAL_ERROR = 70
    #: stopped with Ctrl+C (128 + SIGINT)
    INTERRUPTED = 130


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


class DatabaseUnavailable(DeskError):
    """The database cannot be reached or opened (server, network, file)."""

    status = ExitStatus.DATABASE_UNAVAILABLE
