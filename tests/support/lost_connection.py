"""A write whose connection "dies" at COMMIT, with the database itself still there.

Two places, on both databases:
- just before COMMIT (the engine's ``commit`` event raises): the transaction
  is rolled back, so the write is *not done*;
- just after COMMIT (the session's ``after_commit`` raises): the database has
  it, the answer is lost, so the write is *done*.
Only writes that carry a request id are hit (``current_request_id()``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from desk_app.services.registry import Services
from desk_app.services.requests import current_request_id


def _lost() -> OperationalError:
    return OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))


@contextmanager
def connection_dies(
    services: Services, *, after_commit: bool, times: int = 1
) -> Iterator[list[str]]:
    """The next ``times`` writes carrying a request id lose their connection (the ids
    hit, in order: yielded)."""
    hit: list[str] = []

    def die(target: object) -> None:
        request = current_request_id()
        if request is not None and len(hit) < times:
            hit.append(request)
            if isinstance(target, Connection):
                # as a dead connection is: discarded, its transaction gone with it (left
                # open, the pool could hand it to the next reader mid-transaction)
                target.invalidate()
            raise _lost()

    target: object = services.db.sessions if after_commit else services.db.engine
    name = "after_commit" if after_commit else "commit"
    event.listen(target, name, die)
    try:
        yield hit
    finally:
        event.remove(target, name, die)
