"""Whether the database can be reached now: the desk window's health check.

:meth:`ConnectionService.check` runs on a background thread of the window
every few seconds (more often while the database is away). On PostgreSQL it
asks ``SELECT 1`` on a connection from the pool (the pool's ping replaces a
dead one, so a check after the server came back reconnects). A SQLite file
is checked the way an action would use it: the write lock is taken (another
program holding the file's lock makes that fail after the short busy wait)
and the file is read, so a file that became unreadable is noticed too.

:meth:`ConnectionService.request_done` answers, once the database is back,
whether an action whose connection died (COMMIT included) was done: see
:mod:`desk_app.services.requests`.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from desk_app.database import Database
from desk_app.services.audit.trail import request_recorded
from desk_app.services.database_errors import unavailable


class ConnectionService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def check(self) -> None:
        """Return when the database answers; :class:`DatabaseUnavailable` saying why if not."""
        try:
            if self._db.dialect == "sqlite":
                with self._db.write() as session:
                    session.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
            else:
                with self._db.read() as session:
                    session.execute(text("SELECT 1")).scalar_one()
        except SQLAlchemyError as error:
            raise unavailable(self._db.engine.url, error) from None

    def request_done(self, request_id: str) -> bool:
        """Whether the action that carried ``request_id`` was committed (its audit entry exists).

        Every action writes its audit entry in its own transaction, so the
        entry is there exactly when the action's changes are.
        """
        try:
            with self._db.read() as session:
                return request_recorded(session, request_id)
        except SQLAlchemyError as error:
            raise unavailable(self._db.engine.url, error) from None
