"""The search benchmark's databases: the demo data at a million candidates, built once and cached.

A SQLite file under ``bench/.cache/`` and a database in a PostgreSQL cluster
kept under ``bench/.cache/pg/`` (started for the run on a free loopback
port, stopped after). A cached database whose schema revision is behind is
upgraded in place by the real migrations (as ``desk-app db upgrade`` would
do at a centre); ``--rebuild`` builds it again from scratch.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desk_app.database import Database
from desk_app.demo.generate import make_demo
from desk_app.schema import head_revision, upgrade
from desk_app.services.clock import SystemClock
from desk_app.services.registry import build_services
from desk_app.settings import Settings

SEED = 2026
CACHE = Path(__file__).resolve().parent / ".cache"


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


def warm(paths: Iterable[Path]) -> None:
    """Read files once, so that the timed queries find them in the OS's cache.

    A desk in use has its working set cached; a cached database file that
    other work has pushed out of memory would make the first queries of a
    run wait for the disk, which is not what is being measured.
    """
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(16 * 2**20):
                pass


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
    warm([path])
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
        warm(cluster.database_files(name))
        yield BenchDatabase(
            "PostgreSQL", cluster.url(name), cache, f"PostgreSQL {cluster.version()}"
        )
