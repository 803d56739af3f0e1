"""Search latency at 1,000,000 candidates, on SQLite and PostgreSQL, beside a naive baseline.

    .venv/bin/python -m bench.search_bench [--candidates 1000000] [--queries 200]
        [--baseline-queries 20] [--no-postgres] [--rebuild]

The data is the demo data (``services/demo.py``, seed 2026), built once and
cached: a SQLite file under ``bench/.cache/`` and a database in a PostgreSQL
cluster kept under ``bench/.cache/pg/`` (started for the run on a free
loopback port, stopped after). A cache is rebuilt when the schema revision
changes or with ``--rebuild``.

Queries are made from randomly chosen candidates (same seed, so the same
queries every run), ``--queries`` of each kind: exact ID (some typed in
lower case or with a space), ID prefix, 2–3 English name words in any order
(some cut short), a 1–3 character piece of a Chinese name, an email prefix
(with or without the ``@``), phone digits (whole, in several formats, or
the first few). Each goes through ``SearchService.search`` as a signed-in
operator (the real path: role check, rules, rows; page 0 of 50), after a
warm-up of 50 untimed queries per kind (made from other candidates).

The baseline is what a Django-admin-style search does on the same data:
for each typed word, ``lower(col) LIKE lower('%word%')`` over name_en,
name_zh, email and id_number (OR), all words (AND), ``ORDER BY id LIMIT 50``.
It is slow, so ``--baseline-queries`` of each kind are timed.

Writes a Markdown table to stdout and between the ``search`` markers of
docs/PERFORMANCE.md (the other sections of that file are kept).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from bench.performance_doc import write_section
from desk_app.database import Database, upgrade
from desk_app.demo.generate import make_demo
from desk_app.models import Candidate
from desk_app.schema import head_revision
from desk_app.services.actor import StaffIdentity
from desk_app.services.clock import SystemClock
from desk_app.services.registry import Services, build_services
from desk_app.services.search.service import SearchService
from desk_app.settings import Settings

SEED = 2026
CACHE = Path(__file__).resolve().parent / ".cache"
TARGET_MS = 20.0
TARGET_SPEEDUP = 100.0
WARM_UP = 50
KINDS = (
    "exact ID",
    "ID prefix",
    "English name words",
    "Chinese name substring",
    "email prefix",
    "phone digits",
)
BASELINE_COLUMNS = ("name_en", "name_zh", "email", "id_number")


@dataclass(frozen=True)
class Measured:
    kind: str
    p50: float
    p95: float
    baseline_p50: float
    baseline_p95: float
    queries: int
    baseline_queries: int
    found: float

    @property
    def speedup(self) -> float:
        return self.baseline_p95 / self.p95 if self.p95 else float("inf")


@dataclass(frozen=True)
class Cache:
    """How a cached database came to be: built at one revision, maybe upgraded since."""

    build_seconds: float
    built_at: str
    #: (from revision, to revision, seconds) for each upgrade in place
    upgrades: tuple[tuple[str, str, float], ...] = ()

    def describe(self) -> str:
        text = f"built in {self.build_seconds / 60:.1f} min (bulk inserts, one unit of work)"
        for old, new, seconds in self.upgrades:
            text += f", then upgraded from revision {old} to {new} in {seconds / 60:.1f} min"
        return text


@dataclass(frozen=True)
class BenchDatabase:
    name: str
    url: str
    cache: Cache
    version: str


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- the data, built once ---------------------------------------------------------------------


def _build(url: str, candidates: int) -> float:
    db = Database(url)
    settings = Settings()
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.perf_counter() - last[0] > 10 or done == total:
            last[0] = time.perf_counter()
            log(f"  {done:,} of {total:,} candidates, {last[0] - started:.0f} s")

    try:
        services = build_services(db, settings, SystemClock())
        make_demo(
            db, settings, services.clock, services.hasher,
            candidates=candidates, seed=SEED, progress=progress,
        )  # fmt: skip
    finally:
        db.dispose()
    return time.perf_counter() - started


def _cached(
    meta_path: Path, rebuild: bool, make: Callable[[], float], upgrade_in_place: Callable[[], None]
) -> Cache:
    """A cached database: built first when missing, migrated in place when the schema moved on.

    An upgrade runs the real migrations on a million candidates, as a centre's
    ``desk-app db upgrade`` would; ``--rebuild`` builds from scratch instead.
    """
    revision = head_revision()
    if not rebuild and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("complete"):
            if meta["revision"] != revision:
                log(f"Upgrading {meta_path.stem} from revision {meta['revision']} to {revision} …")
                started = time.perf_counter()
                upgrade_in_place()
                upgrades = [
                    *meta.get("upgrades", []),
                    [meta["revision"], revision, time.perf_counter() - started],
                ]
                meta.update(revision=revision, upgrades=upgrades)
                meta_path.write_text(json.dumps(meta))
            return Cache(
                float(meta["build_seconds"]), meta.get("built_at", meta["revision"]),
                tuple((str(a), str(b), float(c)) for a, b, c in meta.get("upgrades", [])),
            )  # fmt: skip
    meta_path.unlink(missing_ok=True)
    seconds = make()
    meta_path.write_text(
        json.dumps(
            {"revision": revision, "built_at": revision, "complete": True,
             "build_seconds": seconds}
        )
    )  # fmt: skip
    return Cache(seconds, revision)


def sqlite_database(candidates: int, rebuild: bool) -> BenchDatabase:
    CACHE.mkdir(parents=True, exist_ok=True)
    stem = f"search-{candidates}-{SEED}"
    path = CACHE / f"{stem}.sqlite3"
    url = f"sqlite:///{path}"

    def checkpoint() -> None:
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def make() -> float:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        upgrade(url)
        log(f"Building {candidates:,} candidates in {path} …")
        seconds = _build(url, candidates)
        checkpoint()
        return seconds

    def upgrade_in_place() -> None:
        upgrade(url)
        checkpoint()

    cache = _cached(CACHE / f"{stem}.sqlite.json", rebuild, make, upgrade_in_place)
    return BenchDatabase("SQLite", url, cache, f"SQLite {sqlite3.sqlite_version}")


@contextmanager
def postgres_database(candidates: int, rebuild: bool) -> Iterator[BenchDatabase]:
    from bench.pg_cache import cached_cluster

    name = f"search_{candidates}_{SEED}"
    with cached_cluster(CACHE / "pg") as cluster:
        meta = CACHE / "pg" / f"{name}.json"
        if not cluster.has_database(name):
            meta.unlink(missing_ok=True)

        def make() -> float:
            cluster.recreate_database(name)
            upgrade(cluster.url(name))
            log(f"Building {candidates:,} candidates in PostgreSQL database {name} …")
            seconds = _build(cluster.url(name), candidates)
            # what a bulk load is followed by (and autovacuum does later anyway):
            # statistics for the planner, the visibility map for index-only scans
            cluster.vacuum_analyze(name)
            cluster.checkpoint()
            return seconds

        def upgrade_in_place() -> None:
            upgrade(cluster.url(name))
            cluster.vacuum_analyze(name)
            cluster.checkpoint()

        cache = _cached(meta, rebuild, make, upgrade_in_place)
        yield BenchDatabase(
            "PostgreSQL", cluster.url(name), cache, f"PostgreSQL {cluster.version()}"
        )


# -- the queries ------------------------------------------------------------------------------


def _spaced_id(rng: random.Random, id_number: str) -> str:
    letters = len(id_number) - len(id_number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    choice = rng.randrange(3)
    if choice == 0:
        return id_number.lower()
    if choice == 1 and letters:
        return f"{id_number[:letters]} {id_number[letters:]}"
    return id_number


def _id_prefix(rng: random.Random, id_number: str) -> str:
    letters = len(id_number) - len(id_number.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return id_number[: max(3, letters + rng.randint(1, 3))]


def _name_words(rng: random.Random, name_en: str) -> str:
    words = name_en.split()
    chosen = rng.sample(words, min(len(words), rng.choice((2, 2, 3))))
    rng.shuffle(chosen)
    if rng.random() < 0.3 and len(chosen[-1]) > 2:
        chosen[-1] = chosen[-1][: rng.randint(2, len(chosen[-1]) - 1)]
    typed = " ".join(chosen)
    return typed.lower() if rng.random() < 0.5 else typed


def _chinese(rng: random.Random, name_zh: str) -> str:
    length = rng.randint(1, min(3, len(name_zh)))
    start = rng.randint(0, len(name_zh) - length)
    return name_zh[start : start + length]


def _email(rng: random.Random, email: str) -> str:
    local, _, domain = email.partition("@")
    if rng.random() < 0.5:
        return f"{local}@{domain[: rng.randint(0, 3)]}"
    return local[: rng.randint(min(4, len(local)), len(local))]


def _phone(rng: random.Random, phone: str) -> str:
    national = "".join(ch for ch in phone if ch.isdigit())[3:]
    code = phone.split()[0]
    choice = rng.randrange(4)
    if choice == 0:
        return f"{code} {national[:4]}-{national[4:]}"
    if choice == 1:
        return national
    if choice == 2:
        return f"{national[:4]} {national[4:]}"
    return national[: rng.randint(4, 6)]


def make_queries(url: str, count: int) -> dict[str, list[str]]:
    """``count`` + warm-up queries of each kind, from randomly chosen candidates."""
    rng = random.Random(SEED)
    db = Database(url)
    try:
        with db.read() as session:
            highest = session.scalar(select(Candidate.id).order_by(Candidate.id.desc()).limit(1))
            assert highest is not None, "no candidates"
            picks = sorted({rng.randint(1, highest) for _ in range(12 * (count + WARM_UP))})
            rows = session.execute(
                select(
                    Candidate.id_number, Candidate.name_en, Candidate.name_zh, Candidate.email,
                    Candidate.phone,
                ).where(Candidate.id.in_(picks))
            ).all()  # fmt: skip
    finally:
        db.dispose()
    rows = list(rows)
    rng.shuffle(rows)
    makers: dict[str, Callable[[Any], str | None]] = {
        "exact ID": lambda r: _spaced_id(rng, r.id_number),
        "ID prefix": lambda r: _id_prefix(rng, r.id_number),
        "English name words": lambda r: _name_words(rng, r.name_en),
        "Chinese name substring": lambda r: _chinese(rng, r.name_zh) if r.name_zh else None,
        "email prefix": lambda r: _email(rng, r.email) if r.email else None,
        "phone digits": lambda r: _phone(rng, r.phone) if r.phone else None,
    }
    queries: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for index, row in enumerate(rows):
        kind = KINDS[index % len(KINDS)]
        if len(queries[kind]) < count + WARM_UP and (made := makers[kind](row)):
            queries[kind].append(made)
    return queries


# -- measuring --------------------------------------------------------------------------------


def _baseline_sql(typed: str) -> tuple[str, dict[str, str]]:
    groups: list[str] = []
    params: dict[str, str] = {}
    for i, bit in enumerate(typed.split()):
        params[f"q{i}"] = f"%{bit}%"
        groups.append(
            "(" + " OR ".join(f"lower({c}) LIKE lower(:q{i})" for c in BASELINE_COLUMNS) + ")"
        )
    sql = (
        "SELECT id, id_number, name_en, name_zh, date_of_birth, email, phone FROM candidate"
        f" WHERE {' AND '.join(groups) or 'TRUE'} ORDER BY id LIMIT 50"
    )
    return sql, params


def measure(
    database: BenchDatabase, queries: dict[str, list[str]], baseline_count: int
) -> list[Measured]:
    db = Database(database.url)
    try:
        services: Services = build_services(db, Settings(), SystemClock())
        staff: StaffIdentity = services.staff.authenticate("operator", "operator-demo-2026")
        search = SearchService(db, services.settings, services.clock)
        results: list[Measured] = []
        for kind in KINDS:
            typed = queries[kind]
            for text_ in typed[:WARM_UP]:
                search.search(staff, text_)
            timings: list[float] = []
            found: list[int] = []
            gc.collect()
            gc.disable()  # as timeit does: a collection pause is not the query's
            try:
                for text_ in typed[WARM_UP:]:
                    started = time.perf_counter()
                    page = search.search(staff, text_)
                    timings.append((time.perf_counter() - started) * 1000)
                    found.append(len(page.items))
            finally:
                gc.enable()
            base: list[float] = []
            for text_ in typed[WARM_UP : WARM_UP + baseline_count]:
                sql, params = _baseline_sql(text_)
                with db.read() as session:
                    started = time.perf_counter()
                    session.execute(text(sql), params).all()
                    base.append((time.perf_counter() - started) * 1000)
            results.append(
                Measured(
                    kind, statistics.median(timings), p95(timings), statistics.median(base),
                    p95(base), len(timings), len(base), statistics.mean(found),
                )
            )  # fmt: skip
            log(
                f"  {database.name:<10} {kind:<24} p50 {results[-1].p50:6.2f} ms"
                f"  p95 {results[-1].p95:6.2f} ms  baseline p95 {results[-1].baseline_p95:8.1f} ms"
            )
        return results
    finally:
        db.dispose()


# -- reporting --------------------------------------------------------------------------------


def _machine() -> str:
    load = ""
    with suppress(OSError):
        load = f", load average {os.getloadavg()[1]:.2f} over the run's last 5 minutes"
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs{memory}, {platform.system()}, "
        f"Python {platform.python_version()}{load}"
    )


def _cell(value: float) -> str:
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def section(
    candidates: int, databases: list[BenchDatabase], measured: dict[str, list[Measured]]
) -> list[str]:
    names = [d.name for d in databases]
    header = (
        "| kind | "
        + " | ".join(f"{n} p50 ms | {n} p95 ms | {n} baseline p95 ms | {n} speed-up" for n in names)
        + " |"
    )
    lines = [
        f"## Search at {candidates:,} candidates",
        "",
        f"Measured by `bench/search_bench.py` (`make bench`) on {_machine()}; "
        + "; ".join(d.version for d in databases)
        + ".",
        "Each query goes through `SearchService.search` as a signed-in operator (role check,",
        "rules, the page's rows; page 0 of 50), with Python's garbage collector paused while",
        "timing, as `timeit` does. Speed-up: the baseline's p95 over ours. The machine is",
        "shared: other work running at the same time shows in the p95 column first.",
        f"Targets: p95 ≤ {TARGET_MS:.0f} ms for every kind on both databases, and at least",
        f"{TARGET_SPEEDUP:.0f}× faster than the baseline.",
        "",
        header,
        "| --- |" + " ---: | ---: | ---: | ---: |" * len(names),
    ]
    for index, kind in enumerate(KINDS):
        cells: list[str] = []
        for name in names:
            m = measured[name][index]
            mark = "" if m.p95 <= TARGET_MS else " ✗"
            speed = f"{m.speedup:,.0f}×" + ("" if m.speedup >= TARGET_SPEEDUP else " ✗")
            cells += [_cell(m.p50), _cell(m.p95) + mark, _cell(m.baseline_p95), speed]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines += _shortfalls(databases, measured)
    first = measured[names[0]]
    lines += [
        "",
        f"Queries: {first[0].queries} of each kind (after {WARM_UP} untimed), made from",
        "randomly chosen candidates with a fixed seed; the baseline timed "
        f"{first[0].baseline_queries} of each kind (it is slow).",
        "Average candidates found per query (page of at most 50): "
        + ", ".join(f"{m.kind} {m.found:.0f}" for m in first)
        + ".",
        "",
        "Data: the demo data (`desk-app demo --candidates "
        f"{candidates} --seed {SEED}`), built once and cached:",
    ]
    for d in databases:
        lines.append(f"- {d.name}: {d.cache.describe()}.")
    lines += [
        "",
        "How each kind is found (details in `desk_app/services/search/rules.py`): ID, email",
        "and phone are B-tree equality or prefix ranges on normalised key columns; a Chinese",
        "piece is one exact `search_token` row (every substring of a name is stored); English",
        "words go through a full-text index (SQLite FTS5 with prefix indexes; PostgreSQL GIN",
        "over every prefix of every name word, or, when the planner estimates many matches, a",
        "walk in id order with a substring pre-test) and are confirmed against `search_token`.",
        "The baseline has no index it can use: `LIKE '%…%'` reads the table until it has a",
        "page, which for a rare match (an exact ID, a phone it does not search) is all of it.",
    ]
    return lines


#: why a kind can miss a target, and what would fix it (shown only when it does)
WHY = {
    ("PostgreSQL", "English name words"): (
        "GIN intersects the words' posting lists (tens of thousands of entries each for "
        "common syllables such as chan, ka, man) and then visits one heap row per match "
        "to read its id and sort; the slowest queries are three common words (about "
        "15–30 ms). The baseline is at its fastest on exactly these queries: common names "
        "fill its 50-row page within the first few thousand rows in id order, so its p95 "
        "is about 350 ms here against about 600 ms for a rare match. What would close the "
        "gap: an index that keeps each word prefix's candidates in id order and can be read "
        "without the heap (a RUM index, which is an extension; or a (prefix, candidate id) "
        "table that a merge join intersects), so the first page costs what SQLite's FTS5 "
        "costs."
    ),
}


def _shortfalls(databases: list[BenchDatabase], measured: dict[str, list[Measured]]) -> list[str]:
    notes: list[str] = []
    for database in databases:
        for m in measured[database.name]:
            if m.p95 <= TARGET_MS and m.speedup >= TARGET_SPEEDUP:
                continue
            missed = []
            if m.p95 > TARGET_MS:
                missed.append(f"p95 {m.p95:.1f} ms > {TARGET_MS:.0f} ms")
            if m.speedup < TARGET_SPEEDUP:
                missed.append(f"{m.speedup:.0f}× < {TARGET_SPEEDUP:.0f}×")
            reason = WHY.get(
                (database.name, m.kind),
                f"its p50 is {m.p50:.1f} ms; its p95 varies from run to run on this 2-core "
                "machine, where the database server and the benchmark share the cores.",
            )
            notes.append(f"- {database.name}, {m.kind} ({'; '.join(missed)}): {reason}")
    return ["", "Where a target is missed:", "", *notes] if notes else []


def write_docs(lines: list[str]) -> None:
    write_section("search", lines)


def collect(
    candidates: int, count: int, baseline_count: int, *, postgres: bool, rebuild: bool
) -> list[str]:
    databases: list[BenchDatabase] = []
    measured: dict[str, list[Measured]] = {}
    sqlite_db = sqlite_database(candidates, rebuild)
    queries = make_queries(sqlite_db.url, count)
    databases.append(sqlite_db)
    measured[sqlite_db.name] = measure(sqlite_db, queries, baseline_count)
    if postgres:
        with postgres_database(candidates, rebuild) as pg_db:
            databases.append(pg_db)
            measured[pg_db.name] = measure(pg_db, queries, baseline_count)
    return section(candidates, databases, measured)


def run(
    report: list[str],
    *,
    candidates: int = 1_000_000,
    queries: int = 200,
    baseline_queries: int = 20,
    postgres: bool = True,
    rebuild: bool = False,
) -> None:
    """For ``python -m bench``: measure, add the section to ``report``, update the docs."""
    lines = collect(candidates, queries, baseline_queries, postgres=postgres, rebuild=rebuild)
    report.extend(lines)
    if candidates >= 1_000_000:  # a smaller trial run leaves the documented numbers alone
        write_docs(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--candidates", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--baseline-queries", type=int, default=20)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the cached data again")
    args = parser.parse_args()
    report: list[str] = []
    run(
        report,
        candidates=args.candidates,
        queries=args.queries,
        baseline_queries=args.baseline_queries,
        postgres=not args.no_postgres,
        rebuild=args.rebuild,
    )
    print("\n".join(report))


if __name__ == "__main__":
    main()
