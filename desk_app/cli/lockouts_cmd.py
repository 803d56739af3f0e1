"""``desk-app lockouts [--json] --as STAFF``: accounts locked now, with time left.

The staff member's role must allow view_lockouts (supervisor or
administrator); the service checks it. ``--attacks`` lists the sources
flagged as a likely attack; ``--per hour|day`` counts lockouts.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext, print_json
from desk_app.services.accounts.lockouts import LockoutRow
from desk_app.services.errors import BadInput
from desk_app.services.validation import parse_date


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    lockouts = subparsers.add_parser(
        "lockouts", help="accounts locked now, with time left", parents=[common]
    )
    lockouts.add_argument("--json", action="store_true", help="machine-readable output")
    lockouts.add_argument(
        "--as",
        dest="as_staff",
        metavar="STAFF",
        required=True,
        help=f"a supervisor or administrator (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    lockouts.add_argument(
        "--attacks", action="store_true", help="sources with lockouts on many accounts"
    )
    lockouts.add_argument(
        "--per", choices=["hour", "day"], help="count lockouts per hour or day instead"
    )
    lockouts.add_argument(
        "--since", metavar="YYYY-MM-DD", help="with --per: from this day (default: 7 days ago)"
    )
    lockouts.set_defaults(handler=list_lockouts)


def row_json(row: LockoutRow) -> dict[str, Any]:
    """The contract's fields (DESIGN.md), then seconds_left and which lock."""
    return {
        "id_number": row.id_number,
        "name_en": row.name_en,
        "locked_until": row.locked_until.isoformat(),
        "failed_attempts": row.failed_attempts,
        "last_failure_at": row.last_failure_at.isoformat() if row.last_failure_at else None,
        "source": row.source,
        "seconds_left": row.seconds_left,
        "lock": row.lock,
    }


def _left(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest:02d} s left"


def list_lockouts(context: CliContext) -> int:
    args = context.args
    service = context.services.lockouts
    caller = context.caller()
    zone = ZoneInfo(context.settings.office.timezone)
    if args.per:
        if args.since:
            day = parse_date(args.since)
            try:
                since = datetime.combine(day, datetime.min.time(), tzinfo=zone).astimezone(UTC)
            except OverflowError:  # the first days of year 1, in UTC
                raise BadInput("invalid_date", value=args.since[:20]) from None
        else:
            since = context.services.clock.now() - timedelta(days=7)
        counts = service.counts(caller, by=args.per, since=since)
        if args.json:
            print_json(counts)
        else:
            for c in counts:
                print(f"{c.period_start.astimezone(zone):%Y-%m-%d %H:%M}  {c.count}")
        return 0
    if args.attacks:
        sources = service.suspicious_sources(caller)
        if args.json:
            print_json(sources)
        else:
            for s in sources:
                flag = "  LIKELY ATTACK" if s.likely_attack else ""
                print(f"{s.source}  {s.accounts} accounts, {s.lockouts} lockouts{flag}")
            if not sources:
                print("No source has lockouts on many accounts.")
        return 0
    rows = service.current(caller)
    if args.json:
        print_json([row_json(r) for r in rows])
        return 0
    for r in rows:
        what = "Secret Number" if r.lock == "secret" else "password"
        print(
            f"{r.id_number}  {r.name_en}  {what} lock until "
            f"{r.locked_until.astimezone(zone):%Y-%m-%d %H:%M} ({_left(r.seconds_left)})  "
            f"{r.failed_attempts} failures  from {r.source or '?'}"
        )
    if not rows:
        print("No account is locked.")
    return 0
