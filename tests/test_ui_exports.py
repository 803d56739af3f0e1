"""File › Export in the window: per role, each kind written, progress and Cancel (no file).

The file name is typed into the dialog as a user would (no native dialog in
tests); the services underneath are real.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.models import AuditEvent, AuditHead
from desk_app.services.actor import StaffIdentity
from desk_app.services.audit.chain_file import verify_file
from desk_app.services.exports.files import ExportReport
from desk_app.services.registry import Services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.exports.dialog import ExportDialog
from desk_app.ui.main_window import MainWindow
from tests.support.desk_window import lock, open_window, register, workers_done  # noqa: F401
from tests.support.factories import add_staff, make_candidate

pytestmark = pytest.mark.usefixtures("workers_done")
SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
RUN_TIMEOUT = 30_000


@pytest.fixture
def people(services: Services) -> Services:
    make_candidate(services)
    make_candidate(services, "AB100001", name_en="CHAN Siu Ming", name_zh="陳小明", email="m@x.org")
    register(services, "AB100001", email="m@x.org")
    lock(services, "AB100001")
    return services


def _window(qtbot: QtBot, services: Services, role: str) -> tuple[MainWindow, StaffIdentity]:
    staff = add_staff(services, role, f"{role}.one")
    return open_window(qtbot, services, staff), staff


def _dialog(window: MainWindow, entry: str) -> ExportDialog:
    """File › Export › ``entry``, as a click on the menu would do it."""
    menu = window.export_menu
    menu.update_entries()  # as when the menu opens
    action = {"search": menu.search_action, "audit": menu.audit_action,
              "lockouts": menu.lockouts_action}[entry]  # fmt: skip
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    dialogs = window.findChildren(ExportDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def _export(qtbot: QtBot, dialog: ExportDialog, path: Path) -> ExportReport:
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.finished_run, timeout=RUN_TIMEOUT) as ended:
        dialog.export_button.click()
    report = ended.args[0]
    assert isinstance(report, ExportReport)
    assert dialog.status.text() == f"Written: {report.rows:,} rows to {path}."
    return report


@SQLITE
@pytest.mark.parametrize(
    ("role", "entries"),
    [("operator", "S"), ("counter", "S"), ("supervisor", "SAL"), ("admin", "SAL")],
)
def test_each_role_sees_the_exports_it_may(
    qtbot: QtBot, services: Services, role: str, entries: str
) -> None:
    window, _ = _window(qtbot, services, role)
    menu = window.export_menu
    shown = "".join(
        letter
        for letter, action in (
            ("S", menu.search_action),
            ("A", menu.audit_action),
            ("L", menu.lockouts_action),
        )
        if action.isVisible()
    )
    assert shown == entries
    assert menu.menuAction() in window.file_menu.actions()
    menu.update_entries()
    assert not menu.search_action.isEnabled()  # nothing listed yet


@SQLITE
def test_the_search_results_listed_go_to_csv(
    qtbot: QtBot, people: Services, tmp_path: Path
) -> None:
    window, _ = _window(qtbot, people, "operator")
    panel = window.search_panel
    panel.search_box.setText("chan")
    with qtbot.waitSignal(panel.resultsShown, timeout=RUN_TIMEOUT):
        panel.search_now()
    dialog = _dialog(window, "search")
    assert "The 2 candidates listed for “chan”" in dialog.intro.text()
    assert dialog.format.count() == 0 and not dialog.first_day.isVisible()
    report = _export(qtbot, dialog, tmp_path / "chan.csv")
    lines = report.path.read_text(encoding="utf-8-sig").splitlines()
    assert report.rows == 2 and [line.split(",")[0] for line in lines[1:]] == [
        "SMR123456", "AB100001",
    ]  # fmt: skip
    with people.db.read() as session:
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-1] == "search_exported"


@SQLITE
def test_the_audit_log_as_json_lines_for_some_days(
    qtbot: QtBot, people: Services, tmp_path: Path
) -> None:
    window, _ = _window(qtbot, people, "supervisor")
    dialog = _dialog(window, "audit")
    assert dialog.path.text().endswith(".csv")
    dialog.format.setCurrentIndex(1)  # JSON lines: the file's ending follows
    assert dialog.chosen_format() == "jsonl" and dialog.path.text().endswith(".jsonl")
    assert not dialog.first_day.isEnabled()
    dialog.limit_days.setChecked(True)
    assert dialog.first_day.isEnabled()
    dialog.first_day.setDate(QDate(2026, 11, 21))  # the test clock's day, in Hong Kong
    dialog.last_day.setDate(QDate(2026, 11, 21))
    report = _export(qtbot, dialog, tmp_path / "audit.jsonl")
    checked = verify_file(report.path)
    assert checked.ok and checked.checked == report.rows > 0


@SQLITE
def test_the_lockout_history_of_the_days_chosen(
    qtbot: QtBot, people: Services, tmp_path: Path
) -> None:
    window, _ = _window(qtbot, people, "admin")
    dialog = _dialog(window, "lockouts")
    assert dialog.last_day.date() == QDate(2026, 11, 21) and dialog.first_day.isEnabled()
    dialog.first_day.setDate(QDate(2026, 11, 22))
    dialog.path.setText(str(tmp_path / "x.csv"))
    with qtbot.waitSignal(dialog.failed_run, timeout=RUN_TIMEOUT) as refused:
        dialog.start()  # the last day before the first: said at once, nothing started
    assert "comes before the first day" in refused.args[0]
    dialog.first_day.setDate(QDate(2026, 11, 20))
    report = _export(qtbot, dialog, tmp_path / "lockouts.csv")
    rows = report.path.read_text(encoding="utf-8-sig").splitlines()
    assert report.rows == 1 and rows[1].split(",")[1:4] == ["locked", "password", "AB100001"]


@SQLITE
def test_a_file_that_cannot_be_written_is_said_and_nothing_is_recorded(
    qtbot: QtBot, people: Services, tmp_path: Path
) -> None:
    window, _ = _window(qtbot, people, "supervisor")
    dialog = _dialog(window, "lockouts")
    dialog.path.setText(str(tmp_path / "missing" / "x.csv"))
    with qtbot.waitSignal(dialog.failed_run, timeout=RUN_TIMEOUT) as failed:
        dialog.export_button.click()
    assert failed.args[0].startswith("The folder “") and dialog.status.property("error")
    assert not (tmp_path / "missing").exists()


def test_cancel_while_the_entry_waits_leaves_no_file(
    qtbot: QtBot, people: Services, tmp_path: Path
) -> None:
    """The export is held at its audit entry (another desk holds the chain's head); Cancel
    then: the entry is rolled back and the file never appears."""
    window, _ = _window(qtbot, people, "supervisor")
    dialog = _dialog(window, "audit")
    target = tmp_path / "out" / "audit.csv"
    target.parent.mkdir()
    dialog.path.setText(str(target))
    with people.db.write() as session:
        session.execute(select(AuditHead).with_for_update()).scalar_one()
        dialog.export_button.click()
        assert dialog.running and dialog.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: " of " in dialog.status.text(), timeout=RUN_TIMEOUT)
        dialog.close()  # closing while it runs asks it to stop, and the dialog stays
        assert dialog.isVisible() and dialog.status.text() == "Stopping…"
        assert not dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.failed_run, timeout=RUN_TIMEOUT) as stopped:
        pass
    assert stopped.args[0] == "Stopped: no file was written."
    assert list(target.parent.iterdir()) == []
    with people.db.read() as session:
        assert (
            session.scalar(select(AuditEvent.id).where(AuditEvent.action == "audit_exported"))
            is None
        )


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.switch("en")


@SQLITE
def test_the_menu_and_the_dialog_speak_chinese(
    qtbot: QtBot, services: Services, chinese: Translations
) -> None:
    window, _ = _window(qtbot, services, "supervisor")
    dialog = _dialog(window, "lockouts")
    chinese.switch("zh_HK")
    QApplication.processEvents()
    assert window.export_menu.title() == "匯出(&X)"
    assert window.export_menu.lockouts_action.text() == "封鎖記錄(&L)…"
    assert dialog.windowTitle() == "匯出封鎖記錄" and dialog.export_button.text() == "匯出(&E)"
    assert date(2026, 11, 21) == dialog.last_day.date().toPython()
    QThreadPool.globalInstance().waitForDone(5_000)
