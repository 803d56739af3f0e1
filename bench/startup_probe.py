"""Start the desk as ``desk-app`` does and report when its sign-in dialog first paints.

    python -m bench.startup_probe [desk-app arguments …]

Runs ``desk_app.__main__.main()`` (the entry point itself) with one addition
made from outside the product: an event filter on the sign-in dialog that,
at the dialog's first paint, prints ``painted <unix time> <modules>`` (the
heavy modules already loaded) and ends the process at once. The parent
(``bench/startup_bench.py``) compares that time with the moment it started
the process: the whole start, interpreter included.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject

from desk_app.ui.signin import login_dialog

HEAVY = ("sqlalchemy", "alembic", "reportlab", "argon2", "desk_app.models", "desk_app.services.")


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            loaded = sorted(
                {m.split(".")[0] if not m.startswith("desk_app") else m for m in sys.modules}
            )
            heavy = ",".join(m for m in loaded if m.startswith(HEAVY)) or "-"
            print(f"painted {time.time():.6f} {heavy}", flush=True)
            os._exit(0)
        return False


_probe = _FirstPaint()
_init = login_dialog.LoginDialog.__init__


def _watched_init(self: login_dialog.LoginDialog, *args: object, **kwargs: object) -> None:
    _init(self, *args, **kwargs)  # type: ignore[arg-type]
    self.installEventFilter(_probe)


login_dialog.LoginDialog.__init__ = _watched_init  # type: ignore[method-assign]

if __name__ == "__main__":
    from desk_app.__main__ import main

    sys.argv = ["desk-app", *sys.argv[1:]]
    sys.exit(main())
