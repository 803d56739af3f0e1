"""The supervisor's audit view in the window, on the real audit services.

A tab for the roles that may read the trail; filters by who, kind,
candidate and days; pages newest first (Newer, Older); each event in a
sentence; the chain verified with progress and Cancel; the filtered view
written to CSV. The table model passes ``qtmodeltester``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desk_app.services.actor import SYSTEM, WEBSITE, AuditActor, StaffIdentity
from desk_app.services.audit import trail as audit
from desk_app.services.audit import verify as verify_module
from desk_app.services.audit.batch import PendingEntry, record_many
from desk_app.services.audit.browse import AuditFilter, AuditPage
from desk_app.services.audit.verify import AuditCheckStopped
from desk_app.services.exports.files import ExportReport
from desk_app.services.registry import Services
from desk_app.ui.audit.details_dialog import AuditDetailsDialog
from desk_app.ui.audit.model import AuditColumn, AuditTableModel
from desk_app.ui.audit.view import AuditView
from desk_app.ui.common.i18n import Translations
from desk_app.ui.main_window import MainWindow
from tests.support.audit_guard import lift_audit_guard
from tests.support.clock import ManualClock
from tests.support.desk_window import (
    open_window,
    settle,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate

pytestmark = [
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("workers_done"),
]
TIMEOUT = 10_000


@pytest.fixture
def supervisor(services: Services) -> StaffIdentity:
    return add_staff(services, "supervisor", "sup.lee")


@pytest.fixture
def trail(services: Services, supervisor: StaffIdentity) -> None:
    """150 events over five days: the website locking, the supervisor unlocking."""
    clock = services.clock
    assert isinstance(clock, ManualClock)
    candidate = make_candidate(services)
    me = AuditActor(supervisor.username, supervisor.id)
    for n in range(75):
        with services.db.write() as session:
            audit.record(
                session, clock, WEBSITE, "account_locked", candidate_id=candidate,
                subject="SMR123456",
                detail={"until": clock.now().isoformat(), "failed_attempts": 3},
            )  # fmt: skip
            audit.record(
                session, clock, me, "account_unlocked", candidate_id=candidate,
                subject="SMR123456", reason=f"call {n}",
            )  # fmt: skip
        clock.advance(hours=1.6)


def _window(qtbot: QtBot, services: Services, staff: StaffIdentity) -> MainWindow:
    window = open_window(qtbot, services, staff)
    assert window.audit is not None
    window.tabs.setCurrentWidget(window.audit)
    return window


@pytest.fixture
def view(
    qtbot: QtBot, services: Services, supervisor: StaffIdentity, trail: None
) -> Iterator[AuditView]:
    window = _window(qtbot, services, supervisor)
    assert window.audit is not None
    qtbot.waitUntil(lambda: window.audit is not None and window.audit.model.rowCount() > 0)
    settle(qtbot)
    yield window.audit


def _shown(qtbot: QtBot, view: AuditView, act: object) -> AuditPage:
    with qtbot.waitSignal(view.pageShown, timeout=TIMEOUT) as shown:
        act()  # type: ignore[operator]
    page = shown.args[0]
    assert isinstance(page, AuditPage)
    return page


@pytest.mark.parametrize(("role", "has_tab"), [("operator", False), ("counter", False),
                                                ("supervisor", True), ("admin", True)])  # fmt: skip
def test_the_tab_is_there_for_the_roles_that_read_the_trail(
    qtbot: QtBot, services: Services, role: str, has_tab: bool
) -> None:
    window = open_window(qtbot, services, add_staff(services, role))
    assert (window.audit is not None) == has_tab
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert ("Audit &trail" in tabs) == has_tab


def test_the_newest_page_reads_as_sentences(view: AuditView) -> None:
    model = view.model
    assert model.rowCount() == 100
    texts = {model.index(0, c).data() for c in AuditColumn}
    assert "Unlocked the account of SMR123456 early" in texts
    assert "Early unlock" in texts and "call 74" in texts
    assert model.index(1, AuditColumn.WHO).data() == "Results website"
    assert "was locked after 3 wrong passwords" in model.index(1, AuditColumn.WHAT).data()
    assert view.older_button.isEnabled() and not view.newer_button.isEnabled()
    assert "newest first" in view.status.text()


def test_older_and_newer_pages_move_by_keyset(qtbot: QtBot, view: AuditView) -> None:
    first = view.model.rows()
    older = _shown(qtbot, view, view.older_button.click)
    assert len(older.records) == 53 and not older.has_older  # 150, two staff added, a sign-in
    assert older.records[0].id < first[-1].id
    assert view.newer_button.isEnabled() and not view.older_button.isEnabled()
    back = _shown(qtbot, view, view.newer_button.click)
    assert back.records == first


def test_filters_by_kind_candidate_who_and_days(
    qtbot: QtBot, view: AuditView, services: Services
) -> None:
    bar = view.filter_bar
    bar.kind.setCurrentIndex(bar.kind.findData("account_unlocked"))
    page = _shown(qtbot, view, bar.show_button.click)
    assert len(page.records) == 75 and {r.action for r in page.records} == {"account_unlocked"}
    bar.kind.setCurrentIndex(0)
    bar.who.setCurrentIndex(bar.who.findData("website"))
    page = _shown(qtbot, view, bar.apply)
    assert {r.actor for r in page.records} == {"website"}
    bar.who.setEditText("sup.lee")  # typed, as a name not in the list would be
    bar.id_number.setText("smr 123456")
    page = _shown(qtbot, view, bar.apply)
    assert len(page.records) == 75 and page.records[0].id_number == "SMR123456"
    bar.clear_button.click()
    first_day = services.clock.now() - timedelta(hours=1.6 * 75)
    day = first_day.date()
    bar.use_from.setChecked(True)
    bar.from_day.setDate(QDate(day.year, day.month, day.day))
    bar.use_to.setChecked(True)
    bar.to_day.setDate(QDate(day.year, day.month, day.day))
    page = _shown(qtbot, view, bar.apply)
    assert page.records and all(r.at.astimezone(bar._zone).date() == day for r in page.records)


def test_an_unknown_candidate_is_said_in_the_status(qtbot: QtBot, view: AuditView) -> None:
    view.filter_bar.id_number.setText("ZZ999999")
    view.filter_bar.apply()
    qtbot.waitUntil(lambda: "ZZ999999" in view.status.text(), timeout=TIMEOUT)
    assert view.status.property("error") is True


def test_details_show_every_field_without_json(qtbot: QtBot, view: AuditView) -> None:
    view.table.selectRow(1)  # the website's lock
    dialog = view.open_details()
    assert isinstance(dialog, AuditDetailsDialog)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(type(view.status))]
    assert "failed_attempts" in texts and "3" in texts
    assert not any(text.startswith("{") for text in texts)
    dialog.close()


def test_the_filtered_view_is_written_to_csv(qtbot: QtBot, view: AuditView, tmp_path: Path) -> None:
    view.filter_bar.kind.setCurrentIndex(view.filter_bar.kind.findData("account_unlocked"))
    _shown(qtbot, view, view.filter_bar.apply)
    target = tmp_path / "unlocks.csv"
    dialog = view.open_export()  # File › Export's own dialog, for what the filters show
    assert "kind: Early unlock" in dialog.intro.text()
    dialog.path.setText(str(target))
    with qtbot.waitSignal(view.exported, timeout=TIMEOUT) as done:
        assert dialog.start()
    report = done.args[0]
    assert isinstance(report, ExportReport) and report.rows == 75
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert {r["description"] for r in rows} == {"Unlocked the account of SMR123456 early"}
    assert {r["id_number"] for r in rows} == {"SMR123456"}
    assert "Written: 75 rows" in dialog.status.text()
    dialog.close()


def test_the_export_dialog_says_its_filters_in_the_new_language(
    qtbot: QtBot, view: AuditView, qapp: QApplication
) -> None:
    view.filter_bar.kind.setCurrentIndex(view.filter_bar.kind.findData("account_unlocked"))
    _shown(qtbot, view, view.filter_bar.apply)
    dialog = view.open_export()
    assert "kind: Early unlock" in dialog.intro.text()
    chinese = Translations()
    try:
        chinese.switch("zh_HK")
        QApplication.processEvents()
        assert "類別：提早解除封鎖" in dialog.intro.text()
        assert dialog.windowTitle() == "匯出審計記錄檢視"
    finally:
        chinese.switch("en")
        dialog.close()


def test_no_progress_box_shows_before_a_check_is_asked_for(
    qtbot: QtBot, services: Services, supervisor: StaffIdentity
) -> None:
    """A progress box made with the view would pop up at once, empty, over the desk."""
    window = open_window(qtbot, services, supervisor)
    qtbot.wait(4300)  # a QProgressDialog shows itself 4 s after it is made, unless reset
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
    assert window.audit is not None and not [w for w in shown if w.isVisible()]


def test_the_chain_is_verified_with_progress(
    qtbot: QtBot, view: AuditView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desk_app.services.audit.verify.STEP", 10)
    with qtbot.waitSignal(view.check.finished, timeout=TIMEOUT) as finished:
        view.verify_button.click()
    assert finished.args[0].ok
    assert view.check.summary is not None and "intact: 153 events" in view.check.summary.text()
    view.check.summary.close()
    lift_audit_guard(services.db)  # as the tables' owner could
    with services.db.write() as session:
        session.execute(text("UPDATE audit_event SET reason = 'nothing' WHERE id = 40"))
    with qtbot.waitSignal(view.check.finished, timeout=TIMEOUT):
        view.check.start()
    assert view.check.summary is not None
    assert (
        "BROKEN" in view.check.summary.text() and "row 40 was edited" in view.check.summary.text()
    )
    view.check.summary.close()


def test_cancel_stops_the_check(
    qtbot: QtBot, view: AuditView, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desk_app.services.audit.verify.STEP", 1)
    with services.db.write() as session:
        record_many(session, services.clock, SYSTEM, [PendingEntry("bulk")] * 3000)
    with qtbot.waitSignal(view.check.finished, timeout=TIMEOUT) as finished:
        view.check.start()
        view.check.dialog.reject()  # Escape, or the Cancel button
        assert "Stopping" in view.check.dialog.labelText()
    assert isinstance(finished.args[0], AuditCheckStopped)
    assert view.check.summary is not None and "stopped" in view.check.summary.text()
    view.check.summary.close()


def test_a_check_the_database_went_away_under_says_so_and_how_far_it_got(
    qtbot: QtBot, view: AuditView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desk_app.services.audit.verify.STEP", 10)
    walked = verify_module._Pace.step

    def connection_dies_at_event_50(pace: object, checked: int, **options: bool) -> None:
        walked(pace, checked, **options)  # type: ignore[arg-type]
        if checked >= 50:
            raise OperationalError("SELECT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(verify_module._Pace, "step", connection_dies_at_event_50)
    with qtbot.waitSignal(view.check.finished, timeout=TIMEOUT) as finished:
        view.check.start()
    assert isinstance(finished.args[0], OperationalError)
    assert view.check.summary is not None
    said = view.check.summary.text()
    assert "the database could not be reached" in said and "nothing was changed" in said
    assert "It had read 50 of 153 events." in said
    view.check.summary.close()


def test_the_table_model_passes_the_model_tester(qtmodeltester: object, services: Services) -> None:
    model = AuditTableModel(services.clock.now, lambda: "en", "Asia/Hong_Kong")
    staff = add_staff(services, "supervisor")
    make_candidate(services)
    model.set_rows(services.audit_browse.page(staff, AuditFilter()).records)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
