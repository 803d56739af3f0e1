"""A throw-away PostgreSQL cluster for the test session.

``pg_cluster`` (session scope) gives a :class:`PgServer`. Unless
``DESK_APP_TEST_POSTGRES_URL`` names a server to use instead, it runs
``initdb`` into a new directory under /tmp and starts ``postgres`` on a free
loopback port with durability switched off (the data is thrown away), and at
the end stops it (``-m immediate``) and removes the directory. As root the
PostgreSQL binaries run as the ``postgres`` user through ``runuser``.

When PostgreSQL cannot be had, the tests that need it are skipped; under
``CI=true`` they fail instead, so CI never passes without them.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import itertools
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest
from psycopg import pq, sql
from psycopg.rows import TupleRow
from sqlalchemy.engine import URL, make_url

ENV_URL = "DESK_APP_TEST_POSTGRES_URL"
SUPERUSER = "desk"
DIR_PREFIX = "desk-pg-"
OWNER_FILE = "owner.pid"

AdminConnection = psycopg.Connection[TupleRow]


class PostgresUnavailable(Exception):
    """PostgreSQL cannot be found or started here; the message says why."""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it under CI, where PostgreSQL must be there."""
    if in_ci():
        pytest.fail(f"PostgreSQL is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL unavailable: {reason}")


