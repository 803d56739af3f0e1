"""Which answers fit the candidate on screen, and the values their placeholders take.

Plain Python over :class:`CandidateFacts` (no database, no Qt), so each
state is tested on its own and the pane only shows what this returns:

* password locked → the lock (time left, what to do) and "Forgotten your password?";
* Secret Number locked → that block, and the lost letter;
* not registered → how to register and the password rule;
* registered → why a log-in fails, and "Forgotten your password?";
* the exam in question not released yet → its release date;
* released → the certificate window, the name on the statement, reading results;
* an exam without a breakdown by paper (Delta Module One) → that fact.

"The exam in question" is the entry selected on screen, else the one whose
results the candidate still waits for, else the latest released.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desk_app.documents.wording import (
    date_en,
    date_zh,
    duration_pair,
    example_password,
    moment_pair,
    password_rule,
    zh_count,
)
from desk_app.services.knowledge.facts import CandidateFacts, EntryFacts
from desk_app.services.knowledge.placeholders import Pair
from desk_app.services.release_dates import CERTIFICATE_WEEKS, certificate_window, release_day
from desk_app.settings import Settings

#: why an answer is offered (the pane names the reason)
LOCKED = "locked"
SECRET_LOCKED = "secret_locked"
NOT_REGISTERED = "not_registered"
REGISTERED = "registered"
NOT_RELEASED = "not_released"
RELEASED = "released"
NO_BREAKDOWN = "no_breakdown"


@dataclass(frozen=True)
class Suggestion:
    """An answer that fits (its key) and why (one of the reasons above)."""

    key: str
    why: str


@dataclass(frozen=True)
class Situation:
    suggestions: tuple[Suggestion, ...] = ()
    #: placeholder → (English, Chinese); a placeholder missing here is shown as missing
    values: dict[str, Pair] = field(default_factory=dict)
    #: the exam in question, if any
    entry: EntryFacts | None = None

    def why(self, key: str) -> str | None:
        return next((s.why for s in self.suggestions if s.key == key), None)


def office_values(settings: Settings) -> dict[str, Pair]:
    """What every answer may say, from the office's settings."""
    office, lockout, password = settings.office, settings.lockout, settings.password
    first, last = CERTIFICATE_WEEKS
    example = example_password(password)
    return {
        "office": (office.name_en, office.name_zh),
        "hotline": (office.hotline, office.hotline),
        "office_email": (office.email, office.email),
        "website": (office.results_website, office.results_website),
        "help_website": (office.results_help, office.results_help),
        "lock_attempts": (str(lockout.threshold), zh_count(lockout.threshold)),
        "lock_minutes": duration_pair(lockout.lock_minutes),
        "password_rule": password_rule(password),
        "password_example": (example, example),
        "certificate_weeks": (f"{first}–{last} weeks", f"{first}至{last}星期"),
    }


def focus_entry(
    entries: tuple[EntryFacts, ...], entry_id: int | None, now: datetime
) -> EntryFacts | None:
    """The entry selected on screen; else the nearest release to come; else the latest out."""
    chosen = next((e for e in entries if e.entry_id == entry_id), None)
    if chosen is not None:
        return chosen
    waiting = [e for e in entries if e.release_at is not None and e.release_at > now]
    if waiting:
        return min(waiting, key=lambda e: (e.release_at, e.entry_id))
    out = [e for e in entries if e.released(now)]
    if out:
        return max(out, key=lambda e: (e.release_at, e.entry_id))
    return entries[0] if entries else None


def _time_left(until: datetime, now: datetime) -> Pair:
    """Whole minutes, rounded as the candidate pane's countdown rounds them (babel)."""
    minutes = max(1, round((until - now).total_seconds() / 60))
    return duration_pair(minutes)


def _candidate_values(
    settings: Settings, facts: CandidateFacts, entry: EntryFacts | None, now: datetime
) -> dict[str, Pair]:
    zone = settings.office.timezone
    values: dict[str, Pair] = {
        "id_number": (facts.id_number, facts.id_number),
        "candidate_name": facts.name,
        "centre": facts.centre,
    }
    until = facts.locked_until or facts.secret_locked_until
    if until is not None and until > now:
        values["time_left"] = _time_left(until, now)
        values["locked_until"] = moment_pair(until, zone)
    if entry is not None:
        values["exam"] = entry.exam
        values["session"] = entry.session
        if entry.release_at is not None:
            day = release_day(entry.release_at, zone)
            start, end = certificate_window(entry.release_at, zone)
            values["release_date"] = (date_en(day), date_zh(day))
            values["certificate_from"] = (date_en(start), date_zh(start))
            values["certificate_to"] = (date_en(end), date_zh(end))
    return values


def _suggestions(
    facts: CandidateFacts, entry: EntryFacts | None, now: datetime
) -> tuple[Suggestion, ...]:
    found: list[Suggestion] = []
    locked = facts.locked_until is not None and facts.locked_until > now
    secret_locked = facts.secret_locked_until is not None and facts.secret_locked_until > now
    if locked:
        found += [Suggestion("locked", LOCKED), Suggestion("forgotten_password", LOCKED)]
    if secret_locked:
        found += [
            Suggestion("secret_locked", SECRET_LOCKED),
            Suggestion("lost_letter", SECRET_LOCKED),
        ]
    if not facts.registered:
        found += [
            Suggestion("how_to_register", NOT_REGISTERED),
            Suggestion("password_rule", NOT_REGISTERED),
        ]
    elif not locked:
        found += [
            Suggestion("cannot_log_in", REGISTERED),
            Suggestion("forgotten_password", REGISTERED),
        ]
    if entry is not None:
        if not entry.has_breakdown:
            found.append(Suggestion("no_breakdown", NO_BREAKDOWN))
        if entry.released(now):
            found += [
                Suggestion("certificate", RELEASED),
                Suggestion("name_wrong", RELEASED),
                Suggestion("read_results", RELEASED),
            ]
        elif entry.release_at is not None:
            found.append(Suggestion("release_date", NOT_RELEASED))
    unique: dict[str, Suggestion] = {}
    for suggestion in found:
        unique.setdefault(suggestion.key, suggestion)
    return tuple(unique.values())


def situation(
    settings: Settings,
    facts: CandidateFacts | None,
    now: datetime,
    entry_id: int | None = None,
) -> Situation:
    """The answers that fit ``facts`` at ``now``, and every placeholder's value."""
    values = office_values(settings)
    if facts is None:
        return Situation(values=values)
    entry = focus_entry(facts.entries, entry_id, now)
    values.update(_candidate_values(settings, facts, entry, now))
    return Situation(_suggestions(facts, entry, now), values, entry)
