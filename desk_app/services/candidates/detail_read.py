"""One candidate in full, read with plain SQL: the one definition of what the desk shows.

Both ways of looking a candidate up read it here: the desk's services
(``detail.py``: the window's pane, ``desk-app show --as``) through their
session's connection, and the plain read path of ``desk-app show``
(``quick_show.py``), which loads no SQLAlchemy, through the driver's own.
So both show the same: no result before its release moment (the rule is
:func:`_entries`'), a lock only while it is on (:func:`_in_force`), the same
letters, the same version.

The statements are written once, with ``?`` for each value; a connection
hands them to its driver in the driver's style (:func:`driver_sql`). Values
come back as the driver gives them: SQLite's times and dates as the text
SQLAlchemy stored (UTC, without an offset), its booleans as 0 and 1;
PostgreSQL's as Python's own. :func:`when`, :func:`day` and :func:`flag`
read either, as the models' column types would.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, Protocol

from desk_app.services.candidates.detail_types import (
    AccountDetail,
    CandidateDetail,
    EntryDetail,
    LetterDetail,
    PaperLine,
    ResultDetail,
)
from desk_app.services.live.kinds import ANNOUNCED
from desk_app.services.release.status import ReleaseNoticeDetail

Row = Sequence[Any]


class PlainRows(Protocol):
    """A connection inside the caller's unit of work that runs one statement."""

    def rows(self, sql: str, params: Sequence[object]) -> Sequence[Row]:
        """The rows of ``sql`` (written with ``?``) run with ``params``."""
        ...


@cache
def driver_sql(sql: str, dialect: str) -> str:
    """``sql`` with its ``?`` in the style of the dialect's driver (psycopg: ``%s``)."""
    if dialect == "postgresql":
        return sql.replace("?", "%s")
    return sql


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def when(value: Any) -> datetime | None:
    """A time read from either database, aware in UTC (as ``models.UtcDateTime`` gives it)."""
    if value is None:
        return None
    if isinstance(value, str):  # SQLite: the text SQLAlchemy stored, naive UTC
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _when(value: Any) -> datetime:
    moment = when(value)
    assert moment is not None
    return moment


def day(value: Any) -> date:
    """A date read from either database (SQLite keeps it as text)."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    assert isinstance(value, date)
    return value


def flag(value: Any) -> bool:
    """A boolean read from either database (SQLite keeps 0 or 1)."""
    return bool(value)


CANDIDATE_ID_SQL = "SELECT id FROM candidate WHERE id_number = ?"

_CANDIDATE = (
    "SELECT c.id, c.id_number, c.name_en, c.name_zh, c.date_of_birth, c.email, c.phone, "
    "c.language, ce.code, ce.name_en, ce.name_zh "
    "FROM candidate c JOIN centre ce ON ce.id = c.centre_id WHERE c.id = ?"
)
# the entries with their exams, sessions and results in one statement
_ENTRIES = (
    "SELECT e.id, x.name_en, x.name_zh, x.code, s.name_en, s.name_zh, x.has_paper_breakdown, "
    "r.id, r.grade, r.cefr, r.score, r.release_at "
    "FROM entry e JOIN exam x ON x.id = e.exam_id JOIN exam_session s ON s.id = e.session_id "
    "LEFT JOIN result r ON r.entry_id = e.id WHERE e.candidate_id = ? ORDER BY e.id"
)
_PAPERS = (
    "SELECT ps.result_id, p.name_en, p.name_zh, ps.score "
    "FROM paper_score ps JOIN paper p ON p.id = ps.paper_id "
    "WHERE ps.result_id IN ({}) ORDER BY ps.result_id, p.position"
)
_NOTICES = (
    "SELECT n.entry_id, n.outcome, n.decided_at, o.status, o.sent_at "
    "FROM release_notice n LEFT JOIN outbox_message o ON o.id = n.outbox_id "
    "WHERE n.entry_id IN ({})"
)
_ACCOUNT = (
    "SELECT registered_at, email, failed_attempts, locked_until, must_change_password, "
    "last_login_at, secret_locked_until FROM results_account WHERE candidate_id = ?"
)
_LETTERS = (
    "SELECT l.number, l.serial, l.issued_at, l.reason, s.username, l.active, "
    "l.secret_hash IS NOT NULL "
    "FROM letter l LEFT JOIN staff s ON s.id = l.issued_by_id "
    "WHERE l.candidate_id = ? ORDER BY l.number"
)
#: the newest audit id of a change desks show of this candidate (``live/versions.py``)
_ANNOUNCED = tuple(sorted(ANNOUNCED))
_VERSION = (
    "SELECT max(id) FROM audit_event "
    f"WHERE candidate_id = ? AND action IN ({_marks(len(_ANNOUNCED))})"
)


def candidate_id_of(db: PlainRows, id_number: str) -> int | None:
    """The id of the candidate with this (normalised) ID Number; None when there is none."""
    found = db.rows(CANDIDATE_ID_SQL, (id_number,))
    return int(found[0][0]) if found else None


def read_detail(db: PlainRows, candidate_id: int, now: datetime) -> CandidateDetail:
    """The candidate in full as of ``now``, inside the caller's unit of work (not audited)."""
    (row,) = db.rows(_CANDIDATE, (candidate_id,))
    return CandidateDetail(
        candidate_id=row[0],
        id_number=row[1],
        name_en=row[2],
        name_zh=row[3],
        date_of_birth=day(row[4]),
        email=row[5],
        phone=row[6],
        language=row[7],
        centre=row[8],
        centre_name=row[9],
        centre_name_zh=row[10],
        entries=_entries(db, candidate_id, now),
        account=_account(db, candidate_id, now),
        letters=_letters(db, candidate_id),
        version=candidate_version(db, candidate_id),
    )


