"""Fuzzing the command line: whatever the arguments, stdin and environment, no traceback.

The arguments are drawn from the real parser (every subcommand, its
positionals and its options, choices included) with values that are
plausible (demo ID Numbers, staff names and passwords) or hostile (empty,
huge, bytes that are not UTF-8 as surrogate escapes, NUL, control
characters, folders, paths too long or under a file, unknown flags). Each
run of ``desk_app.cli.main`` in-process must:

- never print a traceback, and never need the last resort (exit 70);
- end with a documented exit status;
- on any non-zero exit, leave the database as it was, except for what is
  recorded on the way by design: a staff sign-in (``--as``) and the caller
  verification made before the action was refused, and, for a refusal
  (1) or a lock (3), the failed attempt itself: a login, a verification, a
  mail delivery (tables and audit actions below).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select

from desk_app import cli
from desk_app.database import Database
from desk_app.demo.generate import DEMO_STAFF, make_demo
from desk_app.models import AuditEvent
from desk_app.services.errors import ExitStatus
from desk_app.services.registry import build_services
from tests.support.clock import ManualClock
from tests.support.digest import changed_tables, table_digests
from tests.support.factories import fast_settings

#: the statuses a run may end with (70, the last resort, would be a bug found)
DOCUMENTED = {0, 1, 2, 3, 4, 5, 6}
#: never run: it opens the window
SKIPPED = {("gui",)}

#: what a refused command may still leave behind, by design
SIGN_IN_TABLES = {"staff", "audit_event", "audit_head"}
#: failed logins and verifications; a delivery attempt (mail send, the server unreachable)
ATTEMPT_TABLES = {"results_account", "account_event", "caller_verification", "outbox_message"}
RECORDED_ACTIONS = {
    "staff_login",
    "staff_login_failed",
    "account_locked",
    "account_secret_locked",
    "caller_verified",
    "caller_verification_failed",
}

HOSTILE = [
    "",
    " ",
    "-",
    "--bogus",
    "x" * 5000,
    "ab\udcffcd",  # a byte that is not UTF-8, as the OS hands it over (surrogateescape)
    "\udcc3\udca9",
    "a\x00b",
    "line\nbreak",
    "\x1b[31mred",
    "\u202eevil",
    "陳大文",
    "../../..",
    "0",
    "-1",
    "99999999999999999999999",
]


@dataclass(frozen=True)
class World:
    url: str
    folder: Path
    ids: tuple[str, ...]
    config: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """A small SQLite database with demo data and the demo staff, built once."""
    folder = tmp_path_factory.mktemp("cli-fuzz")
    url = f"sqlite:///{folder / 'desk.sqlite3'}"
    assert cli.main(["--db", url, "db", "upgrade"]) == 0
    services = build_services(Database(url), fast_settings(), ManualClock())
    report = make_demo(
        services.db, services.settings, services.clock, services.hasher, candidates=25, seed=7
    )
    services.db.dispose()
    config = folder / "config.toml"
    config.write_text(
        "[hashing]\ntime_cost = 1\nmemory_kib = 8\nparallelism = 1\n"
        # wrong staff passwords are common here: locking the demo staff would stop the depth
        "[staff]\nlock_threshold = 1000000\n"
        '[smtp]\nhost = "127.0.0.1"\nport = 1\ntimeout_seconds = 1.0\n',
        encoding="utf-8",
    )
    (folder / "a-file").write_text("not a folder", encoding="utf-8")
    (folder / "out").mkdir()
    ids = (*(e.id_number for e in report.examples), "SMR123456")
    return World(url, folder, ids, config)


# -- the argument space, read from the real parser --------------------------------------------


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]
    positionals: tuple[argparse.Action, ...]
    options: tuple[argparse.Action, ...]


def _commands() -> list[Command]:
    found: list[Command] = []

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if subs:
            for name, sub in subs[0].choices.items():
                walk(sub, (*words, name))
            return
        if words in SKIPPED:
            return
        actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
        found.append(
            Command(
                words,
                tuple(a for a in actions if not a.option_strings),
                tuple(a for a in actions if a.option_strings),
            )
        )

    walk(cli.build_parser(), ())
    return found


COMMANDS = _commands()


def _values(
    world: World, dest: str, action: argparse.Action, *, calm: bool = False
) -> st.SearchStrategy[str]:
    staff = [name for name, *_ in DEMO_STAFF]
    folder = world.folder
    paths = [
        str(folder / "out" / "file.pdf"),
        str(folder / "out"),
        str(folder / "missing" / "x.pdf"),
        str(folder / "a-file" / "x.pdf"),
        str(folder / ("n" * 300 + ".pdf")),
        str(folder / "out" / "ab\udcff.csv"),
        "",
        "out/relative.pdf",
    ]
    by_dest: dict[str, list[str]] = {
        "id_number": list(world.ids),
        "target": [*world.ids, "verify", "VERIFY"],
        "caller_id": list(world.ids),
        "as_staff": staff,
        "username": ["new.staff", *staff],
        "out": paths,
        "file": paths,
        "db": [
            *[world.url] * 6,
            "sqlite:////proc/nope/x.db",
            f"sqlite:///{folder / 'a-file'}/x.db",
            f"sqlite:///{folder / 'a-file'}",
            f"sqlite:///{folder}",
            "postgresql+psycopg://desk@127.0.0.1:1/results",
            "mysql://desk@db/results",
            "not a url",
        ],
        "secret": ["4821", "0000", "12", "48a1"],
        "email": ["tm@example.com", "not-an-email"],
        "new_email": ["new@example.org", "@@"],
        "caller_dob": ["2001-05-17", "0001-01-01", "2001-02-30"],
        "since": ["2026-01-01", "0001-01-01", "9999-12-31", "1900-01-01"],
        "first_day": ["2026-01-01", "0001-01-01", "9999-12-31", "2026-02-30"],
        "last_day": ["2026-12-31", "0001-01-01", "9999-12-31"],
        "csv": paths,
        "format": ["csv", "jsonl"],
        "reason": ["lost the letter", "  "],
        "document": ["HKID card"],
        "code": ["7KQ4-M2XD-9RFA"],
    }
    if action.choices:
        plausible: list[str] = [str(c) for c in action.choices]
    elif action.type is int:
        plausible = ["0", "1", "2", "50", "-3", "100000"]
    else:
        plausible = by_dest.get(dest, ["x"])
    if calm:  # the good database and a file that can be written
        return st.sampled_from(plausible[:1] if dest in ("db", "out", "file") else plausible)
    # mostly plausible, so that runs get past the parser and into the services
    return st.integers(0, 9).flatmap(
        lambda dice: (
            st.sampled_from(plausible)
            if dice < 7
            else st.sampled_from(HOSTILE)
            if dice < 9
            else st.text(max_size=40)
        )
    )


@st.composite
def invocations(draw: st.DrawFn, world: World) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    # half the runs use plausible values only, so that they reach deep into the services
    calm = draw(st.booleans())
    argv: list[str] = []
    if draw(st.integers(0, 3)) == 0:  # --db may stand before the subcommand
        database = next(a for a in command.options if a.dest == "db")
        argv += ["--db", draw(_values(world, "db", database, calm=calm))]
    argv += command.words
    for action in command.positionals:
        if not calm and draw(st.integers(0, 5)) == 0:
            continue  # a missing positional
        argv.append(draw(_values(world, action.dest, action, calm=calm)))
    required = [a for a in command.options if a.required and (calm or draw(st.integers(0, 5)))]
    optional = [a for a in command.options if not a.required]
    chosen = draw(st.lists(st.sampled_from(optional), max_size=5, unique_by=id)) if optional else []
    for action in draw(st.permutations([*required, *chosen])):
        flag = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            argv.append(flag)
        else:
            argv += [flag, draw(_values(world, action.dest, action, calm=calm))]
    if not calm and draw(st.integers(0, 5)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(st.sampled_from(["--bogus", "-x"])))
    return argv


PASSWORDS = st.one_of(
    st.sampled_from([password for _, _, password, *_ in DEMO_STAFF]),
    st.none(),
    st.sampled_from(["wrong-password-1", "", "ab\udcffcd-pass", "x" * 1000]),
)
STDIN = st.one_of(
    st.sampled_from([b"Abcde123\n", b"Newpass99\n", b"", b"ab\xffcd1234\n", b"\x00\n"]),
    st.sampled_from([b"a" * 10_000, b"\xff\xfe\n"]),
    st.binary(max_size=40),
)


# -- one run -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    status: int
    out: str
    err: str


def _run(argv: list[str], stdin: bytes) -> Outcome:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", newline="")
    before = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = cli.main(argv)
            out.flush()
            err.flush()
    finally:
        sys.stdin = before
    texts = [stream.buffer.getvalue().decode("utf-8", "replace") for stream in (out, err)]  # type: ignore[attr-defined]
    return Outcome(status, texts[0], texts[1])


def _audit_actions_after(url: str, last_id: int) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(select(AuditEvent.action).where(AuditEvent.id > last_id))
            return {action for (action,) in rows}
    finally:
        engine.dispose()


def _last_audit_id(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.max(AuditEvent.id))).scalar() or 0
    finally:
        engine.dispose()


@pytest.fixture
def fuzz_env(world: World, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DESK_APP_CONFIG", str(world.config))
    monkeypatch.setenv("DESK_APP_DATABASE_URL", world.url)
    monkeypatch.setenv("HOME", str(world.folder))
    monkeypatch.chdir(world.folder)
    yield


def test_the_argument_space_covers_every_command() -> None:
    words = {c.words for c in COMMANDS}
    assert {("show",), ("staff", "add"), ("audit", "export"), ("letter", "reissue")} <= words
    assert ("gui",) not in words and len(words) >= 18


@pytest.mark.usefixtures("fuzz_env")
@settings(
    max_examples=int(os.environ.get("DESK_APP_FUZZ_EXAMPLES", "120")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), stdin=STDIN, staff_password=PASSWORDS, new_password=PASSWORDS)
def test_no_traceback_documented_status_and_nothing_changed_on_refusal(
    world: World,
    data: st.DataObject,
    stdin: bytes,
    staff_password: str | None,
    new_password: str | None,
) -> None:
    argv = data.draw(invocations(world), label="argv")
    for name, value in (
        ("DESK_APP_STAFF_PASSWORD", staff_password),
        ("DESK_APP_NEW_STAFF_PASSWORD", new_password),
    ):
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    before = table_digests(world.url)
    last_audit = _last_audit_id(world.url)

    outcome = _run(argv, stdin)
    event(f"exit {outcome.status}")  # --hypothesis-show-statistics shows how deep runs go

    assert "Traceback" not in outcome.err and "Traceback" not in outcome.out, outcome
    assert outcome.status != ExitStatus.INTERNAL_ERROR, outcome.err
    assert outcome.status in DOCUMENTED, outcome
    if outcome.status == 0:
        return
    assert outcome.err.strip(), "a refusal says why on stderr"
    signed_in = any(a.startswith("--as") for a in argv)
    # a sign-in, and a caller verification made before the action was refused, are facts
    allowed = SIGN_IN_TABLES | {"caller_verification"} if signed_in else set()
    if outcome.status in (ExitStatus.REFUSED, ExitStatus.LOCKED):
        allowed |= SIGN_IN_TABLES | ATTEMPT_TABLES
    changed = changed_tables(before, table_digests(world.url))
    assert changed <= allowed, (argv, outcome.status, changed)
    assert _audit_actions_after(world.url, last_audit) <= RECORDED_ACTIONS
