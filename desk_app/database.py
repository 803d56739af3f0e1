"""Engines and units of work.

One :class:`Database` per process holds the engine and the ``sessionmaker``.
Services open their unit of work with :meth:`Database.write` (changes) or
:meth:`Database.read` (queries only).

On SQLite a writing unit begins with ``BEGIN IMMEDIATE``: it takes the write
lock first, so read-then-write logic (counting wrong passwords, appending to
the audit chain) cannot interleave with another writer. On PostgreSQL the
services take row locks (``SELECT … FOR UPDATE``) for the same effect.

The schema (Alembic revisions, upgrade, status) is :mod:`desk_app.schema`,
which builds on this module; this module knows nothing of it.

No wait is endless (:class:`Timeouts`): a PostgreSQL server that does not
answer is given up after a connect timeout (and TCP keepalives notice a
dead connection); the desk window also sets a statement timeout and keeps
SQLite's busy wait short (:data:`DESK_TIMEOUTS`), so a background task ends
with an error the window can show instead of waiting for ever.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from desk_app.connect_options import (
    DEFAULT_TIMEOUTS,
    DESK_TIMEOUTS,
    Timeouts,
    postgres_connect_args,
    prepare_sqlite_connection,
)
from desk_app.private_files import prepare_sqlite_file

__all__ = ["DEFAULT_TIMEOUTS", "DESK_TIMEOUTS", "Database", "Timeouts", "make_engine"]

_WRITE = "desk_app_write"


def _configure_sqlite(engine: Engine, busy_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy's "begin" event below decides how a transaction starts
        in_a_file = engine.url.database not in (None, "", ":memory:")
        prepare_sqlite_connection(dbapi_connection, busy_ms, in_a_file=in_a_file)
        # the English-name index's triggers compute keys in Python (imported
        # here: the models are not needed before the first connection)
        from desk_app.models.search_index import register_sqlite

        register_sqlite(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(_WRITE):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def make_engine(url: str | URL, timeouts: Timeouts = DEFAULT_TIMEOUTS, **kwargs: Any) -> Engine:
    """An engine for ``url`` with the settings this application relies on."""
    parsed = make_url(url)
    # a database error's text never carries the statement's values (hashes,
    # emails, what was typed), so logging one cannot leak them
    kwargs.setdefault("hide_parameters", True)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not parsed.query.get("uri"):
            prepare_sqlite_file(Path(database))  # folder 0700, file 0600
        if database in (None, "", ":memory:"):
            kwargs.setdefault("poolclass", StaticPool)
        engine = create_engine(parsed, **kwargs)
        _configure_sqlite(engine, timeouts.busy_ms)
        return engine
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        kwargs.setdefault("pool_pre_ping", True)
        kwargs["connect_args"] = {
            **postgres_connect_args(timeouts),
            **kwargs.get("connect_args", {}),
        }
        return create_engine(parsed, **kwargs)
    raise ValueError(f"unsupported database: {parsed.get_backend_name()}")


class Database:
    """The engine and the session factory of one process."""

    def __init__(
        self, url: str | URL, engine: Engine | None = None, timeouts: Timeouts = DEFAULT_TIMEOUTS
    ) -> None:
        self.engine = engine if engine is not None else make_engine(url, timeouts)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that changes data: commits at the end, rolls back on error."""
        with self.sessions() as session:
            session.connection(execution_options={_WRITE: True})
            try:
                yield session
            except BaseException:
                session.rollback()
                raise
            # a failed COMMIT goes up as it is (a rollback after it would hide it)
            session.commit()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A unit of work that only reads; always rolled back."""
        with self.sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
