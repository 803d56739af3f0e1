"""Delivering a test database's outbox to a real SMTP server on loopback.

A reset email's link is made only when it is delivered, so a test that
needs the link runs the real sender against aiosmtpd and reads the link
from the email the server received, as the candidate would.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desk_app.services.mail.sender import DeliveryReport, MailSender
from desk_app.services.registry import Services
from tests.support.smtp_servers import Behaviour, Received, mail_server

RESET_LINK = re.compile(r"https://\S+/reset\?token=([A-Za-z0-9_\-]+)")


def deliver(
    services: Services, behaviour: Behaviour | None = None
) -> tuple[DeliveryReport, list[Received]]:
    """One run of ``mail send`` against a fresh loopback server: the report and
    what the server received."""
    with mail_server(behaviour) as server:
        smtp = replace(
            services.settings.smtp, host="127.0.0.1", port=server.port, timeout_seconds=5.0
        )
        settings = replace(services.settings, smtp=smtp)
        report = MailSender(services.db, settings, services.clock).send_pending()
    return report, server.received


def reset_link_in(received: Received) -> tuple[str, str]:
    """The link and its token in a received reset email."""
    found = RESET_LINK.search(received.message.get_content())
    assert found, "no reset link in the email"
    return found.group(0), found.group(1)


def deliver_reset(services: Services) -> str:
    """Deliver the outbox; the token of the one reset email that went."""
    report, received = deliver(services)
    resets = [r for r in received if RESET_LINK.search(r.message.get_content())]
    assert len(resets) == 1, report
    return reset_link_in(resets[0])[1]
