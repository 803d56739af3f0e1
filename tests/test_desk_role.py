"""On PostgreSQL the desks connect as the role of revision 0009, which guards the trail.

A login in the group ``desk_app_desk`` may insert audit events and do the
whole of a desk's daily work, but may not change or delete an event, nor
add, change or remove a staff member beyond what signing in writes; staff
changes go through the owner's connection (``[database] admin_url``).
The tests make the login on the suite's throw-away server, as a centre
would (docs/DEPLOYMENT.md), and connect as it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from desk_app import config
from desk_app.cli import main
from desk_app.models import Staff
from desk_app.models.audit import DESK_ROLE
from desk_app.services.audit.browse import AuditFilter
from desk_app.services.errors import Locked, Refused
from desk_app.services.knowledge.answers import AnswerTexts
from desk_app.services.registry import Services
from tests.support.clock import ManualClock
from tests.support.factories import STAFF_PASSWORD, add_staff, make_candidate, make_services
from tests.support.postgres import PgServer

pytestmark = pytest.mark.postgres

_logins = itertools.count(1)
LOGIN_PASSWORD = "Desk-login-2027"


@dataclass(frozen=True)
class Centre:
    """One database, reached as its owner and as a desk's login."""

    server: PgServer
    database: str
    owner_url: str
    desk_url: str
    desk_login: str

    def desk_connect(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(
            host=self.server.host, port=self.server.port, dbname=self.database,
            user=self.desk_login, password=LOGIN_PASSWORD, autocommit=True,
        )  # fmt: skip


@pytest.fixture
def centre(pg_cluster: PgServer, postgres_template: str) -> Iterator[Centre]:
    name = pg_cluster.new_database_name()
    login = f"{pg_cluster.name_prefix}desk_login_{next(_logins)}"
    pg_cluster.create_database(name, template=postgres_template)
    with pg_cluster.admin_connect() as admin:
        admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))
        admin.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(login), sql.Literal(LOGIN_PASSWORD), sql.Identifier(DESK_ROLE)
            )
        )
    desk_url = URL.create(
        "postgresql+psycopg", username=login, password=LOGIN_PASSWORD,
        host=pg_cluster.host, port=pg_cluster.port, database=name,
    ).render_as_string(hide_password=False)  # fmt: skip
    try:
        yield Centre(pg_cluster, name, pg_cluster.url(name), desk_url, login)
    finally:
        pg_cluster.drop_database(name)
        with pg_cluster.admin_connect() as admin:
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(login)))


@pytest.fixture
def owner(centre: Centre, clock: ManualClock) -> Iterator[Services]:
    built = make_services(centre.owner_url, clock)
    try:
        yield built
    finally:
        built.db.dispose()


@pytest.fixture
def desk(centre: Centre, clock: ManualClock) -> Iterator[Services]:
    built = make_services(centre.desk_url, clock)
    try:
        yield built
    finally:
        built.db.dispose()


REFUSED = [
    "UPDATE audit_event SET reason = 'nothing to see'",
    "DELETE FROM audit_event",
    "TRUNCATE audit_event CASCADE",
    "DELETE FROM audit_head",
    "INSERT INTO audit_head (id, last_id, last_hash) VALUES (2, 0, 'x')",
    "INSERT INTO staff (username, display_name, role, password_hash, active, language,"
    " created_at, failed_attempts) VALUES ('mallory', 'M', 'admin', 'x', true, 'en', now(), 0)",
    "UPDATE staff SET role = 'admin'",
    "UPDATE staff SET password_hash = 'x'",
    "UPDATE staff SET active = true",
    "UPDATE staff SET username = 'someone.else'",
    "DELETE FROM staff",
    "UPDATE alembic_version SET version_num = '0001'",
    "CREATE TABLE mine (id integer)",
    "DROP TRIGGER audit_event_append_only ON audit_event",
    "ALTER TABLE audit_event DISABLE TRIGGER USER",
]


