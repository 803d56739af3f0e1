"""A PostgreSQL cluster kept under ``bench/.cache/pg/`` between benchmark runs.

Made once with ``initdb`` (as the ``postgres`` user when run as root, like
the test suite's throw-away cluster), started with ``pg_ctl`` on a free
loopback port for one run and stopped after it; its databases stay, so a
1,000,000-candidate database is built once. Durability is off (``fsync``):
the data is a cache that can be rebuilt.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL

SUPERUSER = "desk"
#: settings for a read-mostly benchmark on a small machine
SERVER_OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    " -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_wal_size=2GB"
    " -c max_connections=50"
)


def _binaries() -> tuple[Path, Path]:
    from tests.support.postgres import find_binaries

    return find_binaries()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class CachedCluster:
    def __init__(self, directory: Path, options: str = SERVER_OPTIONS) -> None:
        self.directory = directory
        #: the server's settings (``-c name=value …``)
        self.options = options
        self.data = directory / "data"
        self.log = directory / "postgres.log"
        self.as_root = os.geteuid() == 0
        self.initdb, self.pg_ctl = _binaries()
        self.port = 0

    def _run(self, args: Sequence[str | os.PathLike[str]], timeout: float) -> None:
        command = [os.fspath(arg) for arg in args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, check=False,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(
                f"{Path(args[0]).name} failed: {(result.stdout + result.stderr)[-2000:]}"
            )

    def _prepare(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            shutil.chown(self.directory, "postgres")
        if not (self.data / "PG_VERSION").exists():
            shutil.rmtree(self.data, ignore_errors=True)
            self._run(
                [self.initdb, "-D", self.data, "-A", "trust", "-U", SUPERUSER, "--no-sync",
                 "-E", "UTF8", "--locale=C.UTF-8"],
                timeout=180,
            )  # fmt: skip

    def start(self) -> None:
        self._prepare()
        stale = self.data / "postmaster.pid"
        if stale.exists():  # a run killed before it stopped the server
            try:
                self._run([self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "stop"], timeout=60)
            except RuntimeError:
                stale.unlink(missing_ok=True)
        self.port = _free_port()
        options = f"-k {self.directory} -h 127.0.0.1 -p {self.port} {self.options}"
        # a cluster whose last run was killed recovers first; on a busy shared disk
        # that took minutes, so the wait is long, and a server that comes up after
        # the wait was given up on is stopped rather than left running
        try:
            self._run(
                [self.pg_ctl, "-D", self.data, "-l", self.log, "-w", "-t", "600", "-o", options,
                 "start"],
                timeout=630,
            )  # fmt: skip
        except (RuntimeError, subprocess.TimeoutExpired):
            with suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run([self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"], timeout=60)
            raise

    def stop(self) -> None:
        self._run([self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "stop"], timeout=120)

    def url(self, dbname: str) -> str:
        return URL.create(
            "postgresql+psycopg", username=SUPERUSER, host="127.0.0.1", port=self.port,
            database=dbname,
        ).render_as_string(hide_password=False)  # fmt: skip

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        )

    def has_database(self, name: str) -> bool:
        with self._admin() as admin:
            found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return found.fetchone() is not None

    def database_files(self, name: str) -> list[Path]:
        """The files that hold the database ``name`` (its directory under ``base/``)."""
        with self._admin() as admin:
            row = admin.execute("SELECT oid FROM pg_database WHERE datname = %s", [name]).fetchone()
        if row is None:
            return []
        return sorted(
            path for path in (self.data / "base" / str(row[0])).iterdir() if path.is_file()
        )

    def recreate_database(self, name: str) -> None:
        with self._admin() as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def checkpoint(self) -> None:
        """Write everything out, so the log of a bulk load can be recycled."""
        with self._admin() as admin:
            admin.execute("CHECKPOINT")

    def vacuum_analyze(self, dbname: str) -> None:
        """Statistics and the visibility map after a bulk load or an upgrade."""
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=dbname, autocommit=True
        ) as connection:
            connection.execute("VACUUM (ANALYZE)")

    def version(self) -> str:
        with self._admin() as admin:
            row = admin.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else "?"


@contextmanager
def cached_cluster(directory: Path, options: str = SERVER_OPTIONS) -> Iterator[CachedCluster]:
    cluster = CachedCluster(directory, options)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()
