"""``desk-app gui``: the application object, the database, sign-in, the window.

The composition root, built for a fast start: the sign-in dialog is on
screen before SQLAlchemy, Alembic, the services or the window's panels are
imported. Meanwhile :class:`DeskOpener` opens the database and builds the
services on a worker, then imports the window's modules; the dialog's
"Sign in" waits for the staff service if it is pressed before that is done.
:class:`DeskSession` then runs the desk: the window, sign out, switch user
and the idle lock. This module imports nothing heavy at its top; what it
needs later it imports where it uses it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from desk_app.config import APP_NAME
from desk_app.logfile import default_log_file
from desk_app.settings import Settings
from desk_app.ui.common.crash import install_excepthook
from desk_app.ui.common.i18n import LANGUAGES, Translations, system_language
from desk_app.ui.session.desk_session import DeskSession
from desk_app.ui.startup.opening import AfterFirstPaint, DeskOpener
from desk_app.ui.startup.pauses import keep_out_of_the_collector, shorten_lock_waits

if TYPE_CHECKING:
    from desk_app.database import Database
    from desk_app.services.actor import StaffIdentity
    from desk_app.services.registry import Services
    from desk_app.services.staff import StaffService
    from desk_app.ui.main_window import MainWindow, WindowServices

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
    shorten_lock_waits()
    return app


def window_services(services: Services, database_dialect: str) -> WindowServices:
    """The services the desk window uses, taken from the process's registry."""
    from desk_app.ui.exports.menu import ExportServices
    from desk_app.ui.main_window import WindowServices

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
        live=services.live,
        staff=services.staff,
        clock=services.clock,
        timezone=services.settings.office.timezone,
        database_dialect=database_dialect,
        audit_browse=services.audit_browse,
    )


def _start_language(choice: str | None, stored: object) -> str:
    for candidate in (choice, stored):
        if isinstance(candidate, str) and candidate in LANGUAGES:
            return candidate
    return system_language()


@dataclass(frozen=True)
class OpenDesk:
    """What the opener's worker builds once the database is open."""

    services: Services
    #: the database's kind (SQLAlchemy dialect name), for the window's status bar
    dialect: str
    #: releases the database's connections when the desk closes
    close: Callable[[], None]


def open_desk_for(settings: Settings) -> Callable[[Database], OpenDesk]:
    """On the opener's worker: the services over the database just opened and, first
    of all, the staff service that signing in needs."""

    def build(database: Database) -> OpenDesk:
        from desk_app.services.registry import build_services

        services = build_services(database, settings)
        services.staff  # noqa: B018 (built now, on the worker: signing in needs it first)
        return OpenDesk(services, database.dialect, database.dispose)

    return build


def warm_window(desk: OpenDesk) -> None:
    """On the opener's worker, while the staff member types: the window's modules and
    services, so that the window opens without waiting for imports; then the PDF
    fonts (reportlab reads them once per process, holding Python's lock for a
    moment the first PDF preview would otherwise show as a frozen window)."""
    from desk_app.services.documents.rendering import fonts_for
    from desk_app.services.errors import DeskError

    window_services(desk.services, desk.dialect)
    with suppress(DeskError):  # no font: said when a PDF is asked for
        fonts_for(desk.services.settings)
    keep_out_of_the_collector()  # the modules and services just loaded last (pauses.py)


class StaffWhenOpen:
    """The staff service once the opener has built it.

    Each call is made on a worker (the sign-in dialog's, the session's), so
    waiting here for the database to open never blocks the GUI thread; a
    database that could not be opened fails the call with the same error.
    """

    def __init__(self, desk: Future[OpenDesk]) -> None:
        self._desk = desk

    def _staff(self) -> StaffService:
        return self._desk.result().services.staff

    def authenticate(self, username: str, password: str) -> StaffIdentity:
        return self._staff().authenticate(username, password)

    def set_language(self, staff: StaffIdentity, language: str) -> StaffIdentity:
        return self._staff().set_language(staff, language)

    def sign_out(self, staff: StaffIdentity, *, switching_user: bool = False) -> None:
        self._staff().sign_out(staff, switching_user=switching_user)

    def lock_screen(self, staff: StaffIdentity, *, idle_minutes: int | None) -> None:
        self._staff().lock_screen(staff, idle_minutes=idle_minutes)

    def unlock_screen(self, staff: StaffIdentity, password: str) -> StaffIdentity:
        return self._staff().unlock_screen(staff, password)


def window_maker(
    desk: Future[OpenDesk], translations: Translations
) -> Callable[[StaffIdentity], MainWindow]:
    """The desk window for a signed-in staff member."""

    def make(identity: StaffIdentity) -> MainWindow:
        from desk_app.ui.connection.watch import watch_database
        from desk_app.ui.main_window import MainWindow

        opened = desk.result()  # signed in: the services exist
        services = window_services(opened.services, opened.dialect)
        window = MainWindow(services, identity, translations)
        watch_database(window, opened.services.connection)  # stops when the window closes
        keep_out_of_the_collector()  # and the window's own objects
        return window

    return make


def release_scheduler(settings: Settings, session: DeskSession) -> Callable[[OpenDesk], None]:
    """Once the database is open: the release job at start and on its timers, for the
    whole process (it acts as the system, whoever is signed in)."""

    def start(desk: OpenDesk) -> None:
        from desk_app.ui.release.scheduler import ReleaseScheduler

        services = desk.services
        releases = ReleaseScheduler(
            services.release, services.clock.now, settings.desk.release_check_minutes, session
        )
        releases.message.connect(session.show_status)
        releases.start()

    return start


def run(url: str, settings: Settings, language: str | None = None) -> int:
    app = make_application()
    app.setQuitOnLastWindowClosed(False)  # the session says when the desk is done
    install_excepthook(default_log_file())
    preferences = QSettings()
    translations = Translations(app)
    translations.switch(_start_language(language, preferences.value("language")))
    opener = DeskOpener(url, open_desk_for(settings), warm_window)
    desk = DeskSession(
        StaffWhenOpen(opener.future),
        window_maker(opener.future, translations),
        translations,
        idle_minutes=settings.desk.idle_lock_minutes,
        preferences=preferences,
    )
    desk.finished.connect(app.exit)
    opener.failed.connect(desk.cannot_open)
    opener.opened.connect(release_scheduler(settings, desk))
    AfterFirstPaint(desk.show_sign_in(), opener.start)
    try:
        status = app.exec()
        preferences.setValue("language", translations.language)
        return int(status)
    finally:
        QThreadPool.globalInstance().waitForDone(_SHUTDOWN_WAIT_MS)
        opener.wait(_SHUTDOWN_WAIT_MS)
        if opener.future.done() and opener.future.exception() is None:
            opener.future.result().close()
