"""Many desks and the website on one PostgreSQL at once: errors, times, locks, the audit trail.

    .venv/bin/python -m bench.load_bench [--seconds 60] [--desks 20] [--clients 200]

Starts a PostgreSQL cluster of its own (under ``bench/.cache/pg-load``,
durable commits as a centre runs it; stopped at the end), with the demo
data made once by ``desk-app demo`` (100,000 candidates) and kept as a
template; every run works on a fresh copy. Then, at the same moment:

- ``--desks`` desk processes (``load_desk.py``), each a staff member of its
  own (two supervisors, three counter staff, the rest operators) taking
  calls through the real services as fast as they can: searches, opening
  candidates, caller verifications, unlocks, reset emails, letter reissues
  (one in ten with its PDF), call notes;
- ``--clients`` website clients (``load_website.py``, threads in a few
  processes) logging in with wrong passwords on a set of accounts, which
  therefore lock, get unlocked by the desks, and lock again.

Afterwards it checks that nothing failed (every error is counted by kind;
expected refusals such as "locked" and "not locked" are counted apart), that
every lock is exactly what the lockout rules predict from the attempts made
(``load_checks.py``), that ``desk-app audit verify`` passes, and that every
audited success is in the audit trail; it reports p50/p95/p99 of each
action and writes the ``load`` section of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import psycopg
from psycopg import sql
from sqlalchemy import func, select

from bench.load_checks import Checks, audit_verify, check_run
from bench.load_common import RESET_LINK_BASE, Tally, desk_logins
from bench.load_report import section
from bench.performance_doc import write_section
from bench.pg_cache import CachedCluster
from desk_app.database import Database
from desk_app.models import AccountEvent, AuditEvent, Candidate, ResultsAccount
from desk_app.schema import head_revision, upgrade
from desk_app.services.clock import SystemClock
from desk_app.services.registry import build_services
from desk_app.settings import LockoutPolicy, Settings

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
SEED = 2026
#: durable commits (fsync and synchronous_commit stay on), room for every desk and client
SERVER_OPTIONS = "-c max_connections=300 -c shared_buffers=512MB -c max_wal_size=2GB"
#: the demo's account passwords (the website clients' hashes): the cheapest argon2
DEMO_CONFIG = "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n"
READY_TIMEOUT = 900
#: the demo data gets this many desk staff, so that one copy serves any --desks up to it
MAX_DESKS = 50


@dataclass(frozen=True)
class Options:
    seconds: float = 60.0
    desks: int = 20
    clients: int = 200
    website_processes: int = 4
    candidates: int = 100_000
    hammered: int = 40
    callers: int = 3000
    rebuild: bool = False


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the data: made once, copied for each run --------------------------------------------------


def _admin(cluster: CachedCluster) -> psycopg.Connection[tuple[Any, ...]]:
    return psycopg.connect(
        host="127.0.0.1", port=cluster.port, user="desk", dbname="postgres", autocommit=True
    )


def _make_template(cluster: CachedCluster, name: str, options: Options) -> None:
    cluster.recreate_database(name)
    url = cluster.url(name)
    upgrade(url)
    log(f"Making {options.candidates:,} demo candidates with desk-app demo …")
    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as config:
        config.write(DEMO_CONFIG)
    try:
        subprocess.run(
            [sys.executable, "-m", "desk_app", "demo", "--db", url,
             "--candidates", str(options.candidates), "--seed", str(SEED)],
            check=True, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            env={**os.environ, "DESK_APP_CONFIG": config.name},
        )  # fmt: skip
    finally:
        os.unlink(config.name)
    # the desks' staff, added by the demo's administrator (staff passwords: default argon2)
    db = Database(url)
    try:
        services = build_services(db, Settings(), SystemClock())
        admin = services.staff.authenticate("admin", "admin-demo-2026")
        for login in desk_logins(MAX_DESKS):
            services.staff.add(admin, login["username"], login["role"], login["password"])
    finally:
        db.dispose()
    cluster.checkpoint()


def template(cluster: CachedCluster, options: Options) -> str:
    name = f"load_{options.candidates}_{SEED}"
    meta = cluster.directory / f"{name}.json"
    revision = head_revision()
    fresh = (
        not options.rebuild
        and cluster.has_database(name)
        and meta.exists()
        and json.loads(meta.read_text()).get("revision") == revision
    )
    if not fresh:
        meta.unlink(missing_ok=True)
        started = time.perf_counter()
        _make_template(cluster, name, options)
        meta.write_text(
            json.dumps({"revision": revision, "seconds": time.perf_counter() - started})
        )
    return name


def fresh_copy(cluster: CachedCluster, template_name: str, name: str) -> str:
    with _admin(cluster) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template_name)
            )
        )
    return cluster.url(name)


# -- the plan: who calls, which accounts the website hammers --------------------------------


def _person(row: Any) -> dict[str, Any]:
    return {
        "candidate_id": row.candidate_id, "id_number": row.id_number, "name_en": row.name_en,
        "name_zh": row.name_zh, "date_of_birth": row.date_of_birth.isoformat(),
        "email": row.email, "phone": row.phone, "registered": row.registered_at is not None,
    }  # fmt: skip


def make_plan(db: Database, options: Options) -> tuple[dict[str, Any], list[tuple[int, int, str]]]:
    """The plan for the workers, and the hammered accounts (account id, candidate id, ID)."""
    rng = random.Random(SEED)
    with db.read() as session:
        rows = session.execute(
            select(
                Candidate.id.label("candidate_id"), Candidate.id_number, Candidate.name_en,
                Candidate.name_zh, Candidate.date_of_birth, Candidate.email, Candidate.phone,
                ResultsAccount.id.label("account_id"), ResultsAccount.registered_at,
                ResultsAccount.failed_attempts, ResultsAccount.locked_until,
                ResultsAccount.secret_locked_until,
            )
            .join(ResultsAccount, ResultsAccount.candidate_id == Candidate.id)
            .order_by(Candidate.id)
        ).all()  # fmt: skip
    # hammered: registered, unlocked, no wrong attempt counted: the replay starts from zero
    clean = [
        r for r in rows
        if r.registered_at is not None and r.failed_attempts == 0 and r.locked_until is None
        and r.secret_locked_until is None
    ]  # fmt: skip
    hammered = rng.sample(clean, options.hammered)
    taken = {r.candidate_id for r in hammered}
    callers = rng.sample([r for r in rows if r.candidate_id not in taken], options.callers)
    plan = {
        "seed": SEED,
        "desks": desk_logins(options.desks),
        "hammered": [_person(r) for r in hammered],
        "callers": [_person(r) for r in callers],
    }
    return plan, [(r.account_id, r.candidate_id, r.id_number) for r in hammered]


# -- the run ------------------------------------------------------------------------------------


@dataclass
class Worker:
    name: str
    process: subprocess.Popen[str]
    out: Path


def _start(name: str, module: str, args: list[str], out: Path, logs: Path) -> Worker:
    stderr: IO[str] = (logs / f"{name}.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", module, *args, "--out", str(out)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, text=True,
    )  # fmt: skip
    stderr.close()
    return Worker(name, process, out)


def _stop(workers: list[Worker]) -> None:
    """End the workers still running (only ours, one by one, by process)."""
    for worker in workers:
        if worker.process.poll() is None:
            worker.process.kill()
            with suppress(subprocess.TimeoutExpired):
                worker.process.wait(timeout=30)


@contextmanager
def running_workers(
    url: str, plan_path: Path, options: Options, folder: Path
) -> Iterator[list[Worker]]:
    workers: list[Worker] = []
    common = ["--url", url, "--plan", str(plan_path), "--seconds", str(options.seconds)]
    try:
        for n in range(options.desks):
            out = folder / f"desk-{n}.json"
            workers.append(
                _start(f"desk-{n}", "bench.load_desk", [*common, "--index", str(n)], out, folder)
            )
        per_process = -(-options.clients // options.website_processes)
        left = options.clients
        for n in range(options.website_processes):
            threads = min(per_process, left)
            left -= threads
            out = folder / f"website-{n}.json"
            args = [*common, "--index", str(n), "--threads", str(threads)]
            workers.append(_start(f"website-{n}", "bench.load_website", args, out, folder))
        yield workers
    finally:
        _stop(workers)


def _wait_ready(workers: list[Worker], folder: Path) -> None:
    timer = threading.Timer(READY_TIMEOUT, _stop, [workers])
    timer.start()
    try:
        for worker in workers:
            assert worker.process.stdout is not None
            line = worker.process.stdout.readline().strip()
            if line != "ready":
                tail = (folder / f"{worker.name}.log").read_text(errors="replace")[-1500:]
                raise RuntimeError(f"{worker.name} did not start: {line!r}\n{tail}")
    finally:
        timer.cancel()


@dataclass
class RunResult:
    total: Tally
    #: the 1-minute load average just before the workers started: the other work on the machine
    load_before: float
    loads: list[float]
    checks: Checks
    verified: bool
    verify_said: str
    crashed: list[str]


def _high_water(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.coalesce(func.max(AccountEvent.id), 0))) or 0,
            session.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))) or 0,
        )


def run_load(url: str, options: Options) -> RunResult:
    db = Database(url)
    try:
        plan, hammered = make_plan(db, options)
        with tempfile.TemporaryDirectory(prefix="desk-load-") as name:
            folder = Path(name)
            plan_path = folder / "plan.json"
            plan_path.write_text(json.dumps(plan), encoding="utf-8")
            load_before = os.getloadavg()[0]
            with running_workers(url, plan_path, options, folder) as workers:
                log(f"Starting {len(workers)} processes …")
                _wait_ready(workers, folder)
                first_event, first_audit = _high_water(db)
                start = time.time() + 2
                for worker in workers:
                    assert worker.process.stdin is not None
                    worker.process.stdin.write(f"{start}\n")
                    worker.process.stdin.flush()
                log(f"Running for {options.seconds:.0f} s …")
                loads: list[float] = []
                time.sleep(max(0.0, start - time.time()))
                while time.time() < start + options.seconds:
                    time.sleep(5)
                    loads.append(os.getloadavg()[0])
                crashed = []
                for worker in workers:
                    try:
                        code = worker.process.wait(timeout=options.seconds + 600)
                    except subprocess.TimeoutExpired:
                        code = -1
                    if code != 0 or not worker.out.exists():
                        tail = (folder / f"{worker.name}.log").read_text(errors="replace")
                        crashed.append(f"{worker.name} (exit {code}): {tail[-600:]}")
                total = Tally()
                for worker in workers:
                    if worker.out.exists():
                        total.merge(Tally.load(worker.out))
        log("Checking the locks, the audit trail and what was done …")
        checks = check_run(
            db, hammered, total, first_event=first_event, first_audit=first_audit,
            policy=LockoutPolicy(),
        )  # fmt: skip
    finally:
        db.dispose()
    verified, said = audit_verify(url)
    return RunResult(total, load_before, loads, checks, verified, said, crashed)


def machine(cluster: CachedCluster) -> str:
    memory = ""
    with suppress(ValueError, OSError):
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB RAM"
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs{memory}, {platform.system()}, "
        f"Python {platform.python_version()}, PostgreSQL {cluster.version()}"
    )


def measure(options: Options) -> list[str]:
    with suppress(OSError):
        log(f"Load average before: {', '.join(f'{v:.1f}' for v in os.getloadavg())}")
    cluster = CachedCluster(CACHE / "pg-load", SERVER_OPTIONS)
    cluster.start()
    try:
        name = template(cluster, options)
        url = fresh_copy(cluster, name, "load_run")
        result = run_load(url, options)
        return section(result, options, machine(cluster), RESET_LINK_BASE)
    finally:
        cluster.stop()


def run(report: list[str], options: Options | None = None) -> None:
    """For ``python -m bench``: run, add the report, update the docs; raise if the run failed."""
    lines = measure(options or Options())
    report.extend(lines)
    write_section("load", lines)
    if any("**The run failed" in line for line in lines):
        raise RuntimeError("the load run failed: see the load section of docs/PERFORMANCE.md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    defaults = Options()
    parser.add_argument("--seconds", type=float, default=defaults.seconds)
    parser.add_argument("--desks", type=int, default=defaults.desks)
    parser.add_argument("--clients", type=int, default=defaults.clients)
    parser.add_argument("--website-processes", type=int, default=defaults.website_processes)
    parser.add_argument("--candidates", type=int, default=defaults.candidates)
    parser.add_argument("--hammered", type=int, default=defaults.hammered)
    parser.add_argument("--rebuild", action="store_true", help="make the demo data again")
    parser.add_argument(
        "--no-docs", action="store_true", help="print the report, leave the docs alone"
    )
    args = parser.parse_args()
    if not 1 <= args.desks <= MAX_DESKS:
        parser.error(f"--desks: from 1 to {MAX_DESKS}")
    if args.clients < args.website_processes:
        parser.error("--clients: at least one for each website process")
    options = Options(
        seconds=args.seconds, desks=args.desks, clients=args.clients,
        website_processes=args.website_processes, candidates=args.candidates,
        hammered=args.hammered, rebuild=args.rebuild,
    )  # fmt: skip
    lines = measure(options)
    print("\n".join(lines))
    if not args.no_docs:
        write_section("load", lines)
    return 1 if any("**The run failed" in line for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
