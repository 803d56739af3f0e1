"""Database fixtures: a fresh database per test, on SQLite and on PostgreSQL.

The schema is migrated once per session into a template (a SQLite file; a
PostgreSQL database ``desk_template``); each test then gets a copy, which is
fast. Tests that ask for ``database_url`` or ``empty_database_url`` run twice,
with ids ``[sqlite]`` and ``[postgresql]``; the second carries the
``postgres`` marker (deselect with ``-m "not postgres"``).
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.support.postgres import PgServer, unavailable

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def migrate(url: str) -> None:
    """Bring the database at ``url`` to the current schema (Alembic head)."""
    from desk_app.schema import upgrade

    upgrade(url)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the current schema and no data, migrated once per session."""
    path = tmp_path_factory.mktemp("sqlite-template") / "desk.sqlite3"
    migrate(sqlite_url(path))
    # fold a write-ahead log, if any, into the file so that copying the file is enough
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def postgres_template(pg_cluster: PgServer) -> Iterator[str]:
    """The name of a PostgreSQL database with the current schema, to copy per test."""
    name = pg_cluster.template_name
    pg_cluster.drop_database(name)
    pg_cluster.create_database(name)
    try:
        try:
            with pg_cluster.admin_connect(name) as connection:
                connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except psycopg.Error as error:
            unavailable(f"CREATE EXTENSION pg_trgm failed (install postgresql-contrib): {error}")
        migrate(pg_cluster.url(name))
        # CREATE DATABASE ... TEMPLATE needs the template to have no connections
        pg_cluster.terminate_connections(name)
        yield name
    finally:
        pg_cluster.drop_database(name)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new database with the current schema and no data."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "desk.sqlite3"
        shutil.copy(template, path)
        yield sqlite_url(path)
        return
    server: PgServer = request.getfixturevalue("pg_cluster")
    template_name: str = request.getfixturevalue("postgres_template")
    name = server.new_database_name()
    server.create_database(name, template=template_name)
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new database with no schema at all (for migration tests)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "empty.sqlite3")
        return
    server: PgServer = request.getfixturevalue("pg_cluster")
    name = server.new_database_name()
    server.create_database(name)
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)
