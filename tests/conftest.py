"""Test set-up shared by the whole suite.

The environment is fixed here, before anything imports Qt: Qt draws offscreen,
the locale is C.UTF-8, and the user's data, config and cache folders point
into a temporary home, so no test touches the real desk database or config.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LANG"] = "C.UTF-8"
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
os.environ.pop("DESK_APP_DATABASE_URL", None)

_TEST_HOME = tempfile.mkdtemp(prefix="desk-test-home-")
atexit.register(shutil.rmtree, _TEST_HOME, ignore_errors=True)
for _variable, _folder in (
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_RUNTIME_DIR", "runtime"),  # Qt warns when it is missing or not 0700
):
    os.makedirs(os.path.join(_TEST_HOME, _folder), mode=0o700)
    os.environ[_variable] = os.path.join(_TEST_HOME, _folder)

# argon2 at its smallest cost for every command a test runs (in this process or a
# child): the tests check logic, not hash strength, and the default cost is a third
# of a second per hash (the demo alone hashes 40). A test that writes its own
# config file points DESK_APP_CONFIG at it (or removes it to test the default path).
_TEST_CONFIG = os.path.join(_TEST_HOME, "config", "desk-app-tests.toml")
with open(_TEST_CONFIG, "w", encoding="utf-8") as _config:
    _config.write("[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n")
os.environ["DESK_APP_CONFIG"] = _TEST_CONFIG

import pytest  # noqa: E402

pytest_plugins = [
    "tests.support.keyring_memory",
    "tests.support.postgres",
    "tests.support.databases",
    "tests.support.service_fixtures",
    "tests.support.fonts",
    "tests.support.sqlite_desk",
]

_POSTGRES_FIXTURES = {"pg_cluster", "postgres_template"}
_GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by what they use: ``postgres`` for the cluster, ``gui`` for Qt widgets."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & _POSTGRES_FIXTURES:
            item.add_marker(pytest.mark.postgres)
        if names & _GUI_FIXTURES:
            item.add_marker(pytest.mark.gui)
