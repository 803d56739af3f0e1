"""``desk-app search TEXT [--json] [--page N]``: what the search box finds.

``--csv FILE --as STAFF`` writes every match (up to the search's limit) to a
CSV file instead; that export is audited, so it needs a signed-in staff member.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import Any

from desk_app.cli.common import CliContext, one_line, print_json
from desk_app.services.output_files import check_output_path
from desk_app.services.search.service import CandidateRow, SearchPage

COLUMNS = ("ID Number", "Name", "中文姓名", "Date of birth", "Centre", "Account", "Match")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    search = subparsers.add_parser(
        "search",
        help="find candidates by ID Number, name, Chinese name, email or phone",
        parents=[common],
    )
    search.add_argument("text", metavar="TEXT", help="what you would type in the search box")
    search.add_argument("--json", action="store_true", help="machine-readable output")
    search.add_argument("--page", type=int, default=0, metavar="N", help="page number, from 0")
    search.add_argument(
        "--as", dest="as_staff", metavar="STAFF", help="search as this staff member"
    )
    search.add_argument(
        "--csv", metavar="FILE.csv", help="write every match to this file (needs --as; audited)"
    )
    search.set_defaults(handler=search_candidates)


def as_json(row: CandidateRow) -> dict[str, Any]:
    """The contract's fields (DESIGN.md) and a few more."""
    return {
        "id_number": row.id_number,
        "name_en": row.name_en,
        "name_zh": row.name_zh,
        "date_of_birth": row.date_of_birth.isoformat(),
        "centre": row.centre,
        "registered": row.registered,
        "locked": row.locked,
        "locked_until": row.locked_until.isoformat() if row.locked_until else None,
        "email": row.email,
        "phone": row.phone,
        "match": row.match,
    }


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cells(row: CandidateRow) -> tuple[str, ...]:
    if row.locked and row.locked_until is not None:
        account = f"locked until {row.locked_until:%H:%M} UTC"
    else:
        account = "registered" if row.registered else "not registered"
    return (
        row.id_number,
        row.name_en,
        row.name_zh or "",
        row.date_of_birth.isoformat(),
        row.centre,
        account,
        row.match.replace("_", " "),
    )


def table(page: SearchPage) -> str:
    rows = [COLUMNS, *(_cells(item) for item in page.items)]
    widths = [max(_width(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def search_candidates(context: CliContext) -> int:
    if context.args.csv is not None:
        return export_matches(context)
    services = context.services
    caller = context.caller()
    searcher = services.search
    page = searcher.search(caller, context.args.text, page=context.args.page)
    if context.args.json:
        print_json([as_json(item) for item in page.items])
    elif page.items:
        print(table(page))
        if page.has_more:
            print(f"More on the next page: --page {page.page + 1}", file=sys.stderr)
    if not page.items:
        print("No candidate found.", file=sys.stderr)
    return 0


def export_matches(context: CliContext) -> int:
    args = context.args
    target = check_output_path(args.csv)
    caller = context.caller()
    report = context.services.search_export.export(caller, args.text, target)
    print(f"Wrote {report.rows:,} candidates found by “{one_line(args.text.strip())}” "
          f"to {report.path}.")  # fmt: skip
    return 0