class PgServer:
    """A PostgreSQL server on which the tests create and drop their own databases."""

    def __init__(
        self,
        *,
        host: str,
        port: int,
        user: str,
        password: str | None = None,
        admin_dbname: str = "postgres",
        name_prefix: str = "",
    ) -> None:
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.admin_dbname = admin_dbname
        #: put before every database name this session creates (shared servers)
        self.name_prefix = name_prefix
        self.template_name = f"{name_prefix}desk_template"
        self._counter = itertools.count(1)
        self._admin: AdminConnection | None = None

    @classmethod
    def from_url(cls, url: str) -> PgServer:
        """A server named by a SQLAlchemy or libpq URL (``postgresql://user:pw@host:port/db``)."""
        parsed = make_url(url)
        return cls(
            host=parsed.host or "127.0.0.1",
            port=parsed.port or 5432,
            user=parsed.username or SUPERUSER,
            password=parsed.password,
            admin_dbname=parsed.database or "postgres",
            name_prefix=f"p{os.getpid()}_",
        )

    def url(self, dbname: str) -> str:
        """The SQLAlchemy URL of database ``dbname`` on this server."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=self.password,
            host=self.host,
            port=self.port,
            database=dbname,
        ).render_as_string(hide_password=False)

    def admin_connect(self, dbname: str | None = None) -> AdminConnection:
        """A new AUTOCOMMIT connection as the superuser (to ``postgres`` by default)."""
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=dbname or self.admin_dbname,
            autocommit=True,
            connect_timeout=10,
        )

    def new_database_name(self) -> str:
        return f"{self.name_prefix}test_{next(self._counter)}"

    def create_database(self, name: str, *, template: str = "template0") -> None:
        self._execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        )

    def terminate_connections(self, name: str) -> None:
        self._execute(
            sql.SQL(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = {} AND pid <> pg_backend_pid()"
            ).format(sql.Literal(name))
        )

    def drop_database(self, name: str) -> None:
        """Drop ``name`` if it exists, ending whatever connections a test left open."""
        self.terminate_connections(name)
        drop = sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name))
        if self._admin_connection().info.server_version >= 130000:
            drop += sql.SQL(" WITH (FORCE)")
        self._execute(drop)

    def close(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None

    def _admin_connection(self) -> AdminConnection:
        """The session's admin connection; a new one when the last was lost or left mid-command
        (a test stopped by its timeout while a command ran: every later command would fail)."""
        admin = self._admin
        if admin is not None and not admin.closed and not admin.broken:
            if admin.pgconn.transaction_status == pq.TransactionStatus.IDLE:
                return admin
            admin.close()
        self._admin = self.admin_connect()
        return self._admin

    def _execute(self, statement: sql.Composed | sql.SQL) -> None:
        self._admin_connection().execute(statement)


# -- finding and running the PostgreSQL binaries ---------------------------------------------


def _version_key(bindir: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", bindir)) or (0,)


def find_binaries() -> tuple[Path, Path]:
    """``initdb`` and ``pg_ctl``: from PATH, else the newest of the usual install folders."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return Path(initdb), Path(pg_ctl)
    patterns = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/usr/local/pgsql/bin")
    bindirs = sorted(
        (d for pattern in patterns for d in glob.glob(pattern)), key=_version_key, reverse=True
    )
    for bindir in bindirs:
        initdb_path, pg_ctl_path = Path(bindir, "initdb"), Path(bindir, "pg_ctl")
        if os.access(initdb_path, os.X_OK) and os.access(pg_ctl_path, os.X_OK):
            return initdb_path, pg_ctl_path
    raise PostgresUnavailable(
        "initdb/pg_ctl not found on PATH nor in /usr/lib/postgresql/*/bin"
        " (install the postgresql and postgresql-contrib packages: bash scripts/setup.sh)"
    )


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LocalCluster:
    """A cluster of our own in a temporary directory; :meth:`stop` removes every trace."""

    def __init__(self, initdb: Path, pg_ctl: Path) -> None:
        self.initdb = initdb
        self.pg_ctl = pg_ctl
        self.as_root = os.geteuid() == 0
        self.directory: Path | None = None
        self.port = 0
        self._running = False

    @property
    def data(self) -> Path:
        assert self.directory is not None
        return self.directory / "data"

    @property
    def log(self) -> Path:
        assert self.directory is not None
        return self.directory / "postgres.log"

    def _command(self, args: Sequence[str | os.PathLike[str]]) -> list[str]:
        command = [os.fspath(arg) for arg in args]
        return ["runuser", "-u", "postgres", "--", *command] if self.as_root else command

    def _run(self, args: Sequence[str | os.PathLike[str]], timeout: float) -> None:
        result = subprocess.run(
            self._command(args),
            cwd=self.directory,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            start_new_session=True,  # Ctrl-C reaches pytest, which stops the server itself
            check=False,
        )
        if result.returncode != 0:
            output = (result.stdout + result.stderr).strip()
            raise PostgresUnavailable(f"{Path(args[0]).name} failed: {output[-2000:]}")

    def _make_directory(self) -> Path:
        parent = "/tmp" if os.path.isdir("/tmp") else None
        directory = Path(tempfile.mkdtemp(prefix=DIR_PREFIX, dir=parent))
        (directory / OWNER_FILE).write_text(f"{os.getpid()}\n")
        if self.as_root:
            import pwd

            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(directory, ignore_errors=True)
                raise PostgresUnavailable(
                    "running as root but there is no 'postgres' user to run initdb as"
                ) from None
            os.chown(directory, account.pw_uid, account.pw_gid)
        return directory

    def start(self) -> None:
        remove_stale_clusters(self.pg_ctl)
        self.directory = self._make_directory()
        atexit.register(self.stop)
        self._initdb()
        last_error: PostgresUnavailable | None = None
        for _attempt in range(3):  # the free port may be taken before postgres binds it
            self.port = _free_loopback_port()
            try:
                self._start_server()
            except PostgresUnavailable as error:
                last_error = error
                continue
            self._running = True
            return
        assert last_error is not None
        raise PostgresUnavailable(f"{last_error}\n{self._log_tail()}")

    def _initdb(self) -> None:
        base: list[str | os.PathLike[str]] = [self.initdb, "-D", self.data, "-A", "trust"]
        base += ["-U", SUPERUSER]
        base += ["--no-sync", "-E", "UTF8"]
        try:
            self._run([*base, "--locale=C.UTF-8"], timeout=120)
        except PostgresUnavailable:
            shutil.rmtree(self.data, ignore_errors=True)
            self._run([*base, "--locale=C"], timeout=120)

    def _start_server(self) -> None:
        assert self.directory is not None
        options = (
            f"-k {self.directory} -h 127.0.0.1 -p {self.port} -F"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=200 -c autovacuum=off"
        )
        start: list[str | os.PathLike[str]] = [
            self.pg_ctl,
            "-D",
            self.data,
            "-l",
            self.log,
            "-w",
            "-t",
            "60",
        ]
        self._run([*start, "-o", options, "start"], timeout=90)

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the server at once and remove the directory; safe to call twice."""
        if self.directory is None:
            return
        if self._running or (self.data / "postmaster.pid").exists():
            with contextlib.suppress(PostgresUnavailable, subprocess.TimeoutExpired, OSError):
                self._run([self.pg_ctl, "-D", self.data, "-m", "immediate", "-w", "stop"], 60)
            self._running = False
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None


def remove_stale_clusters(pg_ctl: Path) -> None:
    """Stop and remove the clusters of earlier runs that were killed before their clean-up."""
    parent = "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()
    for entry in glob.glob(os.path.join(parent, DIR_PREFIX + "*")):
        directory = Path(entry)
        try:
            owner = int((directory / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue
        if _pid_alive(owner):
            continue
        _kill_postmaster(directory / "data" / "postmaster.pid")
        shutil.rmtree(directory, ignore_errors=True)


def _kill_postmaster(pid_file: Path) -> None:
    try:
        pid = int(pid_file.read_text().splitlines()[0])
    except (OSError, ValueError, IndexError):
        return
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGQUIT)  # immediate shutdown
        for _ in range(50):
            if not _pid_alive(pid):
                break
            time.sleep(0.1)


# -- the fixture -----------------------------------------------------------------------------


def _check_server(server: PgServer) -> None:
    try:
        with server.admin_connect() as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        server.close()
        unavailable(f"cannot connect to {server.url(server.admin_dbname)}: {error}")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgServer]:
    """The session's PostgreSQL server: a throw-away cluster, or ``$DESK_APP_TEST_POSTGRES_URL``."""
    external = os.environ.get(ENV_URL, "").strip()
    if external:
        server = PgServer.from_url(external)
        _check_server(server)
        try:
            yield server
        finally:
            server.close()
        return

    try:
        cluster = LocalCluster(*find_binaries())
    except PostgresUnavailable as error:
        unavailable(str(error))
    try:
        try:
            cluster.start()
        except (PostgresUnavailable, subprocess.TimeoutExpired) as error:
            unavailable(str(error))
        server = PgServer(host="127.0.0.1", port=cluster.port, user=SUPERUSER)
        _check_server(server)
        try:
            yield server
        finally:
            server.close()
    finally:
        cluster.stop()
