"""``desk-app release``: what is due at release, now (the desks also run it on a timer).

Results become visible on their own at their release moment; this queues
the "your results are available" emails, once per entry, and prints what it
did. Safe to run from several desks at once.
"""

from __future__ import annotations

import argparse
from typing import Any

from desk_app.cli.common import CliContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    release = subparsers.add_parser(
        "release",
        help="queue the 'results available' emails of results released since the last run",
        parents=[common],
    )
    release.set_defaults(handler=run_release)


def run_release(context: CliContext) -> int:
    report = context.services.release.run_due()
    print(
        f"released {report.entries}, emails queued {report.emails}, "
        f"not registered {report.not_registered}, unusable address {report.bad_address}"
    )
    if report.next_release_at is not None:
        print(f"next release {report.next_release_at.isoformat()}")
    return 0
