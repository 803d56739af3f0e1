"""A year of a busy centre's audit trail, for bench/audit_bench.py: 1,000,000 chained events.

Built once and cached like the search benchmark's data: a SQLite file under
``bench/.cache/`` and a database in the cluster kept under ``bench/.cache/pg/``;
upgraded when the schema revision changes, built again with ``--rebuild``.

On top of the demo data (10,000 candidates, the four demo staff) come 36
more staff members and the events, chained exactly as the desk chains
them (``row_digest``; the head moved once at the end) and written through
``BulkWriter`` (COPY on PostgreSQL) in one unit of work. The mix is a
centre's: staff open candidates, look at timelines and verify callers
most; the website's registrations and locks and the outbox's emails come
next; imports and batches are rare. Times run evenly over 365 days in id
order (give or take a few seconds, as desks' clocks differ). Staff
activity is skewed: a few people do most of the work.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select, update

from bench.search_data import CACHE, log, warm
from desk_app.bulk import BulkWriter, analyze
from desk_app.database import Database
from desk_app.demo.generate import make_demo
from desk_app.models import AuditEvent, AuditHead, Candidate, Staff
from desk_app.schema import head_revision, upgrade
from desk_app.services.audit.chain import canonical_json, row_digest
from desk_app.services.clock import SystemClock
from desk_app.services.hashing import Hasher
from desk_app.settings import Settings

SEED = 2027
CANDIDATES = 10_000
EXTRA_STAFF = 36
#: the trail's last event is this long before the build
END_AGO = timedelta(hours=1)
SPAN = timedelta(days=365)
BATCH = 20_000

#: (action, who acts, weight per 1,000 events)
MIX: tuple[tuple[str, str, float], ...] = (
    ("candidate_viewed", "staff", 300), ("timeline_viewed", "staff", 80),
    ("caller_verified", "staff", 100), ("caller_verification_failed", "staff", 20),
    ("note_added", "staff", 80), ("staff_login", "staff", 30),
    ("staff_login_failed", "staff", 5), ("account_unlocked", "staff", 30),
    ("reset_sent", "staff", 30), ("temp_password_issued", "staff", 10),
    ("email_changed", "staff", 5), ("letter_reissued", "staff", 20),
    ("statement_printed", "staff", 20), ("account_locked", "website", 50),
    ("account_secret_locked", "website", 5), ("account_registered", "website", 60),
    ("password_changed", "website", 20), ("password_reset", "website", 20),
    ("mail_sent", "system", 100), ("mail_failed", "system", 3), ("mail_withdrawn", "system", 2),
    ("statement_verified", "verification", 9.5), ("import_candidate_corrected", "staff", 0.4),
    ("letters_batch_printed", "staff", 0.05), ("data_imported", "staff", 0.03),
    ("results_released", "system", 0.02),
)  # fmt: skip
_NO_CANDIDATE = {"staff_login", "staff_login_failed", "letters_batch_printed", "data_imported",
                 "results_released"}  # fmt: skip
_REASON = {"account_unlocked", "reset_sent", "temp_password_issued", "email_changed",
           "letter_reissued", "statement_printed", "import_candidate_corrected",
           "data_imported"}  # fmt: skip


@dataclass(frozen=True)
class Built:
    events: int
    first_at: datetime
    last_at: datetime
    staff: tuple[str, ...]


def _detail(action: str, rng: random.Random, at: datetime) -> dict[str, Any]:
    if action == "account_locked":
        until = (at + timedelta(minutes=30)).isoformat()
        return {"until": until, "failed_attempts": 3, "source": f"203.0.113.{rng.randrange(256)}"}
    if action in ("mail_sent", "mail_failed", "mail_withdrawn"):
        return {"kind": rng.choice(("registered", "password_reset", "results_available")),
                "attempts": 1}  # fmt: skip
    if action in ("caller_verified", "caller_verification_failed"):
        return {"method": "caller", "verification": rng.randrange(10**6),
                "identifiers": ["phone"], "failures_24h": 1, "flagged": False}  # fmt: skip
    if action == "note_added":
        return {"note_id": rng.randrange(10**6), "channel": rng.choice(("phone", "counter"))}
    if action == "letter_reissued":
        return {"serial": f"L{rng.randrange(10**8):08d}-1", "number": 1, "registered": False}
    return {}


_STAFF: Table = Staff.__table__  # type: ignore[assignment]
_EVENTS: Table = AuditEvent.__table__  # type: ignore[assignment]


class _Maker:
    def __init__(self, candidates: Sequence[tuple[int, str]], staff: Sequence[tuple[int, str]]):
        self.rng = random.Random(SEED)
        self.candidates = candidates
        self.staff = staff
        # a few people do most of the work: weight 1/rank
        self.staff_weights = [1 / (rank + 1) for rank in range(len(staff))]
        self.actions = [a for a, _, _ in MIX]
        self.who = {a: w for a, w, _ in MIX}
        self.weights = [w for _, _, w in MIX]

    def events(
        self, count: int, first_id: int, previous: str, start: datetime
    ) -> Iterator[dict[str, Any]]:
        rng, step = self.rng, SPAN / count
        for n in range(count):
            action = rng.choices(self.actions, self.weights)[0]
            at = start + step * n + timedelta(seconds=rng.uniform(-5, 5))
            who = self.who[action]
            staff_id, actor = (None, who)
            if who == "staff":
                staff_id, actor = rng.choices(self.staff, self.staff_weights)[0]
            candidate_id, subject = (None, actor if action.startswith("staff") else None)
            if action not in _NO_CANDIDATE:
                candidate_id, subject = rng.choice(self.candidates)
            reason = "caller asked" if action in _REASON else None
            row: dict[str, Any] = {
                "id": first_id + n, "at": at, "actor": actor, "staff_id": staff_id,
                "action": action, "candidate_id": candidate_id, "subject": subject,
                "reason": reason, "detail": canonical_json(_detail(action, rng, at)),
                "prev_hash": previous,
            }  # fmt: skip
            row["row_hash"] = previous = row_digest(**row)
            yield row


def build(url: str, events: int, *, log: Any = print) -> Built:
    """Demo data, more staff and ``events`` audit events into the empty database at ``url``."""
    db = Database(url)
    settings = Settings()
    clock = SystemClock()
    try:
        make_demo(db, settings, clock, Hasher(settings.hashing), candidates=CANDIDATES, seed=SEED)
        with db.write() as session:
            writer = BulkWriter(session.connection())
            first_staff = writer.next_id(_STAFF)
            extra = [(first_staff + n, f"staff{n:02d}") for n in range(EXTRA_STAFF)]
            writer.insert(
                _STAFF,
                ("id", "username", "display_name", "role", "password_hash", "active",
                 "language", "created_at", "failed_attempts"),
                [(i, name, name.title(), "operator", "!", writer.flag(True), "en",
                  writer.stamp(clock.now()), 0) for i, name in extra],
            )  # fmt: skip
            staff = [(i, u) for i, u in session.execute(select(Staff.id, Staff.username))]
            candidates = list(session.execute(select(Candidate.id, Candidate.id_number)))
            head = session.execute(select(AuditHead).with_for_update()).scalar_one()
            maker = _Maker([(i, n) for i, n in candidates], staff)
            start = clock.now() - END_AGO - SPAN
            columns = ("id", "at", "actor", "staff_id", "action", "candidate_id", "subject",
                       "reason", "detail", "prev_hash", "row_hash")  # fmt: skip
            batch: list[tuple[Any, ...]] = []
            last: dict[str, Any] = {}
            for last in maker.events(events, head.last_id + 1, head.last_hash, start):
                batch.append(tuple(writer.stamp(v) if k == "at" else v
                                   for k, v in last.items()))  # fmt: skip
                if len(batch) == BATCH:
                    writer.insert(_EVENTS, columns, batch)
                    batch = []
                    if last["id"] % 200_000 < BATCH:
                        log(f"  {last['id']:,} audit events")
            writer.insert(_EVENTS, columns, batch)
            writer.finish()
            session.execute(
                update(AuditHead).values(last_id=last["id"], last_hash=last["row_hash"])
            )
            analyze(session.connection())
        return Built(events, start, last["at"].astimezone(UTC), tuple(u for _, u in staff))
    finally:
        db.dispose()


# -- the data, built once ---------------------------------------------------------------------


@dataclass(frozen=True)
class BenchDatabase:
    name: str
    url: str
    build_seconds: float
    version: str


def _cached(meta: Path, rebuild: bool, make: Callable[[], float], url: str) -> float:
    """The build's seconds: built now, or earlier and kept. A cache made at an older schema
    revision is upgraded, not built again (the events are the same; a migration adds an index
    or a column); one whose revision this program does not know fails in Alembic: --rebuild."""
    revision = head_revision()
    if not rebuild and meta.exists():
        known = json.loads(meta.read_text())
        if known.get("complete"):
            if known.get("revision") != revision:
                log(f"Upgrading the cached data from {known.get('revision')} to {revision} …")
                upgrade(url)
                meta.write_text(json.dumps({**known, "revision": revision}))
            return float(known["build_seconds"])
    meta.unlink(missing_ok=True)
    seconds = make()
    meta.write_text(json.dumps({"revision": revision, "complete": True, "build_seconds": seconds}))
    return seconds


def _timed_build(url: str, events: int) -> float:
    started = time.perf_counter()
    upgrade(url)
    built: Built = build(url, events, log=log)
    log(f"  built {built.events:,} events in {time.perf_counter() - started:.0f} s")
    return time.perf_counter() - started


def sqlite_database(events: int, rebuild: bool) -> BenchDatabase:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"audit-{events}.sqlite3"
    url = f"sqlite:///{path}"

    def make() -> float:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        log(f"Building {events:,} audit events in {path} …")
        seconds = _timed_build(url, events)
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return seconds

    seconds = _cached(CACHE / f"audit-{events}.sqlite.json", rebuild, make, url)
    warm([path])
    return BenchDatabase("SQLite", url, seconds, f"SQLite {sqlite3.sqlite_version}")


@contextmanager
def postgres_database(events: int, rebuild: bool) -> Iterator[BenchDatabase]:
    from bench.pg_cache import cached_cluster

    name = f"audit_{events}"
    with cached_cluster(CACHE / "pg") as cluster:
        meta = CACHE / "pg" / f"{name}.json"
        if not cluster.has_database(name):
            meta.unlink(missing_ok=True)

        def make() -> float:
            cluster.recreate_database(name)
            log(f"Building {events:,} audit events in PostgreSQL database {name} …")
            seconds = _timed_build(cluster.url(name), events)
            cluster.checkpoint()
            return seconds

        seconds = _cached(meta, rebuild, make, cluster.url(name))
        # as a server in use has them: the statistics and visibility map autovacuum keeps
        # after a bulk load (quick when there is nothing to do), the files in the OS cache
        cluster.vacuum_analyze(name)
        warm(cluster.database_files(name))
        yield BenchDatabase(
            "PostgreSQL", cluster.url(name), seconds, f"PostgreSQL {cluster.version()}"
        )
