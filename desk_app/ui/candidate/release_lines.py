"""An entry's release as the pane tells it: the date, the email, the certificates.

Before release: that the "results available" email goes at release to an
account registered by then, and when certificates are expected. After: the
release date, whether the email went and when, and the certificate window
(4–8 weeks after release) as dates, in the current language. Each line is
(label, value, explanation for the tooltip).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desk_app.services.candidates.detail import EntryDetail
from desk_app.services.release.status import ReleaseNoticeDetail
from desk_app.services.release_dates import certificate_window, release_day
from desk_app.ui.common.formatting import show_date, show_moment

translate = QCoreApplication.translate

Line = tuple[str, str, str]


def release_lines(entry: EntryDetail, language: str, timezone: str, now: datetime) -> list[Line]:
    """The lines under an entry about its release (none when it has no result yet)."""
    moment = entry.release_at
    if moment is None:
        return []
    start, end = certificate_window(moment, timezone)
    window = translate("ReleaseLines", "{start} – {end}").format(
        start=show_date(start, language), end=show_date(end, language)
    )
    certificates = (
        translate("ReleaseLines", "Certificates"),
        window,
        translate(
            "ReleaseLines",
            "Certificates are posted to the centre 4–8 weeks after release "
            "(for candidates who passed): between these dates.",
        ),
    )
    email = translate("ReleaseLines", "Results email")
    if entry.result is None:
        at_release = (
            email,
            translate("ReleaseLines", "at release, if registered"),
            translate(
                "ReleaseLines",
                "The “results available” email is sent once, when the results are "
                "released, if the account is registered by then. Registering later: no email.",
            ),
        )
        return [certificates, at_release]
    day = show_date(release_day(moment, timezone), language)
    value, why = email_state(entry.notice, language, timezone, now)
    return [
        (translate("ReleaseLines", "Released on"), day, ""),
        certificates,
        (email, value, why),
    ]


def email_state(
    notice: ReleaseNoticeDetail | None, language: str, timezone: str, now: datetime
) -> tuple[str, str]:
    """(what happened, why) for the "results available" email."""
    if notice is None:
        return (
            translate("ReleaseLines", "not sent"),
            translate(
                "ReleaseLines",
                "Not decided yet (the desk checks every few minutes), or the result "
                "came in long after its release date.",
            ),
        )
    if notice.outcome == "not_registered":
        return (
            translate("ReleaseLines", "none (not registered)"),
            translate("ReleaseLines", "The account was not registered when the results came out."),
        )
    if notice.outcome == "bad_address":
        return (
            translate("ReleaseLines", "none (bad address)"),
            translate("ReleaseLines", "The registered email address cannot take email."),
        )
    if notice.outcome == "untracked":
        return (
            translate("ReleaseLines", "no record"),
            translate("ReleaseLines", "Released before the desk kept a record of these emails."),
        )
    if notice.email_status == "sent" and notice.sent_at is not None:
        return (
            translate("ReleaseLines", "sent {moment}").format(
                moment=show_moment(notice.sent_at, language, timezone, now)
            ),
            "",
        )
    if notice.email_status == "failed":
        return (
            translate("ReleaseLines", "not delivered"),
            translate("ReleaseLines", "The mail server refused it; see the outbox."),
        )
    return (
        translate("ReleaseLines", "queued {moment}").format(
            moment=show_moment(notice.decided_at, language, timezone, now)
        ),
        translate("ReleaseLines", "Waiting in the outbox to be delivered."),
    )
