"""``desk-app letter batch --centre CODE --as STAFF --out FILE.pdf [--reason TEXT] [--reissue]``.

The centre's new candidates get their exam-day letters, one a page, in one
PDF. The output path is checked before anything is done; the Secret Numbers
exist only in the PDF. A second batch of letters already printed is refused
unless ``--reissue`` (then with a reason): they are printed again with new
numbers and the old letters stop working at once.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk_app.cli.common import STAFF_PASSWORD_ENV, CliContext
from desk_app.services.errors import DeskError
from desk_app.services.output_files import check_output_path, write_output


def register_batch(actions: Any, common: argparse.ArgumentParser) -> None:
    """Add ``batch`` to the ``letter`` command's actions."""
    batch = actions.add_parser(
        "batch",
        parents=[common],
        help="print a centre's exam-day letters as one PDF (supervisors, administrators)",
        description="Every new candidate of the centre (no letter yet) gets a Secret Number, "
        "stored only as a hash, and a letter, one a page. Letters already printed are printed "
        "again only with --reissue: new numbers, the old letters stop working at once.",
    )
    batch.add_argument("--centre", required=True, metavar="CODE", help="the centre, e.g. TW056")
    batch.add_argument(
        "--as",
        dest="as_staff",
        required=True,
        metavar="STAFF",
        help=f"the staff member printing (password from {STAFF_PASSWORD_ENV} or a prompt)",
    )
    batch.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    batch.add_argument("--reason", help="why (audited; required with --reissue)")
    batch.add_argument(
        "--reissue",
        action="store_true",
        help="also print again, with new Secret Numbers, the letters already printed",
    )
    batch.set_defaults(handler=print_batch)


def _progress_on_terminal() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(step: str, done: int, total: int) -> None:
        what = "Secret Numbers" if step == "numbers" else "pages"
        end = "\n" if done == total else ""
        print(f"\r{what}: {done} of {total}", end=end, file=sys.stderr, flush=True)

    return show


def print_batch(context: CliContext) -> int:
    args = context.args
    target = check_output_path(args.out)
    staff = context.sign_in(args.as_staff)
    printed = context.services.letters.print_batch(
        staff,
        args.centre,
        reason=args.reason,
        reissue=args.reissue,
        progress=_progress_on_terminal(),
    )
    try:
        write_output(target, printed.pdf)
    except DeskError as error:
        print(f"desk-app: {error}", file=sys.stderr)
        print(
            f"desk-app: the {printed.count} letters of batch {printed.batch_id} are issued but "
            "were not saved: print them again with --reissue (new Secret Numbers).",
            file=sys.stderr,
        )
        return int(error.status)
    print(
        f"Centre {printed.centre}: {printed.new_letters} exam-day letter(s) and "
        f"{printed.reissued} reissued letter(s), batch {printed.batch_id}, written to {target}."
    )
    return 0
