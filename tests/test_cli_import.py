"""``desk-app import`` and ``desk-app export results`` from a terminal, and a kill mid-import."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.database import Database
from desk_app.services.registry import build_services
from tests.support.factories import STAFF_PASSWORD, add_staff, fast_settings
from tests.support.import_files import SAMPLE, row, table_digest, write_csv

#: the administrator every command here acts as (``--as``), made for each test's database
ADMIN = "importer"


@pytest.fixture(autouse=True)
def administrator(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    services = build_services(Database(database_url), fast_settings())
    try:
        add_staff(services, "admin", ADMIN)
    finally:
        services.db.dispose()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _digest(url: str) -> str:
    db = Database(url)
    try:
        return table_digest(db)
    finally:
        db.dispose()


def test_import_dry_run_then_import_then_again(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest(database_url)
    code, out, err = run(capsys, "--db", database_url, "import", "--as", ADMIN, str(SAMPLE),
                         "--reason", "June results", "--dry-run")  # fmt: skip
    assert code == 0, err
    assert "Dry run: nothing was written" in out and "new candidates" in out
    assert _digest(database_url) == before
    code, out, err = run(
        capsys, "--db", database_url, "import", "--as", ADMIN, str(SAMPLE), "--reason", "June"
    )
    assert code == 0, err
    assert "Imported in one transaction" in out
    assert [line.split()[-1] for line in out.splitlines() if "new candidates" in line] == ["20"]
    code, out, _ = run(
        capsys, "--db", database_url, "import", "--as", ADMIN, str(SAMPLE), "--reason", "again"
    )
    assert code == 0
    assert [line.split()[-1] for line in out.splitlines() if "unchanged rows" in line] == ["22"]


def test_a_file_with_problems_exits_2_one_line_each(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [row(n) for n in range(1, 1200)]
    rows[998] = row(999, date_of_birth="2011-02-30")
    rows[1100] = row(1101, exam="KETX")
    path = write_csv(tmp_path / "bad.csv", rows)
    before = _digest(database_url)
    listed = tmp_path / "problems.csv"
    code, out, err = run(capsys, "--db", database_url, "import", "--as", ADMIN, str(path),
                         "--reason", "x", "--problems", str(listed))  # fmt: skip
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == (
        "desk-app: line 1000, date_of_birth (D): “2011-02-30” is not a day of the calendar "
        "(like 30 February)."
    )
    assert lines[1].startswith("desk-app: line 1102, exam (K): “KETX”")
    assert lines[-1] == "desk-app: Problems in the file: 2. Nothing was imported."
    assert _digest(database_url) == before
    with listed.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["line", "column", "letter", "code", "message"]
    assert table[1][:4] == ["1000", "date_of_birth", "D", "import_impossible_date"]


def test_a_role_that_may_not_import_exits_1(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    services = build_services(Database(database_url), fast_settings())
    add_staff(services, "supervisor", "sup")
    add_staff(services, "admin", "boss")
    services.db.dispose()
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    code, _, err = run(capsys, "--db", database_url, "import", str(SAMPLE), "--as", "sup",
                       "--reason", "x")  # fmt: skip
    assert code == 1 and "may not import the exam board's files" in err
    code, _, err = run(capsys, "--db", database_url, "import", str(SAMPLE), "--as", "boss",
                         "--reason", "x")  # fmt: skip
    assert code == 0, err


def test_export_results_round_trip(
    database_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert (
        run(capsys, "--db", database_url, "import", "--as", ADMIN, str(SAMPLE), "--reason", "x")[0]
        == 0
    )
    target = tmp_path / "results.csv"
    code, out, err = run(
        capsys, "--db", database_url, "export", "results", "--as", ADMIN, str(target)
    )
    assert code == 0, err
    assert out.startswith("Wrote 22 entries to")
    code, out, _ = run(
        capsys, "--db", database_url, "import", "--as", ADMIN, str(target), "--reason", "back"
    )
    assert code == 0
    assert [line.split()[-1] for line in out.splitlines() if "unchanged rows" in line] == ["22"]
    code, _, err = run(capsys, "--db", database_url, "export", "results", "--as", ADMIN,
                       str(target), "--centre", "XX1")  # fmt: skip
    assert code == 4 and "No centre has the code XX1" in err
    code, _, err = run(
        capsys, "--db", database_url, "export", "results", "--as", ADMIN, str(tmp_path)
    )
    assert code == 2 and "is a folder" in err


def test_an_import_killed_halfway_leaves_the_database_as_it_was(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SIGKILL while the write transaction is open (chunks already written): nothing stays.
    Then the same 10,000-row file imports whole, and a second time changes nothing."""
    assert (
        main(["--db", database_url, "import", "--as", ADMIN, str(SAMPLE), "--reason", "first"]) == 0
    )
    before = _digest(database_url)
    path = write_csv(tmp_path / "big.csv", [row(n) for n in range(1, 10_001)])
    process = subprocess.Popen(
        [sys.executable, "-m", "desk_app", "--db", database_url, "import", "--as", ADMIN, str(path),
         "--reason", "to be killed", "--progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=dict(os.environ),
    )  # fmt: skip
    assert process.stderr is not None
    try:
        writing = 0
        for line in process.stderr:
            if line.startswith("writing:"):
                writing += 1
                if writing == 2:  # two chunks are in the open transaction
                    process.send_signal(signal.SIGKILL)
                    break
        assert writing == 2, "the import ended before it could be killed"
    finally:
        process.kill()
        process.wait(timeout=60)
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert _digest(database_url) == before
    capsys.readouterr()
    code, out, err = run(
        capsys, "--db", database_url, "import", "--as", ADMIN, str(path), "--reason", "whole"
    )
    assert code == 0, err
    assert [line.split()[-1] for line in out.splitlines() if "new candidates" in line] == ["10,000"]
    code, out, _ = run(
        capsys, "--db", database_url, "import", "--as", ADMIN, str(path), "--reason", "again"
    )
    assert [line.split()[-1] for line in out.splitlines() if "unchanged rows" in line] == ["10,000"]
