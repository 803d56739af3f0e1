"""Actions whose connection died before they answered: done, or not done?

Every write the window starts runs through :func:`run_as_request`: the
service call carries a new request id (``services/requests.py``), which the
audit entry of the action's own transaction stores. When it fails with the
database unreachable (the connection may have died during COMMIT) the id
goes to :func:`resolve_later`: the window's
:class:`~desk_app.ui.connection.watch.DatabaseWatch` looks it up in the
audit trail once the database answers (``ConnectionService.request_done``)
and calls back with True (done: its audit entry, and so everything it
changed, was committed) or False (not done: nothing of it was). Without a
watch (a window in a test that has none) the failure is said as it always
was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from desk_app.services.requests import as_request, new_request_id
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.connection.health import means_unreachable

Answer = Callable[[bool], None]
Resolver = Callable[[str, Answer], None]

_resolvers: list[Resolver] = []


def add_resolver(resolver: Resolver) -> Callable[[], None]:
    """The watch offers to resolve; returns the function that withdraws the offer."""
    _resolvers.append(resolver)
    return lambda: _resolvers.remove(resolver) if resolver in _resolvers else None


def resolve_later(request_id: str, answer: Answer) -> bool:
    """Ask for ``answer(done)`` once the database says; False when no one can tell."""
    if not _resolvers:
        return False
    _resolvers[-1](request_id, answer)
    return True


def when_failed(
    request_id: str,
    on_failed: Callable[[BaseException], None],
    *,
    on_unknown: Callable[[], None],
    on_resolved: Answer,
) -> Callable[[BaseException], None]:
    """The failure callback of a write that carried ``request_id``: ``on_unknown()`` now
    and ``on_resolved(done)`` later when the database could not be reached and a watch
    can tell; else ``on_failed(error)``."""

    def failed(error: BaseException) -> None:
        if means_unreachable(error) and resolve_later(request_id, on_resolved):
            on_unknown()
        else:
            on_failed(error)

    return failed


def run_as_request(
    job: Callable[[], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
    *,
    on_unknown: Callable[[], None],
    on_resolved: Answer,
) -> str:
    """Run the write ``job`` in the background carrying a new request id (returned);
    it ends as :func:`when_failed` says, or in ``on_finished(result)``."""
    request = new_request_id()

    def carried() -> Any:
        with as_request(request):
            return job()

    failed = when_failed(request, on_failed, on_unknown=on_unknown, on_resolved=on_resolved)
    run_in_background(carried, on_finished, failed)
    return request


def unknown_text() -> str:
    """What a dialog says while the database has not said whether its write was done."""
    return QCoreApplication.translate(
        "Outcomes",
        "The connection to the database was lost before it answered. "
        "Once it answers again, the desk will say whether this was done.",
    )


def resolved_text(done: bool) -> str:
    """What a dialog says once the database said whether its write was done."""
    if done:
        return QCoreApplication.translate(
            "Outcomes", "Done: the database recorded it before the connection was lost."
        )
    return QCoreApplication.translate(
        "Outcomes",
        "Not done: the connection was lost before the database recorded it; "
        "nothing was changed. You may try again.",
    )
