"""SQLAlchemy models, one module per aggregate.

A name is imported from its module when first asked for (``from
desk_app.models import Candidate`` loads ``models/candidate.py`` and the
models its foreign keys name, no more), so a short command such as
``desk-app show`` builds and configures only the mappers it uses.
:func:`load_all` registers every model: what needs the whole schema
(``Base.metadata`` for Alembic, the importer's and the demo's tables) calls it.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: each public name and the module (under ``desk_app.models``) that defines it
_WHERE = {
    "AccountEvent": "account",
    "PasswordResetToken": "account",
    "ResultsAccount": "account",
    "AuditEvent": "audit",
    "AuditHead": "audit",
    "Base": "base",
    "UtcDateTime": "base",
    "Candidate": "candidate",
    "Entry": "candidate",
    "PaperScore": "candidate",
    "Result": "candidate",
    "SearchToken": "candidate",
    "Centre": "catalogue",
    "Exam": "catalogue",
    "ExamCefr": "catalogue",
    "ExamGrade": "catalogue",
    "ExamSession": "catalogue",
    "Paper": "catalogue",
    "CallerVerification": "desk",
    "CallNote": "desk",
    "KnowledgeAnswer": "knowledge",
    "Letter": "letter",
    "LetterBatch": "letter",
    "OutboxMessage": "outbox",
    "ReasonPreset": "reason_preset",
    "ReleaseNotice": "release",
    "ROLES": "staff",
    "Staff": "staff",
    "IssuedStatement": "statement",
}

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


def _module(name: str) -> ModuleType:
    """The module ``desk_app.models.<name>``, imported by its plain name (no look-up)."""
    match name:
        case "account":
            from desk_app.models import account

            return account
        case "audit":
            from desk_app.models import audit

            return audit
        case "base":
            from desk_app.models import base

            return base
        case "candidate":
            from desk_app.models import candidate

            return candidate
        case "catalogue":
            from desk_app.models import catalogue

            return catalogue
        case "desk":
            from desk_app.models import desk

            return desk
        case "knowledge":
            from desk_app.models import knowledge

            return knowledge
        case "letter":
            from desk_app.models import letter

            return letter
        case "outbox":
            from desk_app.models import outbox

            return outbox
        case "reason_preset":
            from desk_app.models import reason_preset

            return reason_preset
        case "release":
            from desk_app.models import release

            return release
        case "staff":
            from desk_app.models import staff

            return staff
        case "statement":
            from desk_app.models import statement

            return statement
    raise AttributeError(f"{__name__!r} has no module {name!r}")


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_module(module), name)
    globals()[name] = value
    return value


def load_all() -> type[Base]:
    """Register every model; the declarative base, whose ``metadata`` then holds every table."""
    for module in sorted(set(_WHERE.values())):
        _module(module)
    from desk_app.models.base import Base

    return Base
