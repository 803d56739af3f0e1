"""A database connection without SQLAlchemy, for the plain read path of ``desk-app show``.

Importing SQLAlchemy and building the models takes most of the half second
``desk-app show`` may take as a whole, so the look-up a terminal user makes
(``services/candidates/quick_show.py``) talks to the driver itself:
``sqlite3``, or ``psycopg`` for PostgreSQL. It is set up as
:mod:`desk_app.database` sets up an engine's connections
(:mod:`desk_app.connect_options`), and its failures are told as the desk's
services tell them (:mod:`desk_app.services.database_failures`).

:func:`open_plain` answers None whenever it is not sure it would do what the
full path does, and the command takes that path (which knows every case):
a URL other than the plain forms below; a SQLite file that does not exist
(the full path creates it) or cannot be opened; a PostgreSQL server that
wants a password the URL does not hold (the full path asks the keyring, then
the person); a failure whose message would name the URL; and a schema that
is not plainly the newest revision (the full path migrates SQLite, refuses
PostgreSQL, and says why).

Plain forms: ``sqlite:///PATH`` (no query, no ``%``-escapes) and
``postgresql[+psycopg]://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?OPTIONS]``
with single-valued options other than ``host`` and ``port``, read as
SQLAlchemy reads them.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, unquote

from desk_app.connect_options import (
    DEFAULT_TIMEOUTS,
    Timeouts,
    postgres_connect_args,
    prepare_sqlite_connection,
)
from desk_app.schema_revision import VERSION_QUERY, is_head
from desk_app.services.candidates.detail_read import Row, driver_sql
from desk_app.services.database_failures import encodable, server_failure, sqlite_failure
from desk_app.services.errors import DatabaseUnavailable, DeskError, Refused

#: SQLAlchemy's own reading of a URL (``sqlalchemy.engine.url._parse_url``)
_URL = re.compile(
    r"""
    (?P<name>[\w\+]+)://
    (?:(?P<username>[^:/]*)(?::(?P<password>[^@]*))?@)?
    (?:(?:\[(?P<ipv6host>[^/\?]+)\]|(?P<ipv4host>[^/:\?]+))?(?::(?P<port>[^/\?]*))?)?
    (?:/(?P<database>[^\?]*))?
    (?:\?(?P<query>.*))?
    """,
    re.X,
)
_POSTGRES = ("postgresql", "postgresql+psycopg")


@dataclass(frozen=True)
class PlainUrl:
    """A database URL in one of the plain forms, as SQLAlchemy's ``URL`` reads it."""

    backend: str
    database: str | None
    username: str | None = None
    password: str | None = None
    host: str | None = None
    port: int | None = None
    query: tuple[tuple[str, str], ...] = ()


def plain_url(text: str) -> PlainUrl | None:
    """``text`` read, when it is in a plain form; else None."""
    if "\x00" in text or not text.isprintable() or not encodable(text):
        return None
    if text.startswith("sqlite:///"):
        path = text[len("sqlite:///") :]
        if not path or path == ":memory:" or any(c in path for c in "?%"):
            return None
        return PlainUrl("sqlite", path)
    found = _URL.fullmatch(text)
    if found is None or found["name"] not in _POSTGRES or found["ipv6host"] is not None:
        return None
    port = found["port"]
    if port is not None and not (port.isascii() and port.isdigit()):
        return None
    query = parse_qsl(found["query"] or "")
    keys = [key for key, _value in query]
    if len(set(keys)) != len(keys) or {"host", "port"} & set(keys):
        return None
    return PlainUrl(
        "postgresql",
        _unquoted(found["database"]),
        username=_unquoted(found["username"]),
        password=_unquoted(found["password"]),
        host=found["ipv4host"],
        port=int(port) if port else None,
        query=tuple(query),
    )


def _unquoted(value: str | None) -> str | None:
    return None if value is None else unquote(value)


