"""The audit chain as JSON lines, and the check of such a file on its own.

One event a line, oldest first, with exactly the values its hash covers
(:func:`trail.hashed_content`: the time as the hash reads it, ``detail`` as
the canonical JSON text the trail keeps) and then ``prev_hash`` and
``row_hash``. Nothing else: a reader needs no database and no knowledge of
ours beyond :data:`FILE_FIELDS` to recompute every hash.

:func:`verify_file` (``desk-app audit verify --file``) reads the file line
by line, never whole, recomputes each line's hash with the trail's own
:func:`trail.content_digest`, and follows the links and the row numbers. It
names each line that was edited, deleted, inserted or moved, in the
database check's words (``line 7: row 12 was edited``). A file may hold a
range of the chain: the check starts from its first line's previous hash.
So a cut at the very start or end of a file cannot be seen in the file
alone; the export's own audit entry (in the database) records its first
and last row, its line count and its SHA-256.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from desk_app.services.audit.trail import (
    AuditProblem,
    AuditReport,
    content_digest,
    deleted,
    edited,
    hashed_content,
    inserted,
    moved,
)
from desk_app.services.errors import BadInput

#: the keys of each line, in the order they are written
FILE_FIELDS = (
    "id", "at", "actor", "staff_id", "action", "candidate_id", "subject", "reason", "detail",
    "prev_hash", "row_hash",
)  # fmt: skip
#: a line longer than this is not an event the desk wrote (details are small)
MAX_LINE_CHARS = 1_000_000
#: at most this many problems are listed (the rest are counted), and as many gaps kept open
MAX_LISTED = 1000
_OPTIONAL_INT = ("staff_id", "candidate_id")
_OPTIONAL_TEXT = ("subject", "reason")
_TEXT = ("at", "actor", "action", "detail", "prev_hash", "row_hash")


def event_line(
    *,
    id: int,
    at: datetime,
    actor: str,
    staff_id: int | None,
    action: str,
    candidate_id: int | None,
    subject: str | None,
    reason: str | None,
    detail: str,
    prev_hash: str,
    row_hash: str,
) -> str:
    """One event as a line of the file (with its newline)."""
    content = hashed_content(
        id=id, at=at, actor=actor, staff_id=staff_id, action=action, candidate_id=candidate_id,
        subject=subject, reason=reason, detail=detail, prev_hash=prev_hash,
    )  # fmt: skip
    del content["prev"]
    content["prev_hash"] = prev_hash
    content["row_hash"] = row_hash
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass(frozen=True)
class FileReport(AuditReport):
    #: the rows the file holds, first and last line (None for a file without events)
    first_id: int | None = None
    last_id: int | None = None
    #: problems found beyond the :data:`MAX_LISTED` listed
    unlisted: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unlisted


def verify_file(path: str | Path) -> FileReport:
    """Check an exported file on its own; BadInput when it cannot be read as text."""
    shown = str(path)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return verify_lines(_lines(handle))
    except UnicodeDecodeError:
        raise BadInput("audit_file_not_text", name=shown) from None
    except OSError:
        raise BadInput("audit_file_unreadable", name=shown) from None


def _lines(handle: Any) -> Iterator[str]:
    """The file's lines, each at most :data:`MAX_LINE_CHARS` (the rest of a longer one dropped)."""
    while True:
        line = handle.readline(MAX_LINE_CHARS)
        if not line:
            return
        if len(line) == MAX_LINE_CHARS and not line.endswith("\n"):
            while True:  # a line too long to be an event: skip the rest of it
                rest = handle.readline(MAX_LINE_CHARS)
                if not rest or rest.endswith("\n"):
                    break
        yield line


def verify_lines(lines: Iterable[str]) -> FileReport:
    """Check the lines of an exported file, in the order they stand."""
    walk = _Walk()
    for number, line in enumerate(lines, start=1):
        text = line.lstrip("\ufeff") if number == 1 else line
        if text.strip():
            walk.take(number, text)
    return walk.report()


