"""Screenshots of the supervisor's audit view for docs/, on a fresh demo database.

    .venv/bin/desk-app --db sqlite:////tmp/audit-demo.db db upgrade
    .venv/bin/desk-app --db sqlite:////tmp/audit-demo.db demo --candidates 500
    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/audit_view_screenshots.py \
        --db sqlite:////tmp/audit-demo.db

A morning at the desk first (through the services, as the demo staff): sign-ins,
a candidate locked out by the website and helped by the operator, a note, a
reissued letter. Then saves ``desk-audit.png`` and ``desk-audit-zh.png`` (the
audit tab, a row selected), ``desk-audit-details.png`` (one event in full) and
``desk-audit-check.png`` (the chain verified), ``desk-audit-export.png`` and
``desk-audit-export-zh.png`` (Export to CSV… with a kind chosen). It changes the database it is
given: use a demo database made for it.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desk_app import config
from desk_app.demo.generate import DEMO_STAFF
from desk_app.services.errors import Locked, Refused
from desk_app.services.registry import Services, build_services
from desk_app.services.schema_check import open_checked
from desk_app.ui.app import make_application, window_services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.main_window import MainWindow

SIZE = (1280, 760)
PASSWORDS = {username: password for username, _role, password, *_ in DEMO_STAFF}


def settle(milliseconds: int = 400) -> None:
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone()
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()


def grab(widget: QWidget, folder: Path, name: str) -> None:
    settle()
    widget.grab().save(str(folder / name))
    print(f"wrote {folder / name}", file=sys.stderr)


def a_morning(services: Services) -> None:
    operator = services.staff.authenticate("operator", PASSWORDS["operator"])
    counter = services.staff.authenticate("counter", PASSWORDS["counter"])
    services.staff.authenticate("supervisor", PASSWORDS["supervisor"])
    found = services.search.search(operator, "chan").items
    target = next(row for row in found if row.registered and not row.locked)
    for attempt in range(3):  # the website's third wrong password locks the account
        with contextlib.suppress(Refused, Locked):
            services.accounts.login(target.id_number, f"Wrong-{attempt}9", source="203.0.113.7")
    detail = services.candidates.show(operator, target.id_number)
    services.verification.verify_caller(
        operator, target.id_number, name=target.name_en,
        date_of_birth=detail.date_of_birth, id_number=target.id_number,
    )  # fmt: skip
    services.desk_actions.unlock(operator, target.id_number, reason="caller verified, locked out")
    services.notes.add(operator, target.id_number, "Locked out after the weekend; unlocked.")
    other = next(row for row in found if row.id_number != target.id_number)
    services.verification.record_document(counter, other.id_number, "HKID card")
    services.desk_actions.reissue_letter(counter, other.id_number, reason="lost the letter")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs")
    args = parser.parse_args()
    folder = Path(args.out)
    app: QApplication = make_application()
    db = open_checked(args.db)
    services = build_services(db, config.load_settings({}))
    a_morning(services)
    supervisor = services.staff.authenticate("supervisor", PASSWORDS["supervisor"])
    translations = Translations(app)
    translations.switch("en")
    window = MainWindow(window_services(services, db.dialect), supervisor, translations)
    window.resize(*SIZE)
    window.show()
    assert window.audit is not None
    window.tabs.setCurrentWidget(window.audit)
    settle()
    window.audit.table.selectRow(2)
    grab(window, folder, "desk-audit.png")
    details = window.audit.open_details()
    assert details is not None
    grab(details, folder, "desk-audit-details.png")
    details.close()
    window.audit.check.start()
    settle(800)
    if window.audit.check.summary is not None:
        grab(window.audit.check.summary, folder, "desk-audit-check.png")
        window.audit.check.summary.close()
    bar = window.audit.filter_bar
    bar.kind.setCurrentIndex(bar.kind.findData("account_unlocked"))
    bar.apply()
    export = window.audit.open_export()
    grab(export, folder, "desk-audit-export.png")
    translations.switch("zh_HK")
    grab(export, folder, "desk-audit-export-zh.png")
    export.close()
    bar.clear()
    settle()
    window.audit.table.selectRow(2)
    grab(window, folder, "desk-audit-zh.png")
    window.close()
    QThreadPool.globalInstance().waitForDone()
    db.dispose()


if __name__ == "__main__":
    main()
