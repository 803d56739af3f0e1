"""``desk-app unlock``, ``reset-password`` and ``letter reissue``: desk actions on an account.

Each takes ``--as STAFF --reason TEXT`` and the caller's verification
(see ``staff_args``). ``letter reissue`` without ``--out`` prints the new
Secret Number once (with a warning on stderr); with ``--out FILE.pdf`` it
writes the letter instead, and rotates nothing if the letter cannot be made.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk_app.cli.common import CliContext, fail
from desk_app.cli.letter_batch_cmd import register_batch
from desk_app.cli.staff_args import add_staff_action_arguments, sign_in_and_verify
from desk_app.services.errors import DeskError
from desk_app.services.mail.templates import mask_email
from desk_app.services.output_files import check_output_path, write_output


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    unlock = subparsers.add_parser("unlock", help="end an account's lock early", parents=[common])
    unlock.add_argument("id_number", metavar="ID")
    add_staff_action_arguments(unlock)
    unlock.set_defaults(handler=unlock_account)

    reset = subparsers.add_parser(
        "reset-password", help="email a password-reset link to the candidate", parents=[common]
    )
    reset.add_argument("id_number", metavar="ID")
    add_staff_action_arguments(reset)
    reset.set_defaults(handler=send_reset)

    letter = subparsers.add_parser("letter", help="the candidate's letter", parents=[common])
    actions = letter.add_subparsers(dest="letter_command", metavar="ACTION", required=True)
    reissue = actions.add_parser(
        "reissue",
        parents=[common],
        help="rotate the Secret Number and issue a new letter",
        description="A new Secret Number; every earlier letter stops working at once. Without "
        "--out the number is printed once on the terminal: give it to the candidate, do not "
        "keep it.",
    )
    reissue.add_argument("id_number", metavar="ID")
    reissue.add_argument("--out", metavar="FILE.pdf", help="write the letter as PDF")
    add_staff_action_arguments(reissue)
    reissue.set_defaults(handler=reissue_letter)
    register_batch(actions, common)


def unlock_account(context: CliContext) -> int:
    args = context.args
    staff, override = sign_in_and_verify(context, args.id_number)
    done = context.services.desk_actions.unlock(
        staff, args.id_number, reason=args.reason, override_reason=override
    )
    print(f"Unlocked {done.id_number} ({' and '.join(done.locks)} lock).")
    return 0


def send_reset(context: CliContext) -> int:
    args = context.args
    staff, override = sign_in_and_verify(context, args.id_number)
    sent = context.services.desk_actions.send_reset(
        staff, args.id_number, reason=args.reason, override_reason=override
    )
    print(
        f"A reset email for {sent.id_number} is queued to {mask_email(sent.to_address)}; "
        f"its link works once, for {sent.valid_minutes} minutes after it is sent."
    )
    return 0


def reissue_letter(context: CliContext) -> int:
    args = context.args
    target = None if args.out is None else check_output_path(args.out)
    staff, override = sign_in_and_verify(context, args.id_number)
    letter = context.services.desk_actions.reissue_letter(
        staff,
        args.id_number,
        reason=args.reason,
        override_reason=override,
        pdf=target is not None,
    )
    if target is not None and letter.pdf is not None:
        try:
            write_output(target, letter.pdf)
        except DeskError as error:
            # the letter is issued; the number is now only in this process: show it once
            status = fail(error)
            fail(DeskError("letter_issued_not_written", serial=letter.serial))
            _print_secret(letter.secret_number, letter.serial)
            return status
        print(f"Letter {letter.serial} written to {target}.")
        return 0
    _print_secret(letter.secret_number, letter.serial)
    return 0


def _print_secret(secret_number: str | None, serial: str) -> None:
    if secret_number is None:
        print(
            f"Letter {serial} issued without a Secret Number: the account is registered "
            "(the candidate logs in or resets the password)."
        )
        return
    print(
        "desk-app: the Secret Number is shown this once and is not stored: "
        "hand it to the candidate and do not keep it.",
        file=sys.stderr,
    )
    print(f"Secret Number {secret_number}")
