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

import sys

from desk_app.ui.app import make_application
from desk_app.ui.common.i18n import Translations
from desk_app.ui.connection.watch import DatabaseWatch
from scripts.locked_demo import locked_by_another_program, open_demo_desk
from scripts.ui_screenshots import save, settle, window_for


def main() -> int:
    desk = open_demo_desk(__doc__.splitlines()[0], "supervisor")
    app = make_application()
    translations = Translations(app)
    for language, suffix in (("en", ""), ("zh_HK", "-zh")):
        translations.switch(language)
        window = window_for(desk.services, desk.staff, translations)
        watch = DatabaseWatch(window, desk.services.connection)
        settle(1500)  # the answers are read
        window.knowledge.select("contact_office")
        dialog = window.knowledge.open_editor()
        if dialog is None:
            print("the answer editor did not open", file=sys.stderr)
            return 1
        dialog.reason.setText("opening hours" if language == "en" else "更新辦公時間")
        settle(300)
        with locked_by_another_program(desk.file, watch):
            settle(500)
            save(dialog, desk.out / f"dialog-database-away{suffix}.png")
        watch.health.check_now()
        settle(1500)
        if watch.down or not dialog.save_button.isEnabled():
            print("the dialog did not recover", file=sys.stderr)
            return 1
        watch.stop()
        dialog.reject()
        window.close()
    translations.switch("en")
    desk.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
