"""The standard exam catalogue: exams, their papers, score ranges, grades and CEFR levels.

Plain, fixed data, the same for every office. Revision 0003 writes it into
the database (``exam``, ``paper``, ``exam_grade``, ``exam_cefr``), so that a
real office, which starts from an empty database, can import the exam
board's files at once; the demo reads it from there too.

Scores follow the Cambridge English Scale: an exam *reports* scores below
its certificate range (A2 Key: 82–150, certificates from 100), so the
exam's ``score_min`` is the lowest reported score and a result below the
lowest band is a FAIL with no CEFR level. Two families differ:

* Young Learners (Starters, Movers, Flyers) give shields, not scale scores:
  each paper scores 1–5 shields, the overall score is the total (3–15) and
  the grade reads "12 SHIELDS".
* Delta modules are marked out of 100 (our model: no scale); Module One has
  no breakdown by paper.
"""

from __future__ import annotations

from dataclasses import dataclass

READING, WRITING, LISTENING, SPEAKING = (
    ("Reading", "閱讀"),
    ("Writing", "寫作"),
    ("Listening", "聆聽"),
    ("Speaking", "口試"),
)
USE_OF_ENGLISH = ("Use of English", "英語運用")
READING_WRITING = ("Reading and Writing", "閱讀及寫作")

FOUR_SKILLS = (READING, WRITING, LISTENING, SPEAKING)
FIVE_PAPERS = (READING, WRITING, USE_OF_ENGLISH, LISTENING, SPEAKING)
YLE_PAPERS = (LISTENING, READING_WRITING, SPEAKING)
#: a Young Learners paper scores 1–5 shields
SHIELDS = (1, 5)


@dataclass(frozen=True)
class Band:
    """Overall scores from ``low`` up (to the next band) earn ``grade`` and ``cefr``."""

    low: int
    grade: str
    cefr: str | None


@dataclass(frozen=True)
class StandardExam:
    code: str
    name_en: str
    name_zh: str
    papers: tuple[tuple[str, str], ...]
    #: the lowest and highest score the exam reports (overall and, unless it
    #: gives shields, per paper)
    score_min: int
    score_max: int
    #: best band first; below the last band the grade is ``fail``
    bands: tuple[Band, ...]
    #: "scale" (Cambridge English Scale), "shields" (YLE) or "marks" (Delta)
    scoring: str = "scale"
    fail: str = "FAIL"

    @property
    def has_paper_breakdown(self) -> bool:
        return bool(self.papers)

    @property
    def paper_range(self) -> tuple[int, int]:
        """The lowest and highest score of one paper."""
        return SHIELDS if self.scoring == "shields" else (self.score_min, self.score_max)

    @property
    def grades(self) -> tuple[str, ...]:
        """Every grade the exam awards, best first (the fail grade last, if it can fail)."""
        names = [band.grade for band in self.bands]
        if self.bands[-1].low > self.score_min:
            names.append(self.fail)
        return tuple(dict.fromkeys(names))

    @property
    def cefr_levels(self) -> tuple[str, ...]:
        """Every CEFR level the exam reports, highest first (none for Delta)."""
        return tuple(dict.fromkeys(band.cefr for band in self.bands if band.cefr))

    def grade_of(self, score: int) -> tuple[str, str | None]:
        for band in self.bands:
            if score >= band.low:
                return band.grade, band.cefr
        return self.fail, None


def _key_bands(base: int, low: str, level: str, high: str) -> tuple[Band, ...]:
    """Key / Preliminary: distinction, merit, pass, then the level below."""
    return (
        Band(base + 40, "PASS WITH DISTINCTION", high),
        Band(base + 33, "PASS WITH MERIT", level),
        Band(base + 20, "PASS", level),
        Band(base, f"LEVEL {low}", low),
    )


def _graded_bands(base: int, low: str, level: str, high: str) -> tuple[Band, ...]:
    """First / Advanced / Proficiency: grades A, B, C, then the level below."""
    return (
        Band(base + 40, "GRADE A", high),
        Band(base + 33, "GRADE B", level),
        Band(base + 20, "GRADE C", level),
        Band(base, f"LEVEL {low}", low),
    )


