"""The direction of imports: ui → services → models; Qt only under desk_app/ui.

The command line (except ``gui``) starts fast and works without a display:
it must not load PySide6. The PDF renderers (``documents/``) know no
database; demo-data generation (``demo/``) is reached only from its command.
Imports are absolute and written out, so these rules can read them: no
relative imports, no modules looked up by name at run time, no cycles.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "desk_app"
QT_FREE = ("models", "services", "cli", "documents", "demo", "migrations")
ALLOWED_QT = {PACKAGE / "cli" / "gui_cmd.py"}
DATABASE = ("sqlalchemy", "desk_app.models", "desk_app.database", "desk_app.schema")


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
            "__init__.py",
            "__main__.py",
            "config.py",
            "database.py",
            "schema.py",
            "settings.py",
            "bulk.py",
            "exam_catalogue.py",
        )
    ]
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


def package_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") for p in prefixes)


def test_documents_know_no_database_and_no_services() -> None:
    for path in sorted((PACKAGE / "documents").rglob("*.py")):
        bad = {n for n in imported_modules(path) if starts(n, (*DATABASE, "desk_app.services"))}
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_only_the_demo_command_makes_demo_data() -> None:
    allowed = {PACKAGE / "cli" / "demo_cmd.py", *(PACKAGE / "demo").rglob("*.py")}
    for path in package_files():
        if path in allowed:
            continue
        bad = {n for n in imported_modules(path) if starts(n, ("desk_app.demo",))}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_imports_are_absolute() -> None:
    for path in package_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        relative = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level
        ]
        assert not relative, f"{path.relative_to(PACKAGE)}: relative import on line {relative}"


def dynamic_imports(tree: ast.AST) -> list[int]:
    """Lines that look a module up by name (``importlib`` other than ``resources``)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "importlib":
            names = [f"importlib.{a.name}" for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Name) and node.id == "__import__":
            names = ["__import__"]
        else:
            continue
        if any(
            n == "__import__" or (starts(n, ("importlib",)) and n != "importlib.resources")
            for n in names
        ):
            lines.append(node.lineno)
    return lines


def test_no_module_is_looked_up_by_name() -> None:
    for path in package_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        lines = dynamic_imports(tree)
        assert not lines, f"{path.relative_to(PACKAGE)}: importlib/__import__ on line {lines}"


def test_the_import_rule_sees_a_dynamic_import() -> None:
    found = dynamic_imports(
        ast.parse(
            "import importlib\n"
            "import importlib.util\n"
            "from importlib import import_module\n"
            "from importlib import resources\n"
            "from importlib.resources import files\n"
            "__import__('os')\n"
        )
    )
    assert found == [1, 2, 3, 6]


