"""File → Print exam-day letters…, the release timer: the window's side of Step 5."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.models import Letter
from desk_app.services.registry import Services
from desk_app.ui.common.print_preview import PdfPreviewDialog
from desk_app.ui.letters.batch_dialog import LetterBatchDialog, offer_letter_batches
from desk_app.ui.letters.batch_job import Cancelled, LetterBatchJob
from desk_app.ui.release.scheduler import ReleaseScheduler
from tests.support.desk_window import (
    LOAD_TIMEOUT,
    open_window,
    register,
    settle,
    workers_done,  # noqa: F401 (a fixture)
)
from tests.support.factories import add_staff, make_candidate

pytestmark = [
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
    pytest.mark.usefixtures("workers_done"),
]


def new_candidates(services: Services, count: int = 3) -> None:
    for n in range(count):
        make_candidate(
            services, f"KLT00010{n}", name_en=f"LEE Siu {n}", name_zh=None,
            email=f"lee{n}@example.com", phone=None, letter=False, released=False,
        )  # fmt: skip


def letter_count(services: Services) -> int:
    with services.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Letter)) or 0)


def opened(qtbot: QtBot, dialog: LetterBatchDialog) -> LetterBatchDialog:
    with qtbot.waitSignal(dialog.centresLoaded, timeout=LOAD_TIMEOUT):
        dialog.show()
    return dialog


def test_only_supervisors_and_administrators_see_the_menu_entry(
    qtbot: QtBot, services: Services
) -> None:
    for role, shown in (("operator", False), ("counter", False), ("supervisor", True),
                        ("admin", True)):  # fmt: skip
        window = open_window(qtbot, services, add_staff(services, role))
        assert window.letters_action.isVisible() is shown, role
        assert window.letters_action.text() == "&Print exam-day letters…"
        window.close()


def test_print_preview_then_a_second_print_is_refused_and_a_reissue_needs_a_reason(
    qtbot: QtBot, services: Services
) -> None:
    new_candidates(services)
    window = open_window(qtbot, services, add_staff(services, "supervisor"))
    dialog = opened(qtbot, window.print_letters())
    assert dialog.centre.currentText() == "TW056 · Prestige English Centre — 3 waiting, 0 printed"
    assert dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.printed, timeout=LOAD_TIMEOUT) as done:
        dialog.print_button.click()
    printed = done.args[0]
    assert printed.new_letters == 3 and letter_count(services) == 3
    preview = dialog.preview
    assert isinstance(preview, PdfPreviewDialog) and preview.parentWidget() is window
    assert preview.document.pageCount() == 3
    assert "3 exam-day letters and 0 reissued letters" in dialog.status.text()
    qtbot.waitUntil(lambda: "0 waiting, 3 printed" in dialog.centre.currentText())

    dialog.print_button.click()  # the same letters again: the service says no
    qtbot.waitUntil(lambda: "were printed already (3)" in dialog.status.text())
    assert letter_count(services) == 3
    dialog.reissue.setChecked(True)
    assert not dialog.print_button.isEnabled()  # a reason first
    dialog.reason.setText("printer jammed")
    assert dialog.print_button.isEnabled()
    with qtbot.waitSignal(dialog.printed, timeout=LOAD_TIMEOUT) as again:
        dialog.print_button.click()
    assert again.args[0].reissued == 3 and letter_count(services) == 6
    preview.close()
    dialog.preview.close()
    dialog.close()
    settle(qtbot)


def test_a_cancelled_batch_issues_nothing(qtbot: QtBot, services: Services) -> None:
    new_candidates(services)
    staff = add_staff(services, "supervisor")
    job = LetterBatchJob(services.letters, staff, "TW056", reason=None, reissue=False)
    job.cancel()  # before the first Secret Number is made
    with qtbot.waitSignal(job.failed, timeout=LOAD_TIMEOUT) as failed:
        job.start()
    assert isinstance(failed.args[0], Cancelled)
    assert letter_count(services) == 0


def test_the_import_dialog_can_offer_the_new_centres(qtbot: QtBot, services: Services) -> None:
    new_candidates(services, 1)
    operator = add_staff(services, "operator")
    assert offer_letter_batches(services.letters, operator, ["TW056"]) is None
    supervisor = add_staff(services, "supervisor")
    assert offer_letter_batches(services.letters, supervisor, []) is None
    dialog = offer_letter_batches(services.letters, supervisor, ["tw056"])
    assert isinstance(dialog, QDialog)
    qtbot.waitSignal(dialog.centresLoaded, timeout=LOAD_TIMEOUT).wait()
    assert "New candidates were imported for: TW056." in dialog.intro.text()
    assert dialog.chosen() is not None and dialog.chosen().code == "TW056"
    dialog.close()


def test_the_release_timer_runs_at_start_and_wakes_just_after_a_release(
    qtbot: QtBot, services: Services
) -> None:
    make_candidate(services, release_at=services.clock.now() + timedelta(minutes=1))
    register(services)
    scheduler = ReleaseScheduler(services.release, services.clock.now, every_minutes=5)
    with qtbot.waitSignal(scheduler.ran, timeout=LOAD_TIMEOUT) as first:
        scheduler.start()
    assert first.args[0].entries == 0
    assert scheduler.periodic.isActive() and scheduler.periodic.interval() == 300_000
    assert scheduler.at_moment.isActive()
    assert scheduler.at_moment.interval() == 62_000  # the moment, and two seconds
    services.clock.advance(minutes=2)  # type: ignore[attr-defined]
    messages: list[str] = []
    scheduler.message.connect(messages.append)
    with qtbot.waitSignal(scheduler.released, timeout=LOAD_TIMEOUT) as released:
        scheduler.run_now()  # what the timer does when it fires
    assert released.args[0].emails == 1
    assert messages == ["Results released: 1; “results available” emails queued: 1."]
    assert not scheduler.at_moment.isActive()  # nothing more to wait for
    scheduler.stop()
    assert not scheduler.periodic.isActive()
