"""``desk-app mail send`` and ``desk-app mail password`` from a terminal."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from desk_app.cli import mail_cmd
from desk_app.cli.common import CliContext
from desk_app.database import Database
from desk_app.services.clock import SystemClock
from desk_app.services.errors import BadInput
from desk_app.services.mail.outbox import queue_message
from tests.support.keyring_memory import MemoryKeyring
from tests.support.smtp_servers import mail_server, unused_port
from tests.support.tls import make_authority


def _run(argv: list[str]) -> int:
    """The mail commands as ``desk-app`` parses and runs them."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="desk-app", parents=[common])
    mail_cmd.register(parser.add_subparsers(dest="command"), common)
    context = CliContext(parser.parse_args(argv))
    try:
        return int(context.args.handler(context))
    finally:
        if "services" in vars(context):
            context.services.db.dispose()


def _configure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, port: int, **smtp: str) -> None:
    lines = ["[smtp]", 'host = "127.0.0.1"', f"port = {port}", "timeout_seconds = 5.0"]
    lines += [f'{key} = "{value}"' for key, value in smtp.items()]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("DESK_APP_CONFIG", str(path))


def _queue(url: str, count: int = 1) -> None:
    db = Database(url)
    try:
        with db.write() as session:
            for number in range(count):
                queue_message(
                    session,
                    SystemClock(),
                    kind="registered",
                    candidate_id=None,
                    to_address=f"candidate{number}@example.com",
                    language="en",
                    subject="Registration successful",
                    body="Your results account is ready.",
                )
    finally:
        db.dispose()


def test_send_reports_what_it_did(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _queue(database_url, 3)
    with mail_server() as server:
        _configure(tmp_path, monkeypatch, server.port)
        assert _run(["mail", "send", "--limit", "2", "--db", database_url]) == 0
        assert capsys.readouterr().out == "sent 2, failed 0, waiting 1\n"
        assert _run(["mail", "send", "--db", database_url]) == 0
        assert capsys.readouterr().out == "sent 1, failed 0, waiting 0\n"
    assert len(server.received) == 3


def test_send_exits_1_when_the_server_cannot_be_reached(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _queue(database_url, 2)
    _configure(tmp_path, monkeypatch, unused_port())
    assert _run(["mail", "send", "--db", database_url]) == 1
    out, err = capsys.readouterr()
    assert out == "sent 0, failed 0, waiting 2\n"
    assert "connection failed" in err
    assert err.count("\n") == 1


def test_send_refuses_a_limit_below_one(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(tmp_path, monkeypatch, unused_port())
    with pytest.raises(BadInput):
        _run(["mail", "send", "--limit", "0", "--db", database_url])


def test_password_is_stored_in_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    _configure(tmp_path, monkeypatch, 25, username="desk-mailer")
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-Pass\n"))
    assert _run(["mail", "password"]) == 0
    assert memory_keyring.get_password("desk-app-smtp", "desk-mailer") == "s3cret-Pass"


def test_send_names_an_untrusted_certificate_and_keeps_the_messages(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    trusted = make_authority(tmp_path, "office-ca")
    stranger = make_authority(tmp_path, "someone-else")
    _queue(database_url, 2)
    with mail_server(tls=stranger.server("starttls")) as server:
        _configure(
            tmp_path, monkeypatch, server.port, security="starttls", ca_file=str(trusted.ca_file)
        )
        assert _run(["mail", "send", "--db", database_url]) == 1
    out, err = capsys.readouterr()
    assert out == "sent 0, failed 0, waiting 2\n"
    assert err.startswith(
        f"desk-app: The mail server 127.0.0.1:{server.port} showed a certificate "
        "this desk does not trust ("
    )
    assert "[smtp] ca_file" in err and err.count("\n") == 1
    assert server.received == []


def test_send_refuses_an_unreadable_ca_file(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _configure(
        tmp_path, monkeypatch, unused_port(), security="ssl", ca_file=str(tmp_path / "no.pem")
    )
    with pytest.raises(BadInput) as refused:
        _run(["mail", "send", "--db", database_url])
    assert refused.value.code == "smtp_ca_file_unreadable"
    assert str(refused.value).startswith("The certificate authority file “")