@pytest.mark.parametrize("statement", REFUSED, ids=lambda s: " ".join(s.split()[:3]))
def test_the_desk_role_may_not(
    centre: Centre, owner: Services, desk: Services, statement: str
) -> None:
    supervisor = add_staff(owner, "supervisor", "sup.ho")
    desk.audit_browse.page(supervisor, AuditFilter())  # the login works and may read
    with centre.desk_connect() as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute(statement)
    report = owner.audit.verify()
    assert report.ok and report.checked == 3


def test_the_desk_role_writes_what_signing_in_needs(centre: Centre, owner: Services) -> None:
    add_staff(owner, "operator", "op.lam")
    with centre.desk_connect() as connection:
        connection.execute(
            "UPDATE staff SET failed_attempts = 0, locked_until = NULL, last_login_at = now(),"
            " language = 'zh_HK' WHERE username = 'op.lam'"
        )
        assert connection.execute(
            "SELECT language FROM staff WHERE username = 'op.lam'"
        ).fetchone() == ("zh_HK",)


def test_staff_changes_through_the_desk_role_are_refused_and_say_why(
    owner: Services, desk: Services
) -> None:
    admin = add_staff(owner, "admin", "chan.admin")
    add_staff(owner, "operator", "op.lam")
    with pytest.raises(Refused) as refused:
        desk.staff.add(admin, "op.new", "operator", STAFF_PASSWORD)
    assert refused.value.code == "staff_change_needs_owner"
    with pytest.raises(Refused) as refused:
        desk.staff.deactivate(admin, "op.lam", "left the centre")
    assert refused.value.code == "staff_change_needs_owner"
    with desk.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Staff)) == 2
    owner.staff.deactivate(admin, "op.lam", "left the centre")  # the owner's connection may


