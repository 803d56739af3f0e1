"""The audit view's words in the staff member's language: who, what kind, what happened.

The sentences and names live with the services (``services/audit/wording.py``,
marked for translation); this module translates them with Qt and fills in
times in the office's time zone and roles as people call them.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desk_app.services.audit.browse import AuditFilter, AuditRecord
from desk_app.services.audit.describe import describe, render
from desk_app.services.audit.messages import CHECK_CONTEXT, CHECK_SENTENCES
from desk_app.services.audit.verify import AuditProblem
from desk_app.services.audit.wording import ACTION_NAMES, ACTIONS_CONTEXT
from desk_app.ui.common.formatting import show_date_time
from desk_app.ui.common.labels import role_name

translate = QCoreApplication.translate


def event_sentence(record: AuditRecord, language: str, timezone: str) -> str:
    """What happened, in one translated sentence built from the event's details."""
    description = describe(
        record.action, id_number=record.id_number, subject=record.subject, detail=record.detail
    )
    return render(
        description,
        translate=translate,
        show_time=lambda moment: show_date_time(moment, language, timezone),
        role_name=role_name,
    )


def action_name(action: str) -> str:
    """The name of a kind of event (its code when this desk does not know it)."""
    name = ACTION_NAMES.get(action)
    return translate(ACTIONS_CONTEXT, name) if name else action


def actor_name(actor: str, shown: dict[str, str] | None = None) -> str:
    """Who acted: a staff member's name, the website, the desk itself, a terminal."""
    if actor == "website":
        return translate("AuditView", "Results website")
    if actor == "system":
        return translate("AuditView", "The desk (automatic)")
    if actor == "verification":
        return translate("AuditView", "Statement check")
    if actor.startswith("cli:"):
        return translate("AuditView", "Terminal ({login})").format(login=actor[4:])
    return (shown or {}).get(actor, actor)


def problem_text(problem: AuditProblem) -> str:
    """One problem the chain's check found, translated."""
    template = CHECK_SENTENCES.get(problem.code)
    if template is None:
        return problem.message
    try:
        return translate(CHECK_CONTEXT, template).format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return problem.message


def filter_summary(filters: AuditFilter, names: dict[str, str], timezone: str) -> str:
    """What the filters let through, in a few words ("every event" when nothing filters)."""
    parts: list[str] = []
    if filters.actor:
        who = actor_name(filters.actor, names)
        parts.append(translate("AuditView", "by {who}").format(who=who))
    if filters.action:
        kind = action_name(filters.action)
        parts.append(translate("AuditView", "kind: {kind}").format(kind=kind))
    if filters.id_number:
        id_number = filters.id_number.strip().upper()
        parts.append(translate("AuditView", "ID Number {id_number}").format(id_number=id_number))
    zone = ZoneInfo(timezone)
    first = filters.since.astimezone(zone).date().isoformat() if filters.since else None
    # ``until`` is the midnight after the last day
    last = (
        (filters.until.astimezone(zone) - timedelta(days=1)).date().isoformat()
        if filters.until
        else None
    )
    if first and last:
        parts.append(translate("AuditView", "{first} to {last}").format(first=first, last=last))
    elif first:
        parts.append(translate("AuditView", "from {first}").format(first=first))
    elif last:
        parts.append(translate("AuditView", "until {last}").format(last=last))
    if not parts:
        return translate("AuditView", "every event")
    return translate("AuditView", "; ").join(parts)
