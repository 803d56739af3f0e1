"""``desk-app statement ID --as STAFF --reason TEXT --out FILE.pdf``; ``statement verify CODE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk_app.cli.common import CliContext, print_json
from desk_app.cli.staff_args import add_staff_action_arguments, sign_in_and_verify
from desk_app.services.errors import BadInput

VERIFY = "verify"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    statement = subparsers.add_parser(
        "statement",
        help="reprint a statement of results (ID) or check one (verify CODE)",
        description=(
            "statement ID --as STAFF --reason TEXT --out FILE.pdf  reprints the newest released "
            "result (or --entry N);  statement verify CODE  tells whether a statement with that "
            "verification code was issued and what it said."
        ),
        parents=[common],
    )
    statement.add_argument("target", metavar="ID_NUMBER | verify")
    statement.add_argument(
        "code", nargs="?", metavar="CODE", help="with verify: the code printed on it"
    )
    statement.add_argument("--out", type=Path, metavar="FILE.pdf", help="where to write the PDF")
    statement.add_argument(
        "--entry", type=int, metavar="N", help="the exam entry (see show --json)"
    )
    statement.add_argument(
        "--json", action="store_true", help="with verify: machine-readable output"
    )
    add_staff_action_arguments(statement, required=False)
    statement.set_defaults(handler=run)


def run(context: CliContext) -> int:
    args = context.args
    if args.target.strip().lower() == VERIFY:
        if not args.code:
            raise BadInput("required", field="verification code")
        return verify(context, args.code)
    if args.code:
        raise BadInput("invalid_text", field="arguments (statement ID takes no second word)")
    for flag, value in (("--as", args.as_staff), ("--reason", args.reason), ("--out", args.out)):
        if not value:
            raise BadInput("required", field=flag)
    return print_statement(context)


def print_statement(context: CliContext) -> int:
    args = context.args
    target: Path = args.out
    if target.exists() and target.is_dir():
        raise BadInput("invalid_text", field="output file (it is a folder)")
    if not target.parent.exists():
        raise BadInput("invalid_text", field="output file (no such folder)")
    staff, override = sign_in_and_verify(context, args.target)
    printed = context.services.statements.print_statement(
        staff, args.target, reason=args.reason, entry_id=args.entry, override_reason=override
    )
    try:
        target.write_bytes(printed.pdf)
    except OSError as error:
        print(
            f"desk-app: statement {printed.serial} was issued but {target} could not be written "
            f"({error.strerror}); print it again from the desk.",
            file=sys.stderr,
        )
        return 1
    print(f"Statement {printed.serial} ({printed.exam}, {printed.session}) written to {target}.")
    print(f"Verification code: {printed.verification_code}")
    return 0


def verify(context: CliContext, code: str) -> int:
    check = context.services.statements.verify(code)
    if context.args.json:
        print_json(check)
        return 0
    print(f"VALID: statement {check.serial}, issued {check.issued_at:%Y-%m-%d %H:%M} UTC")
    print(f"  {check.id_number}  {check.name_en}  {check.name_zh or ''}".rstrip())
    print(f"  {check.exam}, {check.session}: {check.grade} (CEFR {check.cefr}, {check.score})")
    for name, score in check.papers:
        print(f"    {name:<28}{score:>5}")
    print(f"  results released {check.released_on.isoformat()}")
    return 0
