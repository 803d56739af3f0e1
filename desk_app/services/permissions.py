"""Who may do what: the permission matrix, enforced by every service call.

The UI hides what a role cannot do, but only as a courtesy: the services
check again, against the staff row as it is in the database now (a role
changed or an account deactivated takes effect on the next call).

| action                 | operator | counter | supervisor | admin |
|------------------------|:--------:|:-------:|:----------:|:-----:|
| search, view_candidate |    ✓     |    ✓    |     ✓      |   ✓   |
| export_search          |    ✓     |    ✓    |     ✓      |   ✓   |
| add_note               |    ✓     |    ✓    |     ✓      |       |
| verify_caller          |    ✓     |    ✓    |     ✓      |       |
| unlock                 |    ✓¹    |   ✓¹    |     ✓      |       |
| send_reset             |    ✓¹    |   ✓¹    |     ✓      |       |
| change_email           |    ✓¹    |   ✓¹    |     ✓      |       |
| reissue_letter         |    ✓¹    |   ✓¹    |     ✓      |       |
| temp_password          |          |   ✓¹    |     ✓      |       |
| print_statement        |          |   ✓¹    |     ✓      |       |
| batch_statements       |          |         |     ✓      |       |
| print_letters          |          |         |     ✓      |   ✓   |
| view_lockouts          |          |         |     ✓      |   ✓   |
| view_audit             |          |         |     ✓      |   ✓   |
| manage_staff           |          |         |            |   ✓   |
| import_data            |          |         |            |   ✓   |
| export_results         |          |         |            |   ✓   |
| read_answers           |    ✓     |    ✓    |     ✓      |   ✓   |
| email_answer           |    ✓     |    ✓    |     ✓      |       |
| edit_answers           |          |         |     ✓      |       |
| edit_reason_presets    |          |         |     ✓      |       |

¹ only with a current caller verification (operator: name, date of birth
and one identifier; counter: an identity document seen). A supervisor may
act without one by giving a reason, audited as an override.

``print_letters`` is the centre's batch of exam-day letters (and reprinting
a batch with new Secret Numbers): no caller is involved, so it needs no
verification; supervisors run the desk's day, administrators load the exam
board's files that create the candidates.

``export_search`` writes what a search finds to a file (audited): anyone who
may search, but signed in (the terminal user may search, never export).

``email_answer`` sends one of the desk's answers (the FAQ) to the address
the candidate registered or the one on file, never to one the caller gives:
it discloses nothing to the caller, so it needs no verification.
"""

from __future__ import annotations

from enum import StrEnum

from desk_app.services.errors import PermissionDenied


class Role(StrEnum):
    OPERATOR = "operator"
    COUNTER = "counter"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Action(StrEnum):
    SEARCH = "search"
    EXPORT_SEARCH = "export_search"
    VIEW_CANDIDATE = "view_candidate"
    ADD_NOTE = "add_note"
    VERIFY_CALLER = "verify_caller"
    UNLOCK = "unlock"
    SEND_RESET = "send_reset"
    CHANGE_EMAIL = "change_email"
    REISSUE_LETTER = "reissue_letter"
    TEMP_PASSWORD = "temp_password"
    PRINT_STATEMENT = "print_statement"
    BATCH_STATEMENTS = "batch_statements"
    PRINT_LETTERS = "print_letters"
    VIEW_LOCKOUTS = "view_lockouts"
    VIEW_AUDIT = "view_audit"
    MANAGE_STAFF = "manage_staff"
    IMPORT_DATA = "import_data"
    #: the import format's file of every candidate and result (docs/IMPORT.md)
    EXPORT_RESULTS = "export_results"
    #: the desk's answers (the FAQ): read, email to a candidate, edit
    READ_ANSWERS = "read_answers"
    EMAIL_ANSWER = "email_answer"
    EDIT_ANSWERS = "edit_answers"
    #: the numbered reasons each desk action offers (services/actions/reason_presets.py)
    EDIT_REASON_PRESETS = "edit_reason_presets"


_O, _C, _S, _A = Role.OPERATOR, Role.COUNTER, Role.SUPERVISOR, Role.ADMIN

MATRIX: dict[Action, frozenset[Role]] = {
    Action.SEARCH: frozenset({_O, _C, _S, _A}),
    Action.EXPORT_SEARCH: frozenset({_O, _C, _S, _A}),
    Action.VIEW_CANDIDATE: frozenset({_O, _C, _S, _A}),
    Action.ADD_NOTE: frozenset({_O, _C, _S}),
    Action.VERIFY_CALLER: frozenset({_O, _C, _S}),
    Action.UNLOCK: frozenset({_O, _C, _S}),
    Action.SEND_RESET: frozenset({_O, _C, _S}),
    Action.CHANGE_EMAIL: frozenset({_O, _C, _S}),
    Action.REISSUE_LETTER: frozenset({_O, _C, _S}),
    Action.TEMP_PASSWORD: frozenset({_C, _S}),
    Action.PRINT_STATEMENT: frozenset({_C, _S}),
    Action.BATCH_STATEMENTS: frozenset({_S}),
    Action.PRINT_LETTERS: frozenset({_S, _A}),
    Action.VIEW_LOCKOUTS: frozenset({_S, _A}),
    Action.VIEW_AUDIT: frozenset({_S, _A}),
    Action.MANAGE_STAFF: frozenset({_A}),
    Action.IMPORT_DATA: frozenset({_A}),
    Action.EXPORT_RESULTS: frozenset({_A}),
    Action.READ_ANSWERS: frozenset({_O, _C, _S, _A}),
    Action.EMAIL_ANSWER: frozenset({_O, _C, _S}),
    Action.EDIT_ANSWERS: frozenset({_S}),
    Action.EDIT_REASON_PRESETS: frozenset({_S}),
}

#: actions on a candidate that need a current caller verification, unless a
#: role in OVERRIDE_ROLES gives a reason instead
NEEDS_VERIFICATION: frozenset[Action] = frozenset(
    {
        Action.UNLOCK,
        Action.SEND_RESET,
        Action.CHANGE_EMAIL,
        Action.REISSUE_LETTER,
        Action.TEMP_PASSWORD,
        Action.PRINT_STATEMENT,
    }
)
OVERRIDE_ROLES: frozenset[Role] = frozenset({Role.SUPERVISOR})


def allowed(role: str, action: Action) -> bool:
    return role in MATRIX[action]


def check(role: str, action: Action) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` may do ``action``."""
    if not allowed(role, action):
        raise PermissionDenied("permission_denied", role=role, action=action.value)
