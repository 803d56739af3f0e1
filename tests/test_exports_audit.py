"""The audit trail exported: CSV for people, JSON lines that verify alone; roles; audited; stop."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actor import SYSTEM, StaffIdentity, TerminalUser
from desk_app.services.audit import trail as audit
from desk_app.services.audit.batch import PendingEntry, record_many
from desk_app.services.audit.chain_file import FILE_FIELDS, verify_file
from desk_app.services.errors import BadInput, PermissionDenied
from desk_app.services.exports.files import Days, ExportCancelled
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_staff

#: 2026-11-20 23:30 in Hong Kong is 15:30 UTC; each event an hour after the one before
START = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


def _append(services: Services, count: int, **fields: object) -> None:
    clock = services.clock
    assert isinstance(clock, ManualClock)
    for n in range(count):
        with services.db.write() as session:
            audit.record(
                session, clock, SYSTEM, "test_event", subject=f"S{n}",
                detail={"n": n, "名": "陳"}, **fields,  # type: ignore[arg-type]
            )  # fmt: skip
        clock.advance(hours=1)


@pytest.fixture
def supervisor(services: Services, clock: ManualClock) -> StaffIdentity:
    clock.set(START)
    staff = add_staff(services, "supervisor", "sup.lee")  # 3 events: admin, supervisor, login
    clock.advance(hours=1)
    return staff


def _exported(services: Services) -> list[dict[str, object]]:
    with services.db.read() as session:
        rows = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "audit_exported")
        )
        return [json.loads(text) for text in rows]


def test_the_csv_is_for_excel_with_office_times(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    _append(services, 2, reason='=HYPERLINK("http://evil")')
    target = tmp_path / "audit.csv"
    report = services.audit_export.export(supervisor, target)
    assert (report.format, report.rows, report.first_id, report.last_id) == ("csv", 5, 1, 5)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == 6
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == FILE_FIELDS
    assert [r["id"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[0]["at"] == "2026-11-20T23:30:00+08:00"  # the office's time, with its offset
    assert rows[3]["action"] == "test_event" and '"名":"陳"' in rows[3]["detail"]
    assert rows[3]["reason"] == '\'=HYPERLINK("http://evil")'  # never a formula
    assert rows[1]["prev_hash"] == rows[0]["row_hash"]
    assert _exported(services) == [
        {"file": "audit.csv", "format": "csv", "from": None, "to": None, "rows": 5,
         "first_id": 1, "last_id": 5, "sha256": report.sha256},
    ]  # fmt: skip


def test_json_lines_hold_exactly_what_the_hash_covers(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    _append(services, 3)
    target = tmp_path / "audit.jsonl"
    report = services.audit_export.export(supervisor, target)
    assert report.format == "jsonl" and report.rows == 6
    lines = target.read_text(encoding="utf-8").splitlines()
    events = [json.loads(line) for line in lines]
    assert all(tuple(event) == FILE_FIELDS for event in events)
    with services.db.read() as session:
        stored = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()[:6]
        for event, row in zip(events, stored, strict=True):
            digest = audit.row_digest(
                id=event["id"], at=datetime.fromisoformat(event["at"]), actor=event["actor"],
                staff_id=event["staff_id"], action=event["action"],
                candidate_id=event["candidate_id"], subject=event["subject"],
                reason=event["reason"], detail=event["detail"], prev_hash=event["prev_hash"],
            )  # fmt: skip
            assert digest == event["row_hash"] == row.row_hash
            assert event["detail"] == row.detail  # the stored text, not a re-encoding
    checked = verify_file(target)
    assert checked.ok and checked.checked == 6 and (checked.first_id, checked.last_id) == (1, 6)


def test_a_range_of_office_days_is_one_piece_of_the_chain(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    # events at 00:30, 01:30 … Hong Kong time on 21 November, then into the 22nd
    _append(services, 30)
    target = tmp_path / "day.jsonl"
    report = services.audit_export.export(
        supervisor, target, days=Days(date(2026, 11, 21), date(2026, 11, 21))
    )
    events = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert report.rows == len(events) == 24
    assert events[0]["at"] == "2026-11-20T16:30:00.000000+00:00"  # 00:30 in Hong Kong
    assert events[-1]["at"] == "2026-11-21T15:30:00.000000+00:00"  # 23:30 in Hong Kong
    assert events[0]["prev_hash"] != audit.GENESIS_HASH
    checked = verify_file(target)  # from its first line's previous hash
    assert checked.ok and (checked.first_id, checked.last_id) == (events[0]["id"], events[-1]["id"])
    assert _exported(services)[0]["from"] == "2026-11-21"


def test_an_empty_range_writes_the_header_only(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    target = tmp_path / "none.csv"
    report = services.audit_export.export(
        supervisor, target, days=Days(date(2020, 1, 1), date(2020, 1, 2))
    )
    assert report.rows == 0 and report.first_id is None
    assert target.read_text(encoding="utf-8-sig").splitlines() == [",".join(FILE_FIELDS)]


def test_the_format_comes_from_the_name_or_is_given(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    named = services.audit_export.export(supervisor, tmp_path / "a.NDJSON")
    assert named.format == "jsonl"
    given = services.audit_export.export(supervisor, tmp_path / "a.txt", format="csv")
    assert given.format == "csv"
    with pytest.raises(BadInput) as unknown:
        services.audit_export.export(supervisor, tmp_path / "a.pdf")
    assert unknown.value.code == "export_format_from_name"
    with pytest.raises(BadInput) as reversed_days:
        Days(date(2026, 2, 1), date(2026, 1, 1))
    assert reversed_days.value.code == "export_days_reversed"
    assert not (tmp_path / "a.pdf").exists()


@pytest.mark.parametrize("who", ["operator", "counter", "terminal"])
def test_only_supervisors_and_administrators_export(
    services: Services, who: str, tmp_path: Path
) -> None:
    caller = TerminalUser("root") if who == "terminal" else add_staff(services, who)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "audit.jsonl"
    with pytest.raises(PermissionDenied) as refused:
        services.audit_export.export(caller, target)
    assert refused.value.code == ("sign_in_required" if who == "terminal" else "permission_denied")
    assert list(out.iterdir()) == [] and _exported(services) == []
    admin = add_staff(services, "admin")
    assert services.audit_export.export(admin, target).rows > 0


def test_a_stop_leaves_no_file_and_no_entry(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    with services.db.write() as session:
        record_many(session, services.clock, SYSTEM, [PendingEntry("bulk")] * 2500)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "audit.csv"
    seen: list[tuple[int, int]] = []
    with pytest.raises(ExportCancelled):
        services.audit_export.export(
            supervisor, target, progress=lambda rows, total: seen.append((rows, total)),
            should_stop=lambda: len(seen) >= 1,
        )  # fmt: skip
    assert seen == [(1000, 2503)]
    assert list(out.iterdir()) == [] and _exported(services) == []
    assert services.audit.verify().ok