def test_staff_add_takes_the_owners_connection_from_admin_url(
    centre: Centre,
    owner: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_staff(owner, "admin", "chan.admin")
    desk_url, owner_url = URL.create(
        "postgresql+psycopg", username=centre.desk_login, host=centre.server.host,
        port=centre.server.port, database=centre.database,
    ), centre.owner_url  # fmt: skip
    config.store_database_password(desk_url, LOGIN_PASSWORD)  # desk-app db password
    settings = tmp_path / "config.toml"
    settings.write_text(f'[database]\nurl = "{desk_url.render_as_string()}"\n', encoding="utf-8")
    monkeypatch.setenv("DESK_APP_CONFIG", str(settings))
    monkeypatch.setenv("DESK_APP_STAFF_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setenv("DESK_APP_NEW_STAFF_PASSWORD", "new-staff-Pass-1")
    add = ["staff", "add", "op.new", "--role", "operator", "--as", "chan.admin"]
    assert main(add) == 1
    assert "admin_url" in capsys.readouterr().err
    with settings.open("a", encoding="utf-8") as more:
        more.write(f'admin_url = "{owner_url}"\n')
    assert main(add) == 0, capsys.readouterr().err
    assert main(["search", "SMR", "--json"]) == 0  # the rest still goes through the desk's login
    assert main(["--db", desk_url.render_as_string(), *add[:2], "op.two", *add[3:]]) == 1


def test_a_desks_whole_day_works_as_the_desk_role(
    owner: Services, desk: Services, clock: ManualClock, tmp_path: Path
) -> None:
    """Every service a desk calls, connected as a login of the desks' group."""
    from tests.support.accounts import WRONG, account_kit, register, verify
    from tests.support.import_files import row, write_csv
    from tests.support.mail_delivery import deliver

    for role in ("admin", "supervisor", "operator", "counter"):
        add_staff(owner, role, f"{role}.one")
    admin = desk.staff.authenticate("admin.one", STAFF_PASSWORD)  # writes the sign-in columns
    supervisor = desk.staff.authenticate("supervisor.one", STAFF_PASSWORD)
    operator = desk.staff.authenticate("operator.one", STAFF_PASSWORD)
    counter = desk.staff.authenticate("counter.one", STAFF_PASSWORD)
    for _ in range(3):  # the failures and the staff lock are sign-in columns too
        with pytest.raises(Refused):
            desk.staff.authenticate("counter.one", "wrong-password-1")
    desk.staff.set_language(operator, "zh_HK")

    board_file = tmp_path / "board.csv"
    write_csv(board_file, [row(1), row(2)])
    assert desk.importer.run(admin, board_file, reason="board file").applied
    make_candidate(desk)  # SMR123456, straight into the candidate tables
    kit = account_kit(desk)
    register(kit)
    for n in range(3):  # the website's third wrong password locks the account
        with pytest.raises(Refused if n < 2 else Locked):
            desk.accounts.login("SMR123456", WRONG, source="198.51.100.7")
    assert [r.id_number for r in desk.lockouts.current(supervisor)] == ["SMR123456"]
    assert desk.search.search(operator, "chan tai man").items
    desk.candidates.show(operator, "SMR123456")
    desk.lockouts.timeline(operator, "SMR123456")
    verify(kit, operator)
    desk.notes.add(operator, "SMR123456", "Caller locked out after the weekend.")
    desk.desk_actions.unlock(operator, "SMR123456", reason="caller verified")
    desk.desk_actions.send_reset(operator, "SMR123456", reason="forgot the password")
    verify(kit, counter)
    desk.desk_actions.temporary_password(counter, "SMR123456", reason="at the counter")
    desk.desk_actions.change_email(counter, "SMR123456", "new@example.net", reason="new address")
    desk.desk_actions.reissue_letter(counter, "SMR123456", reason="lost letter")
    desk.statements.print_statement(counter, "SMR123456", reason="for a university")
    assert desk.letters.print_batch(supervisor, "HK301").pdf  # the imported candidates
    desk.release.run_due()
    report, _received = deliver(desk)
    assert report.sent >= 1
    desk.results_export.export(admin, tmp_path / "results.csv")
    desk.audit_export.export_view(supervisor, AuditFilter(), tmp_path / "audit.csv")
    desk.audit_export.export(supervisor, tmp_path / "audit.jsonl")
    today = clock.now().date()
    desk.lockout_history.export(supervisor, tmp_path / "l.csv", first_day=today, last_day=today)
    desk.search_export.export(operator, "chan tai man", tmp_path / "found.csv")
    answer = next(a for a in desk.knowledge.answers(supervisor) if a.key == "certificate")
    texts = AnswerTexts(answer.title_en, answer.title_zh, answer.body_en + " Ask.", answer.body_zh)
    desk.knowledge.save(supervisor, "certificate", texts, version=answer.version, reason="asked")
    desk.knowledge.email(operator, "SMR123456", "locked", to="on_file")
    page = desk.audit_browse.page(supervisor, AuditFilter(id_number="SMR123456"))
    kinds = {r.action for r in page.records}
    assert {"account_unlocked", "reset_sent", "letter_reissued", "answer_emailed"} <= kinds
    report_ = desk.audit.verify()
    assert report_.ok and report_.checked > 30


def test_an_upgrade_through_a_desks_login_says_to_use_the_owner(
    centre: Centre, capsys: pytest.CaptureFixture[str]
) -> None:
    """A desk's login may not change the schema: db upgrade says whose job it is (exit 1)."""
    empty = centre.server.new_database_name()
    centre.server.create_database(empty)
    try:
        url = URL.create(
            "postgresql+psycopg", username=centre.desk_login, password=LOGIN_PASSWORD,
            host=centre.server.host, port=centre.server.port, database=empty,
        ).render_as_string(hide_password=False)  # fmt: skip
        assert main(["--db", url, "db", "upgrade"]) == 1
        err = capsys.readouterr().err
        assert "run it as the database's owner" in err and DESK_ROLE in err
    finally:
        centre.server.drop_database(empty)
