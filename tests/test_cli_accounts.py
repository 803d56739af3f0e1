"""The account commands end to end through ``desk_app.cli.main``, on both databases."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import desk_app.cli as cli
from desk_app.database import Database
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate

PASSWORD = "Abcde123"
CALLER = [
    "--caller-name", "Chan Tai Man", "--caller-dob", "2001-05-17", "--caller-phone", "91234567",
]  # fmt: skip


@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Cheap argon2 through the config file; the staff password in the environment."""
    config = tmp_path / "config.toml"
    config.write_text(
        "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n"
        '[office]\nreset_link_base = "https://results.example.org/reset"\n'
    )
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)


@pytest.fixture
def db_url(database_url: str) -> Iterator[str]:
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    add_staff(services, "operator", "op.chan")
    add_staff(services, "supervisor", "sup.lee")
    add_staff(services, "counter", "counter.ho")
    services.db.dispose()
    yield database_url


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_done_when_flow(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def desk(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return run(capsys, monkeypatch, "--db", db_url, *args, stdin=stdin)

    # the letter was lost: an operator verifies the caller and reissues it
    code, out, err = desk(
        "letter", "reissue", "SMR123456", "--as", "op.chan", "--reason", "lost the letter", *CALLER
    )
    assert code == 0, err
    found = re.fullmatch(r"Secret Number (\d{4})\n", out)
    assert found, out
    secret = found.group(1)
    assert "shown this once" in err
    # the candidate registers with the new Secret Number
    code, out, err = desk(
        "account", "register", "SMR123456", secret, "taiman@example.com",
        "--source", "203.0.113.9", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert code == 0, err
    # two wrong passwords, a third, then the right one while locked
    login = ("account", "login", "SMR123456", "--source", "198.51.100.7")
    assert desk(*login, stdin="wrong-pass-1\n")[0] == 1
    assert desk(*login, stdin="wrong-pass-1\n")[0] == 1
    code, _, err = desk(*login, stdin="wrong-pass-1\n")
    assert code == 3 and "locked until" in err
    assert desk(*login, stdin=PASSWORD + "\n")[0] == 3
    # the supervisor sees it, with time left
    code, out, err = desk("lockouts", "--json", "--as", "sup.lee")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["id_number"] == "SMR123456" and row["name_en"] == "CHAN Tai Man"
    assert row["failed_attempts"] == 3 and row["source"] == "198.51.100.7"
    assert 0 < row["seconds_left"] <= 1800
    assert {"locked_until", "last_failure_at"} <= set(row)
    # and unlocks it with a reason (an override: no caller verification)
    code, out, err = desk(
        "unlock", "SMR123456", "--as", "sup.lee", "--reason", "caller known, typo"
    )
    assert code == 0, err
    code, out, err = desk(*login, stdin=PASSWORD + "\n")
    assert code == 0, err
    assert "Logged in as SMR123456" in out
    # all of it is in the timeline
    code, out, err = desk("account", "timeline", "SMR123456", "--as", "sup.lee", "--json")
    assert code == 0, err
    events = json.loads(out)
    kinds = [e["kind"] for e in events]
    assert kinds == [
        "letter_issued", "letter_issued", "registered",
        "login_failed", "login_failed", "login_failed", "locked", "locked_attempt",
        "verification_override", "unlocked", "login",
    ]  # fmt: skip
    unlocked = events[kinds.index("unlocked")]
    assert unlocked["staff"] == "sup.lee" and unlocked["reason"] == "caller known, typo"
    code, out, _ = desk("audit", "verify")
    assert code == 0 and "intact" in out
    # the lost letter's Secret Number never worked again
    assert secret not in desk("account", "timeline", "SMR123456", "--as", "sup.lee")[1]


def test_the_old_secret_stops_working_at_once(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(
        capsys, monkeypatch, "--db", db_url, "letter", "reissue", "SMR123456",
        "--as", "counter.ho", "--reason", "lost", "--document", "HKID card",
    )  # fmt: skip
    assert code == 0
    new = out.split()[-1]
    old = "4821" if new != "4821" else None
    if old:
        code, _, err = run(
            capsys, monkeypatch, "--db", db_url, "account", "register", "SMR123456", old,
            "a@example.com", stdin=PASSWORD + "\n",
        )  # fmt: skip
        assert code == 1 and "do not match" in err


@pytest.mark.parametrize(
    ("args", "stdin", "status"),
    [
        (("account", "login", "XYZ999999"), PASSWORD, 1),  # unknown: like a wrong password
        (("account", "login", "SMR123456"), PASSWORD, 1),  # not registered yet
        (("account", "login", "not an id"), PASSWORD, 2),
        (("account", "login", "SMR123456"), "", 2),  # no password on stdin
        (("account", "register", "SMR123456", "4821", "a@example.com"), "short", 1),
        (("account", "register", "SMR123456", "48x1", "a@example.com"), PASSWORD, 2),
        (("account", "register", "SMR123456", "1111", "a@example.com"), PASSWORD, 1),
        (("unlock", "SMR123456", "--as", "op.chan", "--reason", "asked"), "", 1),
        (("unlock", "SMR123456", "--as", "op.chan"), "", 2),  # no reason
        (("reset-password", "SMR123456", "--as", "sup.lee", "--reason", "x"), "", 1),
        (("lockouts", "--as", "op.chan"), "", 1),  # an operator may not
        (("unlock", "XY000001", "--as", "sup.lee", "--reason", "x"), "", 4),
    ],
)
def test_exit_statuses(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    stdin: str,
    status: int,
) -> None:
    code, _, err = run(capsys, monkeypatch, "--db", db_url, *args, stdin=stdin + "\n" * bool(stdin))
    assert code == status, err
    assert err.count("\n") == 1 and err.startswith("desk-app: ") and "Traceback" not in err


def test_an_operator_verifies_then_acts_and_a_failed_check_stops_the_action(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def desk(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return run(capsys, monkeypatch, "--db", db_url, *args, stdin=stdin)

    assert desk("account", "register", "SMR123456", "4821", "a@example.com", stdin=PASSWORD)[0] == 0
    wrong = [
        "--caller-name", "Chan Tai Man", "--caller-dob", "2000-01-01", "--caller-id", "SMR123456",
    ]  # fmt: skip
    code, _, err = desk(
        "reset-password", "SMR123456", "--as", "op.chan", "--reason", "forgot", *wrong
    )
    assert code == 1 and "do not match our records" in err
    code, _, err = desk(
        "reset-password", "SMR123456", "--as", "op.chan", "--reason", "forgot",
        "--caller-name", "Chan Tai Man",
    )  # fmt: skip
    assert code == 2 and "--caller-dob" in err
    code, out, err = desk(
        "reset-password", "SMR123456", "--as", "op.chan", "--reason", "forgot", *CALLER
    )
    assert code == 0, err
    assert "a@***" not in out and "***@example.com" in out


def test_a_counter_temporary_password_and_a_change_of_email(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def desk(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return run(capsys, monkeypatch, "--db", db_url, *args, stdin=stdin)

    assert desk("account", "register", "SMR123456", "4821", "a@example.com", stdin=PASSWORD)[0] == 0
    seen = ["--as", "counter.ho", "--reason", "walk-in", "--document", "HKID card"]
    code, out, err = desk("account", "temp-password", "SMR123456", *seen)
    assert code == 0 and "shown once" in err
    temporary = out.split()[-1]
    code, out, _ = desk("account", "login", "SMR123456", stdin=temporary)
    assert code == 0 and "new password must be chosen" in out
    code, out, err = desk("account", "change-email", "SMR123456", "b@example.org", *seen)
    assert code == 0, err


def test_lockouts_need_a_supervisor(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "lockouts")
    assert code == 2 and "--as" in err and err.count("\n") == 1
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "lockouts", "--as", "op.chan")
    assert (code, err) == (1, "desk-app: Your role (operator) may not see the lockouts.\n")
    sup = ("--as", "sup.lee")
    code, out, _ = run(capsys, monkeypatch, "--db", db_url, "lockouts", *sup)
    assert code == 0 and "No account is locked" in out
    code, out, _ = run(capsys, monkeypatch, "--db", db_url, "lockouts", "--json", *sup)
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, monkeypatch, "--db", db_url, "lockouts", "--per", "day", *sup)
    assert code == 0 and out.strip()


def test_register_help_says_it_accepts_the_terms(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "account", "register", "--help")
    assert code == 0 and "accepts the terms of use" in " ".join(out.split())


def test_letter_reissue_writes_the_pdf(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "letter.pdf"
    code, out, err = run(
        capsys, monkeypatch, "--db", db_url, "letter", "reissue", "SMR123456",
        "--as", "sup.lee", "--reason", "lost", "--out", str(target),
    )  # fmt: skip
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF") and "Secret Number" not in out


def test_letter_reissue_without_a_font_says_so_in_one_line(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    missing_pdf_font: str,
) -> None:
    config = tmp_path / "no-font.toml"
    config.write_text(
        f"pdf_font = {json.dumps(missing_pdf_font)}\n"
        "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n"
    )
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    target = tmp_path / "letter.pdf"
    code, out, err = run(
        capsys, monkeypatch, "--db", db_url, "letter", "reissue", "SMR123456",
        "--as", "sup.lee", "--reason", "lost", "--out", str(target),
    )  # fmt: skip
    assert code == 1 and out == "" and not target.exists()
    assert err.count("\n") == 1 and "font" in err and "Traceback" not in err
    # nothing rotated: the Secret Number on the candidate's letter still registers
    code, _, err = run(
        capsys, monkeypatch, "--db", db_url, "account", "register", "SMR123456", "4821",
        "taiman@example.com", stdin=f"{PASSWORD}\n",
    )  # fmt: skip
    assert code == 0, err
