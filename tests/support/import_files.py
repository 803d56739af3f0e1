"""Import files for tests, and a digest of every table to prove nothing changed.

:func:`row` makes one valid row of the import format (KET for Schools in
session 2026-06 at a new centre, unless told); :func:`write_csv` and
:func:`write_xlsx` write rows under the standard header.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import select

from desk_app.database import Database
from desk_app.models import load_all
from tests.support.name_index import stored_name_keys

PAPERS = ("Reading", "Writing", "Use of English", "Listening", "Speaking")
HEADER = (
    "id_number", "name_en", "name_zh", "date_of_birth", "email", "phone", "centre",
    "centre_name", "centre_name_zh", "language", "exam", "session", "release_date", "grade",
    "cefr", "overall_score", *(f"paper:{name}" for name in PAPERS),
)  # fmt: skip
SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "sample-import.csv"


def row(n: int = 1, **cells: str) -> dict[str, str]:
    """A valid row for candidate ``KT<n:07d>``; ``cells`` replace any cell."""
    values = {
        "id_number": f"KT{n:07d}",
        "name_en": f"CHAN Tai Man {_word(n)}",
        "name_zh": "陳大文",
        "date_of_birth": "2011-03-14",
        "email": f"c{n}@example.com",
        "phone": f"+852 6{n % 10_000_000:07d}",
        "centre": "HK301",
        "centre_name": "Kowloon Bay English Centre",
        "centre_name_zh": "九龍灣英語中心",
        "language": "zh_HK",
        "exam": "KETFS",
        "session": "2026-06",
        "release_date": "2026-07-25",
        "grade": "PASS WITH MERIT",
        "cefr": "A2",
        "overall_score": "137",
        "paper:Reading": "148",
        "paper:Writing": "130",
        "paper:Use of English": "",
        "paper:Listening": "134",
        "paper:Speaking": "137",
    }
    values.update(cells)
    return values


def _word(n: int) -> str:
    """A name word that differs between candidates (letters only)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        word = letters[rest] + word
    return word.capitalize()


def cells_of(rows: Iterable[dict[str, str]], header: Sequence[str] = HEADER) -> list[list[str]]:
    return [[r.get(name, "") for name in header] for r in rows]


def write_csv(
    path: Path,
    rows: Iterable[dict[str, str]],
    *,
    header: Sequence[str] = HEADER,
    delimiter: str = ",",
    newline: str = "\n",
    bom: bool = False,
    encoding: str = "utf-8",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        if bom:
            out.write("\ufeff")
        writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
        writer.writerow(header)
        writer.writerows(cells_of(rows, header))
    return path


def write_xlsx(path: Path, rows: Iterable[dict[str, str]], header: Sequence[str] = HEADER) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Candidates")
    sheet.append(list(header))
    for cells in cells_of(rows, header):
        sheet.append([_typed(value) for value in cells])
    book.save(path)
    return path


def _typed(value: str) -> object:
    """Numbers as Excel keeps them (a score is a number, an ID Number stays text)."""
    return int(value) if value.isdigit() and len(value) <= 3 else value


#: what a successful sign-in changes
_SIGN_IN = {("staff", "last_login_at")}


def table_digest(db: Database) -> str:
    """SHA-256 over every row of every table, in primary-key order.

    A staff member's sign-in is left out (when they last signed in, its
    audit entry, the chain's head that entry moved): a command run ``--as``
    a staff member signs in whatever it then does. The audit entries of
    anything else, and their hashes, are all in.
    """
    digest = hashlib.sha256()
    with db.read() as session:
        for table in load_all().metadata.sorted_tables:
            digest.update(table.name.encode())
            if table.name == "audit_head":
                continue
            columns = [c for c in table.columns if (table.name, c.name) not in _SIGN_IN]
            query = select(*columns).order_by(*table.primary_key.columns)
            if table.name == "audit_event":
                columns = [c for c in columns if c.name not in ("id", "prev_hash", "row_hash")]
                query = (
                    select(*columns)
                    .where(table.c.action != "staff_login")
                    .order_by(*table.primary_key.columns)
                )
            for record in session.execute(query):
                digest.update(repr(tuple(record)).encode())
        # the name index the triggers keep (the import fills SQLite's itself)
        digest.update(repr(sorted(stored_name_keys(session).items())).encode())
    return digest.hexdigest()
