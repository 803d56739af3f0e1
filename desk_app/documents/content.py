"""What a letter or a statement says: the only input of the renderers.

The service layer fills these frozen dataclasses from the database and the
settings; the renderers never look anything up. Secret Numbers appear here in
plain text only while a letter is printed: never store a ``LetterContent``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app.settings import LockoutPolicy, OfficeInfo, PasswordPolicy


@dataclass(frozen=True)
class ExamLine:
    """One exam entry printed on a letter (e.g. KET for Schools, July 2014)."""

    exam_name_en: str
    exam_name_zh: str
    session_en: str
    session_zh: str


@dataclass(frozen=True)
class LetterContent:
    """A reissued letter for the candidate results website.

    ``secret_number`` is ``None`` when the account is already registered: the
    letter then shows the ID Number and how to reset the password instead.
    ``entries`` may be empty (the exam row is then left out).
    ``reissue_count`` counts reissues (1 = the first reissue). ``issued_at``
    must be timezone-aware; it is printed in the office's time zone.
    """

    id_number: str
    name_en: str
    name_zh: str | None
    entries: tuple[ExamLine, ...]
    secret_number: str | None
    reissue_count: int
    serial: str
    issued_at: datetime
    password: PasswordPolicy
    lockout: LockoutPolicy
    office: OfficeInfo

    def __post_init__(self) -> None:
        _require_aware(self.issued_at, "issued_at")
        if self.reissue_count < 1:
            raise ValueError("reissue_count starts at 1 (the first reissue)")

    @property
    def registered(self) -> bool:
        """True when the account exists: the letter then carries no Secret Number."""
        return self.secret_number is None


@dataclass(frozen=True)
class PaperLine:
    """One paper's scale score (e.g. Reading and Writing, 148)."""

    name_en: str
    name_zh: str
    score: int


@dataclass(frozen=True)
class StatementContent:
    """A reprinted Statement of Results.

    ``name_en`` is printed exactly as given: it is the name on the
    certificate. ``score_min``/``score_max`` are the ends of the exam's scale
    (the bar chart's axis). ``papers`` is empty and ``has_breakdown`` False for
    exams without a breakdown by paper (Delta Module One). ``printed_at`` must
    be timezone-aware.
    """

    id_number: str
    name_en: str
    name_zh: str | None
    centre_code: str
    centre_name: str
    exam_name_en: str
    exam_name_zh: str
    session_en: str
    session_zh: str
    grade: str
    cefr: str
    score: int
    score_min: int
    score_max: int
    papers: tuple[PaperLine, ...]
    has_breakdown: bool
    released_on: date
    reprint_serial: str
    printed_at: datetime
    printed_by: str
    verification_code: str
    office: OfficeInfo

    def __post_init__(self) -> None:
        _require_aware(self.printed_at, "printed_at")
        if self.score_min >= self.score_max:
            raise ValueError("score_min must be below score_max")
        if self.has_breakdown != bool(self.papers):
            raise ValueError("papers must be empty exactly when has_breakdown is False")


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (UTC)")