def candidate_version(db: PlainRows, candidate_id: int) -> int:
    """The newest audit id of a change desks show of this candidate (0: none yet)."""
    (row,) = db.rows(_VERSION, (candidate_id, *_ANNOUNCED))
    return int(row[0] or 0)


def _entries(db: PlainRows, candidate_id: int, now: datetime) -> tuple[EntryDetail, ...]:
    rows = db.rows(_ENTRIES, (candidate_id,))
    # the release-date rule: nothing of a result is shown before its release moment
    released = {
        row[7]: _when(row[11]) for row in rows if row[7] is not None and _when(row[11]) <= now
    }
    papers = _paper_lines(db, sorted(released))
    notices = _notices(db, [row[0] for row in rows])
    return tuple(
        EntryDetail(
            entry_id=row[0],
            exam=row[1],
            exam_zh=row[2],
            exam_code=row[3],
            session=row[4],
            session_zh=row[5],
            has_breakdown=flag(row[6]),
            result=ResultDetail(row[8], row[9], row[10], papers.get(row[7], ()), released[row[7]])
            if row[7] in released
            else None,
            release_at=when(row[11]),
            notice=notices.get(row[0]),
        )
        for row in rows
    )


def _paper_lines(db: PlainRows, result_ids: list[int]) -> dict[int, tuple[PaperLine, ...]]:
    """The paper scores of these results, in the exam's order of papers."""
    if not result_ids:
        return {}
    lines: dict[int, list[PaperLine]] = {}
    for result_id, name_en, name_zh, score in db.rows(
        _PAPERS.format(_marks(len(result_ids))), result_ids
    ):
        lines.setdefault(result_id, []).append(PaperLine(name_en, name_zh, score))
    return {result_id: tuple(found) for result_id, found in lines.items()}


def _notices(db: PlainRows, entry_ids: list[int]) -> dict[int, ReleaseNoticeDetail]:
    """What became of each entry's "results available" email, where the release job decided."""
    if not entry_ids:
        return {}
    return {
        entry_id: ReleaseNoticeDetail(outcome, _when(decided_at), status, when(sent_at))
        for entry_id, outcome, decided_at, status, sent_at in db.rows(
            _NOTICES.format(_marks(len(entry_ids))), entry_ids
        )
    }


def _account(db: PlainRows, candidate_id: int, now: datetime) -> AccountDetail:
    found = db.rows(_ACCOUNT, (candidate_id,))
    if not found:
        return AccountDetail(False, None, 0, None, None, False, None, None)
    registered_at, email, failed_attempts, locked_until, must_change, last_login, secret = found[0]
    until = when(locked_until)
    locked = _in_force(until, now)
    return AccountDetail(
        registered=registered_at is not None,
        email=email,
        failed_attempts=failed_attempts if locked or until is None else 0,
        locked_until=locked,
        registered_at=when(registered_at),
        must_change_password=flag(must_change),
        last_login_at=when(last_login),
        secret_locked_until=_in_force(when(secret), now),
    )


def _in_force(until: datetime | None, now: datetime) -> datetime | None:
    """A lock's end if the lock is on at ``now`` (a lock that ran out may not be settled yet)."""
    return until if until is not None and until > now else None


def _letters(db: PlainRows, candidate_id: int) -> tuple[LetterDetail, ...]:
    return tuple(
        LetterDetail(number, serial, _when(issued_at), reason, username, flag(active), flag(kept))
        for number, serial, issued_at, reason, username, active, kept in db.rows(
            _LETTERS, (candidate_id,)
        )
    )
