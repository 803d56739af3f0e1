"""The permission matrix, cell by cell, and its enforcement in the services."""

from __future__ import annotations

import pytest

from desk_app.services.errors import PermissionDenied
from desk_app.services.permissions import MATRIX, Action, Role, allowed, check

# The matrix as written in permissions.py's docstring, restated here so a
# change to one without the other fails.
EXPECTED = {
    Action.SEARCH: "OCSA",
    Action.EXPORT_SEARCH: "OCSA",
    Action.VIEW_CANDIDATE: "OCSA",
    Action.ADD_NOTE: "OCS",
    Action.VERIFY_CALLER: "OCS",
    Action.UNLOCK: "OCS",
    Action.SEND_RESET: "OCS",
    Action.CHANGE_EMAIL: "OCS",
    Action.REISSUE_LETTER: "OCS",
    Action.TEMP_PASSWORD: "CS",
    Action.PRINT_STATEMENT: "CS",
    Action.BATCH_STATEMENTS: "S",
    Action.PRINT_LETTERS: "SA",
    Action.VIEW_LOCKOUTS: "SA",
    Action.VIEW_AUDIT: "SA",
    Action.MANAGE_STAFF: "A",
    Action.IMPORT_DATA: "A",
    Action.EXPORT_RESULTS: "A",
    Action.READ_ANSWERS: "OCSA",
    Action.EMAIL_ANSWER: "OCS",
    Action.EDIT_ANSWERS: "S",
    Action.EDIT_REASON_PRESETS: "S",
}
LETTER = {Role.OPERATOR: "O", Role.COUNTER: "C", Role.SUPERVISOR: "S", Role.ADMIN: "A"}


def test_every_action_is_in_the_matrix() -> None:
    assert set(MATRIX) == set(Action) == set(EXPECTED)


@pytest.mark.parametrize("action", list(Action), ids=lambda a: a.value)
@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
def test_cell(role: Role, action: Action) -> None:
    expected = LETTER[role] in EXPECTED[action]
    assert allowed(role, action) is expected
    if expected:
        check(role, action)
    else:
        with pytest.raises(PermissionDenied) as refused:
            check(role, action)
        assert refused.value.code == "permission_denied"
        assert refused.value.params["role"] == role


def test_an_unknown_role_may_do_nothing() -> None:
    for action in Action:
        assert not allowed("visitor", action)


def test_the_docstring_table_matches_the_matrix() -> None:
    import desk_app.services.permissions as module

    doc = module.__doc__ or ""
    for action, letters in EXPECTED.items():
        line = next(
            row
            for row in doc.splitlines()
            if row.startswith("|") and action.value in row.split("|")[1]
        )
        cells = [c.strip() for c in line.split("|")[2:6]]
        for role, cell in zip(Role, cells, strict=True):
            assert (cell.startswith("✓")) is (LETTER[role] in letters), (action, role)
