"""Screenshots of a dialog for docs/ while the database cannot be used.

    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db db upgrade
    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db demo --candidates 300
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m scripts.dialog_away_screenshots \
        --db sqlite:////tmp/ui-demo.db

Saves ``dialog-database-away.png`` and ``dialog-database-away-zh.png``: the
demo supervisor editing an answer, the reason typed, when another program
takes the SQLite file's lock (a second connection's ``BEGIN EXCLUSIVE``): the
Save button waits with the reason and the dialog says why; what was typed
stays. The lock is let go and the button comes back.
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
from scripts.ui_screenshots import save, settle, window_for


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
    username, _role, password, *_ = next(s for s in DEMO_STAFF if s[1] == "supervisor")
    supervisor = services.staff.authenticate(username, password)
    translations = Translations(app)
    for language, suffix in (("en", ""), ("zh_HK", "-zh")):
        translations.switch(language)
        window = window_for(services, supervisor, translations)
        watch = DatabaseWatch(window, services.connection)
        settle(1500)  # the answers are read
        window.knowledge.select("contact_office")
        dialog = window.knowledge.open_editor()
        if dialog is None:
            print("the answer editor did not open", file=sys.stderr)
            return 1
        dialog.reason.setText("opening hours" if language == "en" else "更新辦公時間")
        settle(300)
        other = sqlite3.connect(file, isolation_level=None, timeout=0)
        try:
            other.execute("BEGIN EXCLUSIVE")  # another program holds the file
            watch.health.check_now()
            for _ in range(40):
                settle(250)
                if watch.down:
                    break
            settle(500)
            save(dialog, args.out / f"dialog-database-away{suffix}.png")
        finally:
            other.rollback()
            other.close()
        watch.health.check_now()
        settle(1500)
        if watch.down or not dialog.save_button.isEnabled():
            print("the dialog did not recover", file=sys.stderr)
            return 1
        watch.stop()
        dialog.reject()
        window.close()
    translations.switch("en")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
