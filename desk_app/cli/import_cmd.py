"""``desk-app import FILE --as ADMIN --reason TEXT [--dry-run] [--problems FILE.csv]``.

Exit status: 0 imported (or, with ``--dry-run``, the file is fine); 2 the
file has problems (one line each on stderr, the first 1,000; ``--problems``
writes them to a CSV as well) or bad usage; 1 the role may not import.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import IO, Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext
from desk_app.services.errors import ExitStatus
from desk_app.services.importing.report import ImportReport, Problem, Progress
from desk_app.services.messages import english
from desk_app.services.output_files import check_output_path, write_output_text

COUNT_LABELS = (
    ("new_candidates", "new candidates"),
    ("changed_candidates", "corrected candidates"),
    ("new_entries", "new entries"),
    ("new_results", "new results"),
    ("changed_results", "corrected results"),
    ("removed_results", "withdrawn results (not yet released)"),
    ("unchanged_rows", "unchanged rows"),
    ("new_centres", "new centres"),
    ("new_sessions", "new sessions"),
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    command = subparsers.add_parser(
        "import",
        help="import the exam board's file (CSV or xlsx), all or nothing",
        description=(
            "Checks the whole file first; any problem and nothing is written (exit 2). "
            "The format is in docs/IMPORT.md."
        ),
        parents=[common],
    )
    command.add_argument("file", type=Path, metavar="FILE")
    command.add_argument(
        "--as",
        dest="as_staff",
        metavar="ADMIN",
        required=True,
        help=f"the administrator importing (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    command.add_argument("--reason", required=True, help="why (audited with the import)")
    command.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    command.add_argument(
        "--problems", type=Path, metavar="FILE.csv", help="also write the problems to this CSV"
    )
    command.add_argument(
        "--progress", action="store_true", help="print each step's progress on stderr"
    )
    command.set_defaults(handler=run)


def run(context: CliContext) -> int:
    args = context.args
    if args.problems is not None:
        check_output_path(args.problems)  # before the work, so a bad path changes nothing
    caller = context.caller()
    report = context.services.importer.run(
        caller,
        args.file,
        reason=args.reason,
        dry_run=args.dry_run,
        progress=_progress_printer(sys.stderr) if args.progress else None,
    )
    if args.problems is not None:
        write_output_text(args.problems, lambda out: _write_problems(out, report.problems))
    if not report.ok:
        for problem in report.problems:
            print(f"desk-app: {problem.where()}: {problem.english()}", file=sys.stderr)
        hidden = report.problem_count - len(report.problems)
        if hidden > 0:
            more = {"count": hidden, "listed": len(report.problems)}
            print(f"desk-app: {english('import_more_problems', more)}", file=sys.stderr)
        refused = english("import_refused", {"count": report.problem_count})
        print(f"desk-app: {refused}", file=sys.stderr)
        return int(ExitStatus.BAD_INPUT)
    print("\n".join(summary_lines(report)))
    return 0


def summary_lines(report: ImportReport) -> list[str]:
    facts, counts = report.file, report.counts
    lines = [
        f"{facts.name}: {counts.rows:,} rows, {facts.size:,} bytes, SHA-256 {facts.sha256} "
        f"({report.seconds:.1f} s)",
        "Dry run: nothing was written. The import would make:"
        if report.dry_run
        else f"Imported in one transaction (audit entry {report.audit_id}):",
    ]
    width = max(len(label) for _, label in COUNT_LABELS)
    lines += [f"  {label:<{width}}  {getattr(counts, name):>8,}" for name, label in COUNT_LABELS]
    return lines


def _progress_printer(out: IO[str]) -> Any:
    def show(progress: Progress) -> None:
        print(
            f"{progress.phase}: {progress.rows:,} rows ({progress.fraction:.0%})",
            file=out,
            flush=True,
        )

    return show


def _write_problems(out: IO[str], problems: tuple[Problem, ...]) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    out.write("\ufeff")
    writer.writerow(["line", "column", "letter", "code", "message"])
    for problem in problems:
        writer.writerow(
            [
                problem.line or "",
                problem.column or "",
                problem.letter or "",
                problem.code,
                problem.english(),
            ]
        )
    return len(problems)
