"""``audit verify --file``: an exported JSON-lines file checked alone, every tampering named."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from desk_app.models import AuditEvent
from desk_app.services.actor import SYSTEM
from desk_app.services.audit import trail as audit
from desk_app.services.audit.chain_file import MAX_LISTED, event_line, verify_file, verify_lines
from desk_app.services.errors import BadInput
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_staff

Lines = list[str]
#: the file check needs no database: the tests that only make a file to tamper with use SQLite
ONE_DATABASE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _chain(services: Services, count: int = 9) -> None:
    clock = services.clock
    assert isinstance(clock, ManualClock)
    for n in range(count):
        with services.db.write() as session:
            audit.record(
                session, clock, SYSTEM, "test_event", subject=f"S{n}", reason=f"reason {n}",
                detail={"n": n, "名": "陳"},
            )  # fmt: skip
        clock.advance(minutes=1)


def _export(services: Services, folder: Path) -> Path:
    """The whole chain as JSON lines, exported by a supervisor added directly before."""
    target = folder / "audit.jsonl"
    supervisor = add_staff(services, "supervisor")
    services.audit_export.export(supervisor, target)
    return target


@pytest.fixture
def lines(services: Services, tmp_path: Path) -> Lines:
    """Nine events (rows 1–9), exported: the lines of the file, untouched."""
    _chain(services)
    text = _export(services, tmp_path).read_text(encoding="utf-8")
    return text.splitlines(keepends=True)[:9]


def _event(line: str) -> dict[str, object]:
    value = json.loads(line)
    assert isinstance(value, dict)
    return value


def _line(event: dict[str, object]) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"


def _found(lines: Lines) -> list[tuple[int | None, str, int | None]]:
    report = verify_lines(lines)
    return [(p.line, p.kind, p.row_id) for p in report.problems]


@ONE_DATABASE
def test_an_untouched_file_verifies(lines: Lines) -> None:
    report = verify_lines(lines)
    assert report.ok and report.checked == 9 and (report.first_id, report.last_id) == (1, 9)


@ONE_DATABASE
def test_a_range_verifies_from_its_first_line(lines: Lines) -> None:
    report = verify_lines(lines[3:7])
    assert report.ok and (report.first_id, report.last_id) == (4, 7)


@ONE_DATABASE
def test_windows_line_ends_and_a_byte_order_mark_change_nothing(lines: Lines) -> None:
    saved = ["\ufeff" + lines[0].replace("\n", "\r\n")] + [x.replace("\n", "\r\n") for x in lines]
    assert verify_lines(saved[:1] + saved[2:]).ok


def _edit(index: int, key: str, value: object) -> Callable[[Lines], Lines]:
    def edit(lines: Lines) -> Lines:
        event = _event(lines[index])
        event[key] = value
        return [*lines[:index], _line(event), *lines[index + 1 :]]

    return edit


def _forged_after(index: int, *, right_hash: bool) -> Callable[[Lines], Lines]:
    """A made-up event after ``lines[index]``, with the next row's id and a link to it."""

    def insert(lines: Lines) -> Lines:
        before = _event(lines[index])
        forged = {**before, "id": before["id"] + 1, "actor": "intruder",  # type: ignore[operator]
                  "prev_hash": before["row_hash"], "reason": "covering tracks"}  # fmt: skip
        content = {k: v for k, v in forged.items() if k not in ("prev_hash", "row_hash")}
        content["prev"] = forged["prev_hash"]
        forged["row_hash"] = audit.content_digest(content) if right_hash else "f" * 64
        return [*lines[: index + 1], _line(forged), *lines[index + 1 :]]

    return insert


TAMPERING: dict[str, tuple[Callable[[Lines], Lines], list[tuple[int | None, str, int | None]]]] = {
    "an edited reason": (_edit(3, "reason", "nothing to see"), [(4, "edited", 4)]),
    "an edited detail": (_edit(4, "detail", '{"n":99}'), [(5, "edited", 5)]),
    "an edited time": (_edit(2, "at", "2020-01-01T00:00:00.000000+00:00"), [(3, "edited", 3)]),
    "a renumbered row": (_edit(2, "id", 30), [(3, "edited", 30)]),
    "a field added": (_edit(6, "note", "x"), [(7, "edited", 7)]),
    "a deleted line": (lambda ls: ls[:4] + ls[5:], [(5, "deleted", 6)]),
    "deleted lines": (lambda ls: ls[:3] + ls[6:], [(4, "deleted", 7)]),
    "a forged line": (_forged_after(2, right_hash=False), [(4, "edited", 4)]),
    "a forged line with its hash": (_forged_after(2, right_hash=True), [(5, "inserted", 4)]),
    "a line twice": (lambda ls: ls[:4] + ls[3:], [(5, "inserted", 4)]),
    "two lines swapped": (lambda ls: [*ls[:3], ls[4], ls[3], *ls[5:]], [(5, "moved", 4)]),
    "a line moved to the end": (lambda ls: [ls[0], *ls[2:], ls[1]], [(9, "moved", 2)]),
    "not an event": (lambda ls: [*ls[:2], "hello\n", *ls[2:]], [(3, "unreadable", None)]),
}  # fmt: skip


