"""Every kind of audit event the services write has a name and a sentence built from its details."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desk_app.services.audit.describe import describe, english, render
from desk_app.services.audit.wording import ACTION_NAMES, MAIL_KINDS, SENTENCES, UNKNOWN

SERVICES = Path(__file__).resolve().parent.parent / "desk_app"
#: calls whose string argument names the kind of event they write
_WRITERS = {"record", "_audit", "PendingEntry"}


def _kinds_written() -> Iterator[str]:
    """The action names the code hands to the audit writers (read from the source)."""
    for path in SERVICES.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.keyword)
                and node.arg == "audit_action"
                and isinstance(node.value, ast.Constant)
            ):
                yield str(node.value.value)
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else ""
            name = node.func.id if isinstance(node.func, ast.Name) else name
            if name in _WRITERS:
                yield from (
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and re.fullmatch(r"[a-z]+(_[a-z]+)*", arg.value)
                )


def test_every_kind_the_services_write_has_a_name_and_a_sentence() -> None:
    written = set(_kinds_written())
    assert {"staff_login", "account_locked", "mail_failed", "import_result_corrected"} <= written
    assert written <= set(ACTION_NAMES), written - set(ACTION_NAMES)
    assert set(ACTION_NAMES) <= set(SENTENCES)


def test_every_kind_of_email_the_outbox_sends_has_a_name() -> None:
    """The ``{mail}`` of mail_sent/failed/withdrawn: each template kind ``_compose`` makes."""
    source = (SERVICES / "services" / "mail" / "templates.py").read_text(encoding="utf-8")
    kinds = {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "_compose"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert {"registered", "answer"} <= kinds
    assert kinds <= set(MAIL_KINDS), kinds - set(MAIL_KINDS)


# one realistic event per sentence: (action, details) as the services write them
UNTIL = "2026-11-21T02:30:00+00:00"
EVENTS: list[tuple[str, dict[str, Any], str]] = [
    ("staff_login", {}, "Signed in to the desk"),
    ("staff_login_failed", {"locked": True}, "sign-in for op.chan: sign-in locked"),
    ("staff_logout", {"switch_user": True}, "for another staff member to sign in"),
    ("staff_screen_locked", {"idle_minutes": 10}, "after 10 minutes without use"),
    ("staff_screen_locked", {"idle_minutes": None}, "Locked the desk by hand"),
    ("staff_screen_unlocked", {}, "Unlocked the desk"),
    (
        "reason_presets_changed",
        {"action": "unlock", "before": [], "after": []},
        "for “unlock accounts”",
    ),
    ("staff_unlock_failed", {"locked": False}, "at the locked desk for op.chan"),
    ("caller_verified", {"method": "caller", "identifiers": ["phone"]}, "Verified the caller"),
    ("caller_verified", {"method": "document", "document": "HKID card"}, "document of SMR123456"),
    ("caller_verification_failed", {"failures_24h": 3, "flagged": True}, "3 failures"),
    ("reset_sent", {"to": "t@example.com", "valid_minutes": 30}, "to t@example.com"),
    ("temp_password_issued", {"unlocked": True, "revoked": 0}, "which ended the lock"),
    ("email_changed", {"old": "a@x.hk", "new": "b@x.hk"}, "from a@x.hk to b@x.hk"),
    ("letter_reissued", {"serial": "L00000001-1", "registered": True}, "without a Secret"),
    ("statement_printed", {"exam": "KETFS", "serial": "S1"}, "(KETFS, S1)"),
    ("note_added", {"channel": "counter"}, "counter note"),
    ("letters_batch_printed", {"count": 2, "centre": "TW056", "new": 2, "reissued": 0}, "TW056"),
    ("account_locked", {"until": UNTIL, "failed_attempts": 3}, "2026-11-21 10:30"),
    ("account_secret_locked", {"until": UNTIL, "failed_attempts": 5}, "5 wrong Secret"),
    ("password_reset", {"unlocked": False, "token": 4}, "with the emailed link"),
    ("mail_failed", {"kind": "password_reset", "attempts": 5}, "5 attempts: password-reset"),
    ("results_released", {"entries": 4, "emails": 3}, "4 entries, 3 emails"),
    (
        "data_imported",
        {"file": "june.csv", "rows": 10, "new_candidates": 8, "changed_candidates": 2},
        "june.csv: 10 rows",
    ),
    ("import_result_withdrawn", {"line": 9, "exam": "KETFS"}, "line 9"),
    ("audit_exported", {"file": "audit.csv", "rows": 12}, "12 audit events to audit.csv"),
    (
        "audit_exported",
        {
            "file": "a.jsonl",
            "format": "jsonl",
            "from": None,
            "to": None,
            "rows": 5,
            "first_id": 1,
            "last_id": 5,
            "sha256": "0" * 64,
        },
        "5 audit events to a.jsonl",
    ),
    (
        "search_exported",
        {
            "query": "chan tai",
            "query_kind": "name_en",
            "rows": 3,
            "file": "s.csv",
            "sha256": "0" * 64,
        },
        "3 candidates found for “chan tai” to s.csv",
    ),
    (
        "lockouts_exported",
        {"file": "l.csv", "from": "2026-07-18", "to": "2026-07-25", "rows": 7, "sha256": "0"},
        "7 rows of the lockout history (2026-07-18 to 2026-07-25) to l.csv",
    ),
    (
        "answer_edited",
        {"key": "forgot_password", "version": 2, "old": {"body_en": "a"}, "new": {"body_en": "b"}},
        "answer “forgot_password”, now version 2",
    ),
    (
        "answer_emailed",
        {
            "answer": "forgot_password",
            "version": 1,
            "address": "registered",
            "to": "t@example.com",
            "outbox": 4,
        },
        "“forgot_password” to SMR123456 at t@example.com",
    ),
    ("mail_sent", {"kind": "answer"}, "Email delivered: one of the desk's answers"),
    ("staff_added", {"role": "supervisor"}, "as supervisor"),
]


@pytest.mark.parametrize(("action", "detail", "expected"), EVENTS, ids=[e[0] for e in EVENTS])
def test_a_sentence_is_built_from_the_details(
    action: str, detail: dict[str, Any], expected: str
) -> None:
    subject = "op.chan" if action.startswith("staff") else "SMR123456"
    text = english(
        describe(action, id_number=None, subject=subject, detail=detail), "Asia/Hong_Kong"
    )
    assert expected in text
    assert "?" not in text and "{" not in text


def test_every_sentence_of_every_kind_fills_in() -> None:
    for action in ACTION_NAMES:
        text = english(describe(action, id_number="SMR123456", subject="x", detail={}), "UTC")
        assert "{" not in text, action


def test_a_kind_this_desk_does_not_know_is_shown_by_its_code() -> None:
    text = english(describe("hotline_call_taken", id_number=None, subject=None, detail={}), "UTC")
    assert text == UNKNOWN.format(action="hotline_call_taken")


def test_the_renderer_names_roles_mail_and_times_in_the_readers_words() -> None:
    def translate(context: str, text: str) -> str:
        return f"<{text}>" if context == "AuditMail" else f"!{text}"

    mail = describe("mail_sent", id_number="SMR123456", subject=None, detail={"kind": "registered"})
    assert render(mail, translate=translate) == f"!Email delivered: <{MAIL_KINDS['registered']}>"
    added = describe("staff_added", id_number=None, subject="mei", detail={"role": "counter"})
    assert render(added, role_name=str.upper).endswith("as COUNTER")
    locked = describe("account_locked", id_number="X1", subject=None,
                      detail={"until": UNTIL, "failed_attempts": 3})  # fmt: skip
    assert isinstance(locked.params["until"], datetime)
    assert render(locked, show_time=lambda t: t.astimezone(UTC).strftime("%H:%M")).endswith(
        "until 02:30"
    )
