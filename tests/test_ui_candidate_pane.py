"""CandidatePane on the real services: what a desk sees of the candidate on the call.

A candidate is loaded (and the look audited) once the selection rests on it,
not on every move; the pane shows details, results (or when they will be
released), the account, letters, the lock timeline and the call notes; the
lock counts down and, when it runs out, the candidate is loaded again; the
header says PASS or FAIL for this desk's verification.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.actions.verification import VerificationResult
from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.desk_view import CandidateView, CandidateViewService
from desk_app.services.errors import Locked, Refused
from desk_app.services.registry import Services
from desk_app.services.search.service import CandidateRow, SearchService
from desk_app.ui.actions.call_state import CallVerifications
from desk_app.ui.candidate.loader import CandidateLoader
from desk_app.ui.candidate.notes_box import NotesSection
from desk_app.ui.candidate.pane import CandidatePane
from desk_app.ui.candidate.timeline_model import TimelineModel
from tests.support.clock import ManualClock
from tests.support.desk_window import (
    ID,
    LOAD_TIMEOUT,
    SOURCE,
    loaded,
    lock,
    register,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate

pytestmark = [
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("workers_done"),
]
OTHER = "KT0045821"


class CountingCandidates:
    """The real candidate view service, noting whom it was asked to open."""

    def __init__(self, inner: CandidateViewService) -> None:
        self.inner = inner
        self.shown: list[str] = []

    def open(self, caller: StaffIdentity, id_number: str) -> CandidateView:
        self.shown.append(id_number)
        return self.inner.open(caller, id_number)


@pytest.fixture
def staff(services: Services) -> StaffIdentity:
    make_candidate(services)
    make_candidate(services, OTHER, name_en="LEE Ka Yan", name_zh=None, released=False)
    register(services)
    lock(services)
    return add_staff(services, "operator", "op.wong")


@pytest.fixture
def counting(services: Services) -> CountingCandidates:
    return CountingCandidates(services.candidate_views)


@pytest.fixture
def verifications(services: Services) -> CallVerifications:
    return CallVerifications(services.clock.now)


@pytest.fixture
def pane(
    qtbot: QtBot,
    services: Services,
    staff: StaffIdentity,
    counting: CountingCandidates,
    verifications: CallVerifications,
) -> CandidatePane:
    now, timezone = services.clock.now, services.settings.office.timezone
    loader = CandidateLoader(counting, staff)  # type: ignore[arg-type]
    notes = NotesSection(services.notes, staff, now, lambda: "en", timezone, can_add=True)
    pane = CandidatePane(loader, notes, verifications, now, lambda: "en", timezone, can_verify=True)
    qtbot.addWidget(pane)
    pane.resize(560, 720)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def row(services: Services, staff: StaffIdentity, id_number: str) -> CandidateRow:
    search = SearchService(services.db, services.settings, services.clock)
    return search.search(staff, id_number).items[0]


def open_row(qtbot: QtBot, pane: CandidatePane, candidate: CandidateRow) -> None:
    with qtbot.waitSignal(
        pane.snapshotChanged, check_params_cb=loaded(candidate.id_number), timeout=LOAD_TIMEOUT
    ):
        pane.open_candidate(candidate)


def test_the_candidate_is_loaded_once_the_selection_rests(
    qtbot: QtBot,
    services: Services,
    staff: StaffIdentity,
    pane: CandidatePane,
    counting: CountingCandidates,
    clock: ManualClock,
) -> None:
    first, second = row(services, staff, ID), row(services, staff, OTHER)
    pane.set_candidate(first)
    assert pane.header.name_en.text() == "CHAN Tai Man"  # at once, from the search row
    assert pane.status.text() == "Loading the candidate…"
    pane.set_candidate(second)
    with qtbot.waitSignal(
        pane.snapshotChanged, check_params_cb=loaded(first.id_number), timeout=LOAD_TIMEOUT
    ):
        pane.set_candidate(first)
        pane.set_candidate(first)  # the same again: nothing more
    assert counting.shown == [ID]  # one audited look, for where the selection rested
    pane.open_candidate(first)  # Enter on what was just shown: no second look
    assert counting.shown == [ID]
    clock.advance(seconds=31)
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT):
        pane.open_candidate(first)  # ... but a while later, Enter shows it as it is now
    assert counting.shown == [ID, ID]
    pane.set_candidate(None)
    assert pane.snapshot is None
    assert "Select a candidate" in pane.placeholder.text()


def test_the_pane_says_once_that_it_shows_no_one(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane
) -> None:
    assert not pane.tabs.isEnabled()  # nothing loaded yet
    open_row(qtbot, pane, row(services, staff, ID))
    assert pane.tabs.isEnabled()
    told: list[object] = []
    pane.snapshotChanged.connect(told.append)
    pane.set_candidate(None)  # a new search lets go of the candidate ...
    pane.set_candidate(None)  # ... and finds no one: the followers know already
    assert told == [None] and pane.snapshot is None and not pane.tabs.isEnabled()


def test_details_results_account_letters_and_timeline(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane
) -> None:
    open_row(qtbot, pane, row(services, staff, ID))
    header, values = pane.header, pane.tabs.overview.values
    assert (header.name_en.text(), header.name_zh.text()) == ("CHAN Tai Man", "陳大文")
    # the date of birth is not shown before the caller passed (test_ui_window_truth.py)
    assert header.facts.text() == "SMR123456 · born ••/••/•••• · centre TW056"
    assert values["registered"].text() == "Registered on 21 Nov 2026"
    assert values["account_email"].text() == "taiman.chan@example.com"
    assert values["failed"].text() == "3"
    entry = pane.tabs.results.topLevelItem(0)
    assert entry.text(0) == "A2 Key for Schools (KET for Schools) — July 2014"
    lines = [(entry.child(i).text(0), entry.child(i).text(1)) for i in range(entry.childCount())]
    assert lines == [
        ("Overall result", "PASS WITH MERIT · CEFR A2 · 145"),
        ("Reading", "148"),
        ("Writing", "141"),
        ("Listening", "146"),
        ("Speaking", "145"),
        ("Released on", "11 Nov 2026"),
        ("Certificates", "9 Dec 2026 – 6 Jan 2027"),
        ("Results email", "not sent"),  # the release job has not run
    ]
    assert pane.selected_entry() is not None and pane.selected_entry().exam_code == "KETFS"
    letter = pane.tabs.letters.topLevelItem(0)
    assert (letter.text(0), letter.text(4)) == ("0", "exam day")
    assert pane.tabs.tabText(1) == "&Timeline (6)"
    timeline = pane.tabs.timeline.model()
    lines = [
        [timeline.index(r, c).data() for c in range(timeline.columnCount())]
        for r in range(timeline.rowCount())
    ]
    assert lines[:4] == [
        ["21 Nov 10:00", "Locked after 3 wrong passwords", SOURCE],
        ["21 Nov 10:00", "Wrong password (attempt 3)", SOURCE],
        ["21 Nov 10:00", "Wrong password (attempt 2)", SOURCE],
        ["21 Nov 10:00", "Wrong password (attempt 1)", SOURCE],
    ]
    assert lines[-1][1] == "Exam-day letter L00000001-0"


def test_results_not_released_say_when(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane
) -> None:
    open_row(qtbot, pane, row(services, staff, OTHER))
    entry = pane.tabs.results.topLevelItem(0)
    lines = [(entry.child(i).text(0), entry.child(i).text(1)) for i in range(entry.childCount())]
    assert lines == [
        ("Result not released yet (release 1 Dec 2026)", ""),
        ("Certificates", "29 Dec 2026 – 26 Jan 2027"),
        ("Results email", "at release, if registered"),
    ]
    assert pane.tabs.overview.values["registered"].text() == "Not registered"
    assert not pane.tabs.overview.values["failed"].isVisible()
    assert not pane.header.badge.isVisible()
    assert not pane.header.name_zh.isVisible()


def test_the_lock_counts_down_and_its_end_reloads_the_candidate(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane, clock
) -> None:
    open_row(qtbot, pane, row(services, staff, ID))
    assert pane.header.badge.text() == "Locked until 10:30"
    assert pane.header.countdown.text() == "Unlocks by itself in 30 minutes (30:00)"
    clock.advance(minutes=12, seconds=30)
    qtbot.waitUntil(lambda: "(17:30)" in pane.header.countdown.text())
    assert "18 minutes" in pane.header.countdown.text()
    clock.advance(minutes=18)
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(ID), timeout=5_000):
        pass  # the next tick sees the lock over and loads the candidate again
    assert not pane.header.badge.isVisible()
    assert pane.tabs.timeline.model().index(0, 1).data() == "Lock ended by itself"


def test_a_release_moment_passing_on_screen_shows_the_result_and_the_email(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane, clock
) -> None:
    open_row(qtbot, pane, row(services, staff, OTHER))
    assert pane.snapshot is not None and pane.snapshot.detail.entries[0].result is None
    clock.advance(days=10)  # the release moment passes while the candidate is on screen
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(OTHER), timeout=5_000):
        pass  # the next tick sees the moment passed and loads the candidate again
    entry = pane.tabs.results.topLevelItem(0)
    assert entry.child(0).text(1) == "PASS WITH MERIT · CEFR A2 · 145"
    services.release.run_due()
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(OTHER), timeout=5_000):
        pane.reload()
    entry = pane.tabs.results.topLevelItem(0)
    email = entry.child(entry.childCount() - 1)
    assert (email.text(0), email.text(1)) == ("Results email", "none (not registered)")
    assert "not registered when the results came out" in email.toolTip(1)


def test_a_secret_number_lock_shows_as_a_lock(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane, clock: ManualClock
) -> None:
    for attempt in range(3):  # three wrong Secret Numbers on the registration page
        with pytest.raises(Locked if attempt == 2 else Refused):
            services.accounts.register(
                OTHER, "0000", "ky@example.com", "Abcde123", accept_terms=True
            )
    open_row(qtbot, pane, row(services, staff, OTHER))
    assert pane.snapshot is not None
    assert pane.snapshot.detail.account.secret_locked_until == clock.now() + timedelta(minutes=30)
    assert pane.header.badge.text() == "Locked until 10:30"
    clock.advance(minutes=30)
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(OTHER), timeout=5_000):
        pass  # the lock ran out on screen: loaded again
    assert not pane.header.badge.isVisible()
    assert pane.snapshot.detail.account.secret_locked_until is None


def test_the_header_shows_this_desks_verification(
    qtbot: QtBot,
    services: Services,
    staff: StaffIdentity,
    pane: CandidatePane,
    verifications: CallVerifications,
    clock: ManualClock,
) -> None:
    open_row(qtbot, pane, row(services, staff, ID))
    assert pane.header.verification.text() == "Caller not verified (F2)"
    candidate_id = pane.snapshot.candidate_id
    now = clock.now()
    passed = VerificationResult(True, 1, now + timedelta(minutes=15), "caller", 0, False)
    verifications.record(candidate_id, passed)
    assert pane.header.verification.text() == "PASS · Verified by you until 10:15 (15:00 left)"
    failed = replace(passed, passed=False, expires_at=now, recent_failures=3, flagged=True)
    verifications.record(candidate_id, failed)
    assert pane.header.verification.text() == "FAIL: the caller's details did not match"
    assert pane.header.flag.isVisible()
    assert pane.header.flag.text() == "Flagged: repeated failures"


def test_a_pass_made_before_the_desk_started_is_shown(
    qtbot: QtBot,
    services: Services,
    staff: StaffIdentity,
    pane: CandidatePane,
    verifications: CallVerifications,
    clock: ManualClock,
) -> None:
    passed = services.verification.verify_caller(
        staff, ID, name="Chan Tai Man", date_of_birth="2001-05-17", phone="91234567"
    )
    clock.advance(minutes=5)
    open_row(qtbot, pane, row(services, staff, ID))
    assert pane.snapshot is not None and pane.snapshot.verification == passed
    assert verifications.result(pane.snapshot.candidate_id) == passed
    assert pane.header.verification.text() == "PASS · Verified by you until 10:15 (10:00 left)"
    clock.advance(minutes=10)
    qtbot.waitUntil(lambda: pane.header.verification.text() == "Verification ran out: verify again")
    clock.advance(seconds=31)
    with qtbot.waitSignal(pane.snapshotChanged, check_params_cb=loaded(ID), timeout=LOAD_TIMEOUT):
        pane.open_candidate(row(services, staff, ID))
    assert pane.snapshot.verification is None  # nothing open: what the desk knew stays
    assert pane.header.verification.text() == "Verification ran out: verify again"


def test_a_late_answer_does_not_undo_a_newer_result(
    services: Services, staff: StaffIdentity, verifications: CallVerifications
) -> None:
    passed = services.verification.verify_caller(
        staff, ID, name="Chan Tai Man", date_of_birth="2001-05-17", phone="91234567"
    )
    failed = services.verification.verify_caller(
        staff, ID, name="Chan Tai Man", date_of_birth="2001-05-17", phone="00000000"
    )
    candidate_id = services.candidates.show(staff, ID).candidate_id
    changes: list[int] = []
    verifications.changed.connect(changes.append)
    verifications.record(candidate_id, failed)  # made at this desk while a load was running
    verifications.restore(candidate_id, passed)  # ... which then answers with the older pass
    assert verifications.result(candidate_id) == failed
    assert verifications.open_until(candidate_id) is None
    verifications.restore(candidate_id, failed)  # the same one again: nothing changes
    assert changes == [candidate_id]


def test_a_call_note_is_saved_with_ctrl_enter(
    qtbot: QtBot, services: Services, staff: StaffIdentity, pane: CandidatePane
) -> None:
    open_row(qtbot, pane, row(services, staff, ID))
    pane.focus_notes()
    notes = pane.notes
    assert notes.list.item(0).text() == "No call notes yet."
    assert not notes.add_button.isEnabled()
    qtbot.keyClicks(notes.box, "Locked out; verified; unlocked.")
    with qtbot.waitSignal(notes.noteAdded, timeout=5_000):
        qtbot.keyClick(notes.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert notes.box.toPlainText() == ""
    assert (
        notes.list.item(0).text()
        == "21 Nov 10:00 · op.wong · Phone\nLocked out; verified; unlocked."
    )
    assert [n.text for n in services.notes.list(staff, ID)] == ["Locked out; verified; unlocked."]


def test_the_timeline_model_passes_the_model_tester(
    qtbot: QtBot, services: Services, staff: StaffIdentity, qtmodeltester
) -> None:
    model = TimelineModel(services.clock.now, lambda: "en", services.settings.office.timezone)
    model.set_events(services.lockouts.timeline(staff, ID))
    qtmodeltester.check(model)
    assert model.rowCount() == 6
