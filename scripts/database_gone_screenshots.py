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

import sys

from desk_app.ui.app import make_application
from desk_app.ui.common.i18n import Translations
from desk_app.ui.connection.watch import DatabaseWatch
from scripts.locked_demo import locked_by_another_program, open_demo_desk
from scripts.ui_screenshots import save, search, settle, window_for

LOCKED = "KLT847620"
SHOWN_FOR_S = 7  # the banner's clock has counted a few seconds


def main() -> int:
    desk = open_demo_desk(__doc__.splitlines()[0], "operator")
    app = make_application()
    translations = Translations(app)
    for language, suffix in (("en", ""), ("zh_HK", "-zh")):
        translations.switch(language)
        window = window_for(desk.services, desk.staff, translations)
        search(window, LOCKED)
        window.search_panel.table.select_row(0, move_focus=True)
        settle(800)
        watch = DatabaseWatch(window, desk.services.connection)
        with locked_by_another_program(desk.file, watch):
            settle(SHOWN_FOR_S * 1000 // 3)
            save(window, desk.out / f"desk-database-gone{suffix}.png")
        watch.health.check_now()
        settle(1500)
        if watch.banner.isVisible():
            print("the window did not recover", file=sys.stderr)
            return 1
        watch.stop()
        window.close()
    translations.switch("en")
    desk.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
