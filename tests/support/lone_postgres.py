"""A PostgreSQL cluster of one test module's own, to stop and start under a running desk.

The suite's cluster (:mod:`tests.support.postgres`) is shared by every test,
so it must never be stopped. ``lone_pg`` (module scope) starts a second,
throw-away cluster the same way; :meth:`LoneCluster.halt` stops it the way an
administrator would (``pg_ctl stop -m fast``, the data kept) and
:meth:`LoneCluster.resume` starts it again on the same port. The directory is
removed at the end.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import psycopg
import pytest

from tests.support.databases import migrate
from tests.support.postgres import (
    SUPERUSER,
    LocalCluster,
    PgServer,
    PostgresUnavailable,
    find_binaries,
    unavailable,
)


class LoneCluster(LocalCluster):
    """A :class:`LocalCluster` that can be stopped and started again, keeping its data."""

    def halt(self) -> None:
        self._run([self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "stop"], timeout=60)

    def resume(self) -> None:
        self._start_server()

    @property
    def serving(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def server(self) -> PgServer:
        return PgServer(host="127.0.0.1", port=self.port, user=SUPERUSER)


class LonePg:
    """The cluster, and the URL of one migrated database on it."""

    def __init__(self, cluster: LoneCluster, url: str) -> None:
        self.cluster = cluster
        self.url = url

    def halt(self) -> None:
        self.cluster.halt()

    def resume(self) -> None:
        self.cluster.resume()

    def ensure_serving(self) -> None:
        """Start the server again if a test left it stopped."""
        if not self.cluster.serving:
            self.cluster.resume()


@pytest.fixture(scope="module")
def lone_pg() -> Iterator[LonePg]:
    try:
        cluster = LoneCluster(*find_binaries())
    except PostgresUnavailable as error:
        unavailable(str(error))
    try:
        try:
            cluster.start()
        except (PostgresUnavailable, subprocess.TimeoutExpired) as error:
            unavailable(str(error))
        server = cluster.server()
        try:
            server.create_database("desk")
            with server.admin_connect("desk") as connection:
                connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except psycopg.Error as error:
            unavailable(f"the lone cluster: {error}")
        finally:
            server.close()
        url = server.url("desk")
        migrate(url)
        yield LonePg(cluster, url)
    finally:
        cluster.stop()
