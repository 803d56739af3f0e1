"""The throw-away PostgreSQL cluster the database fixtures run on."""

from __future__ import annotations

import psycopg
import pytest

from tests.support.postgres import PgServer

pytestmark = pytest.mark.postgres


def test_cluster_answers_select_1(pg_cluster: PgServer) -> None:
    with pg_cluster.admin_connect() as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
        encoding = connection.execute("SHOW server_encoding").fetchone()
    assert encoding == ("UTF8",)


def test_pg_trgm_is_available(pg_cluster: PgServer) -> None:
    name = pg_cluster.new_database_name()
    pg_cluster.create_database(name)
    try:
        with pg_cluster.admin_connect(name) as connection:
            connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            row = connection.execute("SELECT similarity('SMR123456', 'SMR123465')").fetchone()
        assert row is not None
        assert 0 < row[0] < 1
    finally:
        pg_cluster.drop_database(name)


def test_dropping_a_database_ends_its_open_connections(pg_cluster: PgServer) -> None:
    name = pg_cluster.new_database_name()
    pg_cluster.create_database(name)
    left_open = psycopg.connect(pg_cluster.url(name).replace("+psycopg", ""))
    try:
        pg_cluster.drop_database(name)
        with pg_cluster.admin_connect() as connection:
            row = connection.execute(
                "SELECT count(*) FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
        assert row == (0,)
    finally:
        left_open.close()


def test_an_admin_connection_left_mid_command_is_replaced(pg_cluster: PgServer) -> None:
    """A test stopped by its timeout while the admin connection waited for an answer
    left it busy: the next test's database is made on a new connection."""
    pg_cluster.create_database(first := pg_cluster.new_database_name())
    busy = pg_cluster._admin_connection()
    busy.pgconn.send_query(b"SELECT pg_sleep(0.2)")  # its answer never read
    assert busy.pgconn.transaction_status == psycopg.pq.TransactionStatus.ACTIVE
    pg_cluster.create_database(second := pg_cluster.new_database_name())
    try:
        assert busy.closed and pg_cluster._admin_connection() is not busy
        with pg_cluster.admin_connect() as connection:
            names = {row[0] for row in connection.execute("SELECT datname FROM pg_database")}
        assert {first, second} <= names
    finally:
        pg_cluster.drop_database(first)
        pg_cluster.drop_database(second)
