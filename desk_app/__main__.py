"""``python -m desk_app`` and the ``desk-app`` entry point."""

from __future__ import annotations

import gc
import sys

#: the cyclic collector's thresholds: a young pass every 50,000 new objects, not 700
GC_THRESHOLDS = (50_000, 20, 20)


def main() -> int:
    # A start imports some 400 modules and builds objects that live as long as the
    # process; at Python's default a young pass runs every 700 of them and walks them
    # again, which is a twentieth of a short command such as ``desk-app show``. Cycles
    # are still collected, in larger batches.
    gc.set_threshold(*GC_THRESHOLDS)
    from desk_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
