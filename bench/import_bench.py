"""Importing the exam board's file: time and peak memory by file size, on both databases.

    .venv/bin/python -m bench.import_bench [--sizes 10000,50000,100000] [--no-postgres]

For each database and size, a fresh database (schema and standard exam
catalogue only, as a real office starts) imports a CSV of that many rows
(one entry per new candidate, KET for Schools with four paper scores, the
format of docs/IMPORT.md) through the real ``ImportService`` in a child
process, which reports its wall time and peak RSS (``ru_maxrss``): the
file is streamed, so memory should not follow the file. The same file is
then imported again (every row unchanged: the compare path). Last, the time
to find a bad row at line 90,000 of 100,000 (an impossible date): the
first pass reads up to the end, lists it, and nothing is written.

Databases: a SQLite file (WAL, synchronous=NORMAL, as the desk opens it)
and a throw-away PostgreSQL cluster (tests/support/postgres.py) with
durable commits (fsync and synchronous_commit on), as an office runs it.
Targets (issue 8): 100,000 rows ≤ 20 s on SQLite, ≤ 30 s on PostgreSQL,
peak memory ≤ 250 MB and flat in the file's size.

Files are made once under bench/.cache/import/. Writes a Markdown section
between the ``import`` markers of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.performance_doc import write_section

CACHE = Path(__file__).resolve().parent / ".cache" / "import"
SIZES = (10_000, 50_000, 100_000)
BAD_LINE = 90_000
TARGET_S = {"SQLite": 20.0, "PostgreSQL": 30.0}
TARGET_MB = 250
HEADER = (
    "id_number,name_en,name_zh,date_of_birth,email,phone,centre,centre_name,centre_name_zh,"
    "language,exam,session,release_date,grade,cefr,overall_score,paper:Reading,paper:Writing,"
    "paper:Listening,paper:Speaking"
)
_SURNAMES = ("CHAN", "WONG", "LEE", "CHEUNG", "LAU", "NG", "HO", "TAM", "LEUNG", "YEUNG")
_GIVEN = ("Tai Man", "Siu Ming", "Ka Yan", "Wing Sze", "Chi Hung", "Hoi Ting", "Pui Shan")
_ZH = ("陳大文", "黃小明", "李嘉欣", "張詠詩", "劉凱婷", "吳佩珊", "何梓朗")


def make_file(rows: int, *, bad_line: int | None = None) -> Path:
    """A CSV of ``rows`` rows, written line by line (never held)."""
    suffix = f"-bad{bad_line}" if bad_line else ""
    path = CACHE / f"import-{rows}{suffix}.csv"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    with partial.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER + "\n")
        for n in range(1, rows + 1):
            born = "2011-02-30" if n + 1 == bad_line else f"20{10 + n % 5}-0{1 + n % 9}-1{n % 10}"
            name = f"{_SURNAMES[n % 10]} {_GIVEN[n % 7]} {n}"
            out.write(
                f"BM{n:07d},{name},{_ZH[n % 7]},{born},c{n}@example.com,+852 6{n:07d},"
                f"HK{300 + n % 7},Centre {300 + n % 7},,zh_HK,KETFS,2026-06,2026-07-25,"
                f"PASS WITH MERIT,A2,137,148,130,134,137\n"
            )
    partial.replace(path)
    return path


@dataclass(frozen=True)
class Run:
    database: str
    rows: int
    what: str
    seconds: float
    cpu: float
    peak_mb: float
    ok: bool
    #: PostgreSQL: the CPU time of the server processes serving the import (None on SQLite)
    server_cpu: float | None = None


ADMIN_PASSWORD = "Bench-admin-2026"


def child(url: str, path: str) -> None:
    """In the child process: one import, then one line of JSON on stdout."""
    from desk_app.database import Database
    from desk_app.services.actor import TerminalUser
    from desk_app.services.clock import SystemClock
    from desk_app.services.errors import DeskError
    from desk_app.services.importing.service import ImportService
    from desk_app.services.registry import build_services
    from desk_app.settings import HashingPolicy, Settings

    db = Database(url)
    # importing needs an administrator (the terminal user may only make the first one)
    cheap = Settings(hashing=HashingPolicy(time_cost=1, memory_kib=8, parallelism=1))
    staff = build_services(db, cheap).staff
    with suppress(DeskError):  # made by this database's first run already
        staff.add(TerminalUser("bench"), "bench.admin", "admin", ADMIN_PASSWORD)
    admin = staff.authenticate("bench.admin", ADMIN_PASSWORD)
    service = ImportService(db, Settings(), SystemClock())
    started = time.perf_counter()
    report = service.run(admin, path, reason="benchmark")
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_kb, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    server_cpu = backend_cpu(db)
    db.dispose()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_kb": peak_kb, "ok": report.ok,
                      "server_cpu": server_cpu,
                      "applied": report.applied, "problems": report.problem_count,
                      "first": report.problems[0].line if report.problems else None}))  # fmt: skip


def backend_cpu(db: Any) -> float | None:
    """PostgreSQL on this machine: CPU seconds used so far by the server processes
    connected to this database (the import's pooled connections, still open), from
    /proc; None on SQLite, or where /proc does not show them."""
    from sqlalchemy import text

    if db.dialect != "postgresql":
        return None
    with db.read() as session:
        pids = session.scalars(
            text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        ).all()
    ticks, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


@dataclass(frozen=True)
class ChildResult:
    seconds: float
    #: the import process's own CPU time (user + system; the PostgreSQL server's is not in it)
    cpu: float
    peak_mb: float
    applied: bool
    first_problem: int | None
    server_cpu: float | None


def _import(url: str, path: Path) -> ChildResult:
    done = subprocess.run(
        [sys.executable, "-m", "bench.import_bench", "--child", url, str(path)],
        capture_output=True, text=True, check=True, timeout=900,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return ChildResult(
        float(data["seconds"]), float(data["cpu"]), int(data["peak_kb"]) / 1024,
        bool(data["applied"]), data["first"], data.get("server_cpu"),
    )  # fmt: skip


def measure(name: str, fresh: Iterator[str], sizes: tuple[int, ...]) -> list[Run]:
    runs: list[Run] = []
    for rows in sizes:
        url = next(fresh)
        path = make_file(rows)
        print(f"{name}: importing {rows:,} rows …", file=sys.stderr, flush=True)
        first = _import(url, path)
        runs.append(Run(name, rows, "new candidates", first.seconds, first.cpu, first.peak_mb,
                        first.applied, first.server_cpu))  # fmt: skip
        if rows == max(sizes):
            again = _import(url, path)
            runs.append(Run(name, rows, "the same file again (unchanged)", again.seconds,
                            again.cpu, again.peak_mb, again.applied, again.server_cpu))  # fmt: skip
    bad = make_file(100_000, bad_line=BAD_LINE)
    found = _import(next(fresh), bad)
    runs.append(Run(name, 100_000, f"a bad date at line {BAD_LINE:,}: found, nothing written",
                    found.seconds, found.cpu, found.peak_mb,
                    found.first_problem == BAD_LINE and not found.applied,
                    found.server_cpu))  # fmt: skip
    return runs


@contextmanager
def sqlite_urls() -> Iterator[Iterator[str]]:
    from desk_app.schema import upgrade

    with tempfile.TemporaryDirectory(prefix="desk-import-bench-") as folder:

        def fresh() -> Iterator[str]:
            for number in range(1000):
                url = f"sqlite:///{folder}/bench{number}.sqlite3"
                upgrade(url)
                yield url

        yield fresh()


@contextmanager
def postgres_urls() -> Iterator[Iterator[str]]:
    from bench.accounts_bench import postgres_url
    from desk_app.schema import upgrade
    from tests.support.postgres import PgServer

    with postgres_url(durable=True) as first:
        from sqlalchemy.engine import make_url

        parsed = make_url(first)
        server = PgServer(host=parsed.host or "127.0.0.1", port=parsed.port or 5432,
                          user=parsed.username or "desk")  # fmt: skip

        def fresh() -> Iterator[str]:
            for number in range(1000):
                name = f"import_bench_{number}"
                server.create_database(name)
                url = server.url(name)
                upgrade(url)
                yield url

        try:
            yield fresh()
        finally:
            server.close()


def table(runs: list[Run]) -> list[str]:
    lines = [
        "| database | rows | import | wall s | CPU s | server CPU s | peak MB | within target |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    for run in runs:
        target = TARGET_S[run.database.split()[0]]
        timed = run.rows < 100_000 or run.seconds <= target or "again" in run.what
        ok = run.ok and timed and run.peak_mb <= TARGET_MB
        lines.append(
            f"| {run.database} | {run.rows:,} | {run.what} | {run.seconds:.1f} | {run.cpu:.1f} | "
            f"{_seconds(run.server_cpu)} | {run.peak_mb:.0f} | {'yes' if ok else '**no**'} |"
        )
    return lines


def _seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def section(runs: list[Run], load: str) -> list[str]:
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    return [
        "## Importing",
        "",
        "`desk-app import` of a CSV with one new candidate per row (KET for Schools, four",
        "paper scores, the format of [IMPORT.md](IMPORT.md)) into a fresh database that holds",
        "only the schema and the exam catalogue, through the real `ImportService`, each run",
        "in its own process (wall time and peak RSS, `ru_maxrss`; CPU: the import process's",
        "own; server CPU: on PostgreSQL, the server processes of the import's connections,",
        "from /proc, without the server's background writers). Measured by",
        f"`bench/import_bench.py` ({machine}; load average at the start: {load}, as other",
        "work shared the machine). Targets: 100,000 rows ≤ 20 s on SQLite and ≤ 30 s on",
        "PostgreSQL, peak memory ≤ 250 MB and flat in the file's size.",
        "",
        *table(runs),
        "",
        "How: the file is streamed, never held. The first pass reads and checks every row",
        "(nothing is kept unless the whole file is good), keeps 72 bytes per candidate",
        "and 16 per entry to find duplicates and conflicts, and pickles each chunk of",
        "checked rows into an unnamed temporary file; the second pass reads them back",
        "2,000 at a time, compares them with the database (three indexed queries) and",
        "writes in one transaction (COPY on PostgreSQL, `executemany` on SQLite). Memory",
        "grows only by those small records and the second pass's ID Number → id map",
        "(together about 0.5 KB a row); SQLite's page cache is held to 64 MiB during an",
        "import, and fills as the database grows: memory is bounded, not quite flat",
        f"({growth(runs)}). On SQLite, FTS5 writes its pending terms out at every",
        "statement savepoint, so the name index's insert trigger cost 7.6 s per 100,000",
        "candidates; the import fills that index itself instead (0.4 s) and puts the",
        "trigger back before the commit (`services/importing/name_index.py`).",
        "",
        "On PostgreSQL the import's CPU and the server's run side by side, on the two",
        "cores. The transaction opens before the check, and every 100 rows the check",
        "hands the second pass the next chunk whenever the server has finished the last",
        "(`services/importing/early.py`): the server no longer waits through the whole",
        "check (6 s). All or nothing is still the transaction's: after a problem nothing",
        "more is written, and what was written is rolled back. Each chunk's writes run on",
        "a worker thread while the next chunk is compared and built (`pipeline.py`); the",
        "rows are formatted as COPY's text by the thread that builds them (psycopg's own",
        "formatter, no round trip), so the worker only sends them: formatting there, it",
        "shared the interpreter with the building thread and the server waited for rows.",
        "The English-name keys (revision 0009) are computed by the import with their pair",
        "keys (revision 0012, the same words the database lists) and copied straight into",
        "`candidate_name_key` and, in key order, `name_key_list`; the triggers that keep",
        "them for the desk's own edits skip an import's transaction (revision 0011).",
        "Before, they went through a temporary table and the database's",
        "`desk_name_pair_keys`, 9.5 s of the server's time. `search_token` (the index of",
        "names the desk derives: ten rows a candidate) has no foreign key since revision",
        "0014, and a paper score no id of its own since revision 0015 (the pair",
        "result, paper is its key): each cost every row an index entry and a check or a",
        "sequence step. A bad file costs the server the rows written before its first",
        "problem, and is refused later than SQLite refuses it (see the bad-date row).",
        "",
        "Where the server's time goes (`pg_stat_statements` tracking every statement, the",
        "foreign keys' too, which slows the server itself: 21–23 s of its CPU in all against",
        "17–19 s untracked; 100,000 rows, durable, idle machine): `COPY paper_score` 6.5 s",
        "(400,000 rows, each checked against its result and its paper by the foreign",
        "keys: 800,000 checks fired at the end of each statement), `COPY search_token`",
        "5.7 s (1,000,000 rows, two indexes), `COPY name_key_list` 4.5 s (1,800,000",
        "keys), `COPY entry` 2.7 s, `COPY candidate` 2.1 s, `COPY candidate_name_key`",
        "1.9 s (GIN), `COPY results_account` 1.9 s, `COPY result` 1.3 s. Its WAL",
        "(`pg_waldump --stats`): 587 MB, 69 % of it 5.5 million B-tree inserts, 59 a",
        "candidate. The server's work is index upkeep and foreign-key checks, row by row.",
        "",
        *verdict(runs),
    ]


def growth(runs: list[Run]) -> str:
    """How peak memory grew from the smallest to the largest new-candidate import."""
    parts = []
    for database in dict.fromkeys(run.database for run in runs):
        mine = [r for r in runs if r.database == database and r.what == "new candidates"]
        small, big = min(mine, key=lambda r: r.rows), max(mine, key=lambda r: r.rows)
        parts.append(
            f"{database.split()[0]}: {small.peak_mb:.0f} MB at {small.rows:,} rows, "
            f"{big.peak_mb:.0f} MB at {big.rows:,}"
        )
    return "; ".join(parts)


def verdict(runs: list[Run]) -> list[str]:
    """The misses said plainly, with what would close them."""
    lines: list[str] = []
    for run in runs:
        target = TARGET_S[run.database.split()[0]]
        if run.rows < 100_000 or run.what != "new candidates" or run.seconds <= target:
            continue
        if run.server_cpu is None:
            why = (
                f"The import process itself used {run.cpu:.0f} s of CPU; the rest of the wall "
                "time was waiting for a CPU (see the load average) and for the disk."
            )
        else:
            why = (
                f"The import process used {run.cpu:.0f} s of CPU and the server "
                f"{run.server_cpu:.0f} s, {run.cpu + run.server_cpu:.0f} s together on two "
                f"cores against {run.seconds:.0f} s of wall time: both sides are nearly busy "
                "throughout, and the server's statements also wait for its WAL to be "
                "written (the wall time is theirs, less the first chunk)."
            )
        lines.append(
            f"**Missed: {run.database.split()[0]}, 100,000 rows in {run.seconds:.0f} s "
            f"(target {target:.0f} s).** {why}"
        )
        lines.append("")
    if lines:
        lines += [
            "What would close the gap: less server work per row, now nearly all index",
            "upkeep and foreign-key checks. The largest single part is `paper_score`'s",
            "two foreign-key checks a row (400,000 rows), real data's and kept; storing a",
            "result's paper scores in its own row (no row per paper) would remove them",
            "and 300,000 rows, a change of the data model. `search_token`'s second index",
            "(by candidate, 1,000,000 entries) serves deletes and the name triggers. The",
            "import's own CPU is the other half of the two cores: the row check (about",
            "35 µs a row in Python) and the spool (pickled dataclasses, about 25 µs a row",
            "out and back). A server on its own machine, as an office of many desks would",
            "run it, takes the server's half off the import's two cores.",
        ]
    return lines


def _load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def collect(sizes: tuple[int, ...], *, postgres: bool = True) -> tuple[list[Run], str]:
    load = _load()
    runs: list[Run] = []
    with sqlite_urls() as fresh:
        runs += measure("SQLite (WAL, as the desk opens it)", fresh, sizes)
    if postgres:
        with postgres_urls() as fresh:
            runs += measure("PostgreSQL 15 (durable commits)", fresh, sizes)
    return runs, load


def run(report: list[str], sizes: tuple[int, ...] = SIZES, postgres: bool = True) -> None:
    """For ``python -m bench``: measure, add the table to ``report``, update the docs."""
    runs, load = collect(sizes, postgres=postgres)
    lines = section(runs, load)
    report.extend(lines)
    if max(sizes) >= 100_000 and postgres:
        write_section("import", lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    report: list[str] = []
    sizes = tuple(int(s) for s in args.sizes.split(","))
    run(report, sizes, postgres=not args.no_postgres)
    print("\n".join(report))


if __name__ == "__main__":
    main()
