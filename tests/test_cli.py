"""The command line contract: commands, JSON fields, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_app.cli import main
from desk_app.database import Database
from desk_app.services.errors import Locked, Refused
from desk_app.services.registry import build_services
from tests.support.digest import table_digests
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate


@pytest.fixture
def db_url(database_url: str) -> str:
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    make_candidate(services, "AB1234", name_en="LEE Siu Ming", name_zh="李小明", released=False)
    services.db.dispose()
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_json_has_the_contract_fields(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", db_url, "show", "smr123456", "--json")
    assert code == 0, err
    data = json.loads(out)
    for field in (
        "id_number",
        "name_en",
        "name_zh",
        "date_of_birth",
        "email",
        "phone",
        "centre",
        "entries",
        "account",
        "letters",
    ):
        assert field in data
    assert data["id_number"] == "SMR123456" and data["name_zh"] == "陳大文"
    assert data["date_of_birth"] == "2001-05-17"
    entry = data["entries"][0]
    assert {"exam", "session", "result"} <= set(entry)
    assert entry["result"]["grade"] == "PASS WITH MERIT"
    assert entry["result"]["papers"][0] == {"name": "Reading", "score": 148}
    assert set(data["account"]) >= {"registered", "email", "failed_attempts", "locked_until"}
    assert data["account"]["secret_locked_until"] is None
    assert set(data["letters"][0]) >= {"issued_at", "reason", "issued_by"}


def test_show_json_says_until_when_the_secret_number_is_locked(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    services = build_services(Database(db_url), fast_settings())
    for attempt in range(3):
        with pytest.raises(Locked if attempt == 2 else Refused):
            services.accounts.register(
                "SMR123456", "1234", "tm@example.com", "Abcde123", accept_terms=True
            )
    services.db.dispose()
    code, out, err = run(capsys, "--db", db_url, "show", "SMR123456", "--json")
    assert code == 0, err
    until = datetime.fromisoformat(json.loads(out)["account"]["secret_locked_until"])
    assert timedelta(minutes=29) < until - datetime.now(UTC) <= timedelta(minutes=30)
    code, out, _ = run(capsys, "--db", db_url, "show", "SMR123456")
    assert code == 0 and "registration LOCKED (Secret Number) until" in out


def test_show_hides_unreleased_results(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "AB1234", "--json", "--db", db_url)
    assert code == 0
    assert json.loads(out)["entries"][0]["result"] is None


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("show", "XY999999"), 4),
        (("show", "not an id"), 2),
        (("show", "x" * 10_000), 2),
        (("show", "'; DROP TABLE candidate; --"), 2),
        (("frobnicate",), 2),
        (("show",), 2),
    ],
)
def test_errors_are_one_line_with_the_contract_status(
    db_url: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], status: int
) -> None:
    code, _, err = run(capsys, "--db", db_url, *args)
    assert code == status
    assert err.count("\n") == 1 and err.startswith("desk-app: ")
    assert "Traceback" not in err


def test_show_as_staff_needs_the_right_password(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setenv("DESK_APP_NEW_STAFF_PASSWORD", STAFF_PASSWORD)
    assert run(capsys, "--db", db_url, "staff", "add", "root", "--role", "admin")[0] == 0
    add = ("staff", "add", "op.chan", "--role", "operator", "--as", "root")
    assert run(capsys, "--db", db_url, *add)[0] == 0
    assert run(capsys, "--db", db_url, "show", "SMR123456", "--as", "op.chan")[0] == 0
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", "wrong-password")
    code, _, err = run(capsys, "--db", db_url, "show", "SMR123456", "--as", "op.chan")
    assert code == 1 and "Wrong username or password" in err


def test_audit_verify_finds_an_edited_row(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(capsys, "--db", db_url, "show", "SMR123456")
    run(capsys, "--db", db_url, "show", "AB1234")
    code, out, _ = run(capsys, "--db", db_url, "audit", "verify")
    assert code == 0 and "intact" in out
    services = build_services(Database(db_url), fast_settings())
    add_staff(services, "supervisor", "sup.lee")
    services.db.dispose()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    target = tmp_path / "audit.csv"
    code, out, _ = run(capsys, "--db", db_url, "audit", "export", str(target), "--as", "sup.lee")
    assert code == 0 and target.read_text(encoding="utf-8").count("candidate_viewed") == 2
    db = Database(db_url)
    with db.write() as session:
        session.execute(text("update audit_event set subject = 'ZZ000000' where id = 1"))
    db.dispose()
    code, out, err = run(capsys, "--db", db_url, "audit", "verify")
    assert code == 1
    assert "row 1 was edited" in err


def test_db_status_and_upgrade(empty_database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", empty_database_url, "db", "status")[0] == 6
    assert run(capsys, "--db", empty_database_url, "db", "upgrade")[0] == 0
    assert run(capsys, "--db", empty_database_url, "db", "status")[0] == 0


def test_environment_names_the_database(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_APP_DATABASE_URL", db_url)
    assert run(capsys, "show", "SMR123456", "--json")[0] == 0


def test_an_unreachable_database_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "show", "SMR123456"
    )
    assert code == 5
    assert err == (
        "desk-app: The database server 127.0.0.1:1 does not answer. "
        "Try again or call the administrator.\n"
    )


def test_the_command_line_does_not_load_qt() -> None:
    probe = "import sys; import desk_app.cli; print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_python_m_desk_app_is_the_same_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "db" in done.stdout and "show" in done.stdout


def test_without_as_only_the_first_administrator_can_be_added(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # refused before any password is asked for
    monkeypatch.delenv("DESK_APP_STAFF_PASSWORD", raising=False)
    code, _, err = run(capsys, "--db", db_url, "staff", "add", "boss", "--role", "supervisor")
    assert (code, err) == (
        1,
        "desk-app: The first staff member is an administrator: add them with --role admin.\n",
    )
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setenv("DESK_APP_NEW_STAFF_PASSWORD", STAFF_PASSWORD)
    code, _, err = run(capsys, "--db", db_url, "staff", "add", "boss", "--role", "supervisor")
    assert (code, err) == (
        1,
        "desk-app: The first staff member is an administrator: add them with --role admin.\n",
    )
    assert run(capsys, "--db", db_url, "staff", "add", "boss", "--role", "admin")[0] == 0
    before = table_digests(db_url)
    code, _, err = run(capsys, "--db", db_url, "staff", "add", "xy", "--role", "supervisor")
    assert code == 1 and err.startswith("desk-app: Staff members exist already")
    assert table_digests(db_url) == before
    as_boss = ("--as", "boss")
    assert (
        run(capsys, "--db", db_url, "staff", "add", "xy", "--role", "supervisor", *as_boss)[0] == 0
    )
    code, _, err = run(
        capsys, "--db", db_url, "staff", "add", "yz", "--role", "admin", "--as", "xy"
    )
    assert (code, err) == (1, "desk-app: Your role (supervisor) may not manage staff accounts.\n")


def test_the_audit_export_needs_a_supervisor(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    services = build_services(Database(db_url), fast_settings())
    add_staff(services, "operator", "op.chan")
    services.db.dispose()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    target = tmp_path / "audit.csv"
    code, _, err = run(capsys, "--db", db_url, "audit", "export", str(target))
    assert code == 2 and "--as" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", db_url, "audit", "export", str(target), "--as", "op.chan")
    assert (code, err) == (
        1,
        "desk-app: Your role (operator) may not see or export the audit trail.\n",
    )
    assert not target.exists()
