"""``desk-app audit verify`` and ``desk-app audit export FILE.csv``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk_app.cli.common import CliContext
from desk_app.services.errors import BadInput, ExitStatus


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser("audit", help="check or export the audit trail", parents=[common])
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    actions.add_parser(
        "verify", help="check the hash chain; names every tampered row", parents=[common]
    ).set_defaults(handler=verify)
    export = actions.add_parser("export", help="write the audit trail as CSV", parents=[common])
    export.add_argument("file", type=Path)
    export.set_defaults(handler=export_csv)


def verify(context: CliContext) -> int:
    report = context.services.audit.verify()
    if report.ok:
        print(f"Audit chain intact: {report.checked} events checked.")
        return 0
    for problem in report.problems:
        print(f"desk-app: audit: {problem.message}", file=sys.stderr)
    print(f"Audit chain BROKEN: {len(report.problems)} problem(s) in {report.checked} events.")
    return int(ExitStatus.REFUSED)


def export_csv(context: CliContext) -> int:
    target: Path = context.args.file
    if target.exists() and target.is_dir():
        raise BadInput("invalid_text", field="output file (it is a folder)")
    try:
        with target.open("w", encoding="utf-8", newline="") as handle:
            count = context.services.audit.export_csv(handle)
    except OSError as error:
        raise BadInput("invalid_text", field=f"output file ({error.strerror})") from None
    print(f"Wrote {count} audit events to {target}.")
    return 0
