"""Dates, times and durations for people: babel, the UI language, Hong Kong time."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import (
    format_date,
    format_datetime,
    format_skeleton,
    format_time,
    format_timedelta,
)

# the UI language (``en`` / ``zh_HK``) → the babel locale used for formatting
BABEL_LOCALES = {"en": "en_HK", "zh_HK": "zh_Hant_HK"}
#: a date of birth not shown (the caller has not passed verification)
MASKED_DATE = "••/••/••••"


def babel_locale(language: str) -> str:
    return BABEL_LOCALES.get(language, "en_HK")


@lru_cache(maxsize=4096)
def show_date(value: date | None, language: str) -> str:
    """17 May 2001 / 2001年5月17日; empty for no date.

    Kept once made: babel takes most of a millisecond for each, and a table of
    candidates asks for every date it paints, after every keystroke."""
    if value is None:
        return ""
    return format_date(value, "medium", locale=babel_locale(language))


def show_clock_time(moment: datetime, language: str, timezone: str) -> str:
    """HH:MM in the office's time zone (24-hour in both languages)."""
    return format_time(moment, "HH:mm", tzinfo=ZoneInfo(timezone), locale=babel_locale(language))


def show_date_time(moment: datetime | None, language: str, timezone: str) -> str:
    if moment is None:
        return ""
    return format_datetime(
        moment, "medium", tzinfo=ZoneInfo(timezone), locale=babel_locale(language)
    )


def show_moment(moment: datetime, language: str, timezone: str, now: datetime) -> str:
    """21 Nov 10:05 / 11月21日 10:05 (the year too when it is not this year's)."""
    zone = ZoneInfo(timezone)
    locale = babel_locale(language)
    same_year = moment.astimezone(zone).year == now.astimezone(zone).year
    day = format_skeleton("MMMd" if same_year else "yMMMd", moment, tzinfo=zone, locale=locale)
    return f"{day} {format_time(moment, 'HH:mm', tzinfo=zone, locale=locale)}"


def show_day(moment: datetime, language: str, timezone: str) -> str:
    """21/11 / 11月21日: the day and month, for chart labels."""
    return format_skeleton("Md", moment, tzinfo=ZoneInfo(timezone), locale=babel_locale(language))


def show_duration(delta: timedelta, language: str) -> str:
    """'28 minutes' / '28 分鐘': the time left, rounded to whole minutes (at least 1)."""
    seconds = max(delta.total_seconds(), 60.0)
    return format_timedelta(
        timedelta(seconds=seconds),
        granularity="minute",
        threshold=2,
        locale=babel_locale(language),
    )


def show_countdown(delta: timedelta) -> str:
    """mm:ss (or h:mm:ss) left, never negative."""
    total = max(int(delta.total_seconds()), 0)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"
