"""The services of one process over a database, settings and a clock.

This is wiring, not a facade: panels and commands take the one service they
need from here and receive it in their constructor.

Each service is built, and its module imported, when it is first asked for:
``desk-app show`` loads the candidate service and not the importer, the
mail sender or the PDF renderers, and the desk's window starts without
waiting for all of them. Building one is cheap and keeps no state beyond
what it is given, so two threads asking at once at worst build it twice.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from desk_app.services.clock import Clock, SystemClock
from desk_app.settings import Settings

if TYPE_CHECKING:
    from desk_app.database import Database
    from desk_app.services.accounts.lockouts import LockoutService
    from desk_app.services.accounts.website import AccountService
    from desk_app.services.actions.desk_actions import DeskActionService
    from desk_app.services.actions.reason_presets import ReasonPresetService
    from desk_app.services.actions.verification import VerificationService
    from desk_app.services.audit.browse import AuditBrowseService
    from desk_app.services.audit.trail import AuditService
    from desk_app.services.candidates.desk_view import CandidateViewService
    from desk_app.services.candidates.detail import CandidateService
    from desk_app.services.candidates.notes import NoteService
    from desk_app.services.connection import ConnectionService
    from desk_app.services.documents.letter_batch import LetterBatchService
    from desk_app.services.documents.statements import StatementService
    from desk_app.services.exports.audit_log import AuditExportService
    from desk_app.services.exports.lockout_history import LockoutHistoryService
    from desk_app.services.exports.search_results import SearchExportService
    from desk_app.services.hashing import Hasher
    from desk_app.services.importing.exporting import ResultsExportService
    from desk_app.services.importing.service import ImportService
    from desk_app.services.knowledge.answers import KnowledgeService
    from desk_app.services.live.service import LiveService
    from desk_app.services.mail.sender import MailSender
    from desk_app.services.release.notices import ReleaseService
    from desk_app.services.search.service import SearchService
    from desk_app.services.staff import StaffService


class Services:
    def __init__(self, db: Database, settings: Settings, clock: Clock | None = None) -> None:
        self.db = db
        self.settings = settings
        self.clock: Clock = clock or SystemClock()

    @cached_property
    def hasher(self) -> Hasher:
        from desk_app.services.hashing import Hasher

        return Hasher(self.settings.hashing)

    @cached_property
    def staff(self) -> StaffService:
        from desk_app.services.staff import StaffService

        return StaffService(self.db, self.settings, self.clock, self.hasher)

    @cached_property
    def audit(self) -> AuditService:
        from desk_app.services.audit.trail import AuditService

        return AuditService(self.db, self.clock)

    @cached_property
    def search(self) -> SearchService:
        from desk_app.services.search.service import SearchService

        return SearchService(self.db, self.settings, self.clock)

    @cached_property
    def candidates(self) -> CandidateService:
        from desk_app.services.candidates.detail import CandidateService

        return CandidateService(self.db, self.settings, self.clock)

    @cached_property
    def candidate_views(self) -> CandidateViewService:
        """The desk's pane: a candidate in full, in one look."""
        from desk_app.services.candidates.desk_view import CandidateViewService

        return CandidateViewService(self.db, self.settings, self.clock)

    @cached_property
    def reason_presets(self) -> ReasonPresetService:
        from desk_app.services.actions.reason_presets import ReasonPresetService

        return ReasonPresetService(self.db, self.settings, self.clock)

    @cached_property
    def notes(self) -> NoteService:
        from desk_app.services.candidates.notes import NoteService

        return NoteService(self.db, self.settings, self.clock)

    @cached_property
    def mail(self) -> MailSender:
        from desk_app.services.mail.sender import MailSender

        return MailSender(self.db, self.settings, self.clock)

    @cached_property
    def accounts(self) -> AccountService:
        from desk_app.services.accounts.website import AccountService

        return AccountService(self.db, self.settings, self.clock, self.hasher)

    @cached_property
    def lockouts(self) -> LockoutService:
        from desk_app.services.accounts.lockouts import LockoutService

        return LockoutService(self.db, self.settings, self.clock)

    @cached_property
    def verification(self) -> VerificationService:
        from desk_app.services.actions.verification import VerificationService

        return VerificationService(self.db, self.settings, self.clock)

    @cached_property
    def desk_actions(self) -> DeskActionService:
        from desk_app.services.actions.desk_actions import DeskActionService

        return DeskActionService(self.db, self.settings, self.clock, self.hasher)

    @cached_property
    def statements(self) -> StatementService:
        from desk_app.services.documents.statements import StatementService

        return StatementService(self.db, self.settings, self.clock)

    @cached_property
    def letters(self) -> LetterBatchService:
        from desk_app.services.documents.letter_batch import LetterBatchService

        return LetterBatchService(self.db, self.settings, self.clock, self.hasher)

    @cached_property
    def release(self) -> ReleaseService:
        from desk_app.services.release.notices import ReleaseService

        return ReleaseService(self.db, self.settings, self.clock)

    @cached_property
    def importer(self) -> ImportService:
        from desk_app.services.importing.service import ImportService

        return ImportService(self.db, self.settings, self.clock)

    @cached_property
    def results_export(self) -> ResultsExportService:
        from desk_app.services.importing.exporting import ResultsExportService

        return ResultsExportService(self.db, self.settings, self.clock)

    @cached_property
    def audit_browse(self) -> AuditBrowseService:
        """The supervisor's audit view: filtered pages and the chain's check."""
        from desk_app.services.audit.browse import AuditBrowseService

        return AuditBrowseService(self.db, self.settings, self.clock)

    @cached_property
    def audit_export(self) -> AuditExportService:
        from desk_app.services.exports.audit_log import AuditExportService

        return AuditExportService(self.db, self.settings, self.clock)

    @cached_property
    def lockout_history(self) -> LockoutHistoryService:
        from desk_app.services.exports.lockout_history import LockoutHistoryService

        return LockoutHistoryService(self.db, self.settings, self.clock)

    @cached_property
    def search_export(self) -> SearchExportService:
        from desk_app.services.exports.search_results import SearchExportService

        return SearchExportService(self.db, self.settings, self.clock)

    @cached_property
    def knowledge(self) -> KnowledgeService:
        from desk_app.services.knowledge.answers import KnowledgeService

        return KnowledgeService(self.db, self.settings, self.clock)

    @cached_property
    def live(self) -> LiveService:
        from desk_app.services.live.service import LiveService

        return LiveService(self.db, self.settings, self.clock)

    @cached_property
    def connection(self) -> ConnectionService:
        from desk_app.services.connection import ConnectionService

        return ConnectionService(self.db)


def build_services(db: Database, settings: Settings, clock: Clock | None = None) -> Services:
    return Services(db, settings, clock)
