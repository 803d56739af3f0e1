"""The Actions menu: every step of handling a call, with its shortcut.

:class:`CallActions` owns one ``QAction`` per :class:`DeskAction` (the menu
and the pane's buttons show the same actions), with its keys from the table
in :mod:`desk_app.ui.actions.shortcuts`. Whenever the candidate, the
selected entry or the caller's verification changes, each action is enabled
or disabled, and a disabled one says why in its tooltip and status tip; its
key, pressed anyway, says why on the status line (:meth:`why_not_for`).
Triggering one opens its dialog (:mod:`desk_app.ui.actions.launcher`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desk_app.services.actor import StaffIdentity
from desk_app.services.candidates.detail import EntryDetail
from desk_app.ui.actions.call_state import CallVerifications
from desk_app.ui.actions.rules import DeskAction, DeskState, availability
from desk_app.ui.actions.shortcuts import keys_of
from desk_app.ui.candidate.loader import CandidateSnapshot

# the order of the menu, with separators between the groups
MENU_GROUPS = (
    (DeskAction.VERIFY_CALLER, DeskAction.RECORD_DOCUMENT),
    (
        DeskAction.UNLOCK,
        DeskAction.SEND_RESET,
        DeskAction.TEMP_PASSWORD,
        DeskAction.CHANGE_EMAIL,
        DeskAction.REISSUE_LETTER,
        DeskAction.PRINT_STATEMENT,
    ),
    (DeskAction.ADD_NOTE,),
    (DeskAction.VIEW_LOCKOUTS, DeskAction.BATCH_STATEMENTS),
)
# the actions shown as buttons in the candidate pane
PANE_ACTIONS = (
    DeskAction.VERIFY_CALLER,
    DeskAction.UNLOCK,
    DeskAction.SEND_RESET,
    DeskAction.CHANGE_EMAIL,
    DeskAction.REISSUE_LETTER,
    DeskAction.PRINT_STATEMENT,
    DeskAction.TEMP_PASSWORD,
    DeskAction.RECORD_DOCUMENT,
)


class CallActions(QObject):
    # the action the user chose (a DeskAction), enabled and with a candidate where one is needed
    requested = Signal(object)

    def __init__(
        self,
        staff: StaffIdentity,
        verifications: CallVerifications,
        now: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._staff = staff
        self._verifications = verifications
        self._now = now
        self._snapshot: CandidateSnapshot | None = None
        self._entry: EntryDetail | None = None
        self.actions: dict[DeskAction, QAction] = {}
        self._hints: dict[DeskAction, str] = {}
        for key in DeskAction:
            action = QAction(self)
            # from the one table of keys (shortcuts.py), which the Help sheet lists
            action.setShortcuts(keys_of(key.value))
            action.triggered.connect(lambda _checked=False, k=key: self._trigger(k))
            self.actions[key] = action
        verifications.changed.connect(lambda _candidate: self.update())
        self.retranslate()

    # -- state ---------------------------------------------------------------
    @property
    def snapshot(self) -> CandidateSnapshot | None:
        return self._snapshot

    @property
    def entry(self) -> EntryDetail | None:
        return self._entry

    def set_snapshot(self, snapshot: CandidateSnapshot | None) -> None:
        self._snapshot = snapshot
        self.update()

    def set_entry(self, entry: EntryDetail | None) -> None:
        self._entry = entry
        self.update()

    def state(self) -> DeskState:
        snapshot = self._snapshot
        verified = snapshot is not None and (
            self._verifications.open_until(snapshot.candidate_id) is not None
        )
        return DeskState(self._staff.role, snapshot, verified, self._entry, self._now())

    def update(self) -> None:
        state = self.state()
        for key, action in self.actions.items():
            answer = availability(key, state)
            action.setEnabled(answer.enabled)
            hint = self._hints[key]
            if answer.enabled and answer.override:
                hint += "\n" + self.tr("Not verified: you will be asked for an override reason.")
            if not answer.enabled:
                hint = answer.why_not
            action.setToolTip(hint)
            action.setStatusTip(hint)

    def why_not_for(self, sequence: QKeySequence) -> str | None:
        """Why the action on ``sequence`` is off (None when no action of ours is off on it)."""
        for action in self.actions.values():
            if not action.isEnabled() and sequence in action.shortcuts():
                return action.toolTip()
        return None

    def _trigger(self, key: DeskAction) -> None:
        if availability(key, self.state()).enabled:
            self.requested.emit(key)

    # -- texts ---------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {
            # (menu text, button text, what it does)
            DeskAction.VERIFY_CALLER: (
                self.tr("&Verify caller…"),
                self.tr("Verify caller"),
                self.tr("Check the caller's name, date of birth and one identifier."),
            ),
            DeskAction.RECORD_DOCUMENT: (
                self.tr("Identity &document seen…"),
                self.tr("Document seen"),
                self.tr("At the counter: record the identity document you checked."),
            ),
            DeskAction.UNLOCK: (
                self.tr("&Unlock early…"),
                self.tr("Unlock"),
                self.tr("End the lock now instead of waiting for it to run out."),
            ),
            DeskAction.SEND_RESET: (
                self.tr("Send password-&reset email…"),
                self.tr("Reset email"),
                self.tr("Email a single-use reset link to the registered address."),
            ),
            DeskAction.TEMP_PASSWORD: (
                self.tr("&Temporary password…"),
                self.tr("Temp. password"),
                self.tr("At the counter: a one-time password, changed at the next login."),
            ),
            DeskAction.CHANGE_EMAIL: (
                self.tr("Change registered &email…"),
                self.tr("Change email"),
                self.tr("For a candidate who lost access to the registered address."),
            ),
            DeskAction.REISSUE_LETTER: (
                self.tr("Reissue &letter…"),
                self.tr("Reissue letter"),
                self.tr("A new letter (and Secret Number); every older letter stops working."),
            ),
            DeskAction.PRINT_STATEMENT: (
                self.tr("Re&print statement…"),
                self.tr("Statement"),
                self.tr("Reprint the Statement of Results of the selected exam."),
            ),
            DeskAction.ADD_NOTE: (
                self.tr("Add call &note"),
                self.tr("Note"),
                self.tr("Write what this call was about."),
            ),
            DeskAction.VIEW_LOCKOUTS: (
                self.tr("Loc&kouts view"),
                self.tr("Lockouts"),
                self.tr("Accounts locked now, lockout counts and likely attacks."),
            ),
            DeskAction.BATCH_STATEMENTS: (
                self.tr("&Batch reprint of statements…"),
                self.tr("Batch reprint"),
                self.tr("Reprint many statements into a folder."),
            ),
        }
        self._hints = {key: hint for key, (_text, _short, hint) in texts.items()}
        for key, (text, short, _hint) in texts.items():
            self.actions[key].setText(text)
            self.actions[key].setIconText(short)
        self.update()

    def fill_menu(self, menu: QMenu) -> None:
        menu.setToolTipsVisible(True)
        for number, group in enumerate(MENU_GROUPS):
            if number:
                menu.addSeparator()
            for key in group:
                menu.addAction(self.actions[key])