class PlainDb:
    """One connection of the driver's; statements are written with ``?``."""

    def __init__(self, connection: Any, driver: ModuleType, url: PlainUrl, text: str) -> None:
        self._connection = connection
        self._driver = driver
        self._url = url
        self._text = text

    @property
    def dialect(self) -> str:
        return self._url.backend

    def rows(self, sql: str, params: Sequence[object]) -> Sequence[Row]:
        cursor = self._connection.execute(driver_sql(sql, self.dialect), tuple(params))
        found: list[Row] = cursor.fetchall()
        return found

    def execute(self, sql: str, params: Sequence[object]) -> None:
        self._connection.execute(driver_sql(sql, self.dialect), tuple(params))

    @contextmanager
    def write(self) -> Iterator[PlainDb]:
        """A unit of work that changes data: commits at the end, rolls back on error.

        A failure of the driver's is raised as the desk's services say it
        (:meth:`failure`).
        """
        try:
            if self.dialect == "sqlite":
                self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                with suppress(self._driver.Error):
                    self._connection.rollback()
                raise
            # a failed COMMIT goes up as it is (a rollback after it would hide it)
            self._connection.commit()
        except self._driver.Error as error:
            raise self.failure(error) from None

    def failure(self, error: Exception) -> DeskError:
        """What the desk's services say of ``error`` (``cli._said``): the database could not
        be reached or used (exit 5), or it refused (exit 1; the details go to the log)."""
        if isinstance(error, self._driver.OperationalError | self._driver.InterfaceError):
            return _unavailable(self._url, self._text, error)
        from desk_app.logfile import record_failure

        record_failure(error)
        return Refused("database_refused")

    def schema_is_newest(self) -> bool:
        """Whether ``alembic_version`` plainly holds the newest revision (read outside any
        unit of work, as the full path's check is)."""
        try:
            versions = [row[0] for row in self.rows(VERSION_QUERY, ())]
            self._connection.rollback()  # PostgreSQL: the unit of work begins afresh
        except self._driver.Error:
            return False
        return is_head(versions)

    def close(self) -> None:
        with suppress(self._driver.Error):
            self._connection.close()


def _unavailable(url: PlainUrl, text: str, error: BaseException) -> DatabaseUnavailable:
    said = str(error).lower()
    if url.backend == "sqlite":
        return sqlite_failure(url.database or "", said, lambda: _shown(text))
    return server_failure(url, said, lambda: _shown(text))


def _shown(text: str) -> str:
    """The URL as people may see it, in SQLAlchemy's words (only a message needs it)."""
    from desk_app.services.database_errors import parse_database_url, shown_url

    return shown_url(parse_database_url(text))


def open_plain(text: str, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> PlainDb | None:
    """The database at URL ``text`` through its driver, its schema the newest; None when
    the full path must decide (see the module's notes). A server that cannot be reached
    is :class:`DatabaseUnavailable`, as on the full path."""
    url = plain_url(text)
    if url is None:
        return None
    if url.backend == "sqlite":
        db = _open_sqlite(url, text, timeouts)
    else:
        db = _open_postgres(url, text, timeouts)
    if db is None:
        return None
    if not db.schema_is_newest():
        db.close()
        return None
    return db


def _open_sqlite(url: PlainUrl, text: str, timeouts: Timeouts) -> PlainDb | None:
    path = Path(url.database or "")
    if not path.is_file():
        return None  # the full path makes it, or says why it cannot
    try:
        from desk_app.private_files import prepare_sqlite_file

        prepare_sqlite_file(path)  # as the engine does: the desk's own folder made 0700
        connection = sqlite3.connect(os.fspath(path))
    except (OSError, sqlite3.Error):
        return None
    try:
        prepare_sqlite_connection(connection, timeouts.busy_ms, in_a_file=True)
    except sqlite3.Error:
        connection.close()
        return None
    return PlainDb(connection, sqlite3, url, text)


def _open_postgres(url: PlainUrl, text: str, timeouts: Timeouts) -> PlainDb | None:
    try:
        import psycopg
    except ImportError:
        return None
    # as SQLAlchemy's psycopg dialect connects: the URL's parts, its options, then the desk's
    arguments: dict[str, Any] = {
        key: value
        for key, value in (
            ("host", url.host),
            ("dbname", url.database),
            ("user", url.username),
            ("password", url.password),
            ("port", url.port),
        )
        if value
    }
    arguments.update(url.query)
    arguments.update(postgres_connect_args(timeouts))
    try:
        connection = psycopg.connect(**arguments)
    except psycopg.Error as error:
        if not isinstance(error, psycopg.OperationalError):
            return None
        said = server_failure(url, str(error).lower(), lambda: "")
        if said.code in ("database_password_needed", "database_unavailable"):
            return None  # the keyring or a prompt; a message naming the URL: the full path's
        raise said from None
    return PlainDb(connection, psycopg, url, text)
