"""Builds the services of one process from a database, settings and a clock.

This is wiring, not a facade: panels and commands take the one service they
need from here and receive it in their constructor.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.database import Database
from desk_app.services.accounts.lockouts import LockoutService
from desk_app.services.accounts.website import AccountService
from desk_app.services.actions.desk_actions import DeskActionService
from desk_app.services.actions.reason_presets import ReasonPresetService
from desk_app.services.actions.verification import VerificationService
from desk_app.services.audit.trail import AuditService
from desk_app.services.candidates.desk_view import CandidateViewService
from desk_app.services.candidates.detail import CandidateService
from desk_app.services.candidates.notes import NoteService
from desk_app.services.clock import Clock, SystemClock
from desk_app.services.documents.letter_batch import LetterBatchService
from desk_app.services.documents.statements import StatementService
from desk_app.services.exports.audit_log import AuditExportService
from desk_app.services.exports.lockout_history import LockoutHistoryService
from desk_app.services.exports.search_results import SearchExportService
from desk_app.services.hashing import Hasher
from desk_app.services.importing.exporting import ResultsExportService
from desk_app.services.importing.service import ImportService
from desk_app.services.knowledge.answers import KnowledgeService
from desk_app.services.mail.sender import MailSender
from desk_app.services.release.notices import ReleaseService
from desk_app.services.search.service import SearchService
from desk_app.services.staff import StaffService
from desk_app.settings import Settings


@dataclass(frozen=True)
class Services:
    db: Database
    settings: Settings
    clock: Clock
    hasher: Hasher
    staff: StaffService
    audit: AuditService
    search: SearchService
    candidates: CandidateService
    candidate_views: CandidateViewService
    notes: NoteService
    mail: MailSender
    accounts: AccountService
    lockouts: LockoutService
    verification: VerificationService
    desk_actions: DeskActionService
    reason_presets: ReasonPresetService
    statements: StatementService
    letters: LetterBatchService
    release: ReleaseService
    importer: ImportService
    results_export: ResultsExportService
    audit_export: AuditExportService
    lockout_history: LockoutHistoryService
    search_export: SearchExportService
    knowledge: KnowledgeService


def build_services(db: Database, settings: Settings, clock: Clock | None = None) -> Services:
    clock = clock or SystemClock()
    hasher = Hasher(settings.hashing)
    return Services(
        db=db,
        settings=settings,
        clock=clock,
        hasher=hasher,
        staff=StaffService(db, settings, clock, hasher),
        audit=AuditService(db, clock),
        search=SearchService(db, settings, clock),
        candidates=CandidateService(db, settings, clock),
        candidate_views=CandidateViewService(db, settings, clock),
        notes=NoteService(db, settings, clock),
        mail=MailSender(db, settings, clock),
        accounts=AccountService(db, settings, clock, hasher),
        lockouts=LockoutService(db, settings, clock),
        verification=VerificationService(db, settings, clock),
        desk_actions=DeskActionService(db, settings, clock, hasher),
        reason_presets=ReasonPresetService(db, settings, clock),
        statements=StatementService(db, settings, clock),
        letters=LetterBatchService(db, settings, clock, hasher),
        release=ReleaseService(db, settings, clock),
        importer=ImportService(db, settings, clock),
        results_export=ResultsExportService(db, settings, clock),
        audit_export=AuditExportService(db, settings, clock),
        lockout_history=LockoutHistoryService(db, settings, clock),
        search_export=SearchExportService(db, settings, clock),
        knowledge=KnowledgeService(db, settings, clock),
    )
