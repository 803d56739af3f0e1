"""Actions whose connection died before they answered: done, or not done?

A dialog whose action failed with the database unreachable (the connection
may have died during COMMIT) hands its request id to :func:`resolve_later`.
The window's :class:`~desk_app.ui.connection.watch.DatabaseWatch` looks the
id up in the audit trail once the database answers
(``ConnectionService.request_done``) and calls back with True (done: its
audit entry, and so everything it changed, was committed) or False (not
done: nothing of it was). Without a watch (a window in a test that has
none) the dialog says what it always said.
"""

from __future__ import annotations

from collections.abc import Callable

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
