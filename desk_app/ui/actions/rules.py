"""Which desk actions are open now, and if not, why: for enabling menus and buttons.

This mirrors the rules the services enforce (the permission matrix, the
verification a call needs, the account's state) so that the desk can say
*why* an action is unavailable before anyone tries it. The services still
decide: a refusal they give is shown as it comes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from desk_app.services.actions.verification import DOCUMENT_ROLES
from desk_app.services.candidates.detail import EntryDetail
from desk_app.services.permissions import NEEDS_VERIFICATION, OVERRIDE_ROLES, Action, allowed
from desk_app.ui.actions.shortcuts import key_text
from desk_app.ui.candidate.loader import CandidateSnapshot

translate = QCoreApplication.translate


class DeskAction(StrEnum):
    """The actions of the Actions menu (the service actions, plus the desk's own)."""

    VERIFY_CALLER = "verify_caller"
    RECORD_DOCUMENT = "record_document"
    UNLOCK = "unlock"
    SEND_RESET = "send_reset"
    TEMP_PASSWORD = "temp_password"
    CHANGE_EMAIL = "change_email"
    REISSUE_LETTER = "reissue_letter"
    PRINT_STATEMENT = "print_statement"
    ADD_NOTE = "add_note"
    VIEW_LOCKOUTS = "view_lockouts"
    BATCH_STATEMENTS = "batch_statements"


# the permission each desk action needs
_PERMISSION = {
    DeskAction.VERIFY_CALLER: Action.VERIFY_CALLER,
    DeskAction.RECORD_DOCUMENT: Action.VERIFY_CALLER,
    DeskAction.UNLOCK: Action.UNLOCK,
    DeskAction.SEND_RESET: Action.SEND_RESET,
    DeskAction.TEMP_PASSWORD: Action.TEMP_PASSWORD,
    DeskAction.CHANGE_EMAIL: Action.CHANGE_EMAIL,
    DeskAction.REISSUE_LETTER: Action.REISSUE_LETTER,
    DeskAction.PRINT_STATEMENT: Action.PRINT_STATEMENT,
    DeskAction.ADD_NOTE: Action.ADD_NOTE,
    DeskAction.VIEW_LOCKOUTS: Action.VIEW_LOCKOUTS,
    DeskAction.BATCH_STATEMENTS: Action.BATCH_STATEMENTS,
}
# actions that need no candidate open
_WINDOW_ACTIONS = frozenset({DeskAction.VIEW_LOCKOUTS, DeskAction.BATCH_STATEMENTS})
_NEEDS_ACCOUNT = frozenset(
    {DeskAction.SEND_RESET, DeskAction.TEMP_PASSWORD, DeskAction.CHANGE_EMAIL}
)


@dataclass(frozen=True)
class Availability:
    enabled: bool
    #: why not, in the current language ("" when enabled)
    why_not: str = ""
    #: a supervisor acting without a current verification: ask for an override reason
    override: bool = False


@dataclass(frozen=True)
class DeskState:
    """What the rules look at."""

    role: str
    snapshot: CandidateSnapshot | None
    #: a current verification pass of this candidate by this desk
    verified: bool
    #: the entry chosen in the pane (for a statement), if any
    entry: EntryDetail | None
    now: datetime


def role_may(action: DeskAction, role: str) -> bool:
    """Whether ``role`` may ever do ``action`` (whatever the candidate and the call)."""
    if action is DeskAction.RECORD_DOCUMENT and role not in DOCUMENT_ROLES:
        return False
    return allowed(role, _PERMISSION[action])


def availability(action: DeskAction, state: DeskState) -> Availability:
    if not role_may(action, state.role):
        return Availability(False, translate("ActionRules", "Your role may not do this."))
    if action in _WINDOW_ACTIONS:
        return Availability(True)
    snapshot = state.snapshot
    if snapshot is None:
        return Availability(False, translate("ActionRules", "Open a candidate first."))
    why_not = _state_says_no(action, snapshot, state)
    if why_not:
        return Availability(False, why_not)
    if _PERMISSION[action] not in NEEDS_VERIFICATION or state.verified:
        return Availability(True)
    if state.role in OVERRIDE_ROLES:
        return Availability(True, override=True)
    verify, document = key_text("verify_caller"), key_text("record_document")
    if state.role in DOCUMENT_ROLES:
        text = translate(
            "ActionRules",
            "Verify the caller first ({verify}), or record the identity document seen "
            "({document}).",
        )
        return Availability(False, text.format(verify=verify, document=document))
    text = translate("ActionRules", "Verify the caller first ({verify}).")
    return Availability(False, text.format(verify=verify))


def _state_says_no(action: DeskAction, snapshot: CandidateSnapshot, state: DeskState) -> str:
    account = snapshot.detail.account
    if action is DeskAction.UNLOCK and snapshot.locked_until(state.now) is None:
        return translate("ActionRules", "The account is not locked.")
    if action in _NEEDS_ACCOUNT and not account.registered:
        return translate("ActionRules", "The candidate has not registered a results account.")
    if action is DeskAction.PRINT_STATEMENT:
        entry = state.entry
        if entry is not None and entry.result is None:
            return translate("ActionRules", "The selected exam has no released result.")
        if not any(e.result is not None for e in snapshot.detail.entries):
            return translate("ActionRules", "The candidate has no released result.")
    return ""
