"""``desk-app search`` and ``desk-app demo`` in-process: JSON fields, tables, exit codes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app import cli
from desk_app.cli import demo_cmd, search_cmd
from desk_app.database import Database
from desk_app.models import Candidate, ResultsAccount

CONTRACT_FIELDS = {"id_number", "name_en", "name_zh", "date_of_birth", "centre", "registered",
                   "locked"}  # fmt: skip


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-search') / 'desk.sqlite3'}"
    assert cli.main(["--db", url, "db", "upgrade"]) == 0
    assert cli.main(["--db", url, "demo", "--candidates", "300", "--seed", "3"]) == 0
    return url


def test_search_and_demo_are_commands() -> None:
    assert search_cmd in cli.COMMAND_MODULES and demo_cmd in cli.COMMAND_MODULES


def run(url: str, *args: str) -> int:
    return cli.main(["--db", url, *args])


def test_json_lists_the_contract_fields(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(demo_url, "search", "SMR123456", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert isinstance(found, list) and found
    first = found[0]
    assert set(first) >= CONTRACT_FIELDS
    assert first["id_number"] == "SMR123456"
    assert (first["name_en"], first["name_zh"]) == ("CHAN Tai Man", "陳大文")
    assert first["date_of_birth"] == "2001-05-17"
    assert first["registered"] is False and first["locked"] is False
    assert first["locked_until"] is None and first["match"] == "id_exact"


def test_demo_refuses_a_database_with_candidates(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(demo_url, "demo", "--candidates", "5") == 1
    assert "already has candidates" in capsys.readouterr().err


def test_a_locked_candidate_shows_as_locked_with_its_end(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(demo_url)
    try:
        with db.read() as session:
            id_number = session.scalars(
                select(Candidate.id_number)
                .join(ResultsAccount, ResultsAccount.candidate_id == Candidate.id)
                .where(ResultsAccount.locked_until > datetime.now(UTC))
            ).first()
    finally:
        db.dispose()
    assert id_number is not None  # the demo's third candidate is locked, whatever the seed
    capsys.readouterr()
    assert run(demo_url, "search", id_number, "--json") == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["locked"] is True and row["registered"] is True
    assert datetime.fromisoformat(row["locked_until"]) > datetime.now(UTC)


def test_the_table_is_aligned_and_has_a_header(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(demo_url, "search", "chan") == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert lines[0].startswith("ID Number") and set(lines[1]) <= {"-", " "}
    assert len(lines) > 3


def test_nothing_found_is_exit_0_with_a_note(
    demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(demo_url, "search", "zzzzzz") == 0
    out = capsys.readouterr()
    assert out.out == "" and "No candidate found." in out.err
    assert run(demo_url, "search", "zzzzzz", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize("text", ["x" * 10_000, "chan\x07", "' OR 1=1 --\x00"])
def test_bad_input_is_exit_2_with_one_line(
    demo_url: str, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    capsys.readouterr()
    assert run(demo_url, "search", text) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_pages(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(demo_url, "search", "c", "--json") == 0
    first = json.loads(capsys.readouterr().out)
    assert run(demo_url, "search", "c", "--json", "--page", "1") == 0
    second = json.loads(capsys.readouterr().out)
    assert len(first) == 50 and second
    assert not {r["id_number"] for r in first} & {r["id_number"] for r in second}
    assert run(demo_url, "search", "c", "--page", "-1") == 2


def test_demo_prints_the_logins_and_candidates_to_try(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert run(url, "db", "upgrade") == 0
    capsys.readouterr()
    assert run(url, "demo", "--candidates", "10") == 0
    out = capsys.readouterr().out
    for login in ("operator-demo-2026", "counter-demo-2026", "supervisor-demo-2026",
                  "admin-demo-2026"):  # fmt: skip
        assert login in out
    assert "SMR123456" in out and "Secret Number 4821" in out
    assert run(url, "demo", "--candidates", "0") == 2
