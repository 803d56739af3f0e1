"""Changes announced to the other desks: in the change's transaction, heard by the listeners."""

from __future__ import annotations

import queue
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from desk_app.services.actor import as_actor
from desk_app.services.audit import trail
from desk_app.services.errors import DeskError, Refused
from desk_app.services.live import listening
from desk_app.services.live.kinds import CHANNEL
from desk_app.services.live.listening import Listener
from desk_app.services.live.notices import MISSED, Change, change_of, parse, payload
from desk_app.services.registry import Services
from desk_app.settings import DeskPolicy
from tests.support.accounts import ID, AccountKit, register
from tests.support.factories import add_staff, fast_settings, make_candidate, make_services
from tests.support.postgres import PgServer

WITHIN = 5.0  # seconds: generous for a loaded machine; the latency itself is in bench/


class Heard:
    """A listener running on its own thread, as the window runs it."""

    def __init__(self, listener: Listener) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()
        self.states: queue.Queue[bool] = queue.Queue()
        self.stopping = threading.Event()
        self.thread = threading.Thread(
            target=listener.run, args=(self.changes.put, self.stopping, self.states.put)
        )
        self.thread.start()
        assert self.states.get(timeout=WITHIN) is True

    def next(self) -> Change:
        return self.changes.get(timeout=WITHIN)

    def nothing_more(self, wait: float = 0.3) -> bool:
        try:
            self.changes.get(timeout=wait)
        except queue.Empty:
            return True
        return False

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(WITHIN)
        assert not self.thread.is_alive()


@pytest.fixture
def desk(database_url: str) -> Iterator[Services]:
    settings = fast_settings(desk=DeskPolicy(change_check_seconds=0.05))
    built = make_services(database_url, settings=settings)
    try:
        yield built
    finally:
        built.db.dispose()


@pytest.fixture
def heard(desk: Services) -> Iterator[Heard]:
    listener = desk.live.listener()
    assert listener is not None
    running = Heard(listener)
    yield running
    running.stop()


def test_the_notice_carries_kind_ids_and_audit_id_only() -> None:
    change = change_of("unlock", [7], 42)
    assert payload(change) == '{"k":"unlock","a":42,"c":[7]}'
    assert parse(payload(change)) == change
    assert parse(payload(change_of("import", [1, 2], 9))).everything
    assert parse(payload(change_of("note", range(500), 9))).everything  # too many to name
    assert parse("not json") is MISSED


def test_an_unlock_is_heard_with_its_candidate(
    desk: Services, kit: AccountKit, heard: Heard
) -> None:
    candidate_id = make_candidate(kit.services)
    register(kit)
    heard.next()  # the registration
    supervisor = add_staff(kit.services, "supervisor")
    for _ in range(3):  # wrong, wrong, locked
        with pytest.raises(DeskError):
            kit.accounts.login(ID, "Wrong-pass-99", source="198.51.100.7")

    locked = heard.next()
    kit.desk.unlock(supervisor, ID, reason="caller", override_reason="in person")
    unlocked = heard.next()

    assert (locked.kind, locked.candidate_ids) == ("lock", frozenset({candidate_id}))
    assert (unlocked.kind, unlocked.candidate_ids) == ("unlock", frozenset({candidate_id}))
    assert unlocked.audit_id > locked.audit_id


def test_looks_are_not_announced(desk: Services, kit: AccountKit, heard: Heard) -> None:
    make_candidate(kit.services)
    operator = add_staff(kit.services, "operator")
    kit.services.candidates.show(operator, ID)
    kit.services.lockouts.timeline(operator, ID)
    kit.services.search.search(operator, "chan")

    assert heard.nothing_more()


def test_a_note_and_a_verification_are_announced(
    desk: Services, kit: AccountKit, heard: Heard
) -> None:
    candidate_id = make_candidate(kit.services)
    operator = add_staff(kit.services, "operator")
    kit.services.notes.add(operator, ID, "Called about the letter.")
    kit.verification.verify_caller(
        operator, ID, name="Someone Else", date_of_birth="2001-05-17", phone="91234567"
    )

    kinds = [heard.next(), heard.next()]

    assert [(c.kind, c.candidate_ids) for c in kinds] == [
        ("note", frozenset({candidate_id})),
        ("verification", frozenset({candidate_id})),
    ]


