"""How every connection is set up: its timeouts, PostgreSQL's connect arguments, SQLite's
pragmas.

:mod:`desk_app.database` gives them to SQLAlchemy's engines; the plain read
path of ``desk-app show`` (``services/plain_db.py``) gives them to the
database driver itself. One definition for both, and no SQLAlchemy here.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Timeouts:
    """How long a connection waits before it gives up."""

    #: PostgreSQL: seconds to reach the server (libpq ``connect_timeout``)
    connect_s: int = 10
    #: PostgreSQL: milliseconds one statement may run (``statement_timeout``); None: no limit
    statement_ms: int | None = None
    #: PostgreSQL: milliseconds sent data may stay unacknowledged (``tcp_user_timeout``)
    unacknowledged_ms: int = 30_000
    #: SQLite: milliseconds to wait for another program's lock (``busy_timeout``)
    busy_ms: int = 30_000


#: the command line and the tools: only the connection is bounded
DEFAULT_TIMEOUTS = Timeouts()
#: the desk window: every wait is short, so the window can say the database is gone
DESK_TIMEOUTS = Timeouts(connect_s=5, statement_ms=30_000, unacknowledged_ms=10_000, busy_ms=3_000)


def postgres_connect_args(timeouts: Timeouts) -> dict[str, Any]:
    """The driver's connect arguments that bound every wait on a PostgreSQL server."""
    arguments: dict[str, Any] = {
        "connect_timeout": timeouts.connect_s,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": timeouts.unacknowledged_ms,
    }
    if timeouts.statement_ms is not None:
        arguments["options"] = f"-c statement_timeout={int(timeouts.statement_ms)}"
    return arguments


def prepare_sqlite_connection(
    connection: sqlite3.Connection, busy_ms: int, *, in_a_file: bool
) -> None:
    """A new SQLite connection as the desk uses it: transactions begun by the desk itself
    (``BEGIN`` / ``BEGIN IMMEDIATE``), foreign keys on, the busy wait, and for a file the
    write-ahead log."""
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    if in_a_file:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
