"""The lockout history of a range of office days, to CSV: locks, expiries, early unlocks."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actor import StaffIdentity, TerminalUser
from desk_app.services.errors import BadInput, Locked, PermissionDenied, Refused
from desk_app.services.exports.lockout_history import COLUMNS
from tests.support.accounts import ID, WRONG, AccountKit, register
from tests.support.factories import add_staff, make_candidate

DAY = date(2026, 11, 21)  # the test clock starts at 10:00 in Hong Kong on this day
OTHER = "AB100001"


def lock(kit: AccountKit, id_number: str = ID, source: str = "198.51.100.7") -> None:
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            kit.accounts.login(id_number, WRONG, source=source)


@pytest.fixture
def supervisor(kit: AccountKit) -> StaffIdentity:
    """A day of lockouts: SMR123456 locked, expired, locked again and unlocked by sup.lee;
    the next day AB100001 locked, and its lock run out but not yet recorded."""
    staff = add_staff(kit.services, "supervisor", "sup.lee")
    make_candidate(kit.services)
    make_candidate(kit.services, OTHER, name_en="=WONG Siu Ming", name_zh=None, email="o@x.org")
    register(kit)
    register(kit, id_number=OTHER, email="o@x.org")
    lock(kit)
    kit.clock.advance(minutes=31)
    lock(kit)
    kit.clock.advance(minutes=5)
    kit.desk.unlock(staff, ID, reason="caller proved identity", override_reason="on hold")
    kit.clock.advance(days=1)
    lock(kit, OTHER, source="203.0.113.5")
    kit.clock.advance(minutes=40)
    return staff


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert (
        raw.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in raw
        and b"\n" not in raw.replace(b"\r\n", b"")
    )
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_a_day_of_locks_expiries_and_unlocks(
    kit: AccountKit, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    target = tmp_path / "lockouts.csv"
    report = kit.services.lockout_history.export(supervisor, target, first_day=DAY, last_day=DAY)
    rows = _rows(target)
    assert report.rows == len(rows) == 4
    assert [(r["at"], r["event"], r["lock"]) for r in rows] == [
        ("2026-11-21T10:00:00+08:00", "locked", "password"),
        ("2026-11-21T10:30:00+08:00", "expired", "password"),
        ("2026-11-21T10:31:00+08:00", "locked", "password"),
        ("2026-11-21T10:36:00+08:00", "unlocked", "password"),
    ]
    first, _, _, unlocked = rows
    assert first["id_number"] == ID and first["name_zh"] == "陳大文" and first["centre"] == "TW056"
    assert (first["source"], first["failed_attempts"]) == ("198.51.100.7", "3")
    assert first["locked_until"] == "2026-11-21T10:30:00+08:00" and first["staff"] == ""
    assert (unlocked["staff"], unlocked["reason"], unlocked["via"]) == (
        "sup.lee", "caller proved identity", "desk",
    )  # fmt: skip
    assert unlocked["locked_until"] == "2026-11-21T11:01:00+08:00"


def test_two_days_and_an_expiry_due_but_not_yet_recorded(
    kit: AccountKit, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    target = tmp_path / "two-days.csv"
    kit.services.lockout_history.export(
        supervisor, target, first_day=DAY, last_day=date(2026, 11, 22)
    )
    rows = _rows(target)
    later = [(r["at"], r["event"], r["id_number"], r["source"]) for r in rows[4:]]
    assert later == [
        ("2026-11-22T10:36:00+08:00", "locked", OTHER, "203.0.113.5"),
        ("2026-11-22T11:06:00+08:00", "expired", OTHER, ""),  # settled by the export
    ]
    assert rows[4]["name_en"] == "'=WONG Siu Ming"  # never a formula in a spreadsheet
    with kit.services.db.read() as session:
        detail = session.scalar(
            select(AuditEvent.detail).where(AuditEvent.action == "lockouts_exported")
        )
    assert detail is not None
    assert json.loads(detail) == {
        "file": "two-days.csv", "from": "2026-11-21", "to": "2026-11-22", "rows": 6,
        "sha256": json.loads(detail)["sha256"],
    }  # fmt: skip


def test_a_day_without_lockouts_gives_the_header(
    kit: AccountKit, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    target = tmp_path / "quiet.csv"
    report = kit.services.lockout_history.export(
        supervisor, target, first_day=date(2026, 11, 20), last_day=date(2026, 11, 20)
    )
    assert report.rows == 0 and _rows(target) == []
    with pytest.raises(BadInput) as reversed_days:
        kit.services.lockout_history.export(
            supervisor, target, first_day=DAY, last_day=date(2026, 11, 20)
        )
    assert reversed_days.value.code == "export_days_reversed"


@pytest.mark.parametrize("who", ["operator", "counter", "terminal"])
def test_only_the_roles_that_watch_lockouts_export_them(
    kit: AccountKit, who: str, tmp_path: Path
) -> None:
    caller = TerminalUser("root") if who == "terminal" else add_staff(kit.services, who)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PermissionDenied):
        kit.services.lockout_history.export(caller, out / "x.csv", first_day=DAY, last_day=DAY)
    assert list(out.iterdir()) == []
    admin = add_staff(kit.services, "admin")
    kit.services.lockout_history.export(admin, out / "x.csv", first_day=DAY, last_day=DAY)
    assert (out / "x.csv").exists()
