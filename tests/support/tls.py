"""A throw-away certificate authority for the mail server tests (trustme).

Each test makes its own authority; nothing is written outside the test's
temporary folder, and nothing is added to the system's trust store.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path

import trustme

from tests.support.smtp_servers import ServerTls


@dataclass(frozen=True)
class Authority:
    ca: trustme.CA
    #: the authority's certificate as a PEM file, for ``[smtp] ca_file``
    ca_file: Path

    def server(self, mode: str, *names: str) -> ServerTls:
        """A server's TLS set-up with a certificate for ``names`` signed here."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert(*(names or ("localhost", "127.0.0.1"))).configure_cert(context)
        return ServerTls(mode, context)


def make_authority(folder: Path, name: str = "ca") -> Authority:
    ca = trustme.CA(organization_name=f"Results Desk tests ({name})")
    path = folder / f"{name}.pem"
    ca.cert_pem.write_to_path(str(path))
    return Authority(ca, path)
