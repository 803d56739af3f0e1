"""What the lockout bookkeeping costs per login attempt, apart from the password hash.

    .venv/bin/python -m bench.accounts_bench [--attempts 300] [--no-postgres]

Each attempt goes through the real ``AccountService`` on a real database:
look (a read), verify (argon2), decide (a write with the account row
locked, the event recorded, and on the locking attempt the audit entry).
The service runs with the cheapest argon2 policy and the median time of
one such verify is subtracted, so what remains is the bookkeeping: the two
short transactions and their round trips. Four kinds of attempt are timed,
each on accounts of its own, so none disturbs another's count: a success,
a wrong password that does not lock, the wrong password that locks (it
also appends to the audit chain), and an attempt while locked (no hash).

Databases: a SQLite file (WAL, synchronous=NORMAL, as the app opens it)
and a throw-away PostgreSQL cluster (tests/support/postgres.py), once as
the tests run it (fsync off) and once durable (fsync and synchronous
commit on), since a durable commit waits for the disk. Target: ≤ 2 ms.

Writes a Markdown table to stdout and between the ``accounts`` markers of
docs/PERFORMANCE.md (other sections of that file are kept).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from bench.performance_doc import write_section
from desk_app.database import Database
from desk_app.schema import upgrade
from desk_app.services.accounts.website import AccountService
from desk_app.services.clock import SystemClock
from desk_app.services.errors import Locked, Refused
from desk_app.services.hashing import Hasher
from desk_app.services.registry import build_services
from desk_app.settings import HashingPolicy, Settings

CHEAPEST = HashingPolicy(time_cost=1, memory_kib=8, parallelism=1)
PASSWORD = "Abcde123"
WRONG = "Wrong-pass-99"
TARGET_MS = 2.0
KINDS = ("success", "wrong password", "wrong password that locks", "attempt while locked")


@dataclass(frozen=True)
class Row:
    database: str
    kind: str
    median_ms: float
    p95_ms: float


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _populate(url: str, count: int) -> tuple[AccountService, Database]:
    """``count`` registered candidates (ID Numbers B000000 …) with the cheapest hash."""
    from tests.support.factories import make_candidate

    settings = Settings(hashing=CHEAPEST)
    services = build_services(Database(url), settings, SystemClock())
    accounts = AccountService(services.db, settings, services.clock, services.hasher)
    for i in range(count):
        id_number = f"B{i:06d}"
        make_candidate(services, id_number, email=f"c{i}@example.com", phone=None)
        accounts.register(id_number, "4821", f"c{i}@example.com", PASSWORD, accept_terms=True)
    return accounts, services.db


def _timed(attempt: Callable[[str, str], object], id_number: str, password: str) -> float:
    start = time.perf_counter()
    with suppress(Refused, Locked):
        attempt(id_number, password)
    return (time.perf_counter() - start) * 1000


def _hash_ms(hasher: Hasher, runs: int = 500) -> float:
    stored = hasher.hash(PASSWORD)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        hasher.verify(stored, WRONG)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure(name: str, url: str, attempts: int) -> list[Row]:
    accounts, db = _populate(url, 4 * attempts)
    hash_ms = _hash_ms(Hasher(CHEAPEST))
    ids = [f"B{i:06d}" for i in range(4 * attempts)]
    groups = [ids[k * attempts : (k + 1) * attempts] for k in range(4)]
    login = accounts.login
    # warm up the connection pool and the statement caches
    for id_number in groups[0][:20]:
        _timed(login, id_number, PASSWORD)
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for id_number in groups[0]:
        samples["success"].append(_timed(login, id_number, PASSWORD) - hash_ms)
    for id_number in groups[1]:
        samples["wrong password"].append(_timed(login, id_number, WRONG) - hash_ms)
    for id_number in groups[2]:
        for _ in range(2):
            _timed(login, id_number, WRONG)
        samples["wrong password that locks"].append(_timed(login, id_number, WRONG) - hash_ms)
    for id_number in groups[3]:
        for _ in range(3):
            _timed(login, id_number, WRONG)
        samples["attempt while locked"].append(_timed(login, id_number, PASSWORD))
    db.dispose()
    return [
        Row(name, kind, statistics.median(values), _p95(values)) for kind, values in samples.items()
    ]


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        upgrade(url)
        yield url


@contextmanager
def postgres_url(*, durable: bool) -> Iterator[str]:
    from tests.support.postgres import (
        LocalCluster,
        PgServer,
        PostgresUnavailable,
        find_binaries,
    )

    class Cluster(LocalCluster):
        def _start_server(self) -> None:
            if not durable:
                super()._start_server()
                return
            assert self.directory is not None
            options = f"-k {self.directory} -h 127.0.0.1 -p {self.port} -c max_connections=50"
            start: list[str | os.PathLike[str]] = [self.pg_ctl, "-D", self.data, "-l", self.log]
            self._run([*start, "-w", "-t", "60", "-o", options, "start"], timeout=90)

    try:
        cluster = Cluster(*find_binaries())
        cluster.start()
    except PostgresUnavailable as error:
        raise RuntimeError(f"PostgreSQL unavailable: {error}") from None
    try:
        server = PgServer(host="127.0.0.1", port=cluster.port, user="desk")
        server.create_database("bench")
        url = server.url("bench")
        upgrade(url)
        server.close()
        yield url
    finally:
        cluster.stop()


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| database | attempt | median ms | p95 ms | ≤ 2 ms |",
        "| --- | --- | ---: | ---: | :---: |",
    ]
    for r in rows:
        ok = "yes" if r.median_ms <= TARGET_MS else "**no**"
        lines.append(f"| {r.database} | {r.kind} | {r.median_ms:.2f} | {r.p95_ms:.2f} | {ok} |")
    return lines


def section(rows: list[Row], attempts: int) -> list[str]:
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    return [
        "## Lockout bookkeeping per login attempt",
        "",
        "What a login attempt costs apart from the argon2 verify: the read that looks at",
        "the account, the write that locks its row and records the outcome (and, for the",
        "attempt that locks, the audit entry). Measured by `bench/accounts_bench.py` with",
        "the cheapest argon2 policy, minus the median time of one such verify; "
        f"{attempts} attempts",
        f"of each kind, each kind on accounts of its own ({machine}). Target: ≤ 2 ms.",
        "",
        *table(rows),
        "",
        "SQLite is opened as the desk opens it: WAL mode, synchronous=NORMAL, pooled",
        "connections (an earlier build closed the connection after every unit of work,",
        "and the WAL checkpoint on close cost about 0.9 ms twice per attempt).",
        "A durable PostgreSQL commit waits for the disk: its cost is the storage's.",
        "The password hash itself (RFC 9106's second option, the default: t=3, 64 MiB,",
        "p=4) costs far more than all of this, and it runs outside any transaction.",
    ]


def write_docs(lines: list[str]) -> None:
    write_section("accounts", lines)


def collect(attempts: int, *, postgres: bool = True) -> list[Row]:
    rows: list[Row] = []
    with sqlite_url() as url:
        rows += measure("SQLite (WAL, as the desk opens it)", url, attempts)
    if postgres:
        with postgres_url(durable=False) as url:
            rows += measure("PostgreSQL 15 (fsync off, as in the tests)", url, attempts)
        with postgres_url(durable=True) as url:
            rows += measure("PostgreSQL 15 (durable commits)", url, attempts)
    return rows


def run(report: list[str], attempts: int = 300, postgres: bool = True) -> None:
    """For ``python -m bench``: measure, add the table to ``report``, update the docs."""
    rows = collect(attempts, postgres=postgres)
    lines = section(rows, attempts)
    report.extend(lines)
    write_docs(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--attempts", type=int, default=300)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    report: list[str] = []
    run(report, args.attempts, postgres=not args.no_postgres)
    print("\n".join(report))


if __name__ == "__main__":
    main()
