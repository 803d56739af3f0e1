"""Checking the audit chain: each row's own hash, its place in the chain, and the head.

``verify_chain`` walks the events in id order once and names every row
that was edited, deleted, inserted or moved. It reads plain rows (no ORM
objects) and keeps only the problems in memory, so a million events cost
one pass; a row whose own hash fails is placed (moved, or edited) by a
second pass over the hashes alone, made only when there is such a row.
A long check reports its progress and stops when asked
(:class:`AuditCheckStopped`): the window runs it on a worker with a Cancel
button.

The chain has no secret key: someone who can rewrite the whole table and
the head can forge it; the check catches edits to single rows, which is
what it is for (and, since revision 0009, the database refuses those edits
unless its owner drops the triggers first).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Result, Row, select
from sqlalchemy.orm import Session

from desk_app.models import AuditEvent, AuditHead
from desk_app.models.audit import GENESIS_HASH
from desk_app.services.audit.chain import row_digest
from desk_app.services.audit.messages import CHECK_SENTENCES
from desk_app.services.errors import DeskError

#: (rows checked, rows the head says there are); called every :data:`STEP` rows
VerifyProgress = Callable[[int, int], None]
StopAsked = Callable[[], bool]
#: rows between two progress reports (and two looks at whether to stop)
STEP = 5000


@dataclass(frozen=True)
class AuditProblem:
    """What is wrong with the chain at ``row_id`` (in a file: at ``line``).

    ``kind``: edited, deleted, inserted, moved, head (and, in a file,
    unreadable). ``code`` chooses the sentence (:data:`CHECK_SENTENCES`,
    translated in the window) and ``params`` fills it: row numbers only.
    The database's check and a file's (``chain_file``) share the sentences.
    """

    row_id: int | None
    kind: str
    code: str
    params: Mapping[str, int] = field(default_factory=dict)
    #: the line of an exported file (``audit verify --file``); None in the database
    line: int | None = None

    @property
    def message(self) -> str:
        """The English sentence (the command line prints it)."""
        text = CHECK_SENTENCES[self.code].format(**self.params)
        if self.line is None:
            return text
        return CHECK_SENTENCES["at_line"].format(line=self.line, problem=text)


# the problems, shared by the database's check and a file's


def edited(row_id: int) -> AuditProblem:
    return AuditProblem(row_id, "edited", "edited", {"row": row_id})


def deleted(first: int, last: int, before: int | None) -> AuditProblem:
    """Rows ``first``–``last`` are missing before row ``before`` (None: at the end)."""
    if before is None:
        if first == last:
            return AuditProblem(last, "deleted", "deleted_tail_one", {"first": first})
        return AuditProblem(last, "deleted", "deleted_tail_many", {"first": first, "last": last})
    if first == last:
        return AuditProblem(before, "deleted", "deleted_one", {"first": first, "row": before})
    params = {"first": first, "last": last, "row": before}
    return AuditProblem(before, "deleted", "deleted_many", params)


def moved(row_id: int, after: int) -> AuditProblem:
    return AuditProblem(row_id, "moved", "moved", {"row": row_id, "after": after})


def inserted(row_id: int, previous_id: int) -> AuditProblem:
    return AuditProblem(row_id, "inserted", "inserted", {"row": row_id, "after": previous_id})


def unreadable() -> AuditProblem:
    """A line of a file that is not an audit event at all."""
    return AuditProblem(None, "unreadable", "unreadable")


@dataclass(frozen=True)
class AuditReport:
    checked: int
    problems: tuple[AuditProblem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.problems


class AuditCheckStopped(DeskError):
    """The staff member stopped the check before the end: nothing is concluded."""

    def __init__(self, checked: int) -> None:
        super().__init__("audit_check_stopped", checked=checked)


_COLUMNS = AuditEvent.__table__.columns


def _digest(row: Row[Any], *, id: int | None = None) -> str:
    return row_digest(
        id=row.id if id is None else id, at=row.at, actor=row.actor, staff_id=row.staff_id,
        action=row.action, candidate_id=row.candidate_id, subject=row.subject,
        reason=row.reason, detail=row.detail, prev_hash=row.prev_hash,
    )  # fmt: skip


def _rows(session: Session) -> Result[Any]:
    """Every event in id order, fetched a batch at a time; close it (``with``) even when
    the walk stops early, so no server-side cursor outlives the unit of work."""
    query = select(*_COLUMNS).order_by(AuditEvent.id).execution_options(yield_per=STEP)
    return session.execute(query)


class _Pace:
    """Reports progress and looks at the stop request every :data:`STEP` rows."""

    def __init__(self, total: int, progress: VerifyProgress | None, stop: StopAsked | None):
        self.total = total
        self._progress = progress
        self._stop = stop

    def step(self, checked: int, *, force: bool = False, report: bool = True) -> None:
        if checked % STEP and not force:
            return
        if self._stop is not None and self._stop():
            raise AuditCheckStopped(checked)
        if report and self._progress is not None:
            self._progress(checked, max(self.total, checked))


def _head_problem(head: AuditHead | None, last_id: int, last_hash: str) -> AuditProblem | None:
    if head is None:
        return AuditProblem(None, "head", "head_missing")
    if head.last_id < last_id:
        first = head.last_id + 1
        if first == last_id:
            return AuditProblem(last_id, "inserted", "added_outside_one", {"first": first})
        params = {"first": first, "last": last_id}
        return AuditProblem(last_id, "inserted", "added_outside", params)
    if head.last_id > last_id:
        return deleted(last_id + 1, head.last_id, None)
    if head.last_hash != last_hash:
        return AuditProblem(last_id, "edited", "head_mismatch", {"row": last_id})
    return None


def verify_chain(
    session: Session,
    *,
    progress: VerifyProgress | None = None,
    should_stop: StopAsked | None = None,
) -> AuditReport:
    head = session.get(AuditHead, 1)
    pace = _Pace(head.last_id if head is not None else 0, progress, should_stop)
    problems: list[AuditProblem] = []
    #: rows whose own hash fails: (index in problems, the row), placed after the walk
    unsound: list[tuple[int, Row[Any]]] = []
    previous_id, previous_hash, checked = 0, GENESIS_HASH, 0
    with _rows(session) as rows:
        for row in rows:
            checked += 1
            pace.step(checked)
            if row.id != previous_id + 1:
                problems.append(deleted(previous_id + 1, row.id - 1, row.id))
            elif _digest(row) != row.row_hash:
                unsound.append((len(problems), row))
                problems.append(edited(row.id))
            elif row.prev_hash != previous_hash:
                problems.append(inserted(row.id, previous_id))
            previous_id, previous_hash = row.id, row.row_hash
    pace.step(checked, force=True)
    if unsound:
        _place_moved_rows(session, problems, unsound, pace)
    end = _head_problem(head, previous_id, previous_hash)
    if end is not None:
        problems.append(end)
    return AuditReport(checked=checked, problems=tuple(problems))


def _place_moved_rows(
    session: Session,
    problems: list[AuditProblem],
    unsound: list[tuple[int, Row[Any]]],
    pace: _Pace,
) -> None:
    """A row that fails its own hash but is sound one place after the row its
    ``prev_hash`` names was moved there; otherwise it was edited."""
    wanted = {row.prev_hash for _, row in unsound}
    where: dict[str, int] = {}
    query = select(AuditEvent.id, AuditEvent.row_hash).order_by(AuditEvent.id)
    with session.execute(query.execution_options(yield_per=STEP)) as hashes:
        for seen, (row_id, digest) in enumerate(hashes, start=1):
            pace.step(seen, report=False)  # the bar stays full: this pass is short
            if digest in wanted:
                where.setdefault(digest, row_id)
    for index, row in unsound:
        follows = where.get(row.prev_hash)
        if (
            follows is not None
            and follows != row.id - 1
            and _digest(row, id=follows + 1) == (row.row_hash)
        ):
            problems[index] = moved(row.id, follows)
