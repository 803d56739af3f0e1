"""What a letter or a statement says: the only input of the renderers.

The service layer fills these frozen dataclasses from the database and the
settings; the renderers never look anything up. Secret Numbers appear here in
plain text only while a letter is printed: never store a ``LetterContent``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app.settings import LockoutPolicy, OfficeInfo, PasswordPolicy

#: how an exam's scores read: "scale" (the Cambridge English Scale, overall and
#: per paper), "shields" (Young Learners: 1–5 shields a paper, the overall score
#: is their total) or "marks" (Delta: marks out of ``score_max``, no scale)
SCORINGS = ("scale", "shields", "marks")
SHIELDS_PER_PAPER = 5


@dataclass(frozen=True)
class ExamLine:
    """One exam entry printed on a letter (e.g. KET for Schools, July 2014)."""

    exam_name_en: str
    exam_name_zh: str
    session_en: str
    session_zh: str


@dataclass(frozen=True)
class LetterContent:
    """A letter for the candidate results website: the exam-day letter or a reissue.

    ``secret_number`` is ``None`` when the account is already registered: the
    letter then shows the ID Number and how to reset the password instead.
    ``entries`` may be empty (the exam row is then left out).
    ``reissue_count`` counts reissues (1 = the first reissue); 0 is the
    exam-day letter, which has no reissue wording. ``results_online`` is the
    day results go online (the office's calendar), printed as the seeds'
    letter does; None leaves the line out. ``issued_at`` must be
    timezone-aware; it is printed in the office's time zone.
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
    results_online: date | None = None

    def __post_init__(self) -> None:
        _require_aware(self.issued_at, "issued_at")
        if self.reissue_count < 0:
            raise ValueError("reissue_count is 0 (exam day) or counts reissues from 1")
        if self.exam_day and self.secret_number is None:
            raise ValueError("an exam-day letter carries a Secret Number")

    @property
    def registered(self) -> bool:
        """True when the account exists: the letter then carries no Secret Number."""
        return self.secret_number is None

    @property
    def exam_day(self) -> bool:
        """The first letter, handed out on exam day (no reissue wording)."""
        return self.reissue_count == 0


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
    certificate. ``score_min``/``score_max`` are the lowest and highest
    overall score the exam reports. ``scoring`` says how to read them (see
    :data:`SCORINGS`). ``papers`` is empty and ``has_breakdown`` False for
    exams without a breakdown by paper (Delta Module One). ``cefr`` is empty
    when the exam gives no CEFR level (Delta, a fail): the cell is left out.
    ``printed_at`` must be timezone-aware.
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
    scoring: str = "scale"

    def __post_init__(self) -> None:
        _require_aware(self.printed_at, "printed_at")
        if self.score_min >= self.score_max:
            raise ValueError("score_min must be below score_max")
        if self.has_breakdown != bool(self.papers):
            raise ValueError("papers must be empty exactly when has_breakdown is False")
        if self.scoring not in SCORINGS:
            raise ValueError(f"scoring is one of {', '.join(SCORINGS)}")

    @property
    def paper_max(self) -> int:
        """The highest score one paper can have."""
        return SHIELDS_PER_PAPER if self.scoring == "shields" else self.score_max


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware (UTC)")
