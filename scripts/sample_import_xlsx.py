"""Write docs/sample-import.xlsx, the Excel twin of docs/sample-import.csv.

    .venv/bin/python scripts/sample_import_xlsx.py

Cells are typed as Excel would keep them: scores as numbers, dates as dates,
everything else (ID Numbers, phone numbers) as text. The test suite imports
both files and checks they make the same rows.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

DOCS = Path(__file__).resolve().parent.parent / "docs"
DATE_COLUMNS = {"date_of_birth", "release_date"}
NUMBER_COLUMNS = {"overall_score"}
#: fixed, so the file changes only when its content does
STAMP = datetime(2026, 12, 1, 12, 0, 0)


def typed(name: str, value: str) -> object:
    if not value:
        return None
    if name in DATE_COLUMNS:
        return date.fromisoformat(value)
    if name in NUMBER_COLUMNS or name.startswith("paper:"):
        return int(value)
    return value


def main() -> None:
    with (DOCS / "sample-import.csv").open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    header, body = rows[0], rows[1:]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Candidates"
    sheet.append(header)
    for cells in body:
        sheet.append([typed(name, value) for name, value in zip(header, cells, strict=True)])
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    book.properties.created = STAMP
    book.properties.modified = STAMP
    book.save(DOCS / "sample-import.xlsx")


if __name__ == "__main__":
    main()
