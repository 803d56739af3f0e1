"""What the demo data is made of: centres, exams with their grade bands, sessions.

Plain, fixed data. ``people.py`` holds the names; ``rows.py`` builds the rows.

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
from datetime import date, timedelta

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


@dataclass(frozen=True)
class Band:
    """Overall scores from ``low`` up (to the next band) earn ``grade`` and ``cefr``."""

    low: int
    grade: str
    cefr: str | None


@dataclass(frozen=True)
class DemoExam:
    code: str
    name_en: str
    name_zh: str
    papers: tuple[tuple[str, str], ...]
    #: the lowest and highest score the exam reports (overall and per paper)
    score_min: int
    score_max: int
    #: best band first; below the last band the grade is ``fail``
    bands: tuple[Band, ...]
    #: who sits it, for dates of birth: "child", "teen", "adult", "teacher"
    audience: str
    #: "scale" (Cambridge English Scale), "shields" (YLE) or "marks" (Delta)
    scoring: str = "scale"
    fail: str = "FAIL"

    @property
    def has_paper_breakdown(self) -> bool:
        return bool(self.papers)

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


def _yle(code: str, name: str, zh: str, cefr_low: str, cefr_high: str) -> DemoExam:
    return DemoExam(
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
        audience="child",
        scoring="shields",
    )


_DELTA_BANDS = (
    Band(80, "PASS WITH DISTINCTION", None),
    Band(70, "PASS WITH MERIT", None),
    Band(50, "PASS", None),
)

EXAMS: tuple[DemoExam, ...] = (
    _yle("YLE-STARTERS", "Pre A1 Starters", "Starters 初級", "Pre A1", "Pre A1"),
    _yle("YLE-MOVERS", "A1 Movers", "Movers 中級", "Pre A1", "A1"),
    _yle("YLE-FLYERS", "A2 Flyers", "Flyers 高級", "A1", "A2"),
    DemoExam(
        "KET", "A2 Key (KET)", "劍橋英語 KET", FOUR_SKILLS, 82, 150,
        _key_bands(100, "A1", "A2", "B1"), "adult",
    ),
    DemoExam(
        "KETFS", "A2 Key for Schools (KET for Schools)", "劍橋英語 KET（青少年版）",
        FOUR_SKILLS, 82, 150, _key_bands(100, "A1", "A2", "B1"), "teen",
    ),
    DemoExam(
        "PET", "B1 Preliminary (PET)", "劍橋英語 PET", FOUR_SKILLS, 102, 170,
        _key_bands(120, "A2", "B1", "B2"), "adult",
    ),
    DemoExam(
        "PETFS", "B1 Preliminary for Schools (PET for Schools)", "劍橋英語 PET（青少年版）",
        FOUR_SKILLS, 102, 170, _key_bands(120, "A2", "B1", "B2"), "teen",
    ),
    DemoExam(
        "FCE", "B2 First (FCE)", "劍橋英語 FCE", FIVE_PAPERS, 122, 190,
        _graded_bands(140, "B1", "B2", "C1"), "adult",
    ),
    DemoExam(
        "FCEFS", "B2 First for Schools (FCE for Schools)", "劍橋英語 FCE（青少年版）",
        FIVE_PAPERS, 122, 190, _graded_bands(140, "B1", "B2", "C1"), "teen",
    ),
    DemoExam(
        "CAE", "C1 Advanced (CAE)", "劍橋英語 CAE", FIVE_PAPERS, 142, 210,
        _graded_bands(160, "B2", "C1", "C2"), "adult",
    ),
    DemoExam(
        "CPE", "C2 Proficiency (CPE)", "劍橋英語 CPE", FIVE_PAPERS, 162, 230,
        (
            Band(220, "GRADE A", "C2"),
            Band(213, "GRADE B", "C2"),
            Band(200, "GRADE C", "C2"),
            Band(180, "LEVEL C1", "C1"),
        ),
        "adult",
    ),
    DemoExam(
        "DELTA1", "Delta Module One", "Delta 單元一", (), 0, 100, _DELTA_BANDS, "teacher",
        scoring="marks",
    ),
    DemoExam(
        "DELTA2", "Delta Module Two", "Delta 單元二",
        (("Portfolio", "教學檔案"), ("Externally Assessed Lesson", "外評課堂")),
        0, 100, _DELTA_BANDS, "teacher", scoring="marks",
    ),
    DemoExam(
        "DELTA3", "Delta Module Three", "Delta 單元三",
        (("Extended Assignment", "延伸作業"),), 0, 100, _DELTA_BANDS, "teacher",
        scoring="marks",
    ),
)  # fmt: skip

EXAM_BY_CODE = {exam.code: exam for exam in EXAMS}

#: the exams a candidate may sit one after another, by audience
TRACKS: dict[str, tuple[str, ...]] = {
    "child": ("YLE-STARTERS", "YLE-MOVERS", "YLE-FLYERS"),
    "teen": ("KETFS", "PETFS", "FCEFS"),
    "adult": ("KET", "PET", "FCE", "CAE", "CPE"),
    "teacher": ("DELTA1", "DELTA2", "DELTA3"),
}
#: how candidates divide between the tracks
TRACK_WEIGHTS = (("child", 18), ("teen", 42), ("adult", 36), ("teacher", 4))
#: (youngest, oldest) age on the day of the first exam
AGES = {"child": (7, 11), "teen": (11, 16), "adult": (16, 45), "teacher": (24, 55)}


@dataclass(frozen=True)
class DemoCentre:
    code: str
    name_en: str
    name_zh: str
    region: str
    #: letters before the digits of this centre's ID Numbers ("" for digits only)
    id_prefix: str
    weight: int


CENTRES: tuple[DemoCentre, ...] = (
    DemoCentre("HK101", "Harbour View English Centre", "海景英語中心", "HK", "SMR", 22),
    DemoCentre("HK102", "Kowloon Tong Language Academy", "九龍塘語言學院", "HK", "KLT", 18),
    DemoCentre("HK103", "Sha Tin Learning Hub", "沙田學習中心", "HK", "STN", 14),
    DemoCentre("HK104", "Tsuen Wan English School", "荃灣英文學校", "HK", "TSW", 12),
    DemoCentre("HK105", "Island East Exam Centre", "港島東考試中心", "HK", "IEC", 9),
    DemoCentre("TW056", "Prestige English Centre", "倫敦英語中心", "TW", "", 10),
    DemoCentre("TW012", "Taipei Language Institute", "台北語言學院", "TW", "", 8),
    DemoCentre("TW031", "Kaohsiung English House", "高雄英語之家", "TW", "", 7),
)


@dataclass(frozen=True)
class DemoSession:
    code: str
    name_en: str
    name_zh: str
    held_on: date

    @property
    def release_on(self) -> date:
        """Results come out about six weeks after the exam."""
        return self.held_on + timedelta(days=42)


_MONTHS = {3: "March", 6: "June", 7: "July", 11: "November"}


def _second_saturday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(5 - first.weekday()) % 7 + 7)


SESSIONS: tuple[DemoSession, ...] = tuple(
    DemoSession(
        f"{year}-{month:02d}",
        f"{name} {year}",
        f"{year}年{month}月",
        _second_saturday(year, month),
    )
    for year in range(2014, 2027)
    for month, name in _MONTHS.items()
)


#: reasons a demo letter was reissued
REISSUE_REASONS = (
    "Caller lost the exam-day letter",
    "Letter lost in the post; candidate verified by phone",
    "Candidate at the counter with HKID; original letter damaged",
    "Parent called: letter thrown away by mistake",
)
