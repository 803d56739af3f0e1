"""The direction of imports: ui → services → models; Qt only under desk_app/ui.

The command line (except ``gui``) starts fast and works without a display:
it must not load PySide6.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desk_app"
QT_FREE = ("models", "services", "cli", "documents")
ALLOWED_QT = {PACKAGE / "cli" / "gui_cmd.py"}


def imported_modules(path: Path) -> set[str]:
    """What ``path`` imports at run time (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def qt_free_files() -> list[Path]:
    files = [p for folder in QT_FREE for p in sorted((PACKAGE / folder).rglob("*.py"))]
    files += [
        PACKAGE / name
        for name in (
            "__init__.py", "config.py", "database.py", "settings.py", "bulk.py",
            "exam_catalogue.py",
        )
    ]  # fmt: skip
    return [p for p in files if p not in ALLOWED_QT]


@pytest.mark.parametrize("path", qt_free_files(), ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_qt_and_no_ui_below_the_ui(path: Path) -> None:
    bad = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
        or name == "desk_app.ui"
        or name.startswith("desk_app.ui.")
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_models_do_not_import_services() -> None:
    for path in sorted((PACKAGE / "models").rglob("*.py")):
        bad = {n for n in imported_modules(path) if n.startswith("desk_app.services")}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_ui_does_not_reach_into_the_models() -> None:
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        bad = {
            n
            for n in imported_modules(path)
            if n.startswith(("desk_app.models", "desk_app.database", "sqlalchemy.orm"))
        }
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_the_command_line_does_not_load_qt() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from desk_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == ""
