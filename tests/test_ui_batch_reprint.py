"""A supervisor's batch reprint into a folder, on the real statement service."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.actor import StaffIdentity
from desk_app.services.registry import Services
from desk_app.ui.actions.batch_reprint_dialog import BatchReprintDialog, id_numbers_in
from desk_app.ui.common.batch_progress import BatchRunner, BatchSummary
from tests.support.desk_window import settle, workers_done  # noqa: F401 (a fixture)
from tests.support.factories import add_staff, make_candidate

pytestmark = [
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("workers_done"),
]
GOOD = ("SMR123456", "KT0045821")
BAD = "XX999999"


@pytest.fixture
def supervisor(services: Services) -> StaffIdentity:
    for id_number in GOOD:
        make_candidate(services, id_number)
    return add_staff(services, "supervisor")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def dialog(services: Services, supervisor: StaffIdentity, window: QWidget) -> BatchReprintDialog:
    # the dialog closes (and goes) when the batch starts: its parent stays
    dialog = BatchReprintDialog(services.statements, supervisor, window)
    dialog.open()
    return dialog


def start(qtbot: QtBot, dialog: BatchReprintDialog, *, cancel: bool = False) -> BatchSummary:
    runners: list[BatchRunner] = []
    dialog.started.connect(runners.append)
    with qtbot.waitSignal(dialog.accepted):
        dialog.start_button.click()
    assert len(runners) == 1
    runner = runners[0]
    if cancel:
        runner.cancel()
    with qtbot.waitSignal(runner.finished, timeout=20_000) as finished:
        pass
    assert runner.summary_box is not None
    runner.summary_box.close()
    return finished.args[0]  # type: ignore[no-any-return]


def test_pasted_id_numbers_are_read_once_each() -> None:
    pasted = " smr123456\nKT0045821, SMR123456;\n\n  xx999999 "
    assert id_numbers_in(pasted) == ["SMR123456", "KT0045821", "XX999999"]


def test_start_needs_ids_a_reason_and_a_folder(dialog: BatchReprintDialog, tmp_path: Path) -> None:
    assert not dialog.start_button.isEnabled()
    dialog.ids.setPlainText("SMR123456")
    dialog.reason.setText("centre asked for copies")
    assert not dialog.start_button.isEnabled()
    dialog.folder.setText(str(tmp_path / "missing"))
    assert not dialog.start_button.isEnabled()
    dialog.folder.setText(str(tmp_path))
    assert dialog.start_button.isEnabled()
    assert dialog.count.text() == "1 ID Numbers"


def test_a_batch_goes_on_past_a_bad_id_number(
    qtbot: QtBot, dialog: BatchReprintDialog, tmp_path: Path
) -> None:
    dialog.ids.setPlainText("\n".join([GOOD[0], BAD, GOOD[1]]))
    dialog.reason.setText("centre asked for copies")
    dialog.folder.setText(str(tmp_path))
    summary = start(qtbot, dialog)
    assert (summary.total, summary.done, summary.cancelled) == (3, 2, False)
    assert summary.failures == ((BAD, "No candidate has the ID Number XX999999."),)
    written = sorted(tmp_path.glob("*.pdf"))
    assert [path.name[:2] for path in written] == ["SR", "SR"]
    for path in written:
        text = PdfReader(path).pages[0].extract_text()
        assert "REPRINT" in text


def test_cancel_stops_after_the_current_statement(
    qtbot: QtBot, dialog: BatchReprintDialog, tmp_path: Path
) -> None:
    dialog.ids.setPlainText("\n".join([*GOOD, "HK1029384", "TW0561234"]))
    dialog.reason.setText("centre asked for copies")
    dialog.folder.setText(str(tmp_path))
    summary = start(qtbot, dialog, cancel=True)
    assert summary.cancelled
    assert summary.done + len(summary.failures) < summary.total
    assert len(list(tmp_path.glob("*.pdf"))) == summary.done
    settle(qtbot)
