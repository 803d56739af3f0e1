"""The login attempt as it was before it became one call to PostgreSQL, for comparison.

``accounts_bench.py`` times today's attempt and this one side by side, round
after round, so that both meet the same load on a shared machine: the
difference between them is the change's, whatever the machine was doing.

"Before" is today's code with the database function of
``services/accounts/login_call.py`` left out: the attempt takes the Python
path it takes wherever the function leaves it (and always on SQLite, where
the two variants are therefore the same code):

- the look (step 1): one read outside a transaction;
- step 3: a unit of work of its own (pre-ping, BEGIN, the account row
  locked, for the attempt that locks the audit chain's head locked, one
  statement writing the account, its timeline and the audit entry, the
  notice, COMMIT), the statements built by the ORM and
  ``services/accounts/one_trip.py``.

The outcome is the same either way (``tests/test_login_call.py`` compares
the rows); only the number of round trips, and the Python around them,
differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

from desk_app.services.accounts.attempts import Seen
from desk_app.services.accounts.login_call import LoginCall


def _left_to_python(_self: LoginCall, _seen: Seen, *_args: object) -> None:
    """What the function answers when it leaves an attempt to Python: nothing written."""


def _refusal_left_to_python(_self: LoginCall, _seen: Seen, _source: str | None) -> bool:
    return False


@contextmanager
def as_before() -> Iterator[None]:
    """While the block runs, website logins take the old path (in this process)."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(LoginCall, "decide", _left_to_python))
        stack.enter_context(
            mock.patch.object(LoginCall, "refuse_while_locked", _refusal_left_to_python)
        )
        yield
