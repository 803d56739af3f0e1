"""Names, emails and phones for demo candidates, Hong Kong and Taiwan style.

Surnames and given-name characters carry a weight (roughly how common they
are) and two romanisations: Hong Kong's Cantonese spelling (``CHAN Tai Man``)
and Taiwan's Wade–Giles passport spelling (``CHEN Ta-Wen``). Emails use the
reserved ``example`` domains only, so demo data can never mail a real person.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

#: (Chinese, Hong Kong spelling, Taiwan spelling, weight)
SURNAMES: tuple[tuple[str, str, str, int], ...] = (
    ("陳", "CHAN", "CHEN", 80), ("李", "LEE", "LI", 55), ("黃", "WONG", "HUANG", 60),
    ("張", "CHEUNG", "CHANG", 45), ("梁", "LEUNG", "LIANG", 40), ("林", "LAM", "LIN", 35),
    ("劉", "LAU", "LIU", 35), ("何", "HO", "HO", 30), ("吳", "NG", "WU", 25),
    ("王", "WONG", "WANG", 15), ("鄭", "CHENG", "CHENG", 20), ("周", "CHOW", "CHOU", 20),
    ("楊", "YEUNG", "YANG", 20), ("蔡", "CHOI", "TSAI", 15), ("郭", "KWOK", "KUO", 15),
    ("曾", "TSANG", "TSENG", 15), ("謝", "TSE", "HSIEH", 15), ("羅", "LAW", "LO", 15),
    ("麥", "MAK", "MAI", 15), ("馬", "MA", "MA", 12), ("鄧", "TANG", "TENG", 12),
    ("朱", "CHU", "CHU", 12), ("許", "HUI", "HSU", 12), ("葉", "YIP", "YEH", 12),
    ("盧", "LO", "LU", 10), ("譚", "TAM", "TAN", 10), ("馮", "FUNG", "FENG", 10),
    ("潘", "POON", "PAN", 9), ("鍾", "CHUNG", "CHUNG", 9), ("余", "YU", "YU", 8),
    ("蘇", "SO", "SU", 8), ("袁", "YUEN", "YUAN", 8), ("胡", "WU", "HU", 8),
    ("方", "FONG", "FANG", 6), ("彭", "PANG", "PENG", 6), ("江", "KONG", "CHIANG", 5),
    ("區", "AU", "OU", 4), ("岑", "SHUM", "TSEN", 3), ("賴", "LAI", "LAI", 6),
    ("洪", "HUNG", "HUNG", 5), ("邱", "YAU", "CHIU", 5), ("廖", "LIU", "LIAO", 5),
    ("歐陽", "AU YEUNG", "OUYANG", 3), ("司徒", "SZETO", "SZUTU", 2),
)  # fmt: skip

#: (Chinese, Hong Kong spelling, Taiwan spelling, weight)
GIVEN: tuple[tuple[str, str, str, int], ...] = (
    ("大", "Tai", "Ta", 8), ("文", "Man", "Wen", 14), ("偉", "Wai", "Wei", 14),
    ("家", "Ka", "Chia", 16), ("志", "Chi", "Chih", 14), ("明", "Ming", "Ming", 12),
    ("嘉", "Ka", "Chia", 10), ("詠", "Wing", "Yung", 10), ("欣", "Yan", "Hsin", 12),
    ("俊", "Chun", "Chun", 10), ("傑", "Kit", "Chieh", 10), ("浩", "Ho", "Hao", 10),
    ("樂", "Lok", "Le", 6), ("雅", "Nga", "Ya", 6), ("穎", "Wing", "Ying", 8),
    ("美", "Mei", "Mei", 6), ("玲", "Ling", "Ling", 6), ("慧", "Wai", "Hui", 8),
    ("敏", "Man", "Min", 8), ("思", "Sze", "Ssu", 8), ("子", "Tsz", "Tzu", 8),
    ("小", "Siu", "Hsiao", 4), ("國", "Kwok", "Kuo", 4), ("華", "Wah", "Hua", 6),
    ("建", "Kin", "Chien", 5), ("永", "Wing", "Yung", 5), ("健", "Kin", "Chien", 5),
    ("天", "Tin", "Tien", 5), ("寶", "Po", "Pao", 3), ("麗", "Lai", "Li", 5),
    ("芷", "Tsz", "Chih", 4), ("晴", "Ching", "Ching", 5), ("琳", "Lam", "Lin", 4),
    ("宇", "Yu", "Yu", 6), ("軒", "Hin", "Hsuan", 6), ("朗", "Long", "Lang", 4),
    ("希", "Hei", "Hsi", 5), ("瑩", "Ying", "Ying", 4), ("凱", "Hoi", "Kai", 5),
    ("佩", "Pui", "Pei", 4), ("淑", "Suk", "Shu", 3), ("儀", "Yee", "Yi", 6),
    ("婷", "Ting", "Ting", 6), ("寧", "Ning", "Ning", 3), ("德", "Tak", "Te", 4),
    ("強", "Keung", "Chiang", 3), ("榮", "Wing", "Jung", 3), ("耀", "Yiu", "Yao", 3),
    ("雯", "Man", "Wen", 5), ("詩", "Sze", "Shih", 6), ("曉", "Hiu", "Hsiao", 5),
    ("彤", "Tung", "Tung", 5), ("卓", "Cheuk", "Cho", 4), ("恩", "Yan", "En", 5),
    ("諾", "Lok", "No", 3), ("峰", "Fung", "Feng", 3), ("豪", "Ho", "Hao", 4),
    ("鈞", "Kwan", "Chun", 3), ("倩", "Sin", "Chien", 3), ("雪", "Suet", "Hsueh", 2),
)  # fmt: skip

ENGLISH_NAMES = (
    "Peter", "Mary", "Jason", "Karen", "Kelvin", "Cindy", "Ivan", "Winnie", "Alan",
    "Carmen", "Eric", "Vivian", "Kenneth", "Ada", "Raymond", "Joyce", "Michael", "Candy",
    "Tommy", "Fiona", "Wilson", "Queenie", "Edmond", "Janice", "Samuel", "Chloe", "Ethan",
    "Hailey", "Ryan", "Natalie", "Gary", "Sharon", "Ken", "Iris", "Derek", "Bonnie",
    "Marco", "Yoyo", "Hugo", "Zoe",
)  # fmt: skip

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example", "school.example")


def _cumulative(weights: list[int]) -> list[int]:
    return list(accumulate(weights))


_SURNAME_CUM = _cumulative([s[3] for s in SURNAMES])
_GIVEN_CUM = _cumulative([g[3] for g in GIVEN])


@dataclass(frozen=True)
class Person:
    name_en: str
    name_zh: str
    email: str | None
    phone: str
    language: str


def _pick_given(rng: random.Random, count: int) -> list[tuple[str, str, str, int]]:
    chosen: list[tuple[str, str, str, int]] = []
    while len(chosen) < count:
        given = rng.choices(GIVEN, cum_weights=_GIVEN_CUM)[0]
        if given not in chosen:
            chosen.append(given)
    return chosen


def make_person(rng: random.Random, region: str) -> Person:
    """A candidate's names and contact details, from ``rng`` alone."""
    surname = rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]
    given = _pick_given(rng, 1 if rng.random() < 0.1 else 2)
    taiwan = region == "TW"
    family = surname[2] if taiwan else surname[1]
    syllables = [g[2] if taiwan else g[1] for g in given]
    if taiwan:
        # passport style: one hyphenated given name, "CHEN Ta-Wen"
        given_en = "-".join([syllables[0]] + [s.lower() for s in syllables[1:]])
    else:
        given_en = " ".join(syllables)
    english = rng.choice(ENGLISH_NAMES) if rng.random() < (0.2 if taiwan else 0.4) else None
    name_en = f"{english} {family} {given_en}" if english else f"{family} {given_en}"
    name_zh = surname[0] + "".join(g[0] for g in given)
    return Person(
        name_en=name_en,
        name_zh=name_zh,
        email=_email(rng, family, syllables, english),
        phone=_phone(rng, region),
        language="en" if rng.random() < 0.2 else "zh_HK",
    )


def _email(
    rng: random.Random, family: str, syllables: list[str], english: str | None
) -> str | None:
    if rng.random() < 0.03:
        return None
    last = family.replace(" ", "").lower()
    given = "".join(syllables).replace("-", "").lower()
    style = rng.randrange(4)
    if style == 0:
        local = f"{given}.{last}"
    elif style == 1:
        local = f"{last}{given}{rng.randrange(100):02d}"
    elif style == 2 and english:
        local = f"{english.lower()}.{last}{rng.randrange(70, 100)}"
    else:
        local = f"{last}.{given[:1]}{rng.randrange(1000)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _phone(rng: random.Random, region: str) -> str:
    if region == "TW":
        digits = f"9{rng.randrange(10**8):08d}"
        return f"+886 {digits[:3]} {digits[3:6]} {digits[6:]}"
    digits = f"{rng.choice('569')}{rng.randrange(10**7):07d}"
    return f"+852 {digits[:4]} {digits[4:]}"
