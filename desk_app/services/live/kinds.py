"""What each audited action means to the other desks.

Every change a desk can see is audited, so the audit action names the
change: :func:`kind_of` says which kind of change other desks are told of
(``lock``, ``unlock``, ``reset``, ``reissue``, ``note``, ``verification``,
``import`` …) and :data:`CONFLICTING` which changes make an action prepared
on an older view of the candidate out of date.

A list of what counts, never "everything but the looks": a look is audited
too (``candidate_viewed``), and a desk that reloads a candidate because it
was told of a change must not tell the others of its look, or two desks
would reload each other for ever.
"""

from __future__ import annotations

#: the PostgreSQL channel the desks LISTEN on
CHANNEL = "desk_changes"

#: the kinds that touch many candidates at once: desks reload whatever they show
MANY = frozenset({"import", "release", "batch"})

_KINDS: dict[str, str] = {
    # the website
    "account_locked": "lock",
    "account_secret_locked": "lock",
    "account_registered": "registration",
    "password_changed": "password",
    "password_reset": "password",
    # the desks
    "account_unlocked": "unlock",
    "reset_sent": "reset",
    "temp_password_issued": "reset",
    "email_changed": "email",
    "letter_reissued": "reissue",
    "statement_printed": "statement",
    "note_added": "note",
    "caller_verified": "verification",
    "caller_verification_failed": "verification",
    # many candidates at once
    "letters_batch_printed": "batch",
    "results_released": "release",
    "data_imported": "import",
    "import_candidate_corrected": "import",
    "import_result_corrected": "import",
    "import_result_withdrawn": "import",
}

#: the audit actions a desk is told of (and that count in a candidate's version)
ANNOUNCED = frozenset(_KINDS)

#: the kinds of change that can begin or end a lock (the lockouts view follows them)
LOCKING = frozenset({"lock", "unlock", "reset", "reissue", "password"})

#: changes after which an action prepared on an older view of the candidate is
#: refused: they change what the action would do (a note or another desk's
#: verification of its own caller does not)
CONFLICTING = frozenset(
    {
        "account_locked",
        "account_secret_locked",
        "account_registered",
        "password_changed",
        "password_reset",
        "account_unlocked",
        "reset_sent",
        "temp_password_issued",
        "email_changed",
        "letter_reissued",
        "import_candidate_corrected",
    }
)


def kind_of(action: str) -> str | None:
    """The kind of change other desks are told of; None for a look or an office matter."""
    return _KINDS.get(action)
