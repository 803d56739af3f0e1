"""Screenshots of the desk for docs/, taken on a fresh demo database.

    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db db upgrade
    .venv/bin/desk-app --db sqlite:////tmp/ui-demo.db demo --candidates 500
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/ui_screenshots.py \
        --db sqlite:////tmp/ui-demo.db

Adds a screenshot operator and supervisor to that (demo) database and saves:

- ``login.png``; ``main-window.png`` and ``main-window-zh.png`` (a search for
  "chan" with a locked account selected);
- ``desk-candidate.png`` and ``desk-candidate-zh.png``: that candidate opened
  after the caller was verified, its lock timeline shown;
- ``desk-letter-preview.png``: a reissued letter in the print preview;
- ``desk-lockouts.png``: the supervisor's lockouts view, after a burst of
  wrong passwords from one address (made through the website's login) has
  made that address a likely attack.

It changes the database it is given: use a demo database made for it.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desk_app import config
from desk_app.demo.generate import DEMO_STAFF
from desk_app.demo.rows import ATTACK_SOURCE
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import DeskError, Refused
from desk_app.services.registry import Services, build_services
from desk_app.services.schema_check import open_checked
from desk_app.ui.actions.reason_dialog import ReasonDialog
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.actions.verify_dialog import VerifyCallerDialog
from desk_app.ui.app import make_application, window_services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.common.print_preview import PdfPreviewDialog
from desk_app.ui.main_window import MainWindow
from desk_app.ui.search.table_model import Column
from desk_app.ui.signin.login_dialog import LoginDialog

OPERATOR = ("kaming.wong", "operator", "WONG Ka Ming")
SUPERVISOR = ("meiling.chan", "supervisor", "CHAN Mei Ling")
SIZE = (1280, 800)


def settle(milliseconds: int = 400) -> None:
    """Let background work finish and its answers (and a debounce) reach the widgets."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone()
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()


def demo_admin(services: Services) -> StaffIdentity:
    """The demo database's administrator: only an administrator adds staff."""
    username, _role, password, *_ = next(s for s in DEMO_STAFF if s[1] == "admin")
    return services.staff.authenticate(username, password)


def add_staff(services: Services, who: tuple[str, str, str]) -> StaffIdentity:
    username, role, display = who
    password = secrets.token_urlsafe(16)
    services.staff.add(demo_admin(services), username, role, password, display_name=display)
    return services.staff.authenticate(username, password)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def window_for(services: Services, staff: StaffIdentity, translations: Translations) -> MainWindow:
    window = MainWindow(window_services(services, services.db.dialect), staff, translations)
    window.resize(*SIZE)
    window.show()
    return window


def search(window: MainWindow, text: str) -> None:
    window.search_panel.search_box.setText(text)
    window.search_panel.search_now()
    settle()


def select_locked(window: MainWindow) -> None:
    proxy = window.search_panel.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, Column.ACCOUNT).data() == "Locked":
            window.search_panel.table.select_row(row, move_focus=True)
            break
    settle()


def verify_caller(window: MainWindow) -> None:
    """Type what a caller who is who they say would say."""
    snapshot = window.pane.snapshot
    assert snapshot is not None
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert isinstance(dialog, VerifyCallerDialog)
    detail = snapshot.detail
    dialog.name.setText(detail.name_zh or detail.name_en)
    dialog.date_of_birth.setText(detail.date_of_birth.strftime("%d/%m/%Y"))
    dialog.identifier.setText(detail.id_number)
    dialog.run()
    settle()


def reissue_letter(window: MainWindow, path: Path) -> None:
    """A caller who lost the exam-day letter: verify, reissue, preview."""
    search(window, "SMR123456")  # a demo candidate who has not registered yet
    window.search_panel.table.select_row(0, move_focus=True)
    settle()
    verify_caller(window)
    dialog = window.launcher.launch(DeskAction.REISSUE_LETTER)
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setText("Letter lost; caller verified on the phone")
    dialog.run()
    settle(800)
    preview = window.findChild(PdfPreviewDialog)
    assert preview is not None
    preview.resize(900, 780)
    preview.fit_width_action.trigger()
    settle(800)
    save(preview, path)
    preview.reject()


def make_an_attack(services: Services, staff: StaffIdentity) -> None:
    """Wrong passwords from one address on a few more registered accounts (the website's way)."""
    rows = services.search.search(staff, "ho").items
    locked = 0
    for row in rows:
        if not row.registered or row.locked or locked == 3:
            continue
        for _ in range(services.settings.lockout.threshold):
            with contextlib.suppress(DeskError):  # wrong password, then locked
                services.accounts.login(row.id_number, "not-the-password-1", source=ATTACK_SOURCE)
        locked += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    parser.add_argument("--query", default="chan")
    args = parser.parse_args()
    app = make_application()
    settings = config.load_settings({})
    services = build_services(open_checked(config.with_password(args.db)), settings)
    try:
        operator, supervisor = add_staff(services, OPERATOR), add_staff(services, SUPERVISOR)
    except Refused:
        print("the screenshot staff exist already; use a fresh demo database", file=sys.stderr)
        return 1
    translations = Translations(app)
    translations.switch("en")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    login = LoginDialog(services.staff, translations)
    login.username.setText(OPERATOR[0])
    login.password.setText("x" * 12)
    login.show()
    login.password.setFocus()
    login.username.deselect()
    settle()
    save(login, out / "login.png")
    login.close()

    window = window_for(services, operator, translations)
    search(window, args.query)
    select_locked(window)
    save(window, out / "main-window.png")
    verify_caller(window)
    window.pane.tabs.setCurrentWidget(window.pane.tabs.timeline)
    settle()
    save(window, out / "desk-candidate.png")
    window.statusBar().clearMessage()
    window.switch_language("zh_HK")
    settle()
    save(window, out / "desk-candidate-zh.png")
    window.pane.tabs.setCurrentIndex(0)
    settle()
    save(window, out / "main-window-zh.png")
    window.switch_language("en")
    settle()
    reissue_letter(window, out / "desk-letter-preview.png")
    window.close()

    make_an_attack(services, supervisor)
    boss = window_for(services, supervisor, translations)
    boss.show_lockouts()
    settle(800)
    assert boss.lockouts is not None
    boss.lockouts.table.selectRow(0)
    settle()
    save(boss, out / "desk-lockouts.png")
    boss.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
