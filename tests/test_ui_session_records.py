"""The session's own records (sign-out, screen locked) are not lost when the database is away.

Written on a worker under a request id; a write whose connection died is
written again after a pause, and an entry the database did commit before the
answer was lost is not written twice. On both databases, with the real staff
service; the connection "dies" as in ``tests/support/lost_connection.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.registry import Services
from desk_app.ui.session.records import SessionRecords
from tests.support.factories import add_staff
from tests.support.lost_connection import connection_dies

WAIT = 20_000


@pytest.fixture
def records(services: Services) -> Iterator[SessionRecords]:
    written = SessionRecords(first_retry_ms=10, longest_retry_ms=40)
    yield written
    written.abandon()
    QThreadPool.globalInstance().waitForDone(WAIT)
    QCoreApplication.processEvents()


def logged(services: Services, action: str) -> list[str | None]:
    """The request ids of the ``action`` entries, oldest first."""
    with services.db.read() as session:
        query = select(AuditEvent.request_id).where(AuditEvent.action == action)
        return list(session.scalars(query.order_by(AuditEvent.id)))


def test_a_sign_out_is_written(qtbot: QtBot, services: Services, records: SessionRecords) -> None:
    amy = add_staff(services, "operator", "amy")
    with qtbot.waitSignal(records.written, timeout=WAIT) as done:
        records.write("sign-out", lambda: services.staff.sign_out(amy))
    assert done.args == ["sign-out"]
    [request] = logged(services, "staff_logout")
    assert request is not None and len(request) == 32


def test_a_sign_out_whose_connection_died_is_written_once_the_database_answers(
    qtbot: QtBot, services: Services, records: SessionRecords
) -> None:
    amy = add_staff(services, "operator", "amy")
    with (
        connection_dies(services, after_commit=False, times=3) as hit,
        qtbot.waitSignal(records.written, timeout=WAIT),
    ):
        records.write("sign-out", lambda: services.staff.sign_out(amy))
    # three tries rolled back, all under the one id; the fourth committed
    assert len(hit) == 3 and set(hit) == {hit[0]}
    assert logged(services, "staff_logout") == hit[:1]
    assert records.waiting_count == 0


def test_a_lock_committed_before_its_answer_was_lost_is_not_written_twice(
    qtbot: QtBot, services: Services, records: SessionRecords
) -> None:
    amy = add_staff(services, "operator", "amy")
    with connection_dies(services, after_commit=True) as hit:
        with qtbot.waitSignal(records.waiting, timeout=WAIT):
            records.write("screen locked", lambda: services.staff.lock_screen(amy, idle_minutes=10))
        with qtbot.waitSignal(records.written, timeout=WAIT):
            pass  # written again: the service finds the entry and writes nothing
    assert logged(services, "staff_screen_locked") == hit
    assert records.waiting_count == 0


def test_a_refusal_is_not_tried_again(
    qtbot: QtBot, services: Services, records: SessionRecords, caplog: pytest.LogCaptureFixture
) -> None:
    amy = add_staff(services, "operator", "amy")
    with qtbot.assertNotEmitted(records.waiting, wait=100):
        records.write("language kept", lambda: services.staff.set_language(amy, "xx"))
        QThreadPool.globalInstance().waitForDone(WAIT)
        qtbot.waitUntil(lambda: "not recorded: language kept" in caplog.text, timeout=WAIT)
    assert records.waiting_count == 0


def test_what_still_waits_at_quit_is_named_in_the_log(
    qtbot: QtBot, services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    amy = add_staff(services, "operator", "amy")
    slow = SessionRecords(first_retry_ms=60_000)
    with (
        connection_dies(services, after_commit=False, times=1),
        qtbot.waitSignal(slow.waiting, timeout=WAIT),
    ):
        slow.write("sign-out", lambda: services.staff.sign_out(amy))
    slow.abandon()
    assert "not recorded (the database was away until the desk quit): sign-out" in caplog.text
    assert slow.waiting_count == 0
    assert logged(services, "staff_logout") == []
