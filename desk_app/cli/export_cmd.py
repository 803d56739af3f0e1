"""``desk-app export results FILE.csv --as ADMIN [--centre CODE]``.

``export`` is a group: each kind of export is one subcommand registered
here. ``results`` writes the import format (docs/IMPORT.md), so the file
imports again without a change.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    export = subparsers.add_parser("export", help="write what the desk holds to a file",
                                   parents=[common])  # fmt: skip
    kinds = export.add_subparsers(dest="export_kind", metavar="KIND", required=True)
    results = kinds.add_parser(
        "results",
        help="every candidate, entry and result in the import format (administrators)",
        parents=[common],
    )
    results.add_argument("file", type=Path, metavar="FILE.csv")
    results.add_argument(
        "--as",
        dest="as_staff",
        metavar="ADMIN",
        required=True,
        help=f"the administrator exporting (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    results.add_argument("--centre", metavar="CODE", help="only this centre's candidates")
    results.set_defaults(handler=export_results)


def export_results(context: CliContext) -> int:
    args = context.args
    caller = context.caller()
    report = context.services.results_export.export(caller, args.file, centre=args.centre)
    where = f" of centre {report.centre}" if report.centre else ""
    print(f"Wrote {report.rows:,} entries{where} to {report.path} (SHA-256 {report.sha256}).")
    return 0
