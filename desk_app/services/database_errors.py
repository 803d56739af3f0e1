"""What goes wrong on the way to the database, as error codes.

A database URL that cannot be read is bad input (exit 2). A database that
cannot be reached or opened (no answer, unknown host, a SQLite file in a
folder that cannot exist, a locked or foreign file) is
:class:`DatabaseUnavailable` (exit 5): never "refused" (exit 1), which a
script reads as a wrong password. The driver's own text is read here only
to choose the code (``database_failures.py`` holds the rules); it never
reaches people (it may name users and hosts).
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError, SQLAlchemyError

from desk_app.services.database_failures import encodable, server_failure, sqlite_failure
from desk_app.services.errors import BadInput, DatabaseUnavailable

BACKENDS = ("sqlite", "postgresql")


def parse_database_url(text: str | URL) -> URL:
    """``text`` as a URL of a database this program works with, or :class:`BadInput`."""
    if isinstance(text, URL):
        url = text
    else:
        if "\x00" in text or not encodable(text):
            raise BadInput("database_url_invalid")
        try:
            url = make_url(text)
        except (ArgumentError, ValueError):
            raise BadInput("database_url_invalid") from None
    kind = url.get_backend_name()
    if kind not in BACKENDS:
        raise BadInput("database_kind_unsupported", kind=kind[:40])
    if kind == "sqlite" and url.database and not encodable(url.database):
        raise BadInput("database_url_invalid")
    return url


def shown_url(url: URL) -> str:
    """The URL as people may see it: never its password."""
    return url.render_as_string(hide_password=True)


def folder_unusable(url: URL, error: OSError) -> DatabaseUnavailable:
    """The SQLite file's folder could not be made (``error`` says why, in the log only)."""
    del error  # the code says it; the operating system's sentence is not for people
    return DatabaseUnavailable("database_folder_unusable", file=url.database or "")


def unavailable(url: URL, error: BaseException) -> DatabaseUnavailable:
    """The error to show when opening or using the database at ``url`` failed with ``error``."""
    if isinstance(error, OSError):
        return folder_unusable(url, error)
    text = str(getattr(error, "orig", None) or error).lower()
    if url.get_backend_name() == "sqlite":
        return _sqlite(url, text)
    return _server_error(url, text)


def _sqlite(url: URL, text: str) -> DatabaseUnavailable:
    return sqlite_failure(url.database or ":memory:", text, lambda: shown_url(url))


def _server_error(url: URL, text: str) -> DatabaseUnavailable:
    return server_failure(url, text, lambda: shown_url(url))


def refused_by_privileges(error: BaseException) -> bool:
    """Whether the database said this login may not (PostgreSQL's insufficient_privilege):
    the desks' role touching what only the owner may (staff, the schema)."""
    return getattr(getattr(error, "orig", None), "sqlstate", None) == "42501"


def is_unavailable(error: SQLAlchemyError) -> bool:
    """Whether ``error`` means the database could not be reached, rather than said no."""
    return isinstance(error, OperationalError | InterfaceError)
