"""Opening a database the way a desk should: check its schema first."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from desk_app import schema
from desk_app.database import Database
from desk_app.services.errors import BadInput, DeskError, Refused


class DatabaseUnavailable(DeskError):
    pass


def _reason(error: SQLAlchemyError) -> str:
    text = str(getattr(error, "orig", error)).lower()
    if "password" in text:
        return "password"
    if "does not exist" in text:
        return "database does not exist"
    if "connection refused" in text or "could not connect" in text or "timeout" in text:
        return "no answer from the server"
    if "unable to open" in text:
        return "the file cannot be opened"
    return "connection failed"


def open_checked(url: str | URL, *, migrate_sqlite: bool = True, check: bool = True) -> Database:
    """A :class:`Database` whose schema this program can use.

    SQLite (one desk) is created or migrated on the spot. PostgreSQL (many
    desks) is never migrated here: an older schema asks for ``db upgrade``,
    a newer one asks for a newer program.
    """
    parsed = make_url(url)
    try:
        db = Database(parsed)
    except ValueError:
        raise BadInput("invalid_text", field="database URL") from None
    if not check:
        return db
    try:
        state = schema.status(db.engine)
        if state.newer_than_program:
            raise Refused("schema_newer", revision=state.current)
        if not state.up_to_date:
            if parsed.get_backend_name() == "sqlite" and migrate_sqlite:
                schema.upgrade(parsed)
            elif state.empty:
                raise Refused("schema_missing")
            else:
                raise Refused("schema_old")
    except DeskError:
        db.dispose()
        raise
    except SQLAlchemyError as error:
        db.dispose()
        reason = _reason(error)
        if reason == "password":
            raise DatabaseUnavailable("database_password_needed") from None
        raise DatabaseUnavailable("database_unavailable", detail=reason) from None
    return db
