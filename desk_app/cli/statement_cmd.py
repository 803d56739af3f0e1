"""``desk-app statement ID --as STAFF --reason TEXT --out FILE.pdf``; ``statement verify CODE``."""

from __future__ import annotations

import argparse
from typing import Any

from desk_app.cli.common import CliContext, fail, print_json
from desk_app.cli.staff_args import add_staff_action_arguments, sign_in_and_verify
from desk_app.services.errors import BadInput, DeskError
from desk_app.services.output_files import check_output_path, write_output

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
    statement.add_argument("--out", metavar="FILE.pdf", help="where to write the PDF")
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
            raise BadInput("statement_code_required")
        return verify(context, args.code)
    if args.code:
        raise BadInput("statement_extra_argument", value=args.code[:40])
    for flag, value in (("--as", args.as_staff), ("--reason", args.reason), ("--out", args.out)):
        if value is None:
            raise BadInput("option_required", option=flag)
    return print_statement(context)


def print_statement(context: CliContext) -> int:
    args = context.args
    target = check_output_path(args.out)
    staff, override = sign_in_and_verify(context, args.target)
    printed = context.services.statements.print_statement(
        staff, args.target, reason=args.reason, entry_id=args.entry, override_reason=override
    )
    try:
        write_output(target, printed.pdf)
    except DeskError as error:
        # issued and audited already: say so, so that nobody prints it twice unknowingly
        status = fail(error)
        fail(DeskError("statement_issued_not_written", serial=printed.serial))
        return status
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
