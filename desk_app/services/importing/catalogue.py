"""What a file's rows are checked against: exams, centres and sessions in the database.

Exams are matched by code or by name (English or Chinese), without regard
to case, width or spacing. Centres are matched by code. Sessions by code
or name; a session the database does not have yet is made when the file
names a month: ``2026-06``, ``June 2026`` / ``Jun 2026`` or ``2026年6月``
all make session ``2026-06`` ("June 2026", "2026年6月", held in that month:
its first day is stored, as the board gives no exam day).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk_app.models import Centre, Exam, ExamSession
from desk_app.services.importing.columns import name_key

_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_CODE = re.compile(r"(\d{4})-(\d{1,2})")
_ENGLISH = re.compile(r"([a-z]+)\.?\s+(\d{4})")
_CHINESE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")


@dataclass(frozen=True)
class PaperInfo:
    id: int
    position: int
    name_en: str
    name_zh: str | None
    score_min: int
    score_max: int


@dataclass(frozen=True)
class ExamInfo:
    id: int
    code: str
    name_en: str
    has_breakdown: bool
    score_min: int
    score_max: int
    papers: tuple[PaperInfo, ...]
    #: name_key → the grade as the catalogue writes it
    grades: dict[str, str]
    cefr_levels: dict[str, str]

    def paper(self, key: str) -> PaperInfo | None:
        """The paper a ``paper:<name>`` column names (by name key), if the exam has it."""
        for paper in self.papers:
            if key == name_key(paper.name_en) or (paper.name_zh and key == name_key(paper.name_zh)):
                return paper
        return None


@dataclass(frozen=True)
class SessionRef:
    """A session a row names: one in the database (``id``) or one the import makes."""

    code: str
    name_en: str
    name_zh: str
    held_on: date
    id: int | None = None


def month_code(text: str) -> str | None:
    """``2026-06`` for a month written as the session rule allows, else None."""
    value = name_key(text)
    year = month = 0
    if (found := _CODE.fullmatch(value)) or (found := _CHINESE.fullmatch(value)):
        year, month = int(found[1]), int(found[2])
    elif found := _ENGLISH.fullmatch(value):
        names = [m for m in _MONTH_NAMES if m.startswith(found[1]) and len(found[1]) >= 3]
        if len(names) == 1:
            year, month = int(found[2]), _MONTH_NAMES.index(names[0]) + 1
    if 1900 <= year <= 2999 and 1 <= month <= 12:
        return f"{year:04d}-{month:02d}"
    return None


def new_session(code: str) -> SessionRef:
    year, month = int(code[:4]), int(code[5:7])
    english = f"{_MONTH_NAMES[month - 1].capitalize()} {year}"
    return SessionRef(code, english, f"{year}年{month}月", date(year, month, 1))


@dataclass
class Catalogue:
    exams: dict[str, ExamInfo] = field(default_factory=dict)
    #: every paper name of every exam (name keys), for the header
    paper_keys: set[str] = field(default_factory=set)
    centres: dict[str, int] = field(default_factory=dict)
    sessions: dict[str, SessionRef] = field(default_factory=dict)
    _session_memo: dict[str, SessionRef | None] = field(default_factory=dict, repr=False)

    def exam(self, text: str) -> ExamInfo | None:
        return self.exams.get(name_key(text))

    def session(self, text: str) -> SessionRef | None:
        """The session ``text`` names: known, or new when it names a month; else None."""
        if text in self._session_memo:
            return self._session_memo[text]
        found = self._session(text)
        self._session_memo[text] = found
        return found

    def _session(self, text: str) -> SessionRef | None:
        known = self.sessions.get(name_key(text))
        if known is not None:
            return known
        code = month_code(text)
        if code is None:
            return None
        return self.sessions.get(name_key(code)) or new_session(code)


def load_catalogue(session: Session) -> Catalogue:
    catalogue = Catalogue()
    exams = session.scalars(
        select(Exam).options(
            selectinload(Exam.papers), selectinload(Exam.grades), selectinload(Exam.cefr_levels)
        )
    )
    for exam in exams:
        info = ExamInfo(
            id=exam.id,
            code=exam.code,
            name_en=exam.name_en,
            has_breakdown=exam.has_paper_breakdown,
            score_min=exam.score_min,
            score_max=exam.score_max,
            papers=tuple(
                PaperInfo(p.id, p.position, p.name_en, p.name_zh, p.score_min, p.score_max)
                for p in exam.papers
            ),
            grades={name_key(g.name): g.name for g in exam.grades},
            cefr_levels={name_key(c.level): c.level for c in exam.cefr_levels},
        )
        for text in (exam.code, exam.name_en, exam.name_zh):
            if text:
                catalogue.exams.setdefault(name_key(text), info)
        for paper in info.papers:
            catalogue.paper_keys.add(name_key(paper.name_en))
            if paper.name_zh:
                catalogue.paper_keys.add(name_key(paper.name_zh))
    for centre_id, code in session.execute(select(Centre.id, Centre.code)):
        catalogue.centres[code.upper()] = centre_id
    for row in session.scalars(select(ExamSession).order_by(ExamSession.id)):
        ref = SessionRef(row.code, row.name_en, row.name_zh, row.held_on, row.id)
        for text in (row.code, row.name_en, row.name_zh):
            catalogue.sessions.setdefault(name_key(text), ref)
        month = month_code(row.code) or month_code(row.name_en)
        if month is not None:
            catalogue.sessions.setdefault(name_key(month), ref)
    return catalogue


def region_of(code: str) -> str:
    """The letters a centre code starts with (HK101 → HK, TW056 → TW), at most 8."""
    letters = ""
    for ch in code:
        if not ch.isalpha():
            break
        letters += ch
    return letters[:8]
