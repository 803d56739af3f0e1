"""Which "database unavailable" a driver's failure is: the rules, without SQLAlchemy.

:func:`desk_app.services.database_errors.unavailable` applies them to the
errors SQLAlchemy raises; the plain read path of ``desk-app show``
(``services/plain_db.py``) to the driver's own, so both say the same. The
driver's text is read only to choose the code; it never reaches people.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desk_app.services.errors import DatabaseUnavailable


class ServerAddress(Protocol):
    """What a message names of a PostgreSQL URL (SQLAlchemy's ``URL`` has these)."""

    @property
    def host(self) -> str | None: ...
    @property
    def port(self) -> int | None: ...
    @property
    def database(self) -> str | None: ...


def encodable(text: str) -> bool:
    """Whether ``text`` is plain Unicode (no bytes smuggled in by surrogate escapes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def server_name(url: ServerAddress) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def sqlite_failure(file: str, text: str, shown: Callable[[], str]) -> DatabaseUnavailable:
    """A SQLite file that could not be used; ``text`` is the driver's (lower case),
    ``shown()`` the URL as people may see it."""
    if "locked" in text or "busy" in text:
        return DatabaseUnavailable("database_busy", file=file)
    if "not a database" in text or "malformed" in text:
        return DatabaseUnavailable("database_not_a_database_file", file=file)
    if "unable to open" in text or "readonly" in text or "i/o error" in text:
        return DatabaseUnavailable("database_file_unopenable", file=file)
    return DatabaseUnavailable("database_unavailable", database=shown())


def server_failure(url: ServerAddress, text: str, shown: Callable[[], str]) -> DatabaseUnavailable:
    """A PostgreSQL server that could not be used; ``text`` is the driver's (lower case)."""
    if "password" in text:
        return DatabaseUnavailable("database_password_needed")
    if "resolve host" in text or "translate host" in text or "name or service" in text:
        return DatabaseUnavailable("database_host_unknown", server=server_name(url))
    if 'database "' in text and "does not exist" in text:
        return DatabaseUnavailable(
            "database_missing", name=url.database or "", server=server_name(url)
        )
    if "refused" in text or "timeout" in text or "could not connect" in text:
        return DatabaseUnavailable("database_no_answer", server=server_name(url))
    return DatabaseUnavailable("database_unavailable", database=shown())
