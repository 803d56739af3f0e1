"""Screenshots of the answers pane for docs/, taken on a fresh demo database.

    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db db upgrade
    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db demo --candidates 500
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m scripts.knowledge_screenshots \
        --db sqlite:////tmp/ui-demo.db

Saves, as the demo operator sees them:

- ``desk-knowledge-locked.png`` and ``desk-knowledge-locked-zh.png``: a locked
  caller (the demo's KLT847620): the lock's answer, with the time left;
- ``desk-knowledge-certificate.png`` and ``desk-knowledge-certificate-zh.png``:
  a caller whose results came out three weeks ago and who waits for the
  certificate: the certificate window as dates. The demo's latest release
  may be months old, so this window runs on a clock set three weeks after it.

It only reads the database (and writes the audit entries of looking).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, or_, select

from desk_app import config
from desk_app.demo.generate import DEMO_STAFF
from desk_app.models import Candidate, Entry, Result, ResultsAccount
from desk_app.services.registry import Services, build_services
from desk_app.services.schema_check import open_checked
from desk_app.ui.app import make_application
from desk_app.ui.common.i18n import Translations
from desk_app.ui.main_window import MainWindow
from scripts.ui_screenshots import save, search, settle, window_for

LOCKED = "KLT847620"
SIZE = (1760, 940)


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self._moment = moment

    def now(self) -> datetime:
        return self._moment


def latest_release(services: Services) -> tuple[str, datetime]:
    """A registered candidate of the latest release that has happened, and when it was,
    who has not logged in since three weeks after it (the screenshot's clock)."""
    with services.db.read() as session:
        released = session.scalar(
            select(func.max(Result.release_at)).where(Result.release_at <= services.clock.now())
        )
        if released is None:
            raise SystemExit("the demo database has no released result")
        later = released + timedelta(weeks=3)
        found = session.scalar(
            select(Candidate.id_number)
            .join(Entry, Entry.candidate_id == Candidate.id)
            .join(Result, Result.entry_id == Entry.id)
            .join(ResultsAccount, ResultsAccount.candidate_id == Candidate.id)
            .where(
                Result.release_at == released,
                ResultsAccount.registered_at <= later,
                or_(ResultsAccount.last_login_at.is_(None), ResultsAccount.last_login_at <= later),
            )
            .order_by(Candidate.id_number)
            .limit(1)
        )
    if found is None:
        raise SystemExit("no registered candidate of the latest release to show")
    return found, released


def show(window: MainWindow, id_number: str, answer: str, language: str) -> None:
    search(window, id_number)
    window.search_panel.table.select_row(0, move_focus=True)
    settle(800)
    window.knowledge.select(answer)
    window.knowledge.read_in(language)  # the operator reads out in the window's language here
    settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    app = make_application()
    services = build_services(open_checked(config.with_password(args.db)), config.load_settings({}))
    username, _role, password, *_ = next(s for s in DEMO_STAFF if s[1] == "operator")
    operator = services.staff.authenticate(username, password)
    translations = Translations(app)
    translations.switch("en")
    out: Path = args.out
    certificate, released = latest_release(services)
    later = build_services(
        services.db, services.settings, FixedClock(released + timedelta(weeks=3))
    )
    for language, suffix in (("en", ""), ("zh_HK", "-zh")):
        translations.switch(language)
        for desk, id_number, answer in (
            (services, LOCKED, "locked"),
            (later, certificate, "certificate"),
        ):
            window = window_for(desk, operator, translations)
            window.resize(*SIZE)
            window.splitter.setSizes([760, 640, 340])  # as on the office's 1920×1080 screens
            show(window, id_number, answer, language)
            save(window, out / f"desk-knowledge-{answer}{suffix}.png")
            window.close()
    translations.switch("en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
