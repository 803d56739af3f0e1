"""One row of the file read into checked values, or its problems listed by column.

A row is one candidate entry: who the candidate is, which exam in which
session, and the result when there is one (grade, CEFR level, overall
score, paper scores and the release date). Empty optional cells mean "not
given", never "remove": an email the desk has is kept when a row has none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desk_app.services.errors import BadInput
from desk_app.services.importing.catalogue import Catalogue, ExamInfo, PaperInfo, SessionRef
from desk_app.services.importing.columns import PAPER_PREFIX, Header, letter, name_key
from desk_app.services.importing.report import Problems
from desk_app.services.validation import (
    has_control_characters,
    normalise_email,
    parse_id_number,
    phone_key,
)
from desk_app.settings import Settings

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CENTRE = re.compile(r"[A-Z0-9][A-Z0-9-]{0,15}")
_PHONE = re.compile(r"\+?[0-9 ()\-.]{6,32}")
_INTEGER = re.compile(r"[+-]?\d{1,9}")
LANGUAGES = {"en": "en", "zh_hk": "zh_HK", "zh-hk": "zh_HK", "zh": "zh_HK"}
#: the column limits (the models' string lengths)
LIMITS = {"name_en": 200, "name_zh": 100, "email": 254, "phone": 32, "centre_name": 200,
          "centre_name_zh": 200}  # fmt: skip
#: the candidate's cells that must be the same on every row of one ID Number
CANDIDATE_FIELDS = ("name_en", "name_zh", "date_of_birth", "email", "phone", "centre", "language")


@dataclass(frozen=True)
class CandidateCells:
    id_number: str
    name_en: str
    name_zh: str | None
    date_of_birth: date
    email: str | None
    phone: str | None
    centre: str
    #: None when the file does not say
    language: str | None
    centre_name: str | None
    centre_name_zh: str | None

    def values(self) -> tuple[object, ...]:
        """The values of :data:`CANDIDATE_FIELDS`, in that order."""
        return (self.name_en, self.name_zh, self.date_of_birth, self.email, self.phone,
                self.centre, self.language)  # fmt: skip


@dataclass(frozen=True)
class ResultCells:
    grade: str
    cefr: str | None
    score: int
    release_on: date
    #: (paper id, score), in the exam's paper order
    papers: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class EntryRow:
    line: int
    candidate: CandidateCells
    exam: ExamInfo
    session: SessionRef
    result: ResultCells | None


class RowReader:
    """Reads rows against one header and catalogue, adding what is wrong to ``problems``."""

    def __init__(
        self, header: Header, catalogue: Catalogue, settings: Settings, problems: Problems
    ) -> None:
        self._header = header
        self._catalogue = catalogue
        self._settings = settings
        self._problems = problems
        self._named = set(header.positions.values()) | {p.index for p in header.papers}
        self._positions = tuple(header.positions.items())
        self._where = {name: header.where(name) for name in header.positions}
        self._paper_columns = [
            (column, (f"{PAPER_PREFIX}{column.name}", letter(column.index)))
            for column in header.papers
        ]
        #: exam id → the paper each paper column gives for that exam (or None)
        self._exam_papers: dict[int, list[PaperInfo | None]] = {}

    def read(self, line: int, cells: Sequence[str]) -> EntryRow | None:
        """The row's values, or None when it has problems (each one listed)."""
        before = self._problems.count
        header = self._header
        if len(cells) != header.width:
            self._problems.add(line, "import_column_count", count=len(cells), expected=header.width)
            return None
        if len(self._named) < header.width:
            for index, cell in enumerate(cells):
                if index not in self._named and cell.strip():
                    self._problems.add(line, "import_unnamed_cell", letter=letter(index))
        values = {name: cells[index].strip() for name, index in self._positions}
        candidate = self._candidate(line, values)
        exam_text = self._text(line, values, "exam", 200, required=True)
        exam = self._catalogue.exam(exam_text) if exam_text else None
        if exam_text and exam is None:
            self._add(line, "exam", "import_unknown_exam", value=exam_text)
        session_text = self._text(line, values, "session", 64, required=True)
        session = self._catalogue.session(session_text) if session_text else None
        if session_text and session is None:
            self._add(line, "session", "import_unknown_session", value=session_text)
        result = self._result(line, values, cells, exam) if exam is not None else None
        if self._problems.count > before or candidate is None or exam is None or session is None:
            return None
        return EntryRow(line, candidate, exam, session, result)

    # -- cells ----------------------------------------------------------------------------------
    def _add(self, line: int, name: str, code: str, **params: object) -> None:
        column, where = self._where[name]
        self._problems.add(line, code, column=column, letter=where, **params)

    def _text(
        self, line: int, values: dict[str, str], name: str, limit: int, *, required: bool = False
    ) -> str:
        value = values.get(name)
        if value is None:
            return ""
        if required and not value:
            self._add(line, name, "import_required")
        elif has_control_characters(value):
            self._add(line, name, "import_bad_text")
        elif len(value) > limit:
            self._add(line, name, "import_too_long", limit=limit)
        else:
            return value
        return ""

    def _day(self, line: int, values: dict[str, str], name: str, *, required: bool) -> date | None:
        value = self._text(line, values, name, 40, required=required)
        if not value:
            return None
        if not _DAY.fullmatch(value):
            self._add(line, name, "import_bad_date", value=value)
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self._add(line, name, "import_impossible_date", value=value)
            return None

    def _candidate(self, line: int, values: dict[str, str]) -> CandidateCells | None:
        raw_id = self._text(line, values, "id_number", 64, required=True)
        id_number = None
        if raw_id:
            try:
                id_number = parse_id_number(raw_id, self._settings.id_format)
            except BadInput as error:
                self._add(line, "id_number", error.code, **error.params)
        name_en = self._text(line, values, "name_en", LIMITS["name_en"], required=True)
        name_zh = self._text(line, values, "name_zh", LIMITS["name_zh"])
        born = self._day(line, values, "date_of_birth", required=True)
        email = self._email(line, values)
        phone = self._text(line, values, "phone", LIMITS["phone"])
        if phone and (not _PHONE.fullmatch(phone) or not 6 <= len(phone_key(phone)) <= 15):
            self._add(line, "phone", "import_bad_phone", value=phone)
        centre = self._text(line, values, "centre", 40, required=True).upper()
        if centre and not _CENTRE.fullmatch(centre):
            self._add(line, "centre", "import_bad_centre", value=centre)
        centre_name = self._text(line, values, "centre_name", LIMITS["centre_name"])
        centre_name_zh = self._text(line, values, "centre_name_zh", LIMITS["centre_name_zh"])
        language = self._language(line, values)
        if id_number is None or not name_en or born is None or not centre:
            return None
        return CandidateCells(
            id_number, name_en, name_zh or None, born, email, phone or None, centre, language,
            centre_name or None, centre_name_zh or None,
        )  # fmt: skip

    def _email(self, line: int, values: dict[str, str]) -> str | None:
        value = self._text(line, values, "email", LIMITS["email"])
        if not value:
            return None
        try:
            return normalise_email(value)
        except BadInput as error:
            self._add(line, "email", error.code, **error.params)
            return None

    def _language(self, line: int, values: dict[str, str]) -> str | None:
        value = self._text(line, values, "language", 10)
        if not value:
            return None
        language = LANGUAGES.get(value.casefold())
        if language is None:
            self._add(line, "language", "import_bad_language", value=value)
        return language

    def _whole(self, line: int, value: str, where: tuple[str, str]) -> int | None:
        if not _INTEGER.fullmatch(value):
            self._put(line, where, "import_not_a_number", value=value[:20])
            return None
        return int(value)

    def _put(self, line: int, where: tuple[str, str], code: str, **params: object) -> None:
        self._problems.add(line, code, column=where[0], letter=where[1], **params)

    # -- the result -----------------------------------------------------------------------------
    def _result(
        self, line: int, values: dict[str, str], cells: Sequence[str], exam: ExamInfo
    ) -> ResultCells | None:
        """The row's result; None for an entry without one yet, and after a problem."""
        header = self._header
        raw = {name: values.get(name, "") for name in ("grade", "cefr", "overall_score")}
        if not any(raw.values()) and not any(cells[p.index].strip() for p in header.papers):
            return None  # an entry without a result yet (a release date alone is not kept)
        before = self._problems.count
        grade_text = self._text(line, values, "grade", 64)
        cefr = self._cefr(line, exam, self._text(line, values, "cefr", 16))
        papers = self._papers(line, cells, exam)
        if not raw["grade"] or not raw["overall_score"]:
            self._problems.add(line, "import_result_incomplete")
            return None
        grade = exam.grades.get(name_key(grade_text)) if grade_text else None
        if grade_text and grade is None:
            shown = ", ".join(exam.grades.values()) or "—"
            self._add(line, "grade", "import_unknown_grade", exam=exam.code, value=grade_text,
                      grades=shown)  # fmt: skip
        where = self._where["overall_score"]
        score = self._whole(line, raw["overall_score"], where)
        if score is not None and not exam.score_min <= score <= exam.score_max:
            self._put(line, where, "import_score_range", value=score, exam=exam.code,
                      low=exam.score_min, high=exam.score_max)  # fmt: skip
        if values.get("release_date"):
            release_on = self._day(line, values, "release_date", required=False)
        else:
            release_on = None
            self._add(line, "release_date", "import_release_date_required")
        if self._problems.count > before or grade is None or score is None:
            return None
        if papers is None or release_on is None:
            return None
        return ResultCells(grade, cefr, score, release_on, papers)

    def _cefr(self, line: int, exam: ExamInfo, text: str) -> str | None:
        if not text:
            return None
        if not exam.cefr_levels:
            self._add(line, "cefr", "import_no_cefr", exam=exam.code)
            return None
        level = exam.cefr_levels.get(name_key(text))
        if level is None:
            self._add(line, "cefr", "import_unknown_cefr", exam=exam.code, value=text,
                      levels=", ".join(exam.cefr_levels.values()))  # fmt: skip
        return level

    def _papers(
        self, line: int, cells: Sequence[str], exam: ExamInfo
    ) -> tuple[tuple[int, int], ...] | None:
        """(paper id, score) for each of the exam's papers, in order; None after a problem.

        An exam with papers needs every paper's score with a result; a paper
        the exam does not have must be left empty.
        """
        before = self._problems.count
        scores: dict[int, int] = {}
        given: dict[int, tuple[str, str]] = {}  # the exam's papers with a column: where
        papers = self._exam_papers.get(exam.id)
        if papers is None:
            papers = [exam.paper(column.key) for column, _ in self._paper_columns]
            self._exam_papers[exam.id] = papers
        for (column, where), paper in zip(self._paper_columns, papers, strict=True):
            value = cells[column.index].strip()
            if paper is None:
                if value:
                    self._put(line, where, "import_paper_not_in_exam", exam=exam.code,
                              paper=column.name)  # fmt: skip
                continue
            given[paper.id] = where
            if not value:
                self._put(line, where, "import_paper_missing", exam=exam.code,
                          paper=paper.name_en)  # fmt: skip
                continue
            score = self._whole(line, value, where)
            if score is not None and not paper.score_min <= score <= paper.score_max:
                self._put(line, where, "import_score_range", value=score,
                          exam=f"{exam.code} {paper.name_en}", low=paper.score_min,
                          high=paper.score_max)  # fmt: skip
            elif score is not None:
                scores[paper.id] = score
        for paper in exam.papers:
            if paper.id not in given:
                self._problems.add(line, "import_paper_missing", exam=exam.code,
                                   paper=paper.name_en)  # fmt: skip
        if self._problems.count > before:
            return None
        return tuple((paper.id, scores[paper.id]) for paper in exam.papers)
