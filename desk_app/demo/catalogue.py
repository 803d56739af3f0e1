"""What the demo data is made of: centres, sessions, and who sits which exam.

Plain, fixed data. The exams themselves are the standard catalogue
(``desk_app/exam_catalogue.py``), which the database holds from revision
0004_import_catalogue on; ``people.py`` holds the names; ``rows.py`` builds rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desk_app.exam_catalogue import EXAM_BY_CODE, EXAMS, StandardExam

__all__ = [
    "AGES", "CENTRES", "EXAMS", "EXAM_BY_CODE", "REISSUE_REASONS", "SESSIONS",
    "TRACKS", "TRACK_WEIGHTS", "DemoCentre", "DemoSession", "StandardExam",
]  # fmt: skip

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
