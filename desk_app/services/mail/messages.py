"""The sentences behind the mail server's and reset links' error codes.

``services/messages.py`` adds them to its table (context "Errors"), so the
window and the command line translate and print them like every other error.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


MAIL_MESSAGES: dict[str, str] = {
    "reset_link_unset": QT_TRANSLATE_NOOP(
        "Errors",
        "No reset link can be sent: the office has not set the address of the results "
        "website's reset page (reset_link_base in [office] of the config file). "
        "A temporary password at the counter still works.",
    ),
    "smtp_ca_file_unreadable": QT_TRANSLATE_NOOP(
        "Errors",
        "The certificate authority file “{name}” ([smtp] ca_file) cannot be read "
        "or holds no certificate.",
    ),
    "smtp_unreachable": QT_TRANSLATE_NOOP(
        "Errors",
        "The mail server {host}:{port} could not be reached ({detail}); "
        "the emails wait for the next run.",
    ),
    "smtp_login_refused": QT_TRANSLATE_NOOP(
        "Errors",
        "The mail server {host}:{port} refused the login ({detail}); check [smtp] username "
        "and the stored password. The emails wait for the next run.",
    ),
    "smtp_tls_failed": QT_TRANSLATE_NOOP(
        "Errors",
        "No secure connection could be made to the mail server {host}:{port} ({detail}); "
        "nothing was sent. Check [smtp] security and port.",
    ),
    "smtp_starttls_unsupported": QT_TRANSLATE_NOOP(
        "Errors",
        "The mail server {host}:{port} does not offer STARTTLS, so nothing was sent "
        "(never in clear). Use a server that offers it, or security = “ssl”.",
    ),
    "smtp_certificate_untrusted": QT_TRANSLATE_NOOP(
        "Errors",
        "The mail server {host}:{port} showed a certificate this desk does not trust "
        "({detail}); nothing was sent. If your office has its own certificate authority, "
        "name its file in [smtp] ca_file.",
    ),
    "smtp_certificate_wrong_host": QT_TRANSLATE_NOOP(
        "Errors",
        "The mail server's certificate is not for {host} ({detail}); nothing was sent. "
        "[smtp] host must be a name the certificate shows.",
    ),
}
