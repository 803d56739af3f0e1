"""The request id an action carries, to tell afterwards whether it was done.

The desk window gives each action it starts a new id (:func:`new_request_id`)
and runs the service call inside :func:`as_request`; the audit trail stores
the id in the entry it writes in the action's own transaction. When the
connection dies during the call, COMMIT included, the window cannot know
whether the database committed; once it answers again, one look for the id
(:meth:`desk_app.services.connection.ConnectionService.request_done`) says
"done" (the entry exists, so everything the action changed does) or "not
done" (no entry: the transaction was rolled back with everything in it).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("desk_request_id", default=None)


def new_request_id() -> str:
    """A new id: 32 hexadecimal digits, random (uuid4)."""
    return uuid.uuid4().hex


def current_request_id() -> str | None:
    return _current.get()


@contextmanager
def as_request(request_id: str) -> Iterator[None]:
    """The audit entries written inside carry ``request_id``."""
    token = _current.set(request_id)
    try:
        yield
    finally:
        _current.reset(token)
