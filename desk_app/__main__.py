"""``python -m desk_app`` and the ``desk-app`` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    from desk_app.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
