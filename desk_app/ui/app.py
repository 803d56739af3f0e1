"""``desk-app gui``: the application object, the database, sign-in, the window."""

from __future__ import annotations

import logging
import sys
from importlib import resources

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from desk_app.config import APP_NAME
from desk_app.logfile import default_log_file
from desk_app.services.errors import ExitStatus
from desk_app.services.registry import Services, build_services
from desk_app.settings import Settings
from desk_app.ui.common.crash import install_excepthook
from desk_app.ui.common.i18n import LANGUAGES, Translations, system_language
from desk_app.ui.common.workers import run_in_background
from desk_app.ui.exports.menu import ExportServices
from desk_app.ui.main_window import MainWindow, WindowServices
from desk_app.ui.release.scheduler import ReleaseScheduler
from desk_app.ui.signin.database_password import open_database
from desk_app.ui.signin.login_dialog import LoginDialog

log = logging.getLogger("desk_app.ui")

# how long to let background work finish when the window closes
_SHUTDOWN_WAIT_MS = 5000


def window_icon() -> QIcon:
    pixmap = QPixmap()
    pixmap.loadFromData((resources.files("desk_app") / "resources" / "desk-app.svg").read_bytes())
    return QIcon(pixmap)


def style_sheet() -> str:
    return (resources.files("desk_app") / "resources" / "desk.qss").read_text(encoding="utf-8")


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    app.setFont(font)
    app.setWindowIcon(window_icon())
    app.setStyleSheet(style_sheet())
    return app


def window_services(services: Services, database_dialect: str) -> WindowServices:
    """The services the desk window uses, taken from the process's registry."""
    return WindowServices(
        search=services.search,
        candidate_views=services.candidate_views,
        notes=services.notes,
        verification=services.verification,
        lockouts=services.lockouts,
        desk_actions=services.desk_actions,
        reason_presets=services.reason_presets,
        statements=services.statements,
        letters=services.letters,
        importer=services.importer,
        exports=ExportServices(
            services.search_export, services.audit_export, services.lockout_history
        ),
        knowledge=services.knowledge,
        staff=services.staff,
        clock=services.clock,
        timezone=services.settings.office.timezone,
        database_dialect=database_dialect,
    )


def _start_language(choice: str | None, stored: object) -> str:
    for candidate in (choice, stored):
        if isinstance(candidate, str) and candidate in LANGUAGES:
            return candidate
    return system_language()


def run(url: str, settings: Settings, language: str | None = None) -> int:
    app = make_application()
    install_excepthook(default_log_file())
    preferences = QSettings()
    translations = Translations(app)
    translations.switch(_start_language(language, preferences.value("language")))
    db = open_database(url)
    if db is None:  # the user was told why
        return int(ExitStatus.DATABASE_UNAVAILABLE)
    services = build_services(db, settings)
    try:
        login = LoginDialog(services.staff, translations)
        if login.exec() != QDialog.DialogCode.Accepted or login.identity is None:
            return 0
        identity = login.identity
        # the language the sign-in dialog showed is the one the desk uses; one chosen
        # there is also kept as this staff member's own
        if login.language_chosen:
            staff_service, chosen = services.staff, translations.language
            run_in_background(
                lambda: staff_service.set_language(identity, chosen),
                lambda _saved: None,
                lambda error: log.warning("language not saved: %s", error),
            )
        window = MainWindow(window_services(services, db.dialect), identity, translations)
        geometry = preferences.value("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        window.show()
        releases = ReleaseScheduler(
            services.release, services.clock.now, settings.desk.release_check_minutes, window
        )
        releases.message.connect(lambda text: window.statusBar().showMessage(text, 15_000))
        releases.start()
        status = app.exec()
        releases.stop()
        preferences.setValue("geometry", window.saveGeometry())
        preferences.setValue("language", translations.language)
        return int(status)
    finally:
        QThreadPool.globalInstance().waitForDone(_SHUTDOWN_WAIT_MS)
        db.dispose()
