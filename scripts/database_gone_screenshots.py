"""Screenshots of the banner for docs/: the desk while its database cannot be used.

    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db db upgrade
    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db demo --candidates 300
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m scripts.database_gone_screenshots \
        --db sqlite:////tmp/ui-demo.db

Saves ``desk-database-gone.png`` and ``desk-database-gone-zh.png``: the demo
operator with a locked caller on screen when another program takes the
SQLite file's lock (really: a second connection's ``BEGIN EXCLUSIVE``); the
window's own health check finds it, shows the banner and holds the actions.
The lock is let go afterwards and the window recovers.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from desk_app import config
from desk_app.demo.generate import DEMO_STAFF
from desk_app.services.registry import build_services
from desk_app.services.schema_check import DESK_TIMEOUTS, open_checked
from desk_app.ui.app import make_application
from desk_app.ui.common.i18n import Translations
from desk_app.ui.connection.watch import DatabaseWatch
from scripts.ui_screenshots import save, search, settle, window_for

LOCKED = "KLT847620"
SHOWN_FOR_S = 7  # the banner's clock has counted a few seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    file = make_url(args.db).database
    if not file:
        raise SystemExit("a SQLite file is needed (--db sqlite:////path)")
    app = make_application()
    db = open_checked(config.with_password(args.db), timeouts=DESK_TIMEOUTS)
    services = build_services(db, config.load_settings({}))
    username, _role, password, *_ = next(s for s in DEMO_STAFF if s[1] == "operator")
    operator = services.staff.authenticate(username, password)
    translations = Translations(app)
    for language, suffix in (("en", ""), ("zh_HK", "-zh")):
        translations.switch(language)
        window = window_for(services, operator, translations)
        search(window, LOCKED)
        window.search_panel.table.select_row(0, move_focus=True)
        settle(800)
        watch = DatabaseWatch(window, services.connection)
        other = sqlite3.connect(file, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN EXCLUSIVE")  # another program holds the file
            watch.health.check_now()
            for _ in range(40):
                settle(250)
                if watch.banner.isVisible():
                    break
            settle(SHOWN_FOR_S * 1000 // 3)
            save(window, args.out / f"desk-database-gone{suffix}.png")
        finally:
            other.rollback()
            other.close()
        watch.health.check_now()
        settle(1500)
        if watch.banner.isVisible():
            print("the window did not recover", file=sys.stderr)
            return 1
        watch.stop()
        window.close()
    translations.switch("en")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
