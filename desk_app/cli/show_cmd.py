"""``desk-app show ID_NUMBER [--json]``: one candidate in full."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desk_app.cli.common import CliContext, print_json

if TYPE_CHECKING:
    from desk_app.services.candidates.detail import CandidateDetail


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    show = subparsers.add_parser(
        "show", help="one candidate: details, entries, results, account, letters", parents=[common]
    )
    show.add_argument("id_number", metavar="ID_NUMBER")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument(
        "--as", dest="as_staff", metavar="STAFF", help="look it up as this staff member"
    )
    show.set_defaults(handler=show_candidate)


def as_json(detail: CandidateDetail) -> dict[str, Any]:
    """The contract's fields (DESIGN.md) and a few more."""
    return {
        "id_number": detail.id_number,
        "name_en": detail.name_en,
        "name_zh": detail.name_zh,
        "date_of_birth": detail.date_of_birth.isoformat(),
        "email": detail.email,
        "phone": detail.phone,
        "centre": detail.centre,
        "centre_name": detail.centre_name,
        "entries": [
            {
                "exam": e.exam,
                "exam_code": e.exam_code,
                "session": e.session,
                "has_breakdown": e.has_breakdown,
                "release_at": e.release_at.isoformat() if e.release_at else None,
                "results_email": None
                if e.notice is None
                else {
                    "outcome": e.notice.outcome,
                    "status": e.notice.email_status,
                    "sent_at": e.notice.sent_at.isoformat() if e.notice.sent_at else None,
                },
                "result": None
                if e.result is None
                else {
                    "grade": e.result.grade,
                    "cefr": e.result.cefr,
                    "score": e.result.score,
                    "papers": [{"name": p.name, "score": p.score} for p in e.result.papers],
                    "released_at": e.result.released_at.isoformat(),
                },
            }
            for e in detail.entries
        ],
        "account": {
            "registered": detail.account.registered,
            "email": detail.account.email,
            "failed_attempts": detail.account.failed_attempts,
            "locked_until": detail.account.locked_until.isoformat()
            if detail.account.locked_until
            else None,
            "must_change_password": detail.account.must_change_password,
            "secret_locked_until": detail.account.secret_locked_until.isoformat()
            if detail.account.secret_locked_until
            else None,
        },
        "letters": [
            {
                "number": letter.number,
                "serial": letter.serial,
                "issued_at": letter.issued_at.isoformat(),
                "reason": letter.reason,
                "issued_by": letter.issued_by,
                "active": letter.active,
            }
            for letter in detail.letters
        ],
        # what ``unlock``, ``reset-password`` and ``letter reissue`` take as --if-version
        "version": detail.version,
    }


def _looked_up(context: CliContext) -> CandidateDetail:
    """The terminal user's look-up on the plain path, which loads no SQLAlchemy
    (``services/candidates/quick_show.py``); the full path when signed in with ``--as`` or
    when the plain path is not sure."""
    if not context.args.as_staff:
        from desk_app.services.actor import TerminalUser
        from desk_app.services.candidates.quick_show import quick_show

        caller = context.caller()
        assert isinstance(caller, TerminalUser)
        detail = quick_show(
            context.url_text, lambda: context.settings, caller, context.args.id_number
        )
        if detail is not None:
            return detail
    return context.services.candidates.show(context.caller(), context.args.id_number)


def show_candidate(context: CliContext) -> int:
    detail = _looked_up(context)
    if context.args.json:
        print_json(as_json(detail))
        return 0
    data = as_json(detail)
    print(f"{detail.id_number}  {detail.name_en}  {detail.name_zh or ''}".rstrip())
    print(f"  born {data['date_of_birth']}  centre {detail.centre} ({detail.centre_name})")
    print(f"  email {detail.email or '-'}  phone {detail.phone or '-'}")
    for entry in data["entries"]:
        result = entry["result"]
        if result is None:
            when = f" (release {entry['release_at']})" if entry["release_at"] else ""
            print(f"  {entry['exam']}, {entry['session']}: result not released{when}")
            continue
        grade = f"{result['grade']} (CEFR {result['cefr']}, {result['score']})"
        print(f"  {entry['exam']}, {entry['session']}: {grade}")
        if not entry["has_breakdown"]:
            print("    no breakdown by paper for this exam")
        for paper in result["papers"]:
            print(f"    {paper['name']:<28}{paper['score']:>5}")
    account = data["account"]
    state = "registered" if account["registered"] else "not registered"
    if account["locked_until"]:
        state += f", LOCKED until {account['locked_until']}"
    elif account["failed_attempts"]:
        state += f", {account['failed_attempts']} failed attempt(s)"
    if account["secret_locked_until"]:
        state += f", registration LOCKED (Secret Number) until {account['secret_locked_until']}"
    print(f"  account: {state}")
    for letter in data["letters"]:
        by = letter["issued_by"] or "exam day"
        what = f"letter {letter['number']} ({letter['serial']}) {letter['issued_at']}"
        print(f"  {what} by {by}: {letter['reason'] or ''}")
    return 0
