"""The SMTP side of delivery: the email as sent, the connection, what a failure means.

No database here: ``sender.py`` decides what to send and records what happened.
Nothing here logs a message body or the SMTP password.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from types import TracebackType

from desk_app.config import SMTP_KEYRING_SERVICE
from desk_app.services.mail import tls
from desk_app.services.validation import has_control_characters
from desk_app.settings import SmtpSettings

log = logging.getLogger(__name__)

SECURITY_MODES = ("none", "starttls", "ssl")
_ERROR_LIMIT = 200

PasswordLookup = Callable[[], str | None]


@dataclass(frozen=True)
class SmtpFailure:
    """Why a message did not go: a short text (no credentials, no body) and
    whether trying again can help (``permanent``: a 5xx to the recipient or
    to the message). ``code``: for a connection that could not be made, the
    error code people read (``tls.py``)."""

    text: str
    permanent: bool
    code: str = ""


class SmtpUnreachable(Exception):
    """Connecting, TLS or logging in failed: no message can go now."""

    def __init__(self, failure: SmtpFailure) -> None:
        super().__init__(failure.text)
        self.failure = failure


def keyring_password(username: str) -> PasswordLookup:
    """The SMTP password the OS keyring holds under ``desk-app-smtp`` / ``username``."""

    def lookup() -> str | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(SMTP_KEYRING_SERVICE, username)
        except KeyringError:
            return None

    return lookup


def compose(
    *,
    sender: str,
    to_address: str,
    subject: str,
    body: str,
    message_id: str,
    created_at: datetime,
) -> EmailMessage:
    """The email as sent: UTF-8 text; a subject that is not ASCII is encoded
    per RFC 2047. Date is when the message was queued, so every attempt of
    one message is the same email."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to_address
    message["Subject"] = subject
    message["Date"] = format_datetime(created_at)
    message["Message-ID"] = message_id
    if body.isascii():
        message.set_content(body)
    else:
        # base64 keeps the message 7-bit clean for servers without 8BITMIME
        message.set_content(body, charset="utf-8", cte="base64")
    return message


def error_text(prefix: str, detail: object) -> str:
    """One short line: control characters and runs of spaces folded."""
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", "replace")
    text = f"{prefix}: {detail}" if prefix else str(detail)
    text = "".join(" " if has_control_characters(ch) else ch for ch in text)
    return " ".join(text.split())[:_ERROR_LIMIT]


def _reply(error: smtplib.SMTPResponseException) -> str:
    return error_text("", f"{error.smtp_code} {error_text('', error.smtp_error)}")


def classify(error: Exception) -> SmtpFailure:
    """Permanent (5xx to the recipient or to the message) or temporary (the rest)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        replies = list(error.recipients.values())
        shown = "; ".join(f"{code} {error_text('', text)}" for code, text in replies)
        permanent = bool(replies) and all(500 <= code < 600 for code, _ in replies)
        return SmtpFailure(error_text("recipient refused", shown), permanent)
    if isinstance(error, smtplib.SMTPDataError):
        permanent = 500 <= error.smtp_code < 600
        return SmtpFailure(error_text("message refused", _reply(error)), permanent)
    if isinstance(error, smtplib.SMTPSenderRefused):
        # the sender address is the office's setting, not this message's fault
        return SmtpFailure(error_text("sender refused", _reply(error)), False)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        return SmtpFailure(error_text("not supported by the server", error), True)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return SmtpFailure(error_text("login refused", _reply(error)), False)
    if isinstance(error, smtplib.SMTPResponseException):
        return SmtpFailure(error_text("server error", _reply(error)), False)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return SmtpFailure(error_text("connection lost", str(error) or "closed"), False)
    if isinstance(error, OSError):
        return SmtpFailure(error_text("connection failed", error), False)
    return SmtpFailure(error_text(type(error).__name__, error), False)


class SmtpSession:
    """One connection to the mail server, opened on the first message and
    opened again after it breaks; a context manager that closes it.

    ``context``: from :func:`tls.tls_context` (None for ``security = "none"``).
    """

    def __init__(
        self, settings: SmtpSettings, password: str | None, context: ssl.SSLContext | None
    ) -> None:
        self._settings = settings
        self._password = password
        self._context = context
        self._client: smtplib.SMTP | None = None
        self.envelope_from = parseaddr(settings.sender)[1] or settings.sender

    def __enter__(self) -> SmtpSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def send(self, message: EmailMessage, to_address: str) -> SmtpFailure | None:
        """None when the server accepted the message, else why not.

        Raises :class:`SmtpUnreachable` when no connection could be made.
        """
        client = self._client or self._connect()
        try:
            client.send_message(message, from_addr=self.envelope_from, to_addrs=[to_address])
        except (smtplib.SMTPException, OSError) as error:
            # after a reply the connection can carry on (smtplib sent RSET);
            # after anything else, start again with a new one
            replied = isinstance(
                error, smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused
            )
            if client.sock is None or not replied:
                self.close()
            return classify(error)
        return None

    def close(self) -> None:
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):
            client.close()

    def _connect(self) -> smtplib.SMTP:
        settings = self._settings
        context = self._context
        if settings.security != "none" and context is None:
            raise ValueError("TLS needs a context")  # a caller's bug, not a setting
        timeout = settings.timeout_seconds
        stage = "connect"
        try:
            if settings.security == "ssl":
                self._client = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=timeout, context=context
                )
            else:
                self._client = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
            if settings.security == "starttls":
                stage = "starttls"
                self._client.starttls(context=context)
            if settings.username:
                stage = "login"
                self._client.login(settings.username, self._password or "")
        except (smtplib.SMTPException, OSError) as error:
            self.close()
            failure = _connection_failure(error, stage)
            log.warning("mail server %s:%d: %s", settings.host, settings.port, failure.text)
            raise SmtpUnreachable(failure) from None
        return self._client


def _connection_failure(error: Exception, stage: str) -> SmtpFailure:
    """What stopped the connection, with its error code; always temporary."""
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = error.verify_message or str(error)
        text = error_text("certificate refused", detail)
        return SmtpFailure(text, False, tls.certificate_code(error))
    if isinstance(error, ssl.SSLError):
        return SmtpFailure(error_text("TLS failed", error.reason or error), False, tls.TLS_FAILED)
    if stage == "starttls" and isinstance(error, smtplib.SMTPNotSupportedError):
        text = "STARTTLS not offered by the server"
        return SmtpFailure(text, False, tls.STARTTLS_UNSUPPORTED)
    failure = classify(error)
    code = tls.LOGIN_REFUSED if stage == "login" else tls.UNREACHABLE
    return SmtpFailure(failure.text, False, code)
