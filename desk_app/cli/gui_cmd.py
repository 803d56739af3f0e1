"""``desk-app gui`` (also plain ``desk-app``): the desk window."""

from __future__ import annotations

import argparse
from typing import Any

from desk_app.cli.common import CliContext


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    gui = subparsers.add_parser("gui", help="open the desk window (the default)", parents=[common])
    gui.add_argument("--language", choices=["en", "zh_HK"], help="start in this language")
    gui.set_defaults(handler=run_gui)


def run_gui(context: CliContext) -> int:
    from desk_app.ui.app import run  # Qt is imported only here

    url = context.url.render_as_string(hide_password=False)
    return run(url, context.settings, language=getattr(context.args, "language", None))