def _parsed(text: str) -> dict[str, Any] | int | None:
    """The line's fields; else its row id when it has one (an edited line), else None."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    row_id = value.get("id")
    if type(row_id) is not int:
        return None
    fits = (
        tuple(value) == FILE_FIELDS
        and all(isinstance(value[key], str) for key in _TEXT)
        and all(value[key] is None or type(value[key]) is int for key in _OPTIONAL_INT)
        and all(value[key] is None or isinstance(value[key], str) for key in _OPTIONAL_TEXT)
    )
    return value if fits else row_id


class _Walk:
    """Follows the lines; remembers only the highest row so far and the rows still missing.

    In a good file each line is the row after the highest so far and links
    to its hash. A row number that jumps ahead leaves a gap, reported as
    deleted at the end unless the missing rows turn up later, out of
    place: then each is reported as moved. A row that comes again is
    inserted. An edited line is reported once: its stored hash is not
    trusted for the next line's link, and a number that does not fit (it
    may be the edit) moves nothing. Memory stays small whatever the file:
    at most :data:`MAX_LISTED` problems and as many open gaps are kept.
    """

    def __init__(self) -> None:
        self.checked = 0
        self.first_id: int | None = None
        self.problems: list[AuditProblem] = []
        #: the highest row so far, its hash, and whether that line's own hash was right
        self.top: tuple[int, str, bool] | None = None
        #: rows missing so far: [first, last, the row they come before, its line]
        self.gaps: list[list[int]] = []
        #: after a line that could not be read, the next line is taken as it comes
        self.resync = False
        self.unlisted = 0

    def take(self, number: int, text: str) -> None:
        fields = _parsed(text)
        if fields is None:
            self._problem(number, AuditProblem(None, "unreadable", "not an audit event"))
            self.resync = True
            return
        self.checked += 1
        if isinstance(fields, int):  # a row, but not as exported: its fields were changed
            self._problem(number, edited(fields))
            self._place_edited(fields, "")
            return
        row_id, row_hash = fields["id"], fields["row_hash"]
        content = {key: fields[key] for key in FILE_FIELDS[:-2]}
        content["prev"] = fields["prev_hash"]
        if content_digest(content) != row_hash:
            self._problem(number, edited(row_id))
            self._place_edited(row_id, row_hash)
            return
        problem = self._place(number, row_id, row_hash, fields["prev_hash"])
        if problem is not None:
            self._problem(number, problem)

    def _place_edited(self, row_id: int, row_hash: str) -> None:
        if self.first_id is None:
            self.first_id = row_id
        top = self.top
        if top is None or row_id == top[0] + 1 or (self.resync and row_id > top[0]):
            self.top = (row_id, row_hash, False)
            self.resync = False
        else:  # the number itself may be what was edited: the next line is taken as it comes
            self.resync = True

    def _place(
        self, number: int, row_id: int, row_hash: str, prev_hash: str
    ) -> AuditProblem | None:
        """Put a line whose own hash is right in its place; what is wrong with the place."""
        if self.first_id is None:
            self.first_id = row_id
        resync, self.resync = self.resync, False
        top = self.top
        if top is None or (resync and row_id > top[0]):
            self.top = (row_id, row_hash, True)
            return None
        top_id, top_hash, trusted = top
        if row_id > top_id + 1:
            if len(self.gaps) >= MAX_LISTED:  # the oldest gap will not be filled now
                first, last, before, line = self.gaps.pop(0)
                self._problem(line, deleted(first, last, before))
            self.gaps.append([top_id + 1, row_id - 1, row_id, number])
            self.top = (row_id, row_hash, True)
            return None
        if row_id == top_id + 1:
            self.top = (row_id, row_hash, True)
            return inserted(row_id, top_id) if trusted and prev_hash != top_hash else None
        if self._fill(row_id):
            return moved(row_id, row_id - 1)
        if row_id == top_id:  # the next line links to this one
            self.top = (row_id, row_hash, True)
            if not trusted:  # the line before was an edited copy of this row
                return None
        return inserted(row_id, top_id)

    def _fill(self, row_id: int) -> bool:
        """Take ``row_id`` out of the gaps; False when it was not missing."""
        for index, (first, last, before, line) in enumerate(self.gaps):
            if first <= row_id <= last:
                parts = [[first, row_id - 1, before, line], [row_id + 1, last, before, line]]
                self.gaps[index : index + 1] = [p for p in parts if p[0] <= p[1]]
                return True
        return False

    def _problem(self, number: int, problem: AuditProblem) -> None:
        if len(self.problems) >= MAX_LISTED:
            self.unlisted += 1
            return
        self.problems.append(
            replace(problem, message=f"line {number}: {problem.message}", line=number)
        )

    def report(self) -> FileReport:
        for first, last, before, line in self.gaps:
            self._problem(line, deleted(first, last, before))
        problems = sorted(self.problems, key=lambda p: p.line or 0)
        last_id = self.top[0] if self.top is not None else None
        return FileReport(self.checked, tuple(problems), self.first_id, last_id, self.unlisted)
