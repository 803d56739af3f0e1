"""Release dates in the office's time zone; the certificate window."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desk_app.services.release_dates import certificate_window, release_day, release_moment


def test_results_go_online_at_midnight_hong_kong_time() -> None:
    moment = release_moment(date(2026, 8, 20), "Asia/Hong_Kong")
    assert moment == datetime(2026, 8, 19, 16, 0, tzinfo=UTC)
    assert release_day(moment, "Asia/Hong_Kong") == date(2026, 8, 20)


def test_certificates_follow_four_to_eight_weeks_after_release() -> None:
    moment = release_moment(date(2026, 8, 20), "Asia/Hong_Kong")
    assert certificate_window(moment, "Asia/Hong_Kong") == (date(2026, 9, 17), date(2026, 10, 15))
