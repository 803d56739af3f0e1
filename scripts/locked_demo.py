"""What the screenshots of a desk whose database is away share: a demo SQLite
desk signed in, and its file locked by another program until the watch says so.

Used by ``database_gone_screenshots.py`` and ``dialog_away_screenshots.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from desk_app import config
from desk_app.database import Database
from desk_app.demo.generate import DEMO_STAFF
from desk_app.services.actor import StaffIdentity
from desk_app.services.registry import Services, build_services
from desk_app.services.schema_check import DESK_TIMEOUTS, open_checked
from desk_app.ui.connection.watch import DatabaseWatch
from scripts.ui_screenshots import settle


@dataclass(frozen=True)
class DemoDesk:
    file: str
    out: Path
    db: Database
    services: Services
    staff: StaffIdentity


def open_demo_desk(description: str, role: str) -> DemoDesk:
    """The command line's ``--db sqlite:////FILE [--out DIR]``, opened as the window opens
    it, and the demo staff member of ``role`` signed in."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", type=Path, default=Path("docs"))
    args = parser.parse_args()
    file = make_url(args.db).database
    if not file:
        raise SystemExit("a SQLite file is needed (--db sqlite:////path)")
    db = open_checked(config.with_password(args.db), timeouts=DESK_TIMEOUTS)
    services = build_services(db, config.load_settings({}))
    username, _role, password, *_ = next(s for s in DEMO_STAFF if s[1] == role)
    return DemoDesk(file, args.out, db, services, services.staff.authenticate(username, password))


@contextlib.contextmanager
def locked_by_another_program(file: str, watch: DatabaseWatch) -> Iterator[None]:
    """Another program holds ``file`` (``BEGIN EXCLUSIVE``) until the block ends; the
    block starts once the watch has found the database away (or after 10 s)."""
    other = sqlite3.connect(file, isolation_level=None, timeout=0)
    try:
        other.execute("BEGIN EXCLUSIVE")
        watch.health.check_now()
        for _ in range(40):
            settle(250)
            if watch.down and watch.banner.isVisible():
                break
        yield
    finally:
        other.rollback()
        other.close()
