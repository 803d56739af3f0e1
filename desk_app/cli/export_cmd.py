"""``desk-app export results|lockouts FILE.csv --as STAFF …``.

``export`` is a group: each kind of export is one subcommand registered
here. ``results`` writes the import format (docs/IMPORT.md), so the file
imports again without a change; ``lockouts`` the lockout history of a
range of days. (The audit trail keeps ``desk-app audit export`` beside
``audit verify``; a search writes what it finds with ``search --csv``.)
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desk_app.cli.audit_cmd import add_day_range, day_range
from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext
from desk_app.services.output_files import check_output_path


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
    lockouts = kinds.add_parser(
        "lockouts",
        help="the locks, expiries and early unlocks of a range of days (supervisors, admins)",
        parents=[common],
    )
    lockouts.add_argument("file", type=Path, metavar="FILE.csv")
    lockouts.add_argument(
        "--as",
        dest="as_staff",
        metavar="STAFF",
        required=True,
        help=f"a supervisor or administrator (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    add_day_range(lockouts, required=True)
    lockouts.set_defaults(handler=export_lockouts)


def export_results(context: CliContext) -> int:
    args = context.args
    caller = context.caller()
    report = context.services.results_export.export(caller, args.file, centre=args.centre)
    where = f" of centre {report.centre}" if report.centre else ""
    print(f"Wrote {report.rows:,} entries{where} to {report.path} (SHA-256 {report.sha256}).")
    return 0


def export_lockouts(context: CliContext) -> int:
    args = context.args
    target = check_output_path(args.file)
    days = day_range(args)
    assert days.first is not None and days.last is not None  # both required
    staff = context.sign_in(args.as_staff)
    report = context.services.lockout_history.export(
        staff, target, first_day=days.first, last_day=days.last
    )
    print(f"Wrote {report.rows:,} lockout events of {days.first}–{days.last} to {report.path} "
          f"(SHA-256 {report.sha256}).")  # fmt: skip
    return 0
