"""The command line at its boundaries: every failure one line, its own code, its exit status.

Found by fuzzing (see test_cli_fuzz.py): passwords that are not UTF-8, file
names too long for the file system, database URLs into folders that cannot
exist, and a last resort for whatever nobody foresaw.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import desk_app.cli as cli
from desk_app.database import Database
from desk_app.logfile import default_log_file
from desk_app.services.errors import ExitStatus
from desk_app.services.registry import build_services
from tests.support.digest import table_digests
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate
from tests.support.show_paths import SHOW_PATHS, driver_failure, fail_within

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FAST_CONFIG = "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n"


@pytest.fixture(autouse=True)
def wired(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(FAST_CONFIG, encoding="utf-8")
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    return config


@pytest.fixture
def db_url(database_url: str) -> Iterator[str]:
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    add_staff(services, "admin", "root.admin")
    add_staff(services, "supervisor", "sup.lee")
    add_staff(services, "operator", "op.chan")
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


def desk_app_process(
    args: list[str], stdin: bytes = b"", env: dict[bytes, bytes] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The real program, with real bytes on stdin and in the environment."""
    base = {os.fsencode(k): os.fsencode(v) for k, v in os.environ.items()}
    return subprocess.run(
        [sys.executable, "-m", "desk_app", *args],
        input=stdin,
        capture_output=True,
        env={**base, **(env or {})},
        cwd=ROOT,
        timeout=120,
    )


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("desk-app: ") and "Traceback" not in err


# -- passwords that are not text -------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["account", "login", "SMR123456"],
        ["account", "register", "SMR123456", "4821", "tm@example.com"],
    ],
    ids=["login", "register"],
)
def test_a_password_on_stdin_that_is_not_utf8_is_bad_input(db_url: str, args: list[str]) -> None:
    before = table_digests(db_url)
    done = desk_app_process(["--db", db_url, *args], stdin=b"ab\xffcd1234\n")
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == ExitStatus.BAD_INPUT, err
    assert err == (
        "desk-app: The password is not valid text (UTF-8): check how it was typed or passed on.\n"
    )
    assert table_digests(db_url) == before


def test_a_staff_password_in_the_environment_that_is_not_utf8_is_bad_input(db_url: str) -> None:
    before = table_digests(db_url)
    done = desk_app_process(
        ["--db", db_url, "lockouts", "--as", "sup.lee"],
        env={b"DESK_APP_STAFF_PASSWORD": b"desk-\xffpassword-1"},
    )
    assert done.returncode == ExitStatus.BAD_INPUT
    assert b"not valid text (UTF-8)" in done.stderr and b"Traceback" not in done.stderr
    assert table_digests(db_url) == before


def test_surrogate_escaped_passwords_in_process(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", "desk-\udcffpassword-1")
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR123456", "--as", "op.chan")
    assert code == ExitStatus.BAD_INPUT and one_line(err) and "UTF-8" in err
    monkeypatch.setenv("DESK_APP_NEW_STAFF_PASSWORD", "new-\udcffpassword")
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    add = ("staff", "add", "newbie", "--role", "operator", "--as", "root.admin")
    code, _, err = run(capsys, monkeypatch, "--db", db_url, *add)
    assert code == ExitStatus.BAD_INPUT and "UTF-8" in err


# -- files the commands write ----------------------------------------------------------------


def _writers(target: str) -> list[list[str]]:
    return [
        ["statement", "SMR123456", "--as", "sup.lee", "--reason", "r", "--out", target],
        ["letter", "reissue", "SMR123456", "--as", "sup.lee", "--reason", "r", "--out", target],
        ["audit", "export", target, "--as", "sup.lee"],
    ]


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (lambda tmp: str(tmp), "is a folder: name a file inside it instead."),
        (lambda tmp: str(tmp / ("n" * 300 + ".pdf")), "The file name is too long (at most 255"),
        (lambda tmp: str(tmp / "gone" / "x.pdf"), "does not exist: choose a folder that does."),
        (lambda tmp: str(tmp / "a-file" / "x.pdf"), "does not exist: choose a folder that does."),
        (lambda tmp: "", "Name the file to write."),
    ],
    ids=["folder", "300-characters", "no-folder", "under-a-file", "empty"],
)
def test_every_command_that_writes_checks_the_path_first(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    make: object,
    sentence: str,
) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    target = make(tmp_path)  # type: ignore[operator]
    before = table_digests(db_url)
    for args in _writers(target):
        code, out, err = run(capsys, monkeypatch, "--db", db_url, *args)
        assert code == ExitStatus.BAD_INPUT, (args, err)
        assert one_line(err) and sentence in err, err
        assert out == ""
    # checked before anyone signed in or anything was issued: not one row changed
    assert table_digests(db_url) == before


# -- databases that cannot be reached: exit 5, every command ---------------------------------

