"""``desk-app demo``: fill an empty database with realistic, deterministic demo data.

The same seed (and the same clock) gives the same data. Everything is
written in ONE unit of work: demo data appears whole or not at all, so a
failure (or Ctrl-C) leaves the database empty and a retry is not refused.
A database that already has candidates is refused (``demo_not_empty``)
before anything is written.

Demo staff sign in with the fixed, documented, DEMO-ONLY passwords of
:data:`DEMO_STAFF`. Demo Secret Numbers and passwords come from small
pools hashed once (see ``secrets.py``): acceptable for demo data only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.bulk import BulkWriter, analyze
from desk_app.database import Database
from desk_app.demo.catalogue import CENTRES, EXAM_BY_CODE, SESSIONS
from desk_app.demo.rows import COLUMNS, TABLES, Batch, CandidateMaker, Catalogue
from desk_app.demo.secrets import (
    HashedPools,
    demo_password,
    demo_secret_number,
    hash_pools,
)
from desk_app.models import Candidate, Centre, Exam, ExamSession, Staff
from desk_app.services.actor import SYSTEM
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.errors import BadInput, Refused
from desk_app.services.hashing import Hasher
from desk_app.settings import Settings

#: (username, role, DEMO-ONLY password, display name, language)
DEMO_STAFF: tuple[tuple[str, str, str, str, str], ...] = (
    ("operator", "operator", "operator-demo-2026", "Demo Operator 示範接線員", "zh_HK"),
    ("counter", "counter", "counter-demo-2026", "Demo Counter 示範櫃位職員", "zh_HK"),
    ("supervisor", "supervisor", "supervisor-demo-2026", "Demo Supervisor 示範主管", "en"),
    ("admin", "admin", "admin-demo-2026", "Demo Administrator 示範管理員", "en"),
)
MAX_CANDIDATES = 5_000_000
BATCH = 10_000
#: candidates shown to try things on (made to order: see demo_rows.FORCED)
EXAMPLES = 3

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    #: demo only: printed so that people can try the desk
    password: str


@dataclass(frozen=True)
class DemoCandidate:
    """A demo candidate to try things on; the secrets are demo-only."""

    id_number: str
    name_en: str
    name_zh: str | None
    registered: bool
    locked: bool
    #: the active letter's Secret Number (demo data only)
    secret_number: str
    #: the account password when registered (demo data only)
    password: str | None


@dataclass(frozen=True)
class DemoReport:
    seed: int
    candidates: int
    entries: int
    results: int
    unreleased: int
    registered: int
    locked: int
    reissued: int
    search_tokens: int
    staff: tuple[DemoLogin, ...]
    examples: tuple[DemoCandidate, ...]
    seconds: float


def _catalogue(session: Session) -> Catalogue:
    """The demo's centres and sessions (existing codes reused); the exams the database has.

    The exams are the standard catalogue, which revision 0004_import_catalogue wrote: the
    demo uses those rows, so that demo and imported results share them.
    """
    centres = {c.code: c for c in session.scalars(select(Centre))}
    for centre in CENTRES:
        if centre.code not in centres:
            row = Centre(
                code=centre.code, name_en=centre.name_en, name_zh=centre.name_zh,
                region=centre.region,
            )  # fmt: skip
            session.add(row)
            centres[centre.code] = row
    exams = {e.code: e for e in session.scalars(select(Exam).where(Exam.code.in_(EXAM_BY_CODE)))}
    missing = sorted(set(EXAM_BY_CODE) - set(exams))
    if missing:
        raise Refused("demo_catalogue_missing", exams=", ".join(missing))
    sessions = {s.code: s for s in session.scalars(select(ExamSession))}
    for sitting in SESSIONS:
        if sitting.code not in sessions:
            row_session = ExamSession(
                code=sitting.code, name_en=sitting.name_en, name_zh=sitting.name_zh,
                held_on=sitting.held_on,
            )  # fmt: skip
            session.add(row_session)
            sessions[sitting.code] = row_session
    session.flush()
    return Catalogue(
        centre_ids={code: row.id for code, row in centres.items()},
        exam_ids={code: row.id for code, row in exams.items()},
        paper_ids={code: tuple(p.id for p in row.papers) for code, row in exams.items()},
        session_ids={code: row.id for code, row in sessions.items()},
    )


def _staff(session: Session, clock: Clock, hasher: Hasher) -> dict[str, int]:
    ids: dict[str, int] = {}
    for username, role, password, display, language in DEMO_STAFF:
        row = Staff(
            username=username, display_name=display, role=role,
            password_hash=hasher.hash(password), active=True, language=language,
            created_at=clock.now(), failed_attempts=0,
        )  # fmt: skip
        session.add(row)
        session.flush()
        ids[role] = row.id
    return ids


def _check_empty(session: Session) -> None:
    """Demo data only into an empty database: no candidates, and no staff either.

    The demo staff have published passwords, one of them an administrator:
    added beside real staff they would be a door around the roles.
    """
    for table in (Candidate, Staff):
        if session.scalar(select(table.id).limit(1)) is not None:
            raise Refused("demo_not_empty")


def make_demo(
    db: Database,
    settings: Settings,
    clock: Clock,
    hasher: Hasher,
    *,
    candidates: int,
    seed: int,
    progress: Progress | None = None,
) -> DemoReport:
    """Make ``candidates`` demo candidates (and the demo staff) in an empty database."""
    if not 1 <= candidates <= MAX_CANDIDATES:
        raise BadInput("demo_candidates", limit=MAX_CANDIDATES)
    started = time.perf_counter()
    with db.read() as session:
        _check_empty(session)  # refuse before spending seconds on hashing
    pools = hash_pools(hasher, seed)
    with db.write() as session:
        _check_empty(session)
        staff_ids = _staff(session, clock, hasher)
        catalogue = _catalogue(session)
        writer = BulkWriter(session.connection())
        maker = CandidateMaker(
            seed=seed,
            now=clock.now(),
            writer=writer,
            catalogue=catalogue,
            pools=pools,
            staff_ids=staff_ids,
            lockout=settings.lockout,
            first_ids={
                name: writer.next_id(TABLES[name]) for name in COLUMNS if "id" in TABLES[name].c
            },
        )
        examples = _fill(maker, writer, candidates, pools, progress)
        writer.finish()
        counts = maker.counts
        audit.record(
            session,
            clock,
            SYSTEM,
            "demo_data_created",
            detail={
                "seed": seed,
                "candidates": counts.candidates,
                "entries": counts.entries,
                "unreleased": counts.unreleased,
                "registered": counts.registered,
                "locked": counts.locked,
                "reissued": counts.reissued,
                "staff": [username for username, *_ in DEMO_STAFF],
            },
        )
        analyze(session.connection())
    return DemoReport(
        seed=seed,
        candidates=counts.candidates,
        entries=counts.entries,
        results=counts.results,
        unreleased=counts.unreleased,
        registered=counts.registered,
        locked=counts.locked,
        reissued=counts.reissued,
        search_tokens=counts.tokens,
        staff=tuple(DemoLogin(u, r, p) for u, r, p, *_ in DEMO_STAFF),
        examples=examples,
        seconds=time.perf_counter() - started,
    )


def _fill(
    maker: CandidateMaker,
    writer: BulkWriter,
    total: int,
    pools: HashedPools,
    progress: Progress | None,
) -> tuple[DemoCandidate, ...]:
    """Write all candidates in batches; returns three to try things on."""
    examples: list[DemoCandidate] = []
    done = 0
    while done < total:
        batch = Batch()
        for _ in range(min(BATCH, total - done)):
            before = (maker.counts.registered, maker.counts.locked)
            id_number, name_en, name_zh = maker.make(batch, done)
            registered = maker.counts.registered > before[0]
            locked = maker.counts.locked > before[1]
            if done < EXAMPLES:  # the seeds' sample, a registered and a locked account
                examples.append(
                    DemoCandidate(
                        id_number, name_en, name_zh, registered, locked,
                        demo_secret_number(id_number, pools.seed),
                        demo_password(id_number, pools.seed) if registered else None,
                    )
                )  # fmt: skip
            done += 1
        for name, columns in COLUMNS.items():
            writer.insert(TABLES[name], columns, batch.rows[name])
        if progress is not None:
            progress(done, total)
    return tuple(examples)
