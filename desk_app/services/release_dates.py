"""When results go online, and when certificates follow, in the office's time zone.

The exam board gives a release *date*; results go online at the start of
that day in the office's time zone (Hong Kong by default) and are stored as
that moment in UTC. Certificates are posted to the centre 4–8 weeks after
release (the seeds).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CERTIFICATE_WEEKS = (4, 8)


def release_moment(day: date, timezone: str) -> datetime:
    """The UTC moment results released on ``day`` (office time) go online."""
    return datetime.combine(day, time(0, 0), tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def release_day(moment: datetime, timezone: str) -> date:
    """The office's calendar day of a release moment (the inverse of :func:`release_moment`)."""
    return moment.astimezone(ZoneInfo(timezone)).date()


def certificate_window(moment: datetime, timezone: str) -> tuple[date, date]:
    """The first and last day certificates are expected at the centre."""
    day = release_day(moment, timezone)
    earliest, latest = CERTIFICATE_WEEKS
    return day + timedelta(weeks=earliest), day + timedelta(weeks=latest)
