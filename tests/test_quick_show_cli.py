"""``desk-app show`` on its plain path and on its full path: the same output, the same
errors and exit statuses, and the full path whenever the plain one is not sure."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql as postgresql_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import make_url

import desk_app.services.candidates.quick_show as quick_show_module
from desk_app.cli import main
from desk_app.database import Database
from desk_app.models import UtcDateTime
from desk_app.services.audit.plain_chain import stored_time
from desk_app.services.errors import DatabaseUnavailable
from desk_app.services.plain_db import open_plain, plain_url
from desk_app.services.registry import build_services
from tests.support.factories import fast_settings, make_candidate
from tests.support.show_paths import SHOW_PATHS, driver_failure, fail_within, full_path_only


@pytest.fixture
def db_url(database_url: str) -> str:
    services = build_services(Database(database_url), fast_settings())
    make_candidate(services)
    make_candidate(services, "AB1234", name_en="LEE Siu Ming", name_zh=None, released=False)
    services.db.dispose()
    return database_url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def both_paths(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """What the command says on the plain path, then on the full path."""
    plain = run(capsys, *args)
    with monkeypatch.context() as patched:
        full_path_only(patched)
        full = run(capsys, *args)
    return plain, full


@pytest.mark.parametrize("form", [(), ("--json",)], ids=["text", "json"])
@pytest.mark.parametrize("id_number", ["SMR123456", "smr 123456", "AB1234"])
def test_the_output_is_the_same_byte_for_byte(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    id_number: str,
    form: tuple[str, ...],
) -> None:
    plain, full = both_paths(capsys, monkeypatch, "--db", db_url, "show", id_number, *form)
    assert plain == full and plain[0] == 0 and plain[1]


@pytest.mark.parametrize(
    "id_number", ["XY999999", "xy 999999", "not an id", "x" * 10_000, "'; DROP TABLE candidate; --"]
)
def test_bad_and_unknown_id_numbers_say_the_same(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, id_number: str
) -> None:
    plain, full = both_paths(capsys, monkeypatch, "--db", db_url, "show", id_number)
    assert plain == full and plain[0] in (2, 4) and plain[1] == ""


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("OperationalError", "database is locked"),
        ("OperationalError", "server closed the connection unexpectedly"),
        ("OperationalError", "disk I/O error"),
        ("OperationalError", "attempt to write a readonly database"),
        ("InterfaceError", "connection already closed"),
        ("IntegrityError", "duplicate key value violates unique constraint"),
        ("DatabaseError", "database disk image is malformed"),
    ],
)
def test_a_failure_midway_says_the_same_on_both_paths(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    said: str,
) -> None:
    outcomes = []
    for path in SHOW_PATHS:
        with monkeypatch.context() as patched:

            def failing(*args: object, path: str = path) -> None:
                raise driver_failure(path, db_url, kind, said)

            fail_within(patched, path, failing)
            outcomes.append(run(capsys, "--db", db_url, "show", "SMR123456"))
    plain, full = outcomes
    assert plain == full and plain[0] in (1, 5) and plain[1] == ""
    assert plain[2].count("\n") == 1 and "Traceback" not in plain[2]


def test_signed_in_the_full_path_looks_it_up(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_asked(*args: object, **kwargs: object) -> None:
        raise AssertionError("--as takes the full path")

    monkeypatch.setattr(quick_show_module, "open_plain", not_asked)
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", "not-the-password")
    code, _, err = run(capsys, "--db", db_url, "show", "SMR123456", "--as", "nobody")
    assert code == 1 and "Wrong username or password" in err


def _set_revision(url: str, revision: str) -> None:
    db = Database(url)
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    db.dispose()


def test_a_schema_not_at_the_newest_revision_is_left_to_the_full_path(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _set_revision(db_url, "9999_from_a_newer_program")
    assert open_plain(db_url) is None
    plain, full = both_paths(capsys, monkeypatch, "--db", db_url, "show", "SMR123456")
    assert plain == full and plain[0] == 1 and "newer" in plain[2]


def test_a_sqlite_file_that_does_not_exist_is_left_to_the_full_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'desk.sqlite3'}"
    assert open_plain(url) is None and not (tmp_path / "new").exists()
    code, _, err = run(capsys, "--db", url, "show", "SMR123456")  # made, migrated, searched
    assert code == 4 and "No candidate has the ID Number SMR123456" in err
    assert open_plain(url) is not None


def test_files_that_are_no_database_are_left_to_the_full_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    words = tmp_path / "notes.txt"
    words.write_text("not a database, just some words " * 200, encoding="utf-8")
    for target in (words, tmp_path):
        assert open_plain(f"sqlite:///{target}") is None
    code, _, err = run(capsys, "--db", f"sqlite:///{words}", "show", "SMR123456")
    assert code == 5 and "is not a database file" in err


def test_an_unreachable_server_is_said_at_once() -> None:
    with pytest.raises(DatabaseUnavailable) as raised:
        open_plain("postgresql+psycopg://desk@127.0.0.1:1/results")
    assert raised.value.code == "database_no_answer"
    assert raised.value.params == {"server": "127.0.0.1:1"}


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_server_that_refuses_the_login_is_left_to_the_full_path(database_url: str) -> None:
    found = make_url(database_url)
    stranger = found.set(username="no_such_login_here").render_as_string(hide_password=False)
    assert open_plain(stranger) is None


PLAIN_URLS = [
    "sqlite:///desk.sqlite3",
    "sqlite:////var/lib/desk app/desk.sqlite3",
    "sqlite:///C:\\Users\\desk\\desk.sqlite3",
    "postgresql+psycopg://desk@db.centre.example/results",
    "postgresql://desk:s3cr%40t@127.0.0.1:5433/results",
    "postgresql+psycopg://desk_counter1@db.centre.example/results?sslmode=verify-full"
    "&sslrootcert=/etc/desk-app/centre-ca.pem",
    "postgresql+psycopg:///results",
    "postgresql+psycopg://d%C3%A9sk@h/r%C3%A9sults",
]


@pytest.mark.parametrize("url", PLAIN_URLS)
def test_plain_urls_are_read_as_sqlalchemy_reads_them(url: str) -> None:
    read, expected = plain_url(url), make_url(url)
    assert read is not None
    assert read.backend == expected.get_backend_name()
    assert (read.database, read.username, read.password) == (
        expected.database,
        expected.username,
        expected.password,
    )
    assert (read.host, read.port, dict(read.query)) == (
        expected.host,
        expected.port,
        dict(expected.query),
    )


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///desk.sqlite3?timeout=5",
        "sqlite:///file:desk.sqlite3?mode=ro&uri=true",
        "sqlite:///desk%20one.sqlite3",
        "sqlite+pysqlite:///desk.sqlite3",
        "postgresql+psycopg2://desk@db/results",
        "postgresql://desk@[::1]/results",
        "postgresql://desk@/results?host=/var/run/postgresql",
        "postgresql://desk@db/results?sslmode=require&sslmode=disable",
        "postgresql://desk@db:port/results",
        "mysql://desk@db/results",
        "not a url",
        "sqlite:////tmp/a\udcffb.db",
    ],
)
def test_other_urls_are_left_to_the_full_path(url: str) -> None:
    assert plain_url(url) is None


@pytest.mark.parametrize(
    "at",
    [
        datetime(2026, 11, 21, 2, 0, tzinfo=UTC),
        datetime(2026, 11, 21, 2, 0, 59, 123456, tzinfo=UTC),
        datetime(2026, 11, 21, 10, 0, 1, 7, tzinfo=timezone(timedelta(hours=8))),
    ],
)
def test_a_time_is_stored_in_sqlite_as_sqlalchemy_stores_it(at: datetime) -> None:
    column = UtcDateTime()
    dialect = sqlite_dialect.dialect()
    bound = column.process_bind_param(at, dialect)
    stored = column.impl.dialect_impl(dialect).bind_processor(dialect)(bound)  # type: ignore[misc]
    assert stored_time(at, "sqlite") == stored
    assert stored_time(at, "postgresql") == column.process_bind_param(
        at, postgresql_dialect.dialect()
    )


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_plain_path_opens_sqlite_as_the_engine_does(db_url: str) -> None:
    db = open_plain(db_url)
    assert db is not None
    try:
        pragmas = [
            db.rows(f"PRAGMA {name}", ())[0][0]
            for name in ("foreign_keys", "busy_timeout", "journal_mode", "synchronous")
        ]
    finally:
        db.close()
    assert pragmas == [1, 30_000, "wal", 1]


@pytest.fixture
def held(db_url: str) -> Iterator[sqlite3.Connection]:
    """Another program holding SQLite's write lock."""
    path = make_url(db_url).database
    assert path
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_database_another_program_holds_is_busy_as_on_the_full_path(
    db_url: str, held: sqlite3.Connection
) -> None:
    from desk_app.connect_options import Timeouts
    from desk_app.services.actor import TerminalUser
    from desk_app.services.candidates.detail import CandidateService
    from desk_app.services.candidates.quick_show import QuickShowService
    from desk_app.services.clock import SystemClock
    from desk_app.services.database_errors import parse_database_url, unavailable

    db = open_plain(db_url, Timeouts(busy_ms=50))
    assert db is not None
    try:
        with pytest.raises(DatabaseUnavailable) as plain:
            QuickShowService(db, fast_settings(), SystemClock()).show(
                TerminalUser("t"), "SMR123456"
            )
    finally:
        db.close()
    full_db = Database(db_url, timeouts=Timeouts(busy_ms=50))
    try:
        with pytest.raises(Exception) as full:
            CandidateService(full_db, fast_settings(), SystemClock()).show(
                TerminalUser("t"), "SMR123456"
            )
    finally:
        full_db.dispose()
    said = unavailable(parse_database_url(db_url), full.value)
    assert (plain.value.code, plain.value.params) == (said.code, said.params)
    assert said.code == "database_busy"
