"""SQLAlchemy models, one module per aggregate. Importing this registers them all."""

from desk_app.models.account import AccountEvent, PasswordResetToken, ResultsAccount
from desk_app.models.audit import AuditEvent, AuditHead
from desk_app.models.base import Base, UtcDateTime
from desk_app.models.candidate import Candidate, Entry, PaperScore, Result, SearchToken
from desk_app.models.catalogue import Centre, Exam, ExamCefr, ExamGrade, ExamSession, Paper
from desk_app.models.desk import CallerVerification, CallNote
from desk_app.models.knowledge import KnowledgeAnswer
from desk_app.models.letter import Letter, LetterBatch
from desk_app.models.outbox import OutboxMessage
from desk_app.models.reason_preset import ReasonPreset
from desk_app.models.release import ReleaseNotice
from desk_app.models.staff import ROLES, Staff
from desk_app.models.statement import IssuedStatement

__all__ = [
    "ROLES",
    "AccountEvent",
    "AuditEvent",
    "AuditHead",
    "Base",
    "CallNote",
    "CallerVerification",
    "Candidate",
    "Centre",
    "Entry",
    "Exam",
    "ExamCefr",
    "ExamGrade",
    "ExamSession",
    "IssuedStatement",
    "KnowledgeAnswer",
    "Letter",
    "LetterBatch",
    "OutboxMessage",
    "Paper",
    "PaperScore",
    "PasswordResetToken",
    "ReasonPreset",
    "ReleaseNotice",
    "Result",
    "ResultsAccount",
    "SearchToken",
    "Staff",
    "UtcDateTime",
]
