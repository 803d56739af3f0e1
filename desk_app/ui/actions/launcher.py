"""Opening the dialog of each desk action.

Each dialog is bound to the candidate shown when it was opened (its name and
ID Number are in the title), so a selection that moves meanwhile cannot
redirect an action. The verification starts with the ID Number on screen
filled in; a reason dialog lists the action's reason presets. After a
success the window loads the candidate again (``acted``), says what happened
in the status bar (``message``) and offers the reason as the call note
(``noteOffered``); after a refusal because another desk changed the
candidate meanwhile, it loads the candidate again and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desk_app.services.actions.verification import VerificationResult, VerificationService
from desk_app.services.actor import StaffIdentity
from desk_app.services.documents.statements import StatementService
from desk_app.services.live.versions import ChangedMeanwhile
from desk_app.ui.actions.batch_reprint_dialog import BatchReprintDialog
from desk_app.ui.actions.call_actions import CallActions
from desk_app.ui.actions.call_state import CallVerifications
from desk_app.ui.actions.plans import ActionPlans, Plan, who
from desk_app.ui.actions.presets_cache import ReasonPresetsCache
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.actions.rules import DeskAction, availability
from desk_app.ui.actions.verify_dialog import DocumentSeenDialog, VerifyCallerDialog
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.common.batch_progress import BatchRunner, BatchSummary


class ActionLauncher(QObject):
    # an action changed this candidate (its ID Number): load it again
    acted = Signal(str)
    # a sentence for the status bar
    message = Signal(str)
    noteRequested = Signal()
    lockoutsRequested = Signal()
    # after an action: the candidate's ID Number and the call note offered
    noteOffered = Signal(str, str)

    def __init__(
        self,
        plans: ActionPlans,
        verification: VerificationService,
        statements: StatementService,
        staff: StaffIdentity,
        actions: CallActions,
        verifications: CallVerifications,
        presets: ReasonPresetsCache,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._presets = presets
        self._verification = verification
        self._statements = statements
        self._staff = staff
        self._actions = actions
        self._verifications = verifications
        self._window = window
        self._plans = plans
        self._plans.message.connect(self.message)
        actions.requested.connect(self.launch)

    def launch(self, key: DeskAction) -> QWidget | None:
        """Open the dialog of ``key`` (window-modal, not blocking); returns it, if any."""
        if key is DeskAction.ADD_NOTE:
            self.noteRequested.emit()
            return None
        if key is DeskAction.VIEW_LOCKOUTS:
            self.lockoutsRequested.emit()
            return None
        if key is DeskAction.BATCH_STATEMENTS:
            batch = BatchReprintDialog(self._statements, self._staff, self._window)
            batch.started.connect(self._batch_started)
            batch.open()
            return batch
        snapshot = self._actions.snapshot
        if snapshot is None:
            return None
        if key is DeskAction.VERIFY_CALLER:
            return self._verify(snapshot)
        if key is DeskAction.RECORD_DOCUMENT:
            return self._document(snapshot)
        return self._act(key, snapshot)

    # -- verification ----------------------------------------------------------
    def _verify(self, snapshot: CandidateSnapshot) -> QWidget:
        service, staff = self._verification, self._staff
        candidate_id = snapshot.candidate_id

        def check(**given: Any) -> VerificationResult:
            return service.verify_caller(staff, candidate_id, **given)

        dialog = VerifyCallerDialog(
            check, who(snapshot), self._window, id_number=snapshot.id_number
        )
        dialog.verified.connect(lambda result: self._verified(candidate_id, result))
        dialog.open()
        return dialog

    def _document(self, snapshot: CandidateSnapshot) -> QWidget:
        service, staff = self._verification, self._staff
        candidate_id = snapshot.candidate_id

        def record(document: str) -> VerificationResult:
            return service.record_document(staff, candidate_id, document)

        dialog = DocumentSeenDialog(record, who(snapshot), self._window)
        dialog.verified.connect(lambda result: self._verified(candidate_id, result))
        dialog.open()
        return dialog

    def _verified(self, candidate_id: int, result: VerificationResult) -> None:
        self._verifications.record(candidate_id, result)
        if result.passed:
            self.message.emit(self.tr("Caller verification: PASS"))
        else:
            self.message.emit(self.tr("Caller verification: FAIL"))

    # -- the actions with a reason -----------------------------------------------
    def _act(self, key: DeskAction, snapshot: CandidateSnapshot) -> QWidget | None:
        answer = availability(key, self._actions.state())
        if not answer.enabled:
            return None
        plans = self._plans
        builders: dict[DeskAction, Callable[[CandidateSnapshot], Plan]] = {
            DeskAction.UNLOCK: plans.unlock,
            DeskAction.SEND_RESET: plans.send_reset,
            DeskAction.TEMP_PASSWORD: plans.temporary_password,
            DeskAction.CHANGE_EMAIL: plans.change_email,
            DeskAction.REISSUE_LETTER: plans.reissue_letter,
            DeskAction.PRINT_STATEMENT: lambda s: plans.print_statement(s, self._actions.entry),
        }
        plan = builders[key](snapshot)
        name = who(snapshot)
        dialog = ReasonDialog(
            lambda: plan.title().format(who=name),
            plan.intro,
            plan.verb,
            plan.job,
            override=answer.override,
            presets=lambda: self._presets.texts(key.value),
            parent=self._window,
        )
        if plan.field is not None:
            dialog.add_field(plan.field_label, plan.field)
        id_number = snapshot.id_number
        dialog.succeeded.connect(
            lambda result: self._succeeded(id_number, plan, result, dialog.reason.text().strip())
        )
        dialog.refused.connect(lambda error: self._refused(id_number, error))
        dialog.open()
        return dialog

    def _succeeded(self, id_number: str, plan: Plan, result: object, reason: str) -> None:
        self.acted.emit(id_number)
        plan.after(result)
        self.noteOffered.emit(id_number, plan.note(reason))

    def _refused(self, id_number: str, error: BaseException) -> None:
        if isinstance(error, ChangedMeanwhile):  # another desk changed it: show it as it is
            self.acted.emit(id_number)

    def _batch_started(self, runner: BatchRunner) -> None:
        def finished(summary: BatchSummary) -> None:
            text = self.tr("Batch reprint: {done} of {total} written.")
            self.message.emit(text.format(done=summary.done, total=summary.total))

        runner.finished.connect(finished)
