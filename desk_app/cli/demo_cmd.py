"""``desk-app demo [--candidates N] [--seed S]``: realistic demo data in an empty database."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desk_app.cli.common import CliContext

if TYPE_CHECKING:
    from desk_app.demo.generate import DemoReport


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="fill an empty database with bilingual demo data and demo staff (demo only)",
        parents=[common],
    )
    demo.add_argument("--candidates", type=int, default=2000, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    # the demo adds demo staff: the owner's connection ([database] admin_url) when set
    demo.set_defaults(handler=make_demo_data, owner_connection=True)


def _progress(done: int, total: int) -> None:
    print(f"\r  {done:,} of {total:,} candidates", end="", file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr)


def report_lines(report: DemoReport) -> list[str]:
    lines = [
        f"Made {report.candidates:,} demo candidates (seed {report.seed}) in "
        f"{report.seconds:.1f} s: {report.results:,} results ({report.unreleased:,} not yet "
        f"released), {report.registered:,} registered accounts ({report.locked:,} locked now), "
        f"{report.reissued:,} reissued letters.",
        "",
        "Demo staff logins (DEMO ONLY — change or remove them before real use):",
    ]
    lines += [f"  {login.username:<11} {login.role:<11} {login.password}" for login in report.staff]
    lines += ["", "Candidates to try (Secret Numbers and passwords are demo data only):"]
    for example in report.examples:
        state = (
            "locked now"
            if example.locked
            else ("registered" if example.registered else "not registered")
        )
        secret = (
            f"password {example.password}"
            if example.password
            else f"Secret Number {example.secret_number}"
        )
        name = f"{example.name_en} {example.name_zh or ''}".strip()
        lines.append(f"  {example.id_number:<11} {name} ({state}; {secret})")
    return lines


def make_demo_data(context: CliContext) -> int:
    from desk_app.demo.generate import make_demo

    services = context.services
    big = context.args.candidates >= 20_000
    report = make_demo(
        services.db,
        services.settings,
        services.clock,
        services.hasher,
        candidates=context.args.candidates,
        seed=context.args.seed,
        progress=_progress if big else None,
    )
    print("\n".join(report_lines(report)))
    return 0
