"""The exports from a terminal: audit export and verify --file, export lockouts, search --csv."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.database import Database
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate


@pytest.fixture
def db_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Two candidates, a supervisor (sup.lee) and an operator (op.chan); their password set."""
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    make_candidate(services, "AB1234", name_en="CHAN Siu Ming", name_zh="陳小明")
    add_staff(services, "supervisor", "sup.lee")
    add_staff(services, "operator", "op.chan")
    services.db.dispose()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lines_out_then_checked_without_the_database(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "audit.jsonl"
    code, out, err = run(capsys, "--db", db_url, "audit", "export", str(target), "--as", "sup.lee")
    assert code == 0, err
    assert out.startswith("Wrote 6 audit events (jsonl) to ")
    # no database at all: a server that is not there
    offline = "postgresql+psycopg://nobody@127.0.0.1:1/none"
    code, out, err = run(capsys, "--db", offline, "audit", "verify", "--file", str(target))
    assert (code, err) == (0, "")
    assert out == "Audit file intact: 6 events checked (rows 1–6).\n"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    event = json.loads(lines[2])
    event["actor"] = "someone.else"
    lines[2] = json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"
    del lines[4]
    target.write_text("".join(lines), encoding="utf-8")
    code, out, err = run(capsys, "audit", "verify", "--file", str(target))
    assert code == 1
    assert err.splitlines() == [
        "desk-app: audit: line 3: row 3 was edited",
        "desk-app: audit: line 5: row 5 deleted before row 6",
    ]
    assert out == "Audit file BROKEN: 2 problem(s) in 5 events.\n"


def test_csv_or_json_lines_by_name_or_format(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    args = ("--db", db_url, "audit", "export")
    code, _, err = run(capsys, *args, str(tmp_path / "a.txt"), "--as", "sup.lee")
    assert code == 2 and "ends neither in .csv nor in .jsonl" in err
    code, out, _ = run(capsys, *args, str(tmp_path / "a.txt"), "--as", "sup.lee", "--format", "csv")
    assert code == 0 and "(csv)" in out
    assert (tmp_path / "a.txt").read_bytes().startswith(b"\xef\xbb\xbfid,at,actor,")
    code, _, err = run(
        capsys, *args, str(tmp_path / "b.csv"), "--as", "sup.lee", "--from", "2026-02-30"
    )
    said = "desk-app: “2026-02-30” is not a date: write it as DD/MM/YYYY or YYYY-MM-DD.\n"
    assert (code, err) == (2, said)
    code, out, _ = run(
        capsys, *args, str(tmp_path / "b.csv"), "--as", "sup.lee", "--from", "2030-01-01"
    )
    assert code == 0 and out.startswith("Wrote 0 audit events (csv)")


def test_the_lockout_history_for_days(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "lockouts.csv"
    base = ("--db", db_url, "export", "lockouts", str(target))
    code, _, err = run(capsys, *base, "--as", "sup.lee", "--from", "2026-11-01")
    assert code == 2 and "--to" in err and not target.exists()
    code, _, err = run(
        capsys, *base, "--as", "op.chan", "--from", "2026-11-01", "--to", "2026-11-30"
    )
    assert (code, err) == (1, "desk-app: Your role (operator) may not see the lockouts.\n")
    code, _, err = run(
        capsys, *base, "--as", "sup.lee", "--from", "2026-11-30", "--to", "2026-11-01"
    )
    assert code == 2 and "comes before the first day" in err
    code, out, err = run(
        capsys, *base, "--as", "sup.lee", "--from", "2026-11-01", "--to", "2026-11-30"
    )
    assert code == 0, err
    assert out.startswith("Wrote 0 lockout events of 2026-11-01–2026-11-30 to ")
    assert target.read_text(encoding="utf-8-sig").startswith("at,event,lock,id_number,")


def test_search_to_csv_needs_a_staff_member(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "chan.csv"
    code, _, err = run(capsys, "--db", db_url, "search", "chan", "--csv", str(target))
    assert (code, err) == (
        1,
        "desk-app: Sign in as a staff member who may export search results: add --as STAFF.\n",
    )
    assert not target.exists()
    code, out, err = run(
        capsys, "--db", db_url, "search", "陳", "--csv", str(target), "--as", "op.chan"
    )
    assert code == 0, err
    assert out == f"Wrote 2 candidates found by “陳” to {target}.\n"
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("id_number,name_en,name_zh,date_of_birth")
    assert [line.split(",")[0] for line in lines[1:]] == ["SMR123456", "AB1234"]
