"""Real SMTP servers on loopback for the mail tests (aiosmtpd, plus a rude one).

``MailServer`` runs aiosmtpd on 127.0.0.1 and a free port, keeps what it
receives, and can be told to answer RCPT or DATA with a refusal, to drop the
connection right after taking a message, or to ask for a login. With
``ServerTls`` it speaks TLS: ``starttls`` (offered, and required before MAIL
and AUTH) or ``ssl`` (implicit TLS from the first byte), with a certificate
from ``tests/support/tls.py``.
``ClosingServer`` accepts a connection and closes it before saying anything.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    #: whether the message came over TLS
    tls: bool = False

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Behaviour:
    """How the server answers; tests change it between runs."""

    rcpt_reply: str | None = None
    data_reply: str | None = None
    #: take the message, then drop the connection before replying
    drop_after_data: bool = False
    #: seconds to think before accepting a message (to make senders overlap)
    delay: float = 0.0
    #: when set, a login is required with this username and password
    login: tuple[str, str] | None = None
    logins: list[str] = field(default_factory=list)


class _Handler:
    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.received: list[Received] = []
        self.rcpt_calls = 0
        self._lock = threading.Lock()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        with self._lock:
            self.rcpt_calls += 1
        if self.behaviour.rcpt_reply:
            return self.behaviour.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.behaviour.delay:
            await asyncio.sleep(self.behaviour.delay)
        if self.behaviour.data_reply:
            return self.behaviour.data_reply
        over_tls = server.transport.get_extra_info("ssl_object") is not None
        with self._lock:
            self.received.append(
                Received(
                    envelope.mail_from,
                    tuple(envelope.rcpt_tos),
                    bytes(envelope.content),
                    over_tls,
                )
            )
        if self.behaviour.drop_after_data:
            server.transport.abort()
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        expected = self.behaviour.login
        if expected is None or not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        username = auth_data.login.decode()
        self.behaviour.logins.append(username)
        ok = (username, auth_data.password.decode()) == expected
        return AuthResult(success=ok, handled=False)


class _LoopbackController(Controller):
    """aiosmtpd's controller on port 0: the port the system chose is read back."""

    def _trigger_server(self) -> None:
        assert isinstance(self.server, asyncio.Server)
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class ServerTls:
    """``mode``: "starttls" or "ssl"; ``context``: the server's certificate."""

    mode: str
    context: ssl.SSLContext


class MailServer:
    def __init__(self, behaviour: Behaviour | None = None, tls: ServerTls | None = None) -> None:
        self.behaviour = behaviour or Behaviour()
        self._handler = _Handler(self.behaviour)
        options: dict[str, Any] = {"auth_require_tls": False}
        if tls is not None and tls.mode == "starttls":
            options = {"tls_context": tls.context, "require_starttls": True}
        elif tls is not None:
            options = {"ssl_context": tls.context, "auth_require_tls": False}
        self._controller = _LoopbackController(
            self._handler,
            hostname="127.0.0.1",
            port=0,
            authenticator=self._handler.authenticate,
            **options,
        )
        self.host = "127.0.0.1"
        self.port = 0

    def start(self) -> None:
        self._controller.start()
        self.port = self._controller.port

    def stop(self) -> None:
        self._controller.stop()

    @property
    def received(self) -> list[Received]:
        return list(self._handler.received)

    @property
    def rcpt_calls(self) -> int:
        return self._handler.rcpt_calls


@contextmanager
def mail_server(
    behaviour: Behaviour | None = None, tls: ServerTls | None = None
) -> Iterator[MailServer]:
    server = MailServer(behaviour, tls)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class ClosingServer:
    """Accepts each connection and closes it at once, before any greeting."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.host = "127.0.0.1"
        self.port: int = self._socket.getsockname()[1]
        self.connections = 0
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def __enter__(self) -> ClosingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._thread.join()
        self._socket.close()


def unused_port() -> int:
    """A loopback port nobody listens on (connecting is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
