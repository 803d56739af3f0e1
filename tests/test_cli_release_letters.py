"""``letter batch``, ``release`` and ``show`` from the command line (the real clock).

The command line runs on the system clock, so the results here are a day
in the future or a day in the past; crossing the moment is tested with
the manual clock in test_release.py.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desk_app.cli import main
from desk_app.database import Database
from desk_app.models import Letter, OutboxMessage, Result
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate
from tests.support.pdf import page_texts

NEW = ("KLT000101", "KLT000102")


@pytest.fixture
def db_url(database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    config = tmp_path / "config.toml"
    config.write_text("[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n")
    monkeypatch.setenv("DESK_APP_CONFIG", str(config))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    services = build_services(Database(database_url), fast_settings())
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    make_candidate(services, release_at=tomorrow)
    for n, id_number in enumerate(NEW):
        make_candidate(
            services, id_number, name_en=f"LEE Siu {n}", name_zh=None,
            email=f"lee{n}@example.com", phone=None, letter=False, release_at=tomorrow,
        )  # fmt: skip
    add_staff(services, "supervisor", "sup.lee")
    add_staff(services, "operator", "op.chan")
    services.db.dispose()
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    sys.stdin = io.StringIO("")
    try:
        code = main(list(args))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


def letters(db_url: str) -> list[tuple[str, bool]]:
    db = Database(db_url)
    try:
        with db.read() as session:
            rows = session.execute(select(Letter.serial, Letter.active).order_by(Letter.id)).all()
            return [tuple(row) for row in rows]  # type: ignore[misc]
    finally:
        db.dispose()


def test_letter_batch_then_refused_then_reissued(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "tw056.pdf"
    base = ("--db", db_url, "letter", "batch", "--centre", "TW056")
    code, said, err = run(capsys, *base, "--as", "sup.lee", "--out", str(out))
    assert (code, err) == (0, "")
    assert "Centre TW056: 2 exam-day letter(s) and 0 reissued letter(s)" in said
    assert len(page_texts(out.read_bytes())) == 2
    assert len(letters(db_url)) == 3

    again = tmp_path / "again.pdf"
    code, _said, err = run(capsys, *base, "--as", "sup.lee", "--out", str(again))
    assert code == 1 and "were printed already (2)" in err and not again.exists()
    code, _said, err = run(capsys, *base, "--as", "sup.lee", "--out", str(again), "--reissue")
    assert code == 2 and "reason" in err.lower() and not again.exists()
    code, said, err = run(
        capsys, *base, "--as", "sup.lee", "--out", str(again), "--reissue", "--reason", "jammed"
    )
    assert code == 0 and "0 exam-day letter(s) and 2 reissued letter(s)" in said
    assert [active for _serial, active in letters(db_url)] == [True, False, False, True, True]


def test_letter_batch_checks_the_file_and_the_role_before_anything(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = ("--db", db_url, "letter", "batch", "--centre", "TW056")
    missing = tmp_path / "no-such-folder" / "x.pdf"
    code, _said, err = run(capsys, *base, "--as", "sup.lee", "--out", str(missing))
    assert code == 2 and "does not exist" in err
    code, _said, err = run(capsys, *base, "--as", "op.chan", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "may not print exam-day letters" in err
    code, _said, err = run(capsys, "--db", db_url, "letter", "batch", "--centre", "HK999",
                           "--as", "sup.lee", "--out", str(tmp_path / "x.pdf"))  # fmt: skip
    assert code == 4 and "No centre has the code HK999" in err
    assert len(letters(db_url)) == 1  # nothing issued
    assert not list(tmp_path.glob("*.pdf"))


def test_show_gives_a_null_result_before_release_and_release_sends_nothing_early(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said, _err = run(capsys, "--db", db_url, "show", "SMR123456", "--json")
    assert code == 0
    (entry,) = json.loads(said)["entries"]
    assert entry["result"] is None and entry["release_at"] and entry["results_email"] is None
    assert "PASS WITH MERIT" not in said
    code, said, _err = run(capsys, "--db", db_url, "show", "SMR123456")
    assert "result not released (release " in said and "PASS" not in said
    code, said, _err = run(capsys, "--db", db_url, "search", "SMR123456", "--json")
    assert code == 0 and "PASS" not in said and "145" not in said

    code, said, _err = run(capsys, "--db", db_url, "release")
    assert code == 0 and said.startswith("released 0, emails queued 0")
    assert "next release " in said

    db = Database(db_url)  # the moment passes: here, by moving the result's date
    try:
        with db.write() as session:
            session.execute(
                update(Result).values(release_at=datetime.now(UTC) - timedelta(minutes=5))
            )
    finally:
        db.dispose()
    code, said, _err = run(capsys, "--db", db_url, "show", "SMR123456", "--json")
    (entry,) = json.loads(said)["entries"]
    assert entry["result"]["grade"] == "PASS WITH MERIT"
    code, said, _err = run(capsys, "--db", db_url, "release")
    assert said.startswith("released 3, emails queued 0, not registered 3")
    code, said, _err = run(capsys, "--db", db_url, "show", "SMR123456", "--json")
    (entry,) = json.loads(said)["entries"]
    assert entry["results_email"] == {"outcome": "not_registered", "status": None, "sent_at": None}
    db = Database(db_url)
    try:
        with db.read() as session:
            assert session.scalars(select(OutboxMessage)).all() == []
    finally:
        db.dispose()
