"""TLS to the mail server: what is trusted, and what a refusal is called.

With ``security = "starttls"`` or ``"ssl"`` the server's certificate must
chain to a trusted certificate authority and name the configured ``host``
(``ssl.create_default_context``: certificate and host name checked, TLS 1.2
at least). Trusted means the system's store, or, when ``[smtp] ca_file``
names a PEM bundle (an office with its own certificate authority), only the
authorities in that file. A refusal stops the run before anything is sent:
smtplib never falls back to a connection in clear.
"""

from __future__ import annotations

import os
import ssl

from desk_app.services.errors import BadInput
from desk_app.settings import SmtpSettings

#: OpenSSL's verify codes for a certificate that names another host or address
_WRONG_HOST_CODES = frozenset({62, 64})  # X509_V_ERR_HOSTNAME_MISMATCH, _IP_ADDRESS_MISMATCH

# the error codes of a connection that could not be made (messages.py)
UNREACHABLE = "smtp_unreachable"
LOGIN_REFUSED = "smtp_login_refused"
TLS_FAILED = "smtp_tls_failed"
STARTTLS_UNSUPPORTED = "smtp_starttls_unsupported"
CERTIFICATE_UNTRUSTED = "smtp_certificate_untrusted"
CERTIFICATE_WRONG_HOST = "smtp_certificate_wrong_host"


def tls_context(smtp: SmtpSettings) -> ssl.SSLContext | None:
    """The context for ``starttls`` and ``ssl`` (None for ``none``).

    Raises :class:`BadInput` when ``ca_file`` cannot be read or holds no
    certificate, before anything is sent or changed.
    """
    if smtp.security == "none":
        return None
    if not smtp.ca_file:
        return ssl.create_default_context()
    path = os.path.expanduser(smtp.ca_file)
    try:
        return ssl.create_default_context(cafile=path)
    except (OSError, ValueError):  # ssl.SSLError is an OSError
        raise BadInput("smtp_ca_file_unreadable", name=smtp.ca_file[:200]) from None


def certificate_code(error: ssl.SSLCertVerificationError) -> str:
    """Another authority (or none) signed it, or it names another host."""
    if error.verify_code in _WRONG_HOST_CODES:
        return CERTIFICATE_WRONG_HOST
    return CERTIFICATE_UNTRUSTED
