"""File › Import…: progress, cancel, the problems table in both languages, the role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.actor import StaffIdentity
from desk_app.services.importing.report import ImportReport
from desk_app.services.registry import Services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.importing.dialog import ImportDialog
from desk_app.ui.importing.problems_model import ProblemsModel
from tests.support.desk_window import open_window, workers_done  # noqa: F401 (a fixture)
from tests.support.factories import add_staff
from tests.support.import_files import SAMPLE, row, table_digest, write_csv

pytestmark = [
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("workers_done"),
]
RUN_TIMEOUT = 60_000


@pytest.fixture
def admin(services: Services) -> StaffIdentity:
    return add_staff(services, "admin")


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.switch("en")


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, admin: StaffIdentity) -> ImportDialog:
    made = ImportDialog(services.importer, admin)
    qtbot.addWidget(made)
    made.show()
    return made


def _fill(dialog: ImportDialog, path: Path, reason: str = "board file") -> None:
    dialog.path.setText(str(path))
    dialog.reason.setText(reason)


def _run(qtbot: QtBot, dialog: ImportDialog, *, dry_run: bool) -> ImportReport:
    with qtbot.waitSignal(dialog.finished_run, timeout=RUN_TIMEOUT) as ended:
        button = dialog.check_button if dry_run else dialog.import_button
        button.click()
    report = ended.args[0]
    assert isinstance(report, ImportReport)
    return report


def test_the_buttons_wait_for_a_file_and_a_reason(dialog: ImportDialog, tmp_path: Path) -> None:
    assert not dialog.import_button.isEnabled() and not dialog.check_button.isEnabled()
    dialog.path.setText(str(tmp_path / "missing.csv"))
    dialog.reason.setText("x")
    assert not dialog.import_button.isEnabled()
    dialog.path.setText(str(SAMPLE))
    assert dialog.import_button.isEnabled() and dialog.check_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()


def test_check_then_import_the_sample(
    qtbot: QtBot, dialog: ImportDialog, services: Services
) -> None:
    _fill(dialog, SAMPLE)
    before = table_digest(services.db)
    checked = _run(qtbot, dialog, dry_run=True)
    assert checked.ok and not checked.applied and table_digest(services.db) == before
    assert "New candidates: 20" in dialog.summary.text()
    imported = _run(qtbot, dialog, dry_run=False)
    assert imported.applied
    assert not dialog.progress.isVisible() and dialog.status.text() == "Imported."
    assert "New candidates: 20" in dialog.summary.text()
    assert dialog.model.rowCount() == 0


def test_the_problems_are_listed_by_line_and_column_in_both_languages(
    qtbot: QtBot,
    dialog: ImportDialog,
    services: Services,
    tmp_path: Path,
    translations: Translations,
) -> None:
    rows = [row(n) for n in range(1, 6)]
    rows[2] = row(3, date_of_birth="2011-02-30")
    rows[4] = row(5, exam="KETX")
    _fill(dialog, write_csv(tmp_path / "bad.csv", rows))
    before = table_digest(services.db)
    report = _run(qtbot, dialog, dry_run=False)
    assert not report.applied and table_digest(services.db) == before
    model = dialog.model
    assert model.rowCount() == 2
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(2)]
    assert cells[0][:2] == ["4", "D · date_of_birth"]
    assert "30 February" in cells[0][2]
    assert cells[1][:2] == ["6", "K · exam"] and "KETX" in cells[1][2]
    assert "Problems in the file: 2" in dialog.summary.text()
    translations.switch("zh_HK")
    qtbot.waitUntil(lambda: dialog.import_button.text() == "匯入(&I)")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "行"
    assert "不是曆法上存在的日子" in model.index(0, 2).data()


def test_cancel_stops_the_import_and_writes_nothing(
    qtbot: QtBot, dialog: ImportDialog, services: Services, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "big.csv", [row(n) for n in range(1, 20_001)])
    _fill(dialog, path)
    before = table_digest(services.db)
    with qtbot.waitSignal(dialog.failed_run, timeout=RUN_TIMEOUT) as failed:
        dialog.import_button.click()
        assert dialog.running and dialog.cancel_button.isEnabled()
        assert not dialog.close_button.isEnabled() and dialog.progress.isVisible()
        qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=RUN_TIMEOUT)
        dialog.cancel_button.click()
        assert not dialog.cancel_button.isEnabled()
    assert "nothing was changed" in failed.args[0]
    assert dialog.status.text() == "Stopped."
    assert not dialog.running and dialog.import_button.isEnabled()
    assert table_digest(services.db) == before


def test_closing_while_running_asks_to_stop_first(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    _fill(dialog, write_csv(tmp_path / "big.csv", [row(n) for n in range(1, 20_001)]))
    with qtbot.waitSignal(dialog.failed_run, timeout=RUN_TIMEOUT):
        dialog.import_button.click()
        dialog.close()
        assert dialog.isVisible()
    dialog.close()
    assert not dialog.isVisible()


def test_the_problems_model_passes_the_model_tester(qtmodeltester, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    from desk_app.services.importing.report import Problem

    model = ProblemsModel()
    model.set_rows(
        [Problem(2, "exam", "K", "import_unknown_exam", {"value": "X"}), Problem(0, None, None,
                                                                                "import_empty")]
    )  # fmt: skip
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "—"
    QCoreApplication.processEvents()


def test_only_administrators_see_file_import(
    qtbot: QtBot, services: Services, admin: StaffIdentity
) -> None:
    operator = add_staff(services, "operator")
    assert open_window(qtbot, services, operator).import_action is None
    window = open_window(qtbot, services, admin)
    assert window.import_action is not None
    assert window.import_action in window.file_menu.actions()
    dialog = window.open_import()
    assert dialog.isVisible()
    dialog.close()
