"""Starting the desk: the sign-in dialog first, the database behind it, the whole way through.

The first two tests run ``desk-app gui`` as a process (Qt offscreen), with a
few lines of driver that watch from outside the product.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.errors import DatabaseUnavailable
from desk_app.services.registry import Services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.session.desk_session import DeskSession
from tests.support.factories import STAFF_PASSWORD, add_staff
from tests.support.message_boxes import close_message_boxes

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

#: at the sign-in dialog's first paint: what is loaded, then the process ends
FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
from desk_app.ui.signin import login_dialog

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            heavy = ("sqlalchemy", "alembic", "reportlab", "argon2", "desk_app.models",
                     "desk_app.database", "desk_app.ui.main_window")
            print(",".join(sorted(m for m in sys.modules if m.startswith(heavy))), flush=True)
            os._exit(0)
        return False

probe = Probe()
init = login_dialog.LoginDialog.__init__
def watched(self, *args, **kwargs):
    init(self, *args, **kwargs)
    self.installEventFilter(probe)
login_dialog.LoginDialog.__init__ = watched
from desk_app.cli import main
sys.exit(main(sys.argv[1:]))
"""

#: signs in as the first argument, then quits from the window's File menu
SIGN_IN_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from desk_app.ui.session import desk_session

username, password = sys.argv[1], sys.argv[2]
show = desk_session.DeskSession.show_sign_in
def driven(self):
    dialog = show(self)
    dialog.username.setText(username)
    dialog.password.setText(password)
    QTimer.singleShot(0, dialog.sign_in)  # pressed at once: the database may still be opening
    self.windowShown.connect(lambda window: QTimer.singleShot(300, window.quit_action.trigger))
    return dialog
desk_session.DeskSession.show_sign_in = driven
from desk_app.cli import main
sys.exit(main(sys.argv[3:]))
"""


def desk_process(code: str, *args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESK_APP_CONFIG=str(tmp_path / "none"))
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_the_sign_in_dialog_shows_before_the_database_and_the_window_load(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    done = desk_process(FIRST_PAINT, "--db", url, "gui", tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


@SQLITE_ONLY
def test_sign_in_at_once_then_quit(database_url: str, services: Services, tmp_path: Path) -> None:
    add_staff(services, "operator", "amy")
    done = desk_process(
        SIGN_IN_AND_QUIT, "amy", STAFF_PASSWORD, "--db", database_url, "gui", tmp_path=tmp_path
    )
    assert done.returncode == 0, done.stderr
    with services.db.read() as session:
        actions = list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.subject == "amy").order_by(AuditEvent.id)
            )
        )
    # add_staff signed amy in once; the desk did the rest
    assert actions[-2:] == ["staff_login", "staff_logout"]
    assert actions.count("staff_login") == 2


def test_a_database_that_cannot_be_opened_is_said_and_ends_the_desk(
    qtbot: QtBot, qapp: QApplication
) -> None:
    class NoStaff:  # never asked: the desk ends before anyone signs in
        pass

    desk = DeskSession(
        NoStaff(),  # type: ignore[arg-type]
        lambda identity: None,  # type: ignore[arg-type,return-value]
        Translations(),
        idle_minutes=10,
    )
    dialog = desk.show_sign_in()
    qtbot.addWidget(dialog)
    seen: list[str] = []
    close_message_boxes(seen)
    error = DatabaseUnavailable("database_no_answer", server="db.example.org:5432")
    with qtbot.waitSignal(desk.finished) as finished:
        desk.cannot_open(error)
    assert finished.args == [5]
    assert seen == [
        "The database server db.example.org:5432 does not answer. "
        "Try again or call the administrator."
    ]
    assert not dialog.isVisible()


def test_the_open_desk_keeps_its_objects_out_of_the_collector_and_switches_fast() -> None:
    """ui/startup/pauses.py, in a process of its own (a freeze lasts as long as the process)."""
    code = (
        "import gc, sys\n"
        "from desk_app.__main__ import GC_THRESHOLDS\n"
        "gc.set_threshold(*GC_THRESHOLDS)\n"
        "from desk_app.ui.app import make_application\n"
        "from desk_app.ui.startup.pauses import keep_out_of_the_collector\n"
        "app = make_application()\n"
        "keep_out_of_the_collector()\n"
        "print(sys.getswitchinterval(), gc.get_freeze_count() > 1000, gc.get_threshold())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = [sys.executable, "-c", code]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=60, env=env)
    assert out.stdout.split() == ["0.001", "True", "(700,", "10,", "10)"]
