"""``desk-app audit verify`` and ``desk-app audit export FILE.csv --as STAFF``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", help="check or export the audit trail", parents=[common])
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    actions.add_parser(
        "verify", help="check the hash chain; names every tampered row", parents=[common]
    ).set_defaults(handler=verify)
    export = actions.add_parser(
        "export",
        help="write the audit trail as CSV (supervisors and administrators)",
        parents=[common],
    )
    export.add_argument("file", metavar="FILE.csv")
    export.add_argument(
        "--as",
        dest="as_staff",
        metavar="STAFF",
        required=True,
        help=f"a supervisor or administrator (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    export.set_defaults(handler=export_csv)


def verify(context: CliContext) -> int:
    from desk_app.services.errors import ExitStatus

    report = context.services.audit.verify()
    if report.ok:
        print(f"Audit chain intact: {report.checked} events checked.")
        return 0
    for problem in report.problems:
        print(f"desk-app: audit: {problem.message}", file=sys.stderr)
    print(f"Audit chain BROKEN: {len(report.problems)} problem(s) in {report.checked} events.")
    return int(ExitStatus.REFUSED)


def export_csv(context: CliContext) -> int:
    from desk_app.services.output_files import check_output_path, write_output_text

    target = check_output_path(context.args.file)
    staff = context.sign_in(context.args.as_staff)
    audit = context.services.audit
    count = write_output_text(target, lambda handle: audit.export_csv(staff, handle))
    print(f"Wrote {count} audit events to {target}.")
    return 0
