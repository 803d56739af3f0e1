"""An audit event as a sentence people read: chosen from its kind and details.

:func:`describe` picks the sentence (a key of ``wording.SENTENCES``) and its
values: plain text and numbers, times as datetimes, and a role or a kind of
email as a key that the renderer names in the reader's language. No raw
JSON reaches people: the details view lists the fields one by one.
:func:`render` fills the sentence through a translator (the window passes
Qt's, the CSV export of a command line passes none: English).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from desk_app.services.audit.wording import (
    EVENTS_CONTEXT,
    MAIL_CONTEXT,
    MAIL_KINDS,
    SENTENCES,
    UNKNOWN,
)
from desk_app.services.message_labels import ACTIONS, ACTIONS_CONTEXT

Translate = Callable[[str, str], str]


@dataclass(frozen=True)
class Description:
    #: a key of ``wording.SENTENCES``; None for a kind this desk does not know
    key: str | None
    params: Mapping[str, Any]


def _time(value: object) -> datetime | str:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return "" if value is None else str(value)


def _variant(key: str, suffix: str, when: object) -> str:
    """``key_suffix`` (a sentence for that case) when ``when`` is true, else ``key``."""
    return f"{key}_{suffix}" if when else key


def describe(
    action: str, *, id_number: str | None, subject: str | None, detail: Mapping[str, Any]
) -> Description:
    """The sentence for one event (``id_number``: the candidate's, when there is one)."""
    d = detail
    base: dict[str, Any] = {"id_number": id_number or subject or "", "username": subject or ""}
    key: str | None = action if action in SENTENCES else None
    extra: dict[str, Any] = {}
    if action in ("staff_login_failed", "staff_unlock_failed"):
        key = _variant(action, "locked", d.get("locked"))
    elif action == "reason_presets_changed":
        extra = {"preset_action": d.get("action", "")}
    elif action == "staff_logout":
        key = _variant(action, "switch", d.get("switch_user"))
    elif action == "staff_screen_locked":
        key = _variant(action, "idle", d.get("idle_minutes"))
        extra = {"minutes": d.get("idle_minutes", "")}
    elif action == "caller_verified" and d.get("method") == "document":
        key, extra = "caller_verified_document", {"document": d.get("document", "")}
    elif action == "caller_verification_failed":
        key = _variant(action, "flagged", d.get("flagged"))
        extra = {"failures": d.get("failures_24h", "?")}
    elif action == "reset_sent":
        extra = {"to": d.get("to", "")}
    elif action in ("temp_password_issued", "password_reset"):
        key = _variant(action, "unlocked", d.get("unlocked"))
    elif action == "email_changed":
        extra = {"old": d.get("old", ""), "new": d.get("new", "")}
    elif action == "letter_reissued":
        key = _variant(action, "registered", d.get("registered"))
        extra = {"serial": d.get("serial", "")}
    elif action == "statement_printed":
        extra = {"exam": d.get("exam", ""), "serial": d.get("serial", "")}
    elif action == "statement_verified":
        extra = {"serial": d.get("serial", "")}
    elif action == "note_added":
        key = _variant(action, "counter", d.get("channel") == "counter")
    elif action == "letters_batch_printed":
        extra = {k: d.get(k, "") for k in ("count", "centre", "new", "reissued")}
    elif action in ("account_locked", "account_secret_locked"):
        extra = {"failures": d.get("failed_attempts", "?"), "until": _time(d.get("until"))}
    elif action in ("mail_sent", "mail_failed", "mail_withdrawn"):
        extra = {"mail": d.get("kind", ""), "attempts": d.get("attempts", "?")}
    elif action == "results_released":
        extra = {"entries": d.get("entries", 0), "emails": d.get("emails", 0)}
    elif action == "data_imported":
        names = ("file", "rows", "new_candidates", "changed_candidates")
        extra = {k: d.get(k, "") for k in names}
    elif action.startswith("import_") and action in SENTENCES:
        extra = {"line": d.get("line", "?"), "exam": d.get("exam", "")}
    elif action in ("results_exported", "audit_exported", "search_exported", "lockouts_exported"):
        extra = {"file": d.get("file", subject or ""), "rows": d.get("rows", "?")}
        extra |= {
            "query": d.get("query", ""),
            "first": d.get("from") or "?",
            "last": d.get("to") or "?",
        }
    elif action == "answer_edited":
        extra = {"answer": d.get("key", subject or ""), "version": d.get("version", "?")}
    elif action == "answer_emailed":
        extra = {"answer": d.get("answer", ""), "to": d.get("to", "")}
    elif action == "staff_added":
        extra = {"role": d.get("role", "")}
    elif action == "demo_data_created":
        extra = {"candidates": d.get("candidates", "?")}
    if key is None:
        extra = {"action": action}
    return Description(key, {**base, **extra})


class _Values(dict[str, str]):
    def __missing__(self, name: str) -> str:
        return "?"


def render(
    description: Description,
    *,
    translate: Translate | None = None,
    show_time: Callable[[datetime], str] | None = None,
    role_name: Callable[[str], str] | None = None,
) -> str:
    """The sentence, its values filled in: translated when ``translate`` is given."""
    tr = translate or (lambda _context, text: text)
    template = SENTENCES.get(description.key or "", UNKNOWN)
    values = _Values()
    for name, value in description.params.items():
        if isinstance(value, datetime):
            values[name] = show_time(value) if show_time else _iso_minutes(value)
        elif name == "mail" and value in MAIL_KINDS:
            values[name] = tr(MAIL_CONTEXT, MAIL_KINDS[value])
        elif name == "preset_action" and value in ACTIONS:  # the desk action, in words
            values[name] = tr(ACTIONS_CONTEXT, ACTIONS[str(value)])
        elif name == "role" and role_name is not None:
            values[name] = role_name(str(value))
        else:
            values[name] = str(value)
    try:
        return tr(EVENTS_CONTEXT, template).format_map(values)
    except (IndexError, ValueError):  # a translation with broken braces: the English fits
        return template.format_map(values)


def _iso_minutes(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def english(description: Description, timezone: str) -> str:
    """The English sentence, times in the office's time zone (for a CSV without a window)."""
    zone = ZoneInfo(timezone)
    return render(
        description, show_time=lambda moment: moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    )
