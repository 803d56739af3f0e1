"""``desk-app audit export`` with the audit view's filters: who, what kind, candidate, days."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.database import Database
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings, make_candidate


@pytest.fixture
def db_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Two candidates; notes by two supervisors, sup.lee on both candidates, sup.wong on one."""
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    make_candidate(services, "AB1234", name_en="CHAN Siu Ming", name_zh="陳小明")
    lee = add_staff(services, "supervisor", "sup.lee")
    wong = add_staff(services, "supervisor", "sup.wong")
    services.notes.add(lee, "SMR123456", "called about the lock", channel="phone")
    services.notes.add(lee, "AB1234", "asked about the letter", channel="phone")
    services.notes.add(wong, "SMR123456", "came to the counter", channel="counter")
    services.db.dispose()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_filters_combined_give_what_the_view_gives(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "lee.csv"
    args = ("--db", db_url, "audit", "export", str(target), "--as", "sup.wong")
    code, out, err = run(
        capsys, *args, "--actor", "sup.lee", "--action", "note_added", "--candidate", "smr123456",
        "--from", "2000-01-01", "--to", "2099-12-31",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith("Wrote 1 audit events (csv) to ")
    (row,) = rows_of(target)
    assert (row["actor"], row["action"], row["id_number"]) == ("sup.lee", "note_added", "SMR123456")
    assert row["description"]  # the view's sentence, in English from a terminal
    code, out, err = run(capsys, *args, "--action", "note_added")
    assert code == 0, err
    assert [r["actor"] for r in rows_of(target)] == ["sup.lee", "sup.lee", "sup.wong"]
    code, out, err = run(capsys, *args, "--candidate", "AB1234", "--to", "2000-01-01")
    assert (code, out.startswith("Wrote 0 audit events (csv)")) == (0, True), err
    # each filtered export is audited with its filter, as the view's is
    code, out, err = run(capsys, *args, "--actor", "sup.wong", "--action", "audit_exported")
    assert code == 0, err
    found = rows_of(target)
    assert len(found) == 3 and '"actor":"sup.lee"' in found[0]["detail"]


def test_bad_values_are_refused_with_a_clear_line_and_no_file(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    args = ("--db", db_url, "audit", "export", str(target), "--as", "sup.lee")
    code, out, err = run(capsys, *args, "--actor", "sup.lee", "--from", "2026-02-30")
    said = "desk-app: “2026-02-30” is not a date: write it as DD/MM/YYYY or YYYY-MM-DD.\n"
    assert (code, out, err) == (2, "", said)
    code, out, err = run(capsys, *args, "--actor", "nobody.here")
    assert (code, out, err) == (4, "", "desk-app: No staff member is called “nobody.here”.\n")
    code, out, err = run(capsys, *args, "--action", "unlock")
    assert (code, err) == (2, "desk-app: “unlock” is not a kind of audit event.\n")
    code, out, err = run(capsys, *args, "--candidate", "ZZ9999")
    assert code == 4 and "ZZ9999" in err
    code, out, err = run(
        capsys, *args, "--actor", "sup.lee", "--from", "2026-07-02", "--to", "2026-07-01"
    )
    assert code == 2 and err.startswith("desk-app: ") and err.count("\n") == 1
    jsonl = tmp_path / "out.jsonl"
    code, out, err = run(capsys, "--db", db_url, "audit", "export", str(jsonl), "--as", "sup.lee",
                         "--actor", "sup.lee")  # fmt: skip
    assert code == 2 and "CSV only" in err
    assert not target.exists() and not jsonl.exists()
    # other actors than staff are known names: the website, the desk, a terminal
    for actor in ("website", "system", "cli:root"):
        code, out, err = run(capsys, *args, "--actor", actor)
        assert (code, out.startswith("Wrote 0 audit events (csv)")) == (0, True), err
