"""Reprinted Statements of Results: numbered, audited, verifiable by institutions.

A statement carries a verification code of 60 random bits (12 characters of
Crockford's base 32, printed as ``XXXX-XXXX-XXXX``). Only its SHA-256 is
stored, next to a snapshot of what the statement said, so ``verify`` can tell
an institution whether a statement with that code was issued and what it
said, while a database reader cannot print a valid-looking code.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk_app.database import Database
from desk_app.models import Candidate, Entry, Exam, IssuedStatement, Result, Staff
from desk_app.services.actions.verification import require_verification
from desk_app.services.actor import AuditActor, StaffIdentity, as_actor, authorise
from desk_app.services.audit import trail as audit
from desk_app.services.candidates.detail import find_candidate
from desk_app.services.clock import Clock
from desk_app.services.documents.rendering import fonts_for, render_statement_pdf
from desk_app.services.errors import BadInput, NotFound, Refused
from desk_app.services.hashing import token_digest
from desk_app.services.permissions import Action
from desk_app.services.validation import require_reason
from desk_app.settings import Settings

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_CODE_LENGTH = 12
_LOOKALIKES = str.maketrans("OIL", "011")


def new_code() -> str:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(_CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, _CODE_LENGTH, 4))


def normalise_code(typed: str) -> str | None:
    """The code as stored (upper case, no dashes; O→0, I/L→1), or None if it cannot be one."""
    if len(typed) > 40:
        return None
    text = typed.strip().upper().replace("-", "").replace(" ", "")
    text = text.translate(_LOOKALIKES)
    if len(text) != _CODE_LENGTH or any(ch not in _ALPHABET for ch in text):
        return None
    return text


@dataclass(frozen=True)
class PrintedStatement:
    """A statement just produced: the PDF bytes and how it is known."""

    serial: str
    verification_code: str
    issued_at: datetime
    id_number: str
    exam: str
    session: str
    pdf: bytes


@dataclass(frozen=True)
class StatementCheck:
    """What ``verify`` tells an institution."""

    serial: str
    issued_at: datetime
    id_number: str
    name_en: str
    name_zh: str | None
    exam: str
    session: str
    grade: str
    cefr: str | None
    score: int
    papers: tuple[tuple[str, int], ...]
    released_on: date


@dataclass(frozen=True)
class BatchOutcome:
    id_number: str
    statement: PrintedStatement | None
    error_code: str | None
    error_params: dict[str, Any]


def _entry_for(
    session: Session, candidate: Candidate, entry_id: int | None, now: datetime
) -> Entry:
    query = (
        select(Entry)
        .where(Entry.candidate_id == candidate.id)
        .options(
            selectinload(Entry.exam).selectinload(Exam.papers),
            selectinload(Entry.session),
            selectinload(Entry.result).selectinload(Result.papers),
        )
        .order_by(Entry.id.desc())
    )
    entries = list(session.scalars(query))
    if entry_id is not None:
        entries = [e for e in entries if e.id == entry_id]
        if not entries:
            raise NotFound("entry_not_found")
        if entries[0].result is None or entries[0].result.release_at > now:
            raise Refused("result_not_released")
        return entries[0]
    for entry in entries:
        if entry.result is not None and entry.result.release_at <= now:
            return entry
    raise Refused("no_results")


class StatementService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    def _produce(
        self,
        session: Session,
        staff_row: Staff,
        candidate: Candidate,
        entry: Entry,
        reason: str,
        actor: AuditActor,
        verification: dict[str, str],
    ) -> PrintedStatement:
        now = self._clock.now()
        result = entry.result
        assert result is not None
        code = new_code()
        row = IssuedStatement(
            serial=f"p-{uuid.uuid4().hex[:24]}",
            candidate_id=candidate.id,
            entry_id=entry.id,
            code_hash=token_digest(normalise_code(code) or code),
            issued_at=now,
            issued_by_id=staff_row.id,
            reason=reason,
            snapshot="{}",
        )
        session.add(row)
        session.flush()
        local_day = now.astimezone(ZoneInfo(self._settings.office.timezone))
        row.serial = f"SR{local_day:%y}-{row.id:07d}"
        names = {p.id: p for p in entry.exam.papers}
        ordered = sorted(result.papers, key=lambda ps: names[ps.paper_id].position)
        released_on = result.release_at.astimezone(ZoneInfo(self._settings.office.timezone)).date()
        snapshot = {
            "serial": row.serial,
            "issued_at": now.isoformat(),
            "id_number": candidate.id_number,
            "name_en": candidate.name_en,
            "name_zh": candidate.name_zh,
            "exam": entry.exam.name_en,
            "exam_zh": entry.exam.name_zh,
            "session": entry.session.name_en,
            "session_zh": entry.session.name_zh,
            "grade": result.grade,
            "cefr": result.cefr,
            "score": result.score,
            "papers": [[names[ps.paper_id].name_en, ps.score] for ps in ordered],
            "released_on": released_on.isoformat(),
            "printed_by": staff_row.display_name,
        }
        row.snapshot = audit.canonical_json(snapshot)
        pdf = render_statement_pdf(
            self._settings,
            candidate=candidate,
            entry=entry,
            papers=[
                (names[ps.paper_id].name_en, names[ps.paper_id].name_zh, ps.score) for ps in ordered
            ],
            released_on=released_on,
            serial=row.serial,
            printed_at=now,
            printed_by=staff_row.display_name,
            code=code,
        )
        audit.record(
            session,
            self._clock,
            actor,
            "statement_printed",
            candidate_id=candidate.id,
            subject=candidate.id_number,
            reason=reason,
            detail={
                "serial": row.serial,
                "entry_id": entry.id,
                "exam": entry.exam.code,
                "bytes": len(pdf),
                **verification,
            },
        )
        return PrintedStatement(
            row.serial,
            code,
            now,
            candidate.id_number,
            entry.exam.name_en,
            entry.session.name_en,
            pdf,
        )

    def print_statement(
        self,
        staff: StaffIdentity,
        id_number: str,
        *,
        reason: str,
        entry_id: int | None = None,
        override_reason: str | None = None,
    ) -> PrintedStatement:
        """Reprint one statement (the newest released entry unless ``entry_id`` names one).

        Needs a current caller verification for counter staff; a supervisor
        may give an override reason instead. The statement, its audit entry
        and its PDF succeed or fail together.
        """
        why = require_reason(reason)
        fonts_for(self._settings)  # a missing font is reported before anything is written
        with self._db.write() as session:
            staff_row = authorise(session, staff, Action.PRINT_STATEMENT)
            candidate = find_candidate(session, id_number, self._settings)
            method = require_verification(
                session,
                staff_row,
                candidate.id,
                Action.PRINT_STATEMENT,
                override_reason,
                now=self._clock.now(),
            )
            entry = _entry_for(session, candidate, entry_id, self._clock.now())
            verification = {"verification": method}
            if method == "override" and override_reason:
                verification["override_reason"] = override_reason.strip()[:500]
            return self._produce(
                session, staff_row, candidate, entry, why, as_actor(staff), verification
            )

    def print_batch(
        self,
        staff: StaffIdentity,
        id_numbers: Sequence[str],
        *,
        reason: str,
        progress: Callable[[int, int], bool] | None = None,
    ) -> list[BatchOutcome]:
        """A supervisor's batch reprint: one unit of work per statement.

        ``progress(done, total)`` is called after each; returning False stops
        the batch after the current statement (what was printed stays printed
        and audited). A candidate that cannot be printed is reported, not fatal.
        """
        why = require_reason(reason)
        if len(id_numbers) > 10_000:
            raise BadInput("text_too_long", field="id_number_list", limit=10_000)
        fonts_for(self._settings)
        with self._db.read() as session:
            authorise(session, staff, Action.BATCH_STATEMENTS)
        outcomes: list[BatchOutcome] = []
        total = len(id_numbers)
        for done, id_number in enumerate(id_numbers, start=1):
            try:
                with self._db.write() as session:
                    staff_row = authorise(session, staff, Action.BATCH_STATEMENTS)
                    candidate = find_candidate(session, id_number, self._settings)
                    entry = _entry_for(session, candidate, None, self._clock.now())
                    printed = self._produce(
                        session,
                        staff_row,
                        candidate,
                        entry,
                        why,
                        as_actor(staff),
                        {"verification": "batch"},
                    )
                outcomes.append(BatchOutcome(printed.id_number, printed, None, {}))
            except (BadInput, NotFound, Refused) as error:
                outcomes.append(BatchOutcome(id_number, None, error.code, dict(error.params)))
            if progress is not None and not progress(done, total):
                break
        return outcomes

    def verify(self, code: str) -> StatementCheck:
        """What an institution asks: was a statement with this code issued, and what did it say."""
        key = normalise_code(code)
        if key is None:
            raise NotFound("statement_not_found")
        with self._db.write() as session:
            row = session.scalar(
                select(IssuedStatement).where(IssuedStatement.code_hash == token_digest(key))
            )
            if row is None:
                raise NotFound("statement_not_found")
            said = json.loads(row.snapshot)
            audit.record(
                session,
                self._clock,
                AuditActor("verification"),
                "statement_verified",
                candidate_id=row.candidate_id,
                subject=said["id_number"],
                detail={"serial": row.serial},
            )
            return StatementCheck(
                serial=row.serial,
                issued_at=row.issued_at,
                id_number=said["id_number"],
                name_en=said["name_en"],
                name_zh=said["name_zh"],
                exam=said["exam"],
                session=said["session"],
                grade=said["grade"],
                cefr=said["cefr"],
                score=int(said["score"]),
                papers=tuple((str(name), int(score)) for name, score in said["papers"]),
                released_on=date.fromisoformat(said["released_on"]),
            )
