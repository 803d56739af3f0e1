"""Every write the window makes carries a request id: a lost COMMIT is said done or not done.

The connection "dies" before or after COMMIT (``tests/support/lost_connection.py``),
with the database itself still there, so the desk's watch looks the id up at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.models import AuditEvent, Candidate, Letter
from desk_app.services.registry import Services
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.actions.verify_dialog import VerifyCallerDialog
from desk_app.ui.connection.watch import DatabaseWatch
from desk_app.ui.importing.dialog import ImportDialog
from desk_app.ui.main_window import MainWindow
from tests.support.desk_window import LOAD_TIMEOUT, open_window, show_candidate
from tests.support.factories import add_staff, make_candidate
from tests.support.import_files import SAMPLE
from tests.support.lost_connection import connection_dies

WAIT = 20_000


@pytest.fixture(autouse=True)
def workers_done(services: Services) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(20_000)
    QCoreApplication.processEvents()


def entries(services: Services, action: str) -> list[str | None]:
    """The request ids of the ``action`` entries, oldest first."""
    with services.db.read() as session:
        query = select(AuditEvent.request_id).where(AuditEvent.action == action)
        return list(session.scalars(query.order_by(AuditEvent.id)))


def watched(qtbot: QtBot, services: Services, role: str) -> tuple[MainWindow, DatabaseWatch]:
    window = open_window(qtbot, services, add_staff(services, role))
    watch = DatabaseWatch(window, services.connection)
    watch.start()
    return window, watch


def fill_and_check(dialog: VerifyCallerDialog) -> None:
    dialog.name.setText("陳大文")
    dialog.date_of_birth.setText("17/05/2001")
    dialog.kind.setCurrentIndex(dialog.kind.findData("phone"))
    dialog.identifier.setText("+852 9123 4567")
    dialog.ok_button.click()


def test_a_caller_verification_whose_commit_was_lost(qtbot: QtBot, services: Services) -> None:
    make_candidate(services)
    window, watch = watched(qtbot, services, "operator")
    show_candidate(qtbot, window)
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert isinstance(dialog, VerifyCallerDialog)
    text: Callable[[], str] = dialog.answer.text

    with connection_dies(services, after_commit=False) as hit:
        fill_and_check(dialog)
        qtbot.waitUntil(lambda: text().startswith("Not recorded"), timeout=WAIT)
    assert hit and entries(services, "caller_verified") == []
    # the lost write may have made the watch think the database away for a moment (open
    # dialogs' buttons wait meanwhile, ui/connection/away.py); once it answers:
    qtbot.waitUntil(lambda: not watch.down, timeout=WAIT)
    assert dialog.ok_button.isEnabled()  # not done: check again

    with connection_dies(services, after_commit=True) as hit:
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: text().startswith("Recorded before"), timeout=WAIT)
    assert entries(services, "caller_verified") == hit  # the one the answer was lost of
    assert window.statusBar().currentMessage() == (
        "The action under way when the connection was lost was done."
    )
    # the pane reads it back: the caller counts as verified
    qtbot.waitUntil(lambda: window.call_actions.state().verified, timeout=LOAD_TIMEOUT)
    watch.stop()
    dialog.close()
    window.close()


def test_a_letter_batch_whose_commit_was_lost(qtbot: QtBot, services: Services) -> None:
    for n in range(2):
        make_candidate(
            services, f"KLT00010{n}", name_en=f"LEE Siu {n}", name_zh=None,
            email=f"lee{n}@example.com", phone=None, letter=False, released=False,
        )  # fmt: skip
    window, watch = watched(qtbot, services, "supervisor")
    dialog = window.print_letters()
    with qtbot.waitSignal(dialog.centresLoaded, timeout=LOAD_TIMEOUT):
        dialog.show()
    status = dialog.status.text

    with connection_dies(services, after_commit=False):
        dialog.print_button.click()
        qtbot.waitUntil(lambda: status().startswith("Not issued"), timeout=WAIT)
    assert entries(services, "letters_batch_printed") == []
    qtbot.waitUntil(dialog.print_button.isEnabled, timeout=LOAD_TIMEOUT)

    with connection_dies(services, after_commit=True) as hit:
        dialog.print_button.click()
        # (the watch looks the id up at once: "lost before it answered" may not be seen)
        qtbot.waitUntil(lambda: status().startswith("Issued"), timeout=WAIT)
    assert entries(services, "letters_batch_printed") == hit
    with services.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Letter)) == 2
    # the pages are lost: the dialog turns to a reissue, which needs a reason
    assert dialog.reissue.isChecked() and "reissue" in status()
    qtbot.waitUntil(lambda: "0 waiting, 2 printed" in dialog.centre.currentText())
    watch.stop()
    dialog.close()
    window.close()


def test_an_import_whose_commit_was_lost(qtbot: QtBot, services: Services) -> None:
    admin = add_staff(services, "admin")
    window = open_window(qtbot, services, admin)
    watch = DatabaseWatch(window, services.connection)
    watch.start()
    dialog = ImportDialog(services.importer, admin, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(SAMPLE))
    dialog.reason.setText("June results")
    status = dialog.status.text

    with connection_dies(services, after_commit=False):
        dialog.import_button.click()
        qtbot.waitUntil(lambda: status().startswith("Not imported: the connection"), timeout=WAIT)
    assert entries(services, "data_imported") == []
    qtbot.waitUntil(lambda: not watch.down, timeout=WAIT)  # as above: buttons wait while away
    assert dialog.import_button.isEnabled()

    with connection_dies(services, after_commit=True) as hit:
        dialog.import_button.click()
        qtbot.waitUntil(lambda: status().startswith("Imported: the database"), timeout=WAIT)
    assert entries(services, "data_imported") == hit
    with services.db.read() as session:  # the sample's candidates are there, once
        assert session.scalar(select(func.count()).select_from(Candidate)) == 20
    watch.stop()
    dialog.close()
    window.close()