COMMANDS = [
    ["show", "SMR123456"],
    ["search", "chan"],
    ["account", "login", "SMR123456"],
    ["lockouts", "--as", "sup.lee"],
    ["unlock", "SMR123456", "--as", "sup.lee", "--reason", "r"],
    ["audit", "verify"],
    ["staff", "add", "boss", "--role", "admin"],
    ["mail", "send"],
    ["db", "status"],
    ["db", "upgrade"],
]


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("sqlite:////proc/nope/x.db", "The folder of the database file /proc/nope/x.db cannot"),
        ("postgresql+psycopg://desk@127.0.0.1:1/results", "server 127.0.0.1:1 does not answer"),
    ],
    ids=["sqlite-in-proc", "postgresql-refused"],
)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_an_unreachable_database_is_exit_5_for_every_command(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    sentence: str,
    args: list[str],
) -> None:
    code, _, err = run(capsys, monkeypatch, "--db", url, *args, stdin="Abcde123\n")
    assert code == ExitStatus.DATABASE_UNAVAILABLE, err
    assert one_line(err) and sentence in err


def test_a_database_under_a_file_or_not_a_database_is_exit_5(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("not a database, just some words " * 200, encoding="utf-8")
    code, _, err = run(capsys, monkeypatch, "--db", f"sqlite:///{plain}/desk.db", "show", "X1234")
    assert code == 5 and one_line(err) and "cannot be made" in err
    code, _, err = run(capsys, monkeypatch, "--db", f"sqlite:///{plain}", "show", "X1234")
    assert code == 5 and one_line(err) and "is not a database file" in err
    code, _, err = run(capsys, monkeypatch, "--db", f"sqlite:///{tmp_path}", "db", "status")
    assert code == 5 and one_line(err) and "cannot be opened" in err


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("not a url", "The database URL cannot be read"),
        ("mysql://desk@db/results", "not “mysql”"),
        ("sqlite:////tmp/a\udcffb.db", "The database URL cannot be read"),
    ],
)
def test_an_unusable_database_url_is_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str, sentence: str
) -> None:
    code, _, err = run(capsys, monkeypatch, "--db", url, "show", "SMR123456")
    assert code == ExitStatus.BAD_INPUT and one_line(err) and sentence in err


@pytest.mark.parametrize("path", SHOW_PATHS)
def test_the_database_lost_midway_is_exit_5_and_a_refusal_is_exit_1(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    def lost(*args: object) -> None:
        raise driver_failure(path, db_url, "OperationalError", "server closed the connection")

    fail_within(monkeypatch, path, lost)
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR123456")
    assert code == ExitStatus.DATABASE_UNAVAILABLE and one_line(err) and "cannot be reached" in err
    assert "password" not in err.lower() or "desk-password" not in err

    def refused(*args: object) -> None:
        raise driver_failure(path, db_url, "IntegrityError", "duplicate key")

    fail_within(monkeypatch, path, refused)
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR123456")
    assert code == ExitStatus.REFUSED
    assert err == "desk-app: The database refused the request; nothing was changed.\n"


# -- the last resort -------------------------------------------------------------------------


@pytest.mark.parametrize("path", SHOW_PATHS)
def test_the_unforeseen_is_logged_and_named_in_one_line(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a detail only the log may hold")

    fail_within(monkeypatch, path, broken)
    log = default_log_file()
    code, out, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR123456")
    assert code == ExitStatus.INTERNAL_ERROR == 70
    assert err == f"desk-app: Something went wrong; details were written to {log}.\n"
    assert "a detail" not in err and out == ""
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "RuntimeError: a detail only the log may hold" in logged
    # the same folder as the local database: the user's data folder
    assert log.parent == Path(os.environ["XDG_DATA_HOME"]) / "desk-app"


@pytest.mark.parametrize("path", SHOW_PATHS)
def test_the_last_resort_says_so_when_the_log_cannot_be_written(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    path: str,
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))

    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    fail_within(monkeypatch, path, broken)
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR123456")
    assert code == 70 and one_line(err)
    assert "the details could not be written to" in err and "boom" not in err


@pytest.mark.parametrize("path", SHOW_PATHS)
def test_ctrl_c_is_exit_130_in_one_line(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    fail_within(monkeypatch, path, interrupted)
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR123456")
    assert code == ExitStatus.INTERRUPTED and one_line(err)


def test_messages_with_control_characters_stay_on_one_line(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "--db", db_url, "show", "SMR\n\x1b[31m1")
    assert code == ExitStatus.BAD_INPUT and one_line(err) and "\x1b" not in err


# -- the documented exit statuses ------------------------------------------------------------


def test_the_readme_documents_every_exit_status() -> None:
    text = README.read_text(encoding="utf-8")
    documented = {int(n) for n in re.findall(r"^\| `(\d+)` \|", text, re.MULTILINE)}
    assert documented == {int(status) for status in ExitStatus}
