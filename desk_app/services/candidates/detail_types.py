"""What the desk shows of one candidate: plain frozen dataclasses.

No SQLAlchemy here: the desk's services (``detail.py``) and the plain read
path of ``desk-app show`` (``quick_show.py``) both build these, through the
one read in ``detail_read.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desk_app.services.release.status import ReleaseNoticeDetail


@dataclass(frozen=True)
class PaperLine:
    name: str
    name_zh: str | None
    score: int


@dataclass(frozen=True)
class ResultDetail:
    grade: str
    cefr: str | None
    score: int
    papers: tuple[PaperLine, ...]
    released_at: datetime


@dataclass(frozen=True)
class EntryDetail:
    entry_id: int
    exam: str
    exam_zh: str | None
    exam_code: str
    session: str
    session_zh: str
    has_breakdown: bool
    #: None until the result is released (and when there is none yet)
    result: ResultDetail | None
    release_at: datetime | None
    #: the "results available" email: None until the release job decided about it
    notice: ReleaseNoticeDetail | None = None


@dataclass(frozen=True)
class AccountDetail:
    registered: bool
    email: str | None
    failed_attempts: int
    #: None unless locked now
    locked_until: datetime | None
    registered_at: datetime | None
    must_change_password: bool
    last_login_at: datetime | None
    #: None unless the Secret Number lock (wrong Secret Numbers at registration) is on now
    secret_locked_until: datetime | None


@dataclass(frozen=True)
class LetterDetail:
    number: int
    serial: str
    issued_at: datetime
    reason: str | None
    issued_by: str | None
    active: bool
    #: False for a letter issued after registration (ID Number and reset steps only)
    has_secret: bool


@dataclass(frozen=True)
class CandidateDetail:
    candidate_id: int
    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: date
    email: str | None
    phone: str | None
    centre: str
    centre_name: str
    language: str
    entries: tuple[EntryDetail, ...]
    account: AccountDetail
    letters: tuple[LetterDetail, ...]
    #: the newest change desks show of this candidate (an audit id): what an action
    #: prepared on this view passes back as ``seen_version`` (``live/versions.py``)
    version: int = 0
    #: the centre's Chinese name, where the catalogue keeps one
    centre_name_zh: str | None = None
