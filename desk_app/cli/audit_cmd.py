"""``desk-app audit verify [--file FILE.jsonl]`` and ``desk-app audit export FILE --as STAFF``.

``verify`` checks the database's chain, or with ``--file`` an exported JSON
lines file on its own (no database is opened). ``export`` writes CSV or JSON
lines, chosen by the file name's ending or ``--format``, for a range of the
office's days (``--from``/``--to``) or the whole trail. With any of the audit
view's other filters (``--actor``, ``--action``, ``--candidate``) it writes the
view's filtered CSV instead (the same query as the view's; CSV only, as a
filtered file is no unbroken piece of the chain).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext

if TYPE_CHECKING:
    from desk_app.services.exports.files import Days

#: services/exports/audit_log.py FORMATS' keys, here so that --help imports no service
FORMAT_CHOICES = ("csv", "jsonl")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", help="check or export the audit trail", parents=[common])
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify_parser = actions.add_parser(
        "verify", help="check the hash chain; names every tampered row", parents=[common]
    )
    verify_parser.add_argument(
        "--file",
        metavar="FILE.jsonl",
        help="check an export in JSON lines on its own, without the database",
    )
    verify_parser.set_defaults(handler=verify)
    export = actions.add_parser(
        "export",
        help="write the audit trail as CSV or JSON lines (supervisors and administrators)",
        parents=[common],
    )
    export.add_argument("file", metavar="FILE", help="FILE.csv or FILE.jsonl")
    export.add_argument(
        "--as",
        dest="as_staff",
        metavar="STAFF",
        required=True,
        help=f"a supervisor or administrator (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    export.add_argument(
        "--format", choices=FORMAT_CHOICES, help="csv or jsonl (default: the file name's ending)"
    )
    add_day_range(export, required=False)
    export.add_argument(
        "--actor", metavar="STAFF",
        help="only what this staff member did (or website, system, verification, cli:LOGIN)",
    )  # fmt: skip
    export.add_argument(
        "--action", metavar="ACTION", help="only this kind of event, e.g. account_unlocked"
    )
    export.add_argument("--candidate", metavar="ID", help="only events about this ID Number")
    export.set_defaults(handler=export_file)


def add_day_range(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """``--from DAY --to DAY``: the office's calendar days, both included."""
    which = "" if required else " (default: from the first event)"
    parser.add_argument(
        "--from", dest="first_day", metavar="YYYY-MM-DD", required=required,
        help=f"the first day, in the office's time zone{which}",
    )  # fmt: skip
    which = "" if required else " (default: to the last event)"
    parser.add_argument(
        "--to", dest="last_day", metavar="YYYY-MM-DD", required=required,
        help=f"the last day, included{which}",
    )  # fmt: skip


def day_range(args: argparse.Namespace) -> Days:
    from desk_app.services.exports.files import Days
    from desk_app.services.validation import parse_date

    first, last = args.first_day, args.last_day
    return Days(
        parse_date(first) if first is not None else None,
        parse_date(last) if last is not None else None,
    )


def verify(context: CliContext) -> int:
    from desk_app.services.audit.chain_file import verify_file
    from desk_app.services.audit.trail import AuditReport
    from desk_app.services.errors import ExitStatus

    path = context.args.file
    if path is not None:
        report: AuditReport = verify_file(path)
        what = "Audit file"
    else:
        report = context.services.audit.verify()
        what = "Audit chain"
    if report.ok:
        rows = getattr(report, "first_id", None), getattr(report, "last_id", None)
        span = f" (rows {rows[0]}–{rows[1]})" if path is not None and rows[0] is not None else ""
        print(f"{what} intact: {report.checked:,} events checked{span}.")
        return 0
    for problem in report.problems:
        print(f"desk-app: audit: {problem.message}", file=sys.stderr)
    unlisted = getattr(report, "unlisted", 0)
    if unlisted:
        print(f"desk-app: audit: {unlisted:,} more problem(s), not listed", file=sys.stderr)
    count = len(report.problems) + unlisted
    print(f"{what} BROKEN: {count:,} problem(s) in {report.checked:,} events.")
    return int(ExitStatus.REFUSED)


def export_file(context: CliContext) -> int:
    from desk_app.services.errors import BadInput
    from desk_app.services.exports.audit_log import export_format
    from desk_app.services.output_files import check_output_path

    args = context.args
    target = check_output_path(args.file)
    chosen = export_format(target, args.format)
    days = day_range(args)
    filtered = any(value is not None for value in (args.actor, args.action, args.candidate))
    if filtered and chosen != "csv":
        raise BadInput("audit_filter_csv_only")
    staff = context.sign_in(args.as_staff)
    exports = context.services.audit_export
    if filtered:
        report = exports.export_filtered(
            staff, target, actor=args.actor, action=args.action, id_number=args.candidate,
            days=days,
        )  # fmt: skip
    else:
        report = exports.export(staff, target, format=chosen, days=days)
    print(f"Wrote {report.rows:,} audit events ({report.format}) to {report.path} "
          f"(SHA-256 {report.sha256}).")  # fmt: skip
    return 0
