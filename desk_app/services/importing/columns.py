"""The import format's columns and the header that names them.

Header names are matched without regard to case or surrounding spaces, in
any order. Every file has the thirteen columns of :data:`REQUIRED` (a cell
may be empty where the format allows); :data:`OPTIONAL` ones may be left
out; each paper score has a ``paper:<name>`` column, the paper's English or
Chinese name. Any other name is refused by name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from desk_app.services.importing.report import Problems

REQUIRED = (
    "id_number",
    "name_en",
    "name_zh",
    "date_of_birth",
    "email",
    "phone",
    "centre",
    "exam",
    "session",
    "release_date",
    "grade",
    "cefr",
    "overall_score",
)
#: centre_name / centre_name_zh name a centre the file creates; language is
#: the candidate's email language (en or zh_HK)
OPTIONAL = ("centre_name", "centre_name_zh", "language")
PAPER_PREFIX = "paper:"
#: the order the desk writes them in (export); papers follow
EXPORT_ORDER = (*REQUIRED, *OPTIONAL)


def letter(index: int) -> str:
    """The spreadsheet's name of column ``index`` (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """How names are compared: width-folded, spaces collapsed, case ignored.

    Cached: a file repeats its exams, sessions, grades and levels on every row.
    """
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@dataclass(frozen=True)
class PaperColumn:
    index: int
    #: the paper's name as the header writes it (after ``paper:``)
    name: str
    key: str


@dataclass(frozen=True)
class Header:
    #: format name → position
    positions: dict[str, int]
    papers: tuple[PaperColumn, ...]
    width: int

    def has(self, name: str) -> bool:
        return name in self.positions

    def where(self, name: str) -> tuple[str, str]:
        """(column name, letter) of a format column, for a problem."""
        return name, letter(self.positions[name])

    def cell(self, cells: Sequence[str], name: str) -> str:
        position = self.positions.get(name)
        return cells[position].strip() if position is not None else ""


def read_header(
    cells: Sequence[str], paper_keys: set[str], problems: Problems, *, line: int = 1
) -> Header | None:
    """The header (the file's first row), or None after listing what is wrong with it."""
    positions: dict[str, int] = {}
    papers: list[PaperColumn] = []
    seen: set[str] = set()
    before = problems.count
    for index, raw in enumerate(cells):
        text = raw.strip()
        key = text.casefold()
        where = {"column": text or None, "letter": letter(index)}
        if not text:
            continue  # an empty header cell: its cells must be empty too (checked per row)
        if key.startswith(PAPER_PREFIX):
            name = text[len(PAPER_PREFIX) :].strip()
            key = PAPER_PREFIX + name_key(name)
            if name_key(name) not in paper_keys:
                problems.add(line, "import_unknown_paper_column", **where, name=name)
                continue
            if key in seen:
                problems.add(line, "import_duplicate_column", **where, name=text)
                continue
            seen.add(key)
            papers.append(PaperColumn(index, name, name_key(name)))
            continue
        if key not in REQUIRED and key not in OPTIONAL:
            problems.add(line, "import_unknown_column", **where, name=text)
            continue
        if key in seen:
            problems.add(line, "import_duplicate_column", **where, name=text)
            continue
        seen.add(key)
        positions[key] = index
    for name in REQUIRED:
        if name not in positions:
            problems.add(line, "import_missing_column", name=name)
    if problems.count > before:
        return None
    return Header(positions, tuple(papers), len(cells))
