"""The arguments every desk action shares: who acts, why, and how the caller was verified.

``--as STAFF --reason TEXT`` always. Then one of:
- an operator: ``--caller-name``, ``--caller-dob`` and at least one of
  ``--caller-id`` / ``--caller-email`` / ``--caller-phone`` (what the caller
  said); the command verifies first, then acts;
- counter staff: ``--document TEXT`` (the identity document seen);
- a supervisor: nothing more; the ``--reason`` is then audited as the
  override reason.
"""

from __future__ import annotations

import argparse

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import BadInput, Refused


def add_staff_action_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    """``required=False`` where the same command also has a form without a staff member."""
    parser.add_argument(
        "--as",
        dest="as_staff",
        metavar="STAFF",
        required=required,
        help=f"the staff member acting (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    parser.add_argument(
        "--reason",
        required=required,
        help="why (audited); a supervisor without caller verification overrides with it",
    )
    group = parser.add_argument_group(
        "caller verification (operators: name, birth date and one of ID/email/phone)"
    )
    group.add_argument(
        "--caller-name", metavar="NAME", help="the name the caller gave (English or Chinese)"
    )
    group.add_argument(
        "--caller-dob", metavar="YYYY-MM-DD", help="the date of birth the caller gave"
    )
    group.add_argument("--caller-id", metavar="ID", help="the ID Number the caller gave")
    group.add_argument("--caller-email", metavar="EMAIL", help="the email the caller gave")
    group.add_argument("--caller-phone", metavar="PHONE", help="the phone number the caller gave")
    group.add_argument(
        "--document", metavar="TEXT", help="counter: the identity document seen (e.g. 'HKID card')"
    )


def _caller_details_given(args: argparse.Namespace) -> bool:
    return any(
        getattr(args, name)
        for name in ("caller_name", "caller_dob", "caller_id", "caller_email", "caller_phone")
    )


def sign_in_and_verify(context: CliContext, id_number: str) -> tuple[StaffIdentity, str | None]:
    """Sign in, verify the caller as the arguments say; the override reason, if any.

    A failed verification is recorded (and audited) by the service, then
    refused here with exit status 1: the action is not attempted.
    """
    args = context.args
    staff = context.sign_in(args.as_staff)
    verifier = context.services.verification
    if args.document:
        verifier.record_document(staff, id_number, args.document)
        return staff, None
    if _caller_details_given(args):
        if not args.caller_name:
            raise BadInput("option_required", option="--caller-name")
        if not args.caller_dob:
            raise BadInput("option_required", option="--caller-dob")
        result = verifier.verify_caller(
            staff,
            id_number,
            name=args.caller_name,
            date_of_birth=args.caller_dob,
            id_number=args.caller_id,
            email=args.caller_email,
            phone=args.caller_phone,
        )
        if not result.passed:
            raise Refused("verification_failed")
        return staff, None
    return staff, args.reason