def internal_imports(path: Path, modules: set[str]) -> set[str]:
    """The desk_app modules ``path`` imports, anywhere in it (a lazy import counts too)."""

    def module_of(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(module_of(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from package import module`` runs the module, not a name of the package
            found.update(module_of(f"{node.module}.{alias.name}") for alias in node.names)
    return {name for name in found if name is not None}


def test_no_import_cycles() -> None:
    paths = {module_name(p): p for p in package_files()}
    graph = {name: internal_imports(path, set(paths)) - {name} for name, path in paths.items()}
    done: set[str] = set()

    def walk(name: str, trail: list[str]) -> None:
        if name in trail:
            cycle = [*trail[trail.index(name) :], name]
            raise AssertionError("import cycle: " + " → ".join(cycle))
        if name in done:
            return
        for imported in sorted(graph[name]):
            walk(imported, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        walk(name, [])


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


def test_panels_get_their_services_not_the_registry() -> None:
    """Only ``ui/app.py`` (the composition root) sees the registry; no window sees a database."""
    root = PACKAGE / "ui" / "app.py"
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        if path != root:
            bad = {n for n in imported_modules(path) if starts(n, ("desk_app.services.registry",))}
            assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"
        reads = [
            n.lineno for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "db"
        ]
        assert not reads, f"{path.relative_to(PACKAGE)} reads .db on line {reads}"


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


#: what printing the command line's help must not load (it would take seconds)
HEAVY = ("sqlalchemy", "alembic", "reportlab", "argon2", "desk_app.models", "desk_app.services")


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["show", "--help"], ["db", "upgrade", "--help"], ["audit", "export", "--help"]],
)
def test_the_command_line_prints_help_without_the_services(argv: list[str]) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from desk_app.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    status = main({argv!r})\n"
        f"heavy = {HEAVY!r}\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print(status, ','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "0"


#: what ``show`` on SQLite must not load: Alembic (the schema check answers without it),
#: the documents, the hasher, Qt, PostgreSQL's dialect, and models and services it does not use
NOT_FOR_SHOW = (
    "alembic",
    "reportlab",
    "argon2",
    "PySide6",
    "sqlalchemy.dialects.postgresql",
    "desk_app.schema",
    "desk_app.migrations",
    "desk_app.documents",
    "desk_app.models.desk",
    "desk_app.models.knowledge",
    "desk_app.models.reason_preset",
    "desk_app.models.statement",
    "desk_app.services.search",
    "desk_app.services.importing",
    "desk_app.services.documents",
)
#: what the terminal user's ``show`` loads on neither database: it takes the plain path
#: (``services/candidates/quick_show.py``), which talks to the driver itself
NOT_FOR_PLAIN_SHOW = (
    *NOT_FOR_SHOW,
    "sqlalchemy",
    "desk_app.models",
    "desk_app.database",
    "keyring",
)


def _show_loads(url: str, unwanted: tuple[str, ...], *, plain: bool = True) -> str:
    """What a process running ``show SMR123456`` loaded of ``unwanted``, after its status
    and whether it printed the candidate; ``plain=False``: the plain path is never sure."""
    code = (
        "import sys, contextlib, io\n"
        "from desk_app.cli import main\n"
        + (
            ""
            if plain
            else "import desk_app.services.candidates.quick_show as q\n"
            "q.open_plain = lambda *args, **kwargs: None\n"
        )
        + "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main(['--db', {url!r}, 'show', 'SMR123456'])\n"
        f"unwanted = {unwanted!r}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in unwanted\n"
        "                or any(m == u or m.startswith(u + '.') for u in unwanted))\n"
        "print(status, 'SMR123456' in out.getvalue(), ','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return out.stdout.strip()


def _with_a_candidate(url: str) -> str:
    from desk_app.database import Database
    from desk_app.services.registry import build_services
    from tests.support.factories import fast_settings, make_candidate

    services = build_services(Database(url), fast_settings())
    make_candidate(services)
    services.db.dispose()
    return url


def test_show_loads_no_sqlalchemy(database_url: str) -> None:
    """The terminal user's look-up, on both databases: the driver, no SQLAlchemy, no models."""
    assert _show_loads(_with_a_candidate(database_url), NOT_FOR_PLAIN_SHOW) == "0 True"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_show_on_the_full_path_loads_only_what_it_needs(database_url: str) -> None:
    """``--as``, or a case the plain path leaves alone: the models ``show`` uses, no more."""
    url = _with_a_candidate(database_url)
    assert _show_loads(url, NOT_FOR_SHOW, plain=False) == "0 True"


def test_the_audit_export_formats_are_the_services_formats() -> None:
    """``audit export --format`` lists its choices itself, so that --help loads no service."""
    from desk_app.cli.audit_cmd import FORMAT_CHOICES
    from desk_app.services.exports.audit_log import FORMATS

    assert tuple(sorted(FORMATS)) == FORMAT_CHOICES


def test_a_usage_error_says_bad_input_without_loading_the_errors() -> None:
    from desk_app.cli import _BAD_USAGE
    from desk_app.services.errors import ExitStatus

    assert _BAD_USAGE == ExitStatus.BAD_INPUT