@ONE_DATABASE
@pytest.mark.parametrize("how", list(TAMPERING))
def test_tampering_is_named_by_line(lines: Lines, how: str) -> None:
    tamper, expected = TAMPERING[how]
    report = verify_lines(tamper(lines))
    assert not report.ok
    assert [(p.line, p.kind, p.row_id) for p in report.problems] == expected
    assert all(p.message.startswith(f"line {p.line}: ") for p in report.problems)


def test_the_file_says_what_the_database_says(services: Services, tmp_path: Path) -> None:
    """The same tampering in the database and in its export: the same sentence, and the line."""
    _chain(services)
    with services.db.write() as session:
        session.execute(update(AuditEvent).where(AuditEvent.id == 4).values(reason="x"))
        session.execute(delete(AuditEvent).where(AuditEvent.id == 7))
    in_database = [p.message for p in services.audit.verify().problems]
    assert in_database == ["row 4 was edited", "row(s) 7 deleted before row 8"]
    in_file = [p.message for p in verify_file(_export(services, tmp_path)).problems]
    assert in_file == ["line 4: row 4 was edited", "line 7: row(s) 7 deleted before row 8"]


def test_a_reordered_file_and_a_reordered_database_both_say_moved(
    services: Services, tmp_path: Path
) -> None:
    _chain(services, 4)
    path = _export(services, tmp_path)
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([text[0], text[2], text[1], *text[3:]]), encoding="utf-8")
    assert [p.message for p in verify_file(path).problems] == [
        "line 3: row 2 was moved: it belongs after row 1"
    ]


def test_an_empty_file_has_no_events(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    report = verify_file(path)
    assert report.ok and report.checked == 0 and report.first_id is None


def test_a_file_that_is_not_text_or_not_there_is_bad_input(tmp_path: Path) -> None:
    big5 = tmp_path / "big5.jsonl"
    big5.write_bytes("陳大文".encode("big5"))
    with pytest.raises(BadInput) as not_text:
        verify_file(big5)
    assert not_text.value.code == "audit_file_not_text"
    for missing in (tmp_path / "missing.jsonl", tmp_path):
        with pytest.raises(BadInput) as unreadable:
            verify_file(missing)
        assert unreadable.value.code == "audit_file_unreadable"


def test_a_huge_line_is_no_event_and_memory_stays_small(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    path.write_text("x" * 3_000_001 + "\n" + "y\n", encoding="utf-8")
    report = verify_file(path)
    assert [(p.line, p.kind) for p in report.problems] == [(1, "unreadable"), (2, "unreadable")]


def _valid_lines(count: int) -> Lines:
    """A chain of ``count`` events made with the trail's own digest (no database)."""
    made, previous = [], audit.GENESIS_HASH
    at = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)
    for n in range(1, count + 1):
        fields = dict(id=n, at=at, actor="system", staff_id=None, action="x", candidate_id=None,
                      subject=None, reason=None, detail="{}", prev_hash=previous)  # fmt: skip
        digest = audit.row_digest(**fields)  # type: ignore[arg-type]
        made.append(event_line(**fields, row_hash=digest))  # type: ignore[arg-type]
        previous = digest
    return made


def test_a_ruined_file_lists_a_thousand_problems_and_counts_the_rest() -> None:
    report = verify_lines(["garbage\n"] * 2500)
    assert len(report.problems) == MAX_LISTED and report.unlisted == 1500 and not report.ok
    good = _valid_lines(6000)
    assert verify_lines(good).ok
    gaps = verify_lines(good[::2])  # every other row gone: 3,000 gaps
    assert gaps.checked == 3000 and len(gaps.problems) == MAX_LISTED
    assert gaps.unlisted == 3000 - 1 - MAX_LISTED
    assert {p.kind for p in gaps.problems} == {"deleted"}
