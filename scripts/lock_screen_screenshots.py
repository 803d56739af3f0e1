"""Screenshots of the idle lock for docs/: the locked desk, in English and Chinese.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/lock_screen_screenshots.py

Makes a throw-away SQLite database with demo data (500 candidates) and a
screenshot operator, signs in through the session's own sign-in dialog,
opens a candidate and starts a caller verification, then lets the idle
clock (injected, moved by hand) pass ten minutes. Saves
``docs/desk-lock-screen.png`` and ``docs/desk-lock-screen-zh.png``. Nothing
outside a temporary folder changes.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desk_app.demo.generate import DEMO_STAFF, make_demo
from desk_app.services.actor import StaffIdentity
from desk_app.services.registry import Services, build_services
from desk_app.services.schema_check import open_checked
from desk_app.settings import Settings
from desk_app.ui.actions.rules import DeskAction
from desk_app.ui.app import make_application, window_services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.main_window import MainWindow
from desk_app.ui.session.desk_session import DeskSession

DOCS = Path(__file__).resolve().parent.parent / "docs"
OPERATOR = ("kaming.wong", "WONG Ka Ming")
SIZE = (1280, 800)


class IdleClock:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


def settle(milliseconds: int = 400) -> None:
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone()
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def operator(services: Services) -> str:
    """A screenshot operator (added by the demo administrator); their password."""
    admin_name, _role, admin_password, *_ = next(s for s in DEMO_STAFF if s[1] == "admin")
    admin = services.staff.authenticate(admin_name, admin_password)
    password = secrets.token_urlsafe(16)
    services.staff.add(admin, OPERATOR[0], "operator", password, display_name=OPERATOR[1])
    return password


def locked_desk(services: Services, password: str, language: str, path: Path) -> None:
    translations = Translations()
    translations.switch(language)
    clock = IdleClock()

    def make_window(identity: StaffIdentity) -> MainWindow:
        window = MainWindow(window_services(services, services.db.dialect), identity, translations)
        window.resize(*SIZE)
        return window

    desk = DeskSession(
        services.staff,
        make_window,
        translations,
        idle_minutes=10,
        idle_clock=clock,
        idle_check_ms=50,
    )
    login = desk.show_sign_in()
    login.username.setText(OPERATOR[0])
    login.password.setText(password)
    login.sign_in()
    settle()
    window = desk.window
    assert window is not None
    window.search_panel.search_box.setText("SMR123456")
    window.search_panel.search_now()
    settle()
    dialog = window.launcher.launch(DeskAction.VERIFY_CALLER)
    assert dialog is not None
    QTest.keyClicks(dialog.name, "Chan Tai")  # type: ignore[attr-defined]
    settle()
    clock.seconds += 10 * 60
    settle()
    assert desk.lock is not None and not dialog.isVisible()
    save(window, path)
    desk.sign_out()
    settle()
    if desk.login is not None:
        desk.login.close()


def main() -> int:
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="desk-lock-shots-") as folder:
        settings = Settings()
        services = build_services(open_checked(f"sqlite:///{folder}/desk.sqlite3"), settings)
        make_demo(services.db, settings, services.clock, services.hasher, candidates=500, seed=1)
        password = operator(services)
        locked_desk(services, password, "en", DOCS / "desk-lock-screen.png")
        locked_desk(services, password, "zh_HK", DOCS / "desk-lock-screen-zh.png")
        services.db.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
