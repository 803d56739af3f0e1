"""Opening a database the way a desk should: check its schema first."""

from __future__ import annotations

from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from desk_app import schema
from desk_app.database import Database
from desk_app.services.database_errors import parse_database_url, unavailable
from desk_app.services.errors import DatabaseUnavailable, DeskError, Refused

__all__ = ["DatabaseUnavailable", "open_checked"]


def open_checked(url: str | URL, *, migrate_sqlite: bool = True, check: bool = True) -> Database:
    """A :class:`Database` whose schema this program can use.

    SQLite (one desk) is created or migrated on the spot. PostgreSQL (many
    desks) is never migrated here: an older schema asks for ``db upgrade``,
    a newer one asks for a newer program. A database that cannot be reached
    raises :class:`DatabaseUnavailable` with a code that says why.
    """
    parsed = parse_database_url(url)
    try:
        db = Database(parsed)
    except OSError as error:  # the SQLite file's folder cannot be made
        raise unavailable(parsed, error) from None
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
    except (SQLAlchemyError, OSError) as error:
        db.dispose()
        raise unavailable(parsed, error) from None
    return db