def _yle(code: str, name: str, zh: str, cefr_low: str, cefr_high: str) -> StandardExam:
    return StandardExam(
        code=code,
        name_en=f"Cambridge English Young Learners: {name}",
        name_zh=f"劍橋少兒英語 {zh}",
        papers=YLE_PAPERS,
        score_min=3,
        score_max=15,
        bands=tuple(
            Band(total, f"{total} SHIELDS", cefr_high if total >= 10 else cefr_low)
            for total in range(15, 2, -1)
        ),
        scoring="shields",
    )


_DELTA_BANDS = (
    Band(80, "PASS WITH DISTINCTION", None),
    Band(70, "PASS WITH MERIT", None),
    Band(50, "PASS", None),
)

EXAMS: tuple[StandardExam, ...] = (
    _yle("YLE-STARTERS", "Pre A1 Starters", "Starters 初級", "Pre A1", "Pre A1"),
    _yle("YLE-MOVERS", "A1 Movers", "Movers 中級", "Pre A1", "A1"),
    _yle("YLE-FLYERS", "A2 Flyers", "Flyers 高級", "A1", "A2"),
    StandardExam(
        "KET", "A2 Key (KET)", "劍橋英語 KET", FOUR_SKILLS, 82, 150,
        _key_bands(100, "A1", "A2", "B1"),
    ),
    StandardExam(
        "KETFS", "A2 Key for Schools (KET for Schools)", "劍橋英語 KET（青少年版）",
        FOUR_SKILLS, 82, 150, _key_bands(100, "A1", "A2", "B1"),
    ),
    StandardExam(
        "PET", "B1 Preliminary (PET)", "劍橋英語 PET", FOUR_SKILLS, 102, 170,
        _key_bands(120, "A2", "B1", "B2"),
    ),
    StandardExam(
        "PETFS", "B1 Preliminary for Schools (PET for Schools)", "劍橋英語 PET（青少年版）",
        FOUR_SKILLS, 102, 170, _key_bands(120, "A2", "B1", "B2"),
    ),
    StandardExam(
        "FCE", "B2 First (FCE)", "劍橋英語 FCE", FIVE_PAPERS, 122, 190,
        _graded_bands(140, "B1", "B2", "C1"),
    ),
    StandardExam(
        "FCEFS", "B2 First for Schools (FCE for Schools)", "劍橋英語 FCE（青少年版）",
        FIVE_PAPERS, 122, 190, _graded_bands(140, "B1", "B2", "C1"),
    ),
    StandardExam(
        "CAE", "C1 Advanced (CAE)", "劍橋英語 CAE", FIVE_PAPERS, 142, 210,
        _graded_bands(160, "B2", "C1", "C2"),
    ),
    StandardExam(
        "CPE", "C2 Proficiency (CPE)", "劍橋英語 CPE", FIVE_PAPERS, 162, 230,
        (
            Band(220, "GRADE A", "C2"),
            Band(213, "GRADE B", "C2"),
            Band(200, "GRADE C", "C2"),
            Band(180, "LEVEL C1", "C1"),
        ),
    ),
    StandardExam(
        "DELTA1", "Delta Module One", "Delta 單元一", (), 0, 100, _DELTA_BANDS, scoring="marks",
    ),
    StandardExam(
        "DELTA2", "Delta Module Two", "Delta 單元二",
        (("Portfolio", "教學檔案"), ("Externally Assessed Lesson", "外評課堂")),
        0, 100, _DELTA_BANDS, scoring="marks",
    ),
    StandardExam(
        "DELTA3", "Delta Module Three", "Delta 單元三",
        (("Extended Assignment", "延伸作業"),), 0, 100, _DELTA_BANDS, scoring="marks",
    ),
)  # fmt: skip

EXAM_BY_CODE = {exam.code: exam for exam in EXAMS}