def test_a_refused_action_announces_nothing(desk: Services, kit: AccountKit, heard: Heard) -> None:
    make_candidate(kit.services)
    supervisor = add_staff(kit.services, "supervisor")
    with pytest.raises(Refused, match="not locked"):
        kit.desk.unlock(supervisor, ID, reason="caller", override_reason="x")

    assert heard.nothing_more()


@pytest.mark.postgres
def test_the_listener_comes_back_after_its_connection_is_cut(
    pg_cluster: PgServer, postgres_template: str
) -> None:
    name = pg_cluster.new_database_name()
    pg_cluster.create_database(name, template=postgres_template)
    desk = make_services(pg_cluster.url(name))
    listener = desk.live.listener()
    assert isinstance(listener, listening.PostgresListener)
    running = Heard(listener)
    try:
        for _ in range(2):  # lost, back, lost again, back again
            pg_cluster.terminate_connections(name)  # what a restarted server does to it
            assert running.states.get(timeout=WITHIN) is False
            assert running.states.get(timeout=WITHIN) is True
            assert running.next() is MISSED  # reload what is shown: notices may be lost
        make_candidate(desk)
        operator = add_staff(desk, "operator")
        desk.notes.add(operator, ID, "Still heard after the cut.")
        assert running.next().kind == "note"
    finally:
        running.stop()
        desk.db.dispose()
        pg_cluster.drop_database(name)


@pytest.mark.postgres
def test_a_notice_is_sent_only_when_the_change_commits(
    pg_cluster: PgServer, postgres_template: str
) -> None:
    name = pg_cluster.new_database_name()
    pg_cluster.create_database(name, template=postgres_template)
    desk = make_services(pg_cluster.url(name))
    url = make_url(pg_cluster.url(name))
    try:
        make_candidate(desk)
        operator = add_staff(desk, "operator")
        with psycopg.connect(
            host=url.host, port=url.port, user=url.username, password=url.password,
            dbname=url.database, autocommit=True,
        ) as listening_connection:  # fmt: skip
            listening_connection.execute(f"LISTEN {CHANNEL}")
            with desk.db.write() as session:
                trail.record(session, desk.clock, as_actor(operator), "note_added",
                             candidate_id=1, subject=ID)  # fmt: skip
                heard_early = list(listening_connection.notifies(timeout=0.3))
                session.rollback()
            heard_after_rollback = list(listening_connection.notifies(timeout=0.3))
            desk.notes.add(operator, ID, "This one commits.")
            heard_after_commit = list(listening_connection.notifies(timeout=WITHIN, stop_after=1))
        assert heard_early == [] and heard_after_rollback == []
        assert [parse(n.payload).kind for n in heard_after_commit] == ["note"]
    finally:
        desk.db.dispose()
        pg_cluster.drop_database(name)


def test_an_import_is_one_notice_to_reload_what_is_shown(
    desk: Services, kit: AccountKit, heard: Heard
) -> None:
    admin = add_staff(kit.services, "admin")
    sample = Path(__file__).resolve().parent.parent / "docs" / "sample-import.csv"

    report = kit.services.importer.run(admin, sample, reason="June 2026 results")

    assert report.applied
    change = heard.next()
    assert (change.kind, change.everything) == ("import", True)
    assert heard.nothing_more()


def test_a_sqlite_desk_waits_for_its_file_and_then_reloads(
    tmp_path: Path, sqlite_template: Path
) -> None:
    path = tmp_path / "desk.sqlite3"
    watcher = listening.SqliteWatcher(str(path), every=0.05)
    changes: queue.Queue[Change] = queue.Queue()
    states: queue.Queue[bool] = queue.Queue()
    stopping = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(changes.put, stopping, states.put))
    thread.start()
    try:
        assert states.get(timeout=WITHIN) is False  # no file: nothing made in its place
        assert not path.exists()
        shutil.copy(sqlite_template, path)  # the file is back (a share mounted again)
        assert states.get(timeout=WITHIN) is True
        assert changes.get(timeout=WITHIN) is MISSED
    finally:
        stopping.set()
        thread.join(WITHIN)
    assert not thread.is_alive()
