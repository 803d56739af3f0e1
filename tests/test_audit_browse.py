"""The supervisor's audit view, in the services: filters, keyset pages, the CSV, the check."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from desk_app.services.actor import SYSTEM, WEBSITE, AuditActor, StaffIdentity
from desk_app.services.audit import trail as audit
from desk_app.services.audit.browse import AuditFilter, AuditPage
from desk_app.services.audit.chain_file import FILE_FIELDS
from desk_app.services.audit.verify import AuditCheckStopped
from desk_app.services.errors import BadInput, NotFound, PermissionDenied
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import add_staff, make_candidate


def _day_events(services: Services, supervisor: StaffIdentity) -> dict[str, int]:
    """Three days of events: the website, a supervisor and the system, two candidates."""
    clock = services.clock
    assert isinstance(clock, ManualClock)
    first = make_candidate(services)
    second = make_candidate(services, "AB1234", name_en="LEE Siu Ming", name_zh="李小明")
    me = AuditActor(supervisor.username, supervisor.id)
    for day in range(3):
        for hour in range(4):
            with services.db.write() as session:
                audit.record(
                    session, clock, WEBSITE, "account_locked", candidate_id=first,
                    subject="SMR123456",
                    detail={"until": clock.now().isoformat(), "failed_attempts": 3},
                )  # fmt: skip
                audit.record(
                    session, clock, me, "account_unlocked", candidate_id=second,
                    subject="AB1234", reason=f"day {day} hour {hour}",
                )  # fmt: skip
                audit.record(session, clock, SYSTEM, "results_released", detail={"entries": 1})
            clock.advance(hours=1)
        clock.advance(hours=20)
    return {"SMR123456": first, "AB1234": second}


@pytest.fixture
def supervisor(services: Services) -> StaffIdentity:
    return add_staff(services, "supervisor", "sup.wong")


def _all_pages(
    services: Services, staff: StaffIdentity, filters: AuditFilter, size: int = 7
) -> list[int]:
    browse = services.audit_browse
    page = browse.page(staff, filters, size=size)
    ids = [r.id for r in page.records]
    assert not page.has_newer
    while page.has_older:
        page = browse.page(staff, filters, before=page.records[-1].id, size=size)
        assert page.has_newer
        ids += [r.id for r in page.records]
    return ids


def test_pages_walk_the_whole_trail_newest_first_without_repeats(
    services: Services, supervisor: StaffIdentity
) -> None:
    _day_events(services, supervisor)
    ids = _all_pages(services, supervisor, AuditFilter())
    assert ids == sorted(ids, reverse=True)
    assert len(ids) == len(set(ids)) == 36 + 3  # 3 events × 12 + the staff added, signed in
    assert ids[0] == max(ids) and ids[-1] == 1


def test_going_back_to_newer_pages_gives_the_same_pages(
    services: Services, supervisor: StaffIdentity
) -> None:
    _day_events(services, supervisor)
    browse, everything = services.audit_browse, AuditFilter(action="account_unlocked")
    first = browse.page(supervisor, everything, size=5)
    second = browse.page(supervisor, everything, before=first.records[-1].id, size=5)
    back = browse.page(supervisor, everything, after=second.records[0].id, size=5)
    assert back == first
    assert not back.has_newer and back.has_older


@pytest.mark.parametrize(
    ("filters", "count", "actions"),
    [
        (AuditFilter(actor="website"), 12, {"account_locked"}),
        (AuditFilter(actor="sup.wong"), 13, {"account_unlocked", "staff_login"}),
        (AuditFilter(action="results_released"), 12, {"results_released"}),
        (AuditFilter(id_number="ab 1234"), 12, {"account_unlocked"}),
        (AuditFilter(actor="sup.wong", id_number="SMR123456"), 0, set()),
        (AuditFilter(actor="website", action="account_unlocked"), 0, set()),
    ],
)
def test_each_filter_and_their_combinations(
    services: Services,
    supervisor: StaffIdentity,
    filters: AuditFilter,
    count: int,
    actions: set[str],
) -> None:
    _day_events(services, supervisor)
    page = services.audit_browse.page(supervisor, filters, size=100)
    assert len(page.records) == count
    assert {r.action for r in page.records} == actions


def test_the_period_is_from_its_start_to_before_its_end(
    services: Services, supervisor: StaffIdentity
) -> None:
    clock = services.clock
    assert isinstance(clock, ManualClock)
    start = clock.now()
    _day_events(services, supervisor)
    second_day = AuditFilter(since=start + timedelta(hours=24), until=start + timedelta(hours=48))
    page = services.audit_browse.page(supervisor, second_day)
    assert len(page.records) == 12
    assert {r.reason for r in page.records if r.reason} == {f"day 1 hour {h}" for h in range(4)}
    narrow = AuditFilter(
        action="account_locked",
        since=start + timedelta(hours=25),
        until=start + timedelta(hours=27),
    )
    assert len(services.audit_browse.page(supervisor, narrow).records) == 2


def test_entries_carry_the_candidates_id_number_and_their_details(
    services: Services, supervisor: StaffIdentity
) -> None:
    _day_events(services, supervisor)
    (newest,) = services.audit_browse.page(supervisor, AuditFilter(actor="website"), size=1).records
    assert newest.id_number == "SMR123456"
    assert newest.detail["failed_attempts"] == 3


def test_bad_filters_are_said_plainly(services: Services, supervisor: StaffIdentity) -> None:
    browse, clock = services.audit_browse, services.clock
    with pytest.raises(NotFound) as missing:
        browse.page(supervisor, AuditFilter(id_number="ZZ999999"))
    assert missing.value.code == "candidate_not_found"
    with pytest.raises(BadInput) as reversed_dates:
        browse.page(supervisor, AuditFilter(since=clock.now(), until=clock.now()))
    assert reversed_dates.value.code == "audit_dates_reversed"
    with pytest.raises(BadInput) as bad_action:
        browse.page(supervisor, AuditFilter(action="DROP TABLE"))
    assert bad_action.value.code == "audit_action_unknown"


@pytest.mark.parametrize("role", ["operator", "counter"])
def test_only_audit_roles_browse_or_export(services: Services, role: str, tmp_path: Path) -> None:
    someone = add_staff(services, role)
    target = tmp_path / "audit.csv"
    for attempt in (
        lambda: services.audit_browse.page(someone, AuditFilter()),
        lambda: services.audit_browse.actors(someone),
        lambda: services.audit_browse.verify(someone),
        lambda: services.audit_export.export_view(someone, AuditFilter(), target),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert not target.exists()


def test_the_filter_offers_every_staff_member_and_the_other_actors(
    services: Services, supervisor: StaffIdentity
) -> None:
    add_staff(services, "operator", "op.chan")
    names = [choice.name for choice in services.audit_browse.actors(supervisor)]
    assert names[-3:] == ["website", "system", "verification"]
    assert {"first.admin", "op.chan", "sup.wong"} <= set(names[:-3])


def test_the_filtered_csv_is_oldest_first_readable_and_audited(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    _day_events(services, supervisor)
    with services.db.write() as session:  # a reason that a spreadsheet would run as a formula
        audit.record(
            session, services.clock, AuditActor(supervisor.username, supervisor.id),
            "account_unlocked", subject="AB1234", reason="=HYPERLINK(\"http://x\")",
        )  # fmt: skip
    target = tmp_path / "unlocks.csv"
    done = services.audit_export.export_view(
        supervisor, AuditFilter(action="account_unlocked"), target
    )
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == [*FILE_FIELDS, "id_number", "description"]  # the audit log's CSV
    assert done.rows == len(rows) == 13
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)
    assert rows[0]["description"] == "Unlocked the account of AB1234 early"
    assert rows[0]["at"].endswith("+08:00")  # the office's time zone
    assert rows[-1]["reason"].startswith("'=")
    recorded = services.audit_browse.page(supervisor, AuditFilter(action="audit_exported"))
    (entry,) = recorded.records
    assert entry.detail == {
        "file": "unlocks.csv", "rows": 13, "format": "csv",
        "filter": {"action": "account_unlocked"}, "sha256": done.sha256,
    }  # fmt: skip
    assert hashlib.sha256(raw).hexdigest() == done.sha256
    assert services.audit.verify().ok


def test_the_csv_takes_the_windows_sentences(
    services: Services, supervisor: StaffIdentity, tmp_path: Path
) -> None:
    _day_events(services, supervisor)
    target = tmp_path / "mine.csv"
    services.audit_export.export_view(
        supervisor, AuditFilter(actor="website"), target, describe_as=lambda r: f"#{r.id}"
    )
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [r["description"] for r in rows] == [f"#{r['id']}" for r in rows]
    assert json.loads(rows[0]["detail"])["failed_attempts"] == 3


def test_the_check_reports_progress_and_stops_when_asked(
    services: Services, supervisor: StaffIdentity, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desk_app.services.audit.verify.STEP", 5)
    _day_events(services, supervisor)
    seen: list[tuple[int, int]] = []
    report = services.audit_browse.verify(
        supervisor, progress=lambda done, total: seen.append((done, total))
    )
    assert report.ok and report.checked == 39
    assert seen[-1] == (39, 39)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    with pytest.raises(AuditCheckStopped) as stopped:
        services.audit.verify(should_stop=lambda: len(seen) > 3, progress=lambda *_: None)
    assert stopped.value.code == "audit_check_stopped"


def test_an_empty_page_says_there_is_nothing_either_way(
    services: Services, supervisor: StaffIdentity
) -> None:
    page = services.audit_browse.page(supervisor, AuditFilter(actor="nobody"))
    assert page == AuditPage((), False, False)


def test_the_view_is_in_time_order_when_a_desks_clock_was_behind(
    services: Services, supervisor: StaffIdentity
) -> None:
    """The chain's order is the id; the view's is the time (a slow clock wrote later)."""
    clock = services.clock
    assert isinstance(clock, ManualClock)
    start = clock.now()
    for minutes in (10, 20, 5, 30, 15, 15, 1):  # a desk whose clock is behind writes in between
        clock.set(start + timedelta(minutes=minutes))
        with services.db.write() as session:
            audit.record(session, clock, SYSTEM, "results_released", detail={"at": minutes})
    everything = AuditFilter(action="results_released")
    ids = _all_pages(services, supervisor, everything, size=2)
    assert len(ids) == len(set(ids)) == 7
    page = services.audit_browse.page(supervisor, everything, size=7)
    assert [r.detail["at"] for r in page.records] == [30, 20, 15, 15, 10, 5, 1]
    tied = [r.id for r in page.records if r.detail["at"] == 15]
    assert tied == sorted(tied, reverse=True)  # the id breaks the tie
    since = AuditFilter(action="results_released", since=start + timedelta(minutes=6))
    assert len(services.audit_browse.page(supervisor, since).records) == 5
