"""The login attempt as it was before its writes went in one round trip, for comparison.

``accounts_bench.py`` times today's attempt and this one side by side, round
after round, so that both meet the same load on a shared machine: the
difference between them is the change's, whatever the machine was doing.

"Before" is today's code with the three round-trip savings undone
(``services/accounts/one_trip.py`` and ``attempts.py``):

- the look (step 1) in a transaction of its own (BEGIN, the read, ROLLBACK),
  as ``Database.read()`` opens it;
- the audit entry appended by ``audit.trail.record``, which flushes at once
  (the entry and the chain's head, one statement each);
- no ``write_together``: the commit's flush sends the account and each table
  of the timeline as statements of their own.

The outcome is the same either way (the tests of ``one_trip.py`` say so);
only the number of statements, and so of waits for the server, differs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

from sqlalchemy.orm import Session

from desk_app.services.accounts import attempts, website
from desk_app.services.audit import trail


def _no_write_together(session: Session) -> None:
    """The commit's own flush writes everything, one statement per table and row kind."""


@contextmanager
def _read_in_a_transaction(self: attempts.AttemptSteps) -> Iterator[Session]:
    with self._db.read() as session:
        yield session


@contextmanager
def as_before() -> Iterator[None]:
    """While the block runs, website attempts take the old path (in this process)."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(attempts, "write_together", _no_write_together))
        stack.enter_context(mock.patch.object(website, "write_together", _no_write_together))
        stack.enter_context(mock.patch.object(attempts, "append_audit", trail.record))
        stack.enter_context(
            mock.patch.object(attempts.AttemptSteps, "_reading", _read_in_a_transaction)
        )
        yield
