"""``letter reissue --out`` and ``statement``: PDFs from the command line, end to end."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.database import Database
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate
from tests.support.pdf import all_text, font_descriptor, font_dicts


@pytest.fixture
def db_url(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    config = tmp_path / "config.toml"
    config.write_text(
        "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n", encoding="utf-8"
    )
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    add_staff(services, "supervisor", "sup.lee")
    add_staff(services, "counter", "counter.ho")
    add_staff(services, "operator", "op.chan")
    services.db.dispose()
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str = "") -> tuple[int, str, str]:
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> str:
    return all_text(path.read_bytes())


def fonts_embedded(path: Path) -> bool:
    fonts = font_dicts(path.read_bytes())
    return bool(fonts) and all(
        any(key in font_descriptor(font) for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        for font in fonts
    )


def test_the_newest_letter_registers_and_the_one_before_does_not(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    for target in (first, second):
        code, _, err = run(
            capsys, "--db", db_url, "letter", "reissue", "SMR123456",
            "--as", "sup.lee", "--reason", "caller lost the letter", "--out", str(target),
        )  # fmt: skip
        assert code == 0, err
    text = pdf_text(second)
    assert "SMR123456" in text and "CHAN Tai Man" in text and "陳大文" in text
    assert "補發" in text and "Reissued" in text
    assert fonts_embedded(second)
    secrets = [re.search(r"\n(\d{4})\n", "\n" + pdf_text(p) + "\n") for p in (first, second)]
    assert all(secrets)
    old, new = (m.group(1) for m in secrets if m)
    code, _, err = run(
        capsys,
        "--db",
        db_url,
        "account",
        "register",
        "SMR123456",
        old,
        "a@example.com",
        stdin="Abcde123\n",
    )
    assert code == 1, err
    code, _, err = run(
        capsys,
        "--db",
        db_url,
        "account",
        "register",
        "SMR123456",
        new,
        "a@example.com",
        stdin="Abcde123\n",
    )
    assert code == 0, err


def test_statement_reprint_and_verify(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "statement.pdf"
    code, _, err = run(
        capsys, "--db", db_url, "statement", "SMR123456", "--as", "counter.ho",
        "--reason", "for a university", "--out", str(target),
    )  # fmt: skip
    assert code == 1 and "Verify the caller" in err and not target.exists()
    code, out, err = run(
        capsys, "--db", db_url, "statement", "SMR123456", "--as", "counter.ho",
        "--reason", "for a university", "--document", "HKID card", "--out", str(target),
    )  # fmt: skip
    assert code == 0, err
    text = pdf_text(target)
    assert "REPRINT" in text and "重印" in text and "PASS WITH MERIT" in text and "陳大文" in text
    assert fonts_embedded(target)
    found = re.search(r"Verification code: (\S+)", out)
    assert found is not None
    code, out, _ = run(capsys, "--db", db_url, "statement", "verify", found.group(1))
    assert code == 0 and "VALID" in out and "SMR123456" in out
    assert run(capsys, "--db", db_url, "statement", "verify", "ZZZZ-ZZZZ-ZZZZ")[0] == 4


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("statement", "SMR123456", "--as", "sup.lee", "--reason", "r"), 2),  # no --out
        (("statement", "verify"), 2),
        (("statement", "SMR123456", "--as", "op.chan", "--reason", "r", "--out", "x.pdf"), 1),
        (("statement", "XY999999", "--as", "sup.lee", "--reason", "r", "--out", "x.pdf"), 4),
    ],
)
def test_statement_errors(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    status: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", db_url, *args)
    assert code == status, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()
