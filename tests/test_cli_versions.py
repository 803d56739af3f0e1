"""The command line acts on what is there now, unless told which version it saw."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app import cli
from desk_app.database import Database
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate

ID = "SMR123456"
OVERRIDE = ["--as", "sup.lee", "--reason", "lost letter, caller in person"]


@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n")
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


@pytest.fixture
def db_url(database_url: str) -> Iterator[str]:
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    add_staff(services, "supervisor", "sup.lee")
    add_staff(services, "supervisor", "sup.ho")
    services.db.dispose()
    yield database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_reissue_with_an_old_version_is_refused_with_who_and_what(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", db_url, "show", ID, "--json")
    seen = json.loads(out)["version"]
    assert code == 0 and isinstance(seen, int)
    other = ["--as", "sup.ho", "--reason", "lost letter, in person"]
    assert run(capsys, "--db", db_url, "letter", "reissue", ID, *other)[0] == 0

    code, out, err = run(
        capsys, "--db", db_url, "letter", "reissue", ID, *OVERRIDE, "--if-version", str(seen)
    )

    assert code == 1 and out == ""
    assert err.startswith("desk-app: Sup.Ho changed this candidate at ")
    assert "a new letter was issued. Nothing was done" in err
    assert len(err.strip().splitlines()) == 1


def test_the_current_version_or_none_acts(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    seen = json.loads(run(capsys, "--db", db_url, "show", ID, "--json")[1])["version"]
    code, out, _ = run(
        capsys, "--db", db_url, "letter", "reissue", ID, *OVERRIDE, "--if-version", str(seen)
    )
    assert code == 0 and "Secret Number" in out
    code, out, _ = run(capsys, "--db", db_url, "letter", "reissue", ID, *OVERRIDE)
    assert code == 0 and "Secret Number" in out
