"""The lockout history of a range of days to CSV, for supervisors.

``desk-app export lockouts FILE.csv --as STAFF --from DAY --to DAY`` and
File › Export › Lockout history… (role: view_lockouts). One row per event,
oldest first: a lock beginning (``locked``), running out by itself
(``expired``, at the moment it ended) or ended early (``unlocked``: by a
desk, with who and why, or by a temporary password or a reissued letter).
Which lock (``password`` or ``secret``), the candidate, the address the
attempts came from, the failures counted and when the lock was to end.

Days are the office's calendar days, both included; times are in the
office's time zone with the offset. Locks that ran out are settled first
(as the lockouts view does), so an expiry is in the file as soon as it is
due. Each export is audited (``lockouts_exported``: file, range, rows,
SHA-256).
"""

from __future__ import annotations

import json
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.database import Database
from desk_app.models import AccountEvent, Candidate, Centre, ResultsAccount, Staff
from desk_app.services.accounts.locks import LOCK_KINDS, settle_due_locks
from desk_app.services.actor import Caller, authorise_caller
from desk_app.services.audit import trail as audit
from desk_app.services.clock import Clock
from desk_app.services.exports.files import (
    BATCH,
    Days,
    ExportReport,
    OfficeCsv,
    ProgressCallback,
    ShouldStop,
    Ticker,
    office_time,
    text_cell,
    write_export,
)
from desk_app.services.output_files import check_output_path
from desk_app.services.permissions import Action
from desk_app.settings import Settings

COLUMNS = (
    "at", "event", "lock", "id_number", "name_en", "name_zh", "centre", "source",
    "failed_attempts", "locked_until", "staff", "reason", "via",
)  # fmt: skip

#: timeline kind → (the event as the file names it, which lock; None: in the detail)
EVENTS: dict[str, tuple[str, str | None]] = {
    **{kind.locked_event: ("locked", kind.name) for kind in LOCK_KINDS},
    **{kind.expired_event: ("expired", kind.name) for kind in LOCK_KINDS},
    "unlocked": ("unlocked", None),
}

_COLUMNS = (
    AccountEvent.at, AccountEvent.kind, AccountEvent.source, AccountEvent.reason,
    AccountEvent.detail, Staff.username, Candidate.id_number, Candidate.name_en,
    Candidate.name_zh, Centre.code,
)  # fmt: skip


class LockoutHistoryService:
    def __init__(self, db: Database, settings: Settings, clock: Clock) -> None:
        self._db = db
        self._zone = ZoneInfo(settings.office.timezone)
        self._clock = clock

    def export(
        self,
        caller: Caller,
        path: str | Path,
        *,
        first_day: date,
        last_day: date,
        progress: ProgressCallback | None = None,
        should_stop: ShouldStop | None = None,
    ) -> ExportReport:
        """Write the locks, expiries and unlocks of the days ``first_day``–``last_day``."""
        target = check_output_path(path)
        days = Days(first_day, last_day)
        start, end = days.bounds(self._zone)
        with self._db.write() as session:
            authorise_caller(session, caller, Action.VIEW_LOCKOUTS)
            settle_due_locks(session, self._clock.now())
        with self._db.read() as session:
            total = session.scalar(_events(select(func.count(AccountEvent.id)), start, end)) or 0
        ticker = Ticker(progress, should_stop, total)

        def fill(out: Any) -> int:
            sheet = OfficeCsv(out, COLUMNS)
            with self._db.read() as session, closing(_rows(session, start, end)) as rows:
                for row in rows:
                    sheet.row(self._cells(row))
                    ticker.row()
            ticker.report()
            return ticker.rows

        def record(rows: int, sha256: str) -> None:
            with self._db.write() as session:
                actor = authorise_caller(session, caller, Action.VIEW_LOCKOUTS)
                audit.record(
                    session, self._clock, actor, "lockouts_exported", subject=target.name[:64],
                    detail={"file": target.name, **days.detail(), "rows": rows, "sha256": sha256},
                )  # fmt: skip
                ticker.check()

        return write_export(target, fill, record)

    def _cells(self, row: Any) -> list[str | int | None]:
        at, kind, source, reason, detail_text, staff, id_number, name_en, name_zh, centre = row
        event, lock = EVENTS[kind]
        detail = _detail(detail_text)
        until: Any = None
        via = None
        if event == "locked":
            until = detail.get("until")
        elif event == "expired":
            until = at
        else:
            via = detail.get("via", "desk")
            # only the website's password reset records no list: it ends the password lock
            lock = " ".join(str(name) for name in detail.get("locks") or ("password",))
            until = detail.get("was_locked_until")
        failures = detail.get("failed_attempts")
        return [
            office_time(at, self._zone), event, lock, id_number, text_cell(name_en),
            text_cell(name_zh), centre, text_cell(source),
            failures if isinstance(failures, int) else None, self._moment(until),
            text_cell(staff), text_cell(reason), via,
        ]  # fmt: skip

    def _moment(self, value: Any) -> str:
        """A moment kept in an event's detail (ISO text) or a column, in office time."""
        if isinstance(value, datetime):
            return office_time(value, self._zone)
        if not isinstance(value, str):
            return ""
        try:
            return office_time(datetime.fromisoformat(value), self._zone)
        except ValueError:
            return text_cell(value)


def _detail(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _events(query: Any, start: datetime | None, end: datetime | None) -> Any:
    query = query.where(AccountEvent.kind.in_(EVENTS))
    if start is not None:
        query = query.where(AccountEvent.at >= start)
    if end is not None:
        query = query.where(AccountEvent.at < end)
    return query


def _rows(session: Session, start: datetime | None, end: datetime | None) -> Any:
    query = (
        select(*_COLUMNS)
        .join(ResultsAccount, ResultsAccount.id == AccountEvent.account_id)
        .join(Candidate, Candidate.id == ResultsAccount.candidate_id)
        .join(Centre, Centre.id == Candidate.centre_id)
        .outerjoin(Staff, Staff.id == AccountEvent.staff_id)
        .order_by(AccountEvent.at, AccountEvent.id)
        .execution_options(yield_per=BATCH)
    )
    return session.execute(_events(query, start, end))
