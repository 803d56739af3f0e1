"""Screenshots of the desk for docs/: the login dialog and the main window (en, zh_HK).

    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db demo --candidates 500
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/ui_screenshots.py \
        --db sqlite:////tmp/ui-demo.db

Signs in as a screenshot operator it adds to that (demo) database, searches
for "chan", selects a locked account if the page has one, and saves
``docs/login.png``, ``docs/main-window.png`` and ``docs/main-window-zh.png``.
"""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool, QTimer

from desk_app import config
from desk_app.services.errors import Refused
from desk_app.services.registry import build_services
from desk_app.services.schema_check import open_checked
from desk_app.services.search import SearchService
from desk_app.ui.app import make_application
from desk_app.ui.candidate_table_model import Column
from desk_app.ui.i18n import Translations
from desk_app.ui.login_dialog import LoginDialog
from desk_app.ui.main_window import MainWindow

USERNAME = "kaming.wong"


def settle(milliseconds: int = 300) -> None:
    QThreadPool.globalInstance().waitForDone()
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    QCoreApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--query", default="chan")
    args = parser.parse_args()
    app = make_application()
    settings = config.load_settings({})
    services = build_services(open_checked(config.with_password(args.db)), settings)
    password = secrets.token_urlsafe(16)
    try:
        services.staff.add_from_terminal(
            "screenshots", USERNAME, "operator", password, display_name="WONG Ka Ming"
        )
    except Refused:  # added by an earlier run: give it a password we know
        print(f"{USERNAME} exists already; use a fresh demo database", file=sys.stderr)
        return 1
    staff = services.staff.authenticate(USERNAME, password)
    translations = Translations(app)
    translations.switch("en")
    args.out.mkdir(parents=True, exist_ok=True)

    login = LoginDialog(services.staff, translations)
    login.username.setText(USERNAME)
    login.password.setText("x" * 12)
    login.show()
    login.password.setFocus()
    login.username.deselect()
    settle()
    login.grab().save(str(args.out / "login.png"))
    login.close()

    search = SearchService(services.db, services.settings, services.clock)
    window = MainWindow(services, search, staff, translations)
    window.resize(1280, 800)
    window.show()
    window.search_panel.search_box.setText(args.query)
    window.search_panel.search_now()
    settle()
    proxy = window.search_panel.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, Column.ACCOUNT).data() == "Locked":
            window.search_panel.table.select_row(row, move_focus=True)
            break
    settle()
    window.grab().save(str(args.out / "main-window.png"))
    window.switch_language("zh_HK")
    settle()
    window.grab().save(str(args.out / "main-window-zh.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
