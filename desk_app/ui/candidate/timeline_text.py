"""One line of a lock timeline in words people read (translated).

The services record an event ``kind`` with a small ``detail`` mapping; this
module turns both into a short sentence. Unknown kinds are shown as their
code, so a newer service never breaks an older desk.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from desk_app.services.accounts.lockouts import TimelineEvent

translate = QCoreApplication.translate


def _attempt(detail: Mapping[str, Any]) -> str:
    attempt = detail.get("attempt")
    if not attempt:
        return ""
    return " " + translate("Timeline", "(attempt {number})").format(number=attempt)


def _simple(kind: str) -> str | None:
    texts = {
        "registered": translate("Timeline", "Registered on the results website"),
        "login": translate("Timeline", "Logged in"),
        "password_changed": translate("Timeline", "Password changed"),
        "lock_expired": translate("Timeline", "Lock ended by itself"),
        "secret_locked": translate(
            "Timeline", "Registration locked: too many wrong Secret Numbers"
        ),
        "secret_lock_expired": translate("Timeline", "Registration lock ended by itself"),
        "reset_sent": translate("Timeline", "Password-reset email sent"),
        "reset_used": translate("Timeline", "Password reset with the emailed link"),
        "temp_password": translate("Timeline", "Temporary password issued"),
        "verification_override": translate(
            "Timeline", "Acted without verification (supervisor override)"
        ),
        "letter_reissued": translate("Timeline", "Letter reissued"),
    }
    return texts.get(kind)


def event_text(event: TimelineEvent) -> str:
    """What happened, in one line (the reason is shown beside it)."""
    kind, detail = event.kind, event.detail
    simple = _simple(kind)
    if simple is not None:
        return simple
    if kind == "login_failed":
        if detail.get("registered") is False:
            return translate("Timeline", "Login attempt before registering")
        if detail.get("via") == "change_password":
            return translate("Timeline", "Wrong password when changing it") + _attempt(detail)
        return translate("Timeline", "Wrong password") + _attempt(detail)
    if kind == "secret_failed":
        return translate("Timeline", "Wrong Secret Number") + _attempt(detail)
    if kind == "locked":
        count = detail.get("failed_attempts")
        if count:
            return translate("Timeline", "Locked after {count} wrong passwords").format(count=count)
        return translate("Timeline", "Locked after wrong passwords")
    if kind == "locked_attempt":
        if detail.get("extended"):
            return translate("Timeline", "Tried while locked: lock started again")
        return translate("Timeline", "Tried while locked")
    if kind == "unlocked":
        return _unlocked(detail)
    if kind == "email_changed":
        return translate("Timeline", "Registered email changed: {old} → {new}").format(
            old=detail.get("old", ""), new=detail.get("new", "")
        )
    if kind == "letter_issued":
        return _letter(detail)
    if kind == "verification_failed":
        text = translate("Timeline", "Caller verification failed")
        if detail.get("flagged"):
            text += " · " + translate("Timeline", "flagged: repeated failures")
        return text
    return kind


def _unlocked(detail: Mapping[str, Any]) -> str:
    via = detail.get("via")
    if via == "password_reset":
        return translate("Timeline", "Unlocked by a password reset")
    if via == "temp_password":
        return translate("Timeline", "Unlocked by a temporary password")
    return translate("Timeline", "Unlocked early")


def _letter(detail: Mapping[str, Any]) -> str:
    number = detail.get("number", 0)
    serial = detail.get("serial", "")
    if not number:
        return translate("Timeline", "Exam-day letter {serial}").format(serial=serial)
    if detail.get("has_secret"):
        return translate("Timeline", "Letter reissued with a new Secret Number ({serial})").format(
            serial=serial
        )
    return translate("Timeline", "Letter reissued without a Secret Number ({serial})").format(
        serial=serial
    )


def event_actor(event: TimelineEvent) -> str:
    """Who did it: a staff member, or where the attempt came from."""
    if event.staff:
        return event.staff
    if event.source:
        return event.source
    return ""


# the kinds shown in red: something went wrong or a lock began
WARNING_KINDS = frozenset(
    {"login_failed", "secret_failed", "locked", "secret_locked", "locked_attempt",
     "verification_failed"}
)  # fmt: skip
# the kinds shown in green: a lock ended or access came back
GOOD_KINDS = frozenset(
    {"lock_expired", "secret_lock_expired", "unlocked", "login", "registered", "reset_used"}
)
