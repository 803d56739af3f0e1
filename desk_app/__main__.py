"""``python -m desk_app`` and the ``desk-app`` entry point."""

from __future__ import annotations

import gc
import sys

#: the cyclic collector's thresholds: a young pass every 200,000 new objects, not 700
GC_THRESHOLDS = (200_000, 20, 20)


def main() -> int:
    # A start imports some 400 modules and builds objects that live as long as the
    # process; at Python's default a young pass runs every 700 of them and walks them
    # again, which is a twentieth of a short command such as ``desk-app show``. At
    # 50,000, ``show`` (some 110,000 new objects that last) still paid two passes,
    # 25-40 ms; at 200,000 it pays none. Cycles are still collected, in larger
    # batches (the window goes back to Python's own thresholds once the desk is open:
    # ui/startup/pauses.py).
    gc.set_threshold(*GC_THRESHOLDS)
    from desk_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
