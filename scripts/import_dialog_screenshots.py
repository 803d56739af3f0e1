"""Screenshots of File › Import… for docs/: the problems of a file, in English and Chinese.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python scripts/import_dialog_screenshots.py

Makes a throw-away SQLite database and a copy of docs/sample-import.csv with
three mistakes (an impossible date, an unknown exam, a grade the exam does
not have), runs the dialog's Import on it and saves ``docs/import-dialog.png``
and ``docs/import-dialog-zh.png``. Nothing outside a temporary folder changes.
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QThreadPool, QTimer

from desk_app.schema import upgrade
from desk_app.services.actor import TerminalUser
from desk_app.services.registry import build_services
from desk_app.services.schema_check import open_checked
from desk_app.settings import Settings
from desk_app.ui.app import make_application
from desk_app.ui.common.i18n import Translations
from desk_app.ui.importing.dialog import ImportDialog

DOCS = Path(__file__).resolve().parent.parent / "docs"


def settle(milliseconds: int = 300) -> None:
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone()
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()


def spoiled(folder: Path) -> Path:
    lines = (DOCS / "sample-import.csv").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("2009-12-21", "2009-02-30")
    lines[9] = lines[9].replace(",FCE,", ",FCE-X,")
    lines[2] = lines[2].replace("PASS WITH MERIT", "PASS WITH HONOURS")
    path = folder / "board-june-2026.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> int:
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="desk-shots-") as name:
        folder = Path(name)
        url = f"sqlite:///{folder / 'desk.sqlite3'}"
        upgrade(url)
        services = build_services(open_checked(url), Settings())
        password = secrets.token_urlsafe(16)
        services.staff.add(TerminalUser("shots"), "admin", "admin", password, display_name="Admin")
        admin = services.staff.authenticate("admin", password)
        translations = Translations()
        dialog = ImportDialog(services.importer, admin)
        dialog.resize(900, 560)
        dialog.show()
        dialog.path.setText(str(spoiled(folder)))
        dialog.reason.setText("June 2026 results from the exam board")
        dialog.start(dry_run=False)
        settle()
        for language, file in (("en", "import-dialog.png"), ("zh_HK", "import-dialog-zh.png")):
            translations.switch(language)
            settle(150)
            dialog.grab().save(str(DOCS / file))
            print(f"wrote {DOCS / file}")
        translations.switch("en")
        dialog.close()
        dialog.deleteLater()
        settle(50)
        services.db.dispose()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
