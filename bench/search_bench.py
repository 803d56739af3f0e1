"""Search latency at 1,000,000 candidates, on SQLite and PostgreSQL, beside a naive baseline.

    .venv/bin/python -m bench.search_bench [--candidates 1000000] [--queries 200]
        [--baseline-queries 20] [--passes 2] [--no-postgres] [--rebuild]

The data is the demo data (``desk_app/demo``, seed 2026), built once and
cached (``search_data.py``): a SQLite file under ``bench/.cache/`` and a
database in a PostgreSQL cluster kept under ``bench/.cache/pg/`` (started
for the run on a free loopback port, stopped after). A cached database is
upgraded in place when the schema revision moves on; ``--rebuild`` builds
it again.

Queries are made from randomly chosen candidates (same seed, so the same
queries every run), ``--queries`` of each kind: exact ID (some typed in
lower case or with a space), ID prefix, 2–3 English name words in any order
(some cut short), a 1–3 character piece of a Chinese name, an email prefix
(with or without the ``@``), phone digits (whole, in several formats, or
the first few). Each goes through ``SearchService.search`` as a signed-in
operator (the real path: role check, rules, rows; page 0 of 50), after a
warm-up of 50 untimed queries per kind (made from other candidates), in
``--passes`` passes: a query's time is the lowest it took (``measure``).

The baseline is what a Django-admin-style search does on the same data:
for each typed word, ``lower(col) LIKE lower('%word%')`` over name_en,
name_zh, email and id_number (OR), all words (AND), ``ORDER BY id LIMIT 50``.
It is slow, so ``--baseline-queries`` of each kind are timed.

Both databases hold the same candidates under the same ids, and each answers
with its own indexes (SQLite's FTS5, PostgreSQL's merge joins and GIN), so
every page is compared between them: a search that lost matches on one
would show as a difference.

Writes a Markdown table to stdout and between the ``search`` markers of
docs/PERFORMANCE.md (``search_report.py``; the other sections are kept).
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from sqlalchemy import select, text

from bench.performance_doc import write_section
from bench.search_data import SEED, BenchDatabase, log, postgres_database, sqlite_database
from bench.search_report import Measured, section
from desk_app.database import Database
from desk_app.models import Candidate
from desk_app.services.actor import StaffIdentity
from desk_app.services.clock import SystemClock
from desk_app.services.registry import Services, build_services
from desk_app.services.search.service import SearchService
from desk_app.settings import Settings

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


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


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


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = run()
    return (time.perf_counter() - started) * 1000, result


def measure(
    database: BenchDatabase, queries: dict[str, list[str]], baseline_count: int, passes: int
) -> list[Measured]:
    """Each kind's queries timed in ``passes`` passes; a query's time is its lowest.

    As ``timeit``'s repeat: on a machine shared with other work, a stall that
    work causes counts only when it hits the same query in every pass. A pass
    goes over every kind in turn, so that a burst of other work that lasts a
    minute cannot slow every pass of one kind. The baseline is timed the same way.
    """
    db = Database(database.url)
    try:
        services: Services = build_services(db, Settings(), SystemClock())
        staff: StaffIdentity = services.staff.authenticate("operator", "operator-demo-2026")
        search = SearchService(db, services.settings, services.clock)
        for kind in KINDS:
            for text_ in queries[kind][:WARM_UP]:
                search.search(staff, text_)
        timed = {kind: queries[kind][WARM_UP:] for kind in KINDS}
        timings = {kind: [float("inf")] * len(timed[kind]) for kind in KINDS}
        pages: dict[str, list[tuple[tuple[str, str], ...]]] = {}
        gc.collect()
        gc.disable()  # as timeit does: a collection pause is not the query's
        try:
            for _ in range(passes):
                for kind in KINDS:
                    pages[kind] = []
                    for index, text_ in enumerate(timed[kind]):
                        took, page = _timed(partial(search.search, staff, text_))
                        timings[kind][index] = min(timings[kind][index], took)
                        pages[kind].append(tuple((row.id_number, row.match) for row in page.items))
        finally:
            gc.enable()
        base = {kind: [float("inf")] * len(timed[kind][:baseline_count]) for kind in KINDS}
        for _ in range(passes):
            for kind in KINDS:
                for index, text_ in enumerate(timed[kind][:baseline_count]):
                    sql, params = _baseline_sql(text_)
                    with db.read() as session:
                        started = time.perf_counter()
                        session.execute(text(sql), params).all()
                        took = (time.perf_counter() - started) * 1000
                    base[kind][index] = min(base[kind][index], took)
        results: list[Measured] = []
        for kind in KINDS:
            t, b = timings[kind], base[kind]
            results.append(
                Measured(
                    kind, statistics.median(t), p95(t), statistics.median(b), p95(b),
                    len(t), len(b), tuple(pages[kind]),
                )
            )  # fmt: skip
            log(
                f"  {database.name:<10} {kind:<24} p50 {results[-1].p50:6.2f} ms"
                f"  p95 {results[-1].p95:6.2f} ms  baseline p95 {results[-1].baseline_p95:8.1f} ms"
            )
        return results
    finally:
        db.dispose()


def write_docs(lines: list[str]) -> None:
    write_section("search", lines)


def collect(
    candidates: int,
    count: int,
    baseline_count: int,
    *,
    postgres: bool,
    rebuild: bool,
    passes: int = 2,
) -> list[str]:
    databases: list[BenchDatabase] = []
    measured: dict[str, list[Measured]] = {}
    sqlite_db = sqlite_database(candidates, rebuild)
    queries = make_queries(sqlite_db.url, count)
    databases.append(sqlite_db)
    measured[sqlite_db.name] = measure(sqlite_db, queries, baseline_count, passes)
    if postgres:
        with postgres_database(candidates, rebuild) as pg_db:
            databases.append(pg_db)
            measured[pg_db.name] = measure(pg_db, queries, baseline_count, passes)
    return section(candidates, databases, measured, warm_up=WARM_UP, passes=passes)


def run(
    report: list[str],
    *,
    candidates: int = 1_000_000,
    queries: int = 200,
    baseline_queries: int = 20,
    postgres: bool = True,
    rebuild: bool = False,
    passes: int = 2,
) -> None:
    """For ``python -m bench``: measure, add the section to ``report``, update the docs."""
    lines = collect(
        candidates, queries, baseline_queries, postgres=postgres, rebuild=rebuild, passes=passes
    )
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
    parser.add_argument("--passes", type=int, default=2, help="a query's time: its lowest")
    args = parser.parse_args()
    report: list[str] = []
    run(
        report,
        candidates=args.candidates,
        queries=args.queries,
        baseline_queries=args.baseline_queries,
        postgres=not args.no_postgres,
        rebuild=args.rebuild,
        passes=args.passes,
    )
    print("\n".join(report))


if __name__ == "__main__":
    main()
