"""The emails the account actions send, in English and Traditional Chinese.

The subject is in the candidate's language; the body gives the candidate's
language first and the other one below it (as the office's letters do), so
a message is readable even when the language on file is wrong.

No template takes a password or a Secret Number: the temporary-password and
reissued-letter notices only say that something happened and whom to call.
The reset link is the one secret a message carries: the sender builds that
email when it delivers it (``reset_links.py``), so the link never reaches
the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desk_app.documents.wording import date_en, date_zh
from desk_app.services.clock import Clock
from desk_app.services.mail.outbox import queue_message
from desk_app.settings import OfficeInfo

ZH = "zh_HK"
EN = "en"
_RULE = "—" * 24


@dataclass(frozen=True)
class Mail:
    kind: str
    language: str
    subject: str
    body: str


def mail_language(language: str | None) -> str:
    """The language of emails to a candidate: ``zh_HK`` or else English."""
    return ZH if language == ZH else EN


def _compose(
    kind: str,
    language: str,
    office: OfficeInfo,
    *,
    subject: tuple[str, str],
    body: tuple[str, str],
) -> Mail:
    lang = mail_language(language)
    en = (
        f"Dear Candidate,\n\n{body[0]}\n\n"
        f"{office.name_en}\nHotline {office.hotline} · {office.email}\n"
        "This message was sent automatically; please do not reply to it."
    )
    zh = (
        f"親愛的考生：\n\n{body[1]}\n\n"
        f"{office.name_zh}\n查詢熱線 {office.hotline} · {office.email}\n"
        "此電郵由系統自動發出，請勿回覆。"
    )
    first, second = (zh, en) if lang == ZH else (en, zh)
    return Mail(
        kind=kind,
        language=lang,
        subject=subject[1] if lang == ZH else subject[0],
        body=f"{first}\n\n{_RULE}\n\n{second}\n",
    )


def _local(moment: datetime, office: OfficeInfo) -> str:
    return moment.astimezone(ZoneInfo(office.timezone)).strftime("%Y-%m-%d %H:%M")


def mask_email(address: str) -> str:
    """``taiman.chan@example.com`` → ``ta***@example.com``: enough to recognise."""
    local, _, domain = address.rpartition("@")
    return f"{local[:2]}***@{domain}"


def registration_successful(
    language: str, office: OfficeInfo, *, results_out: bool = False
) -> Mail:
    """``results_out``: results were released before the registration. No "results
    available" email ever goes for those (the release job's rule), so this email
    says they are there already instead of promising one."""
    if results_out:
        news = (
            "Results released before you registered are on the website now: log in to see "
            "them. For results released from now on, you will receive an email as soon as "
            "they are available.",
            "閣下登記前已公佈的成績現已可於網站查閱，請登入查看。日後公佈的成績，閣下將收到電郵通知。",
        )
    else:
        news = (
            "As soon as your results are available you will receive an email to tell you "
            "that they are ready.",
            "成績公佈後，閣下將收到電郵通知。",
        )
    return _compose(
        "registered",
        language,
        office,
        subject=("Registration successful", "登記成功"),
        body=(
            f"Thank you for registering for the candidate results service. {news[0]}\n\n"
            "Note: the email address that you used for registration will be used for "
            f"faster results notification. Log in at {office.results_website} with "
            "your ID Number and the password you chose.",
            f"多謝閣下登記使用網上查閱成績服務。{news[1]}\n\n"
            "註：閣下登記時使用的電郵地址將用於成績通知。請使用 ID Number（考生編號）"
            f"及閣下自訂的密碼於 {office.results_website} 登入。",
        ),
    )


_RESET_SUBJECT = ("Reset your password", "重設密碼")


def password_reset_subject(language: str) -> str:
    """The reset email's subject, known when it is queued (its body is not)."""
    return _RESET_SUBJECT[1] if mail_language(language) == ZH else _RESET_SUBJECT[0]


def password_reset(language: str, office: OfficeInfo, link: str, minutes: int) -> Mail:
    """Built by the sender at delivery, with a link made then (``reset_links.py``)."""
    return _compose(
        "password_reset",
        language,
        office,
        subject=_RESET_SUBJECT,
        body=(
            "We received a request to reset the password of your candidate results "
            "account. Open this link to choose a new password:\n\n"
            f"{link}\n\n"
            f"The link works once and expires after {minutes} minutes. If you did not "
            "ask for it, you can ignore this email: your password has not been changed.",
            "我們收到重設閣下網上查閱成績帳戶密碼的要求。請開啟以下連結設定新密碼：\n\n"
            f"{link}\n\n"
            f"此連結只可使用一次，並於 {minutes} 分鐘後失效。如閣下並無提出此要求，"
            "請不用理會本電郵，閣下的密碼不會被更改。",
        ),
    )


def temporary_password_issued(language: str, office: OfficeInfo, at: datetime) -> Mail:
    when = _local(at, office)
    return _compose(
        "temp_password",
        language,
        office,
        subject=("A temporary password was issued", "已發出臨時密碼"),
        body=(
            f"On {when} our counter issued a temporary password for your candidate "
            "results account, in person. You will be asked to choose a new password "
            "when you next log in.\n\n"
            f"If this was not you, call us at once on {office.hotline}.",
            f"本中心櫃位已於 {when} 親身向閣下發出網上查閱成績帳戶的臨時密碼。"
            "閣下下次登入時須設定新密碼。\n\n"
            f"如這並非閣下本人的要求，請立即致電 {office.hotline} 與我們聯絡。",
        ),
    )


def email_changed_old_address(
    language: str, office: OfficeInfo, new_address: str, at: datetime
) -> Mail:
    """To the address that was registered until now (the new one is masked)."""
    when = _local(at, office)
    masked = mask_email(new_address)
    return _compose(
        "email_changed_old",
        language,
        office,
        subject=("Your registered email address was changed", "閣下的登記電郵地址已更改"),
        body=(
            f"On {when} the registered email address of your candidate results account "
            f"was changed to {masked}. Emails about your account and results will go "
            "there from now on.\n\n"
            f"If you did not ask for this change, call us at once on {office.hotline}.",
            f"閣下網上查閱成績帳戶的登記電郵地址已於 {when} 更改為 {masked}。"
            "日後有關帳戶及成績的電郵將寄往該地址。\n\n"
            f"如閣下並無要求更改，請立即致電 {office.hotline} 與我們聯絡。",
        ),
    )


def email_changed_new_address(language: str, office: OfficeInfo, at: datetime) -> Mail:
    """To the newly registered address: a confirmation."""
    when = _local(at, office)
    return _compose(
        "email_changed_new",
        language,
        office,
        subject=("Your email address is now registered", "閣下的電郵地址已登記"),
        body=(
            f"On {when} this address became the registered email address of your "
            "candidate results account. Emails about your account and results will "
            "come here from now on.",
            f"此電郵地址已於 {when} 登記為閣下網上查閱成績帳戶的電郵地址。"
            "日後有關帳戶及成績的電郵將寄往此地址。",
        ),
    )


def letter_reissued(language: str, office: OfficeInfo, *, registered: bool, at: datetime) -> Mail:
    when = _local(at, office)
    if registered:
        en = (
            f"On {when} a new letter about your candidate results account was issued. "
            "Your account is already registered: log in with your ID Number and your "
            "password, or use “Forgotten your password?” to choose a new one."
        )
        zh = (
            f"本中心已於 {when} 向閣下補發網上查閱成績的密碼信。閣下的帳戶已登記："
            "請使用 ID Number（考生編號）及密碼登入，或使用「Forgotten your password?」"
            "（忘記密碼）功能重設密碼。"
        )
    else:
        en = (
            f"On {when} a new letter with a new Secret Number was issued for your "
            "candidate results account. The Secret Number of any earlier letter no "
            "longer works."
        )
        zh = (
            f"本中心已於 {when} 向閣下補發載有新 Secret Number（密碼）的密碼信。"
            "舊密碼信上的 Secret Number 已即時失效。"
        )
    return _compose(
        "letter_reissued",
        language,
        office,
        subject=("Your letter was reissued", "已補發密碼信"),
        body=(
            f"{en}\n\nIf you did not ask for a new letter, call us at once on {office.hotline}.",
            f"{zh}\n\n如閣下並無要求補發密碼信，請立即致電 {office.hotline} 與我們聯絡。",
        ),
    )


def results_available(
    language: str,
    office: OfficeInfo,
    *,
    exam: tuple[str, str],
    session: tuple[str, str],
    certificates: tuple[date, date],
) -> Mail:
    """At release, to a candidate registered by then (the seeds' notification email).

    ``exam`` and ``session`` are (English, Chinese) names; ``certificates``
    the first and last day certificates are expected at the centre.
    """
    start, end = certificates
    return _compose(
        "results_available",
        language,
        office,
        subject=("Your results are available", "閣下的考試成績已經公佈"),
        body=(
            f"Your result for {exam[0]}, {session[0]}, is now available on the candidate "
            f"results website:\n\n{office.results_website}\n\n"
            "Log in with your ID Number and your password to see it. If you have passed, "
            "your certificate will be posted to your centre 4–8 weeks after the results "
            f"are released (between {date_en(start)} and {date_en(end)}).",
            f"閣下 {exam[1]}（{session[1]}）的考試成績現已公佈，可於網上查閱成績網站查閱："
            f"\n\n{office.results_website}\n\n"
            "請使用 ID Number（考生編號）及閣下的密碼登入查閱。合格考生的證書將於成績公佈後"
            f"4至8星期內（約{date_zh(start)}至{date_zh(end)}）寄往考試中心。",
        ),
    )


def desk_answer(
    language: str, office: OfficeInfo, *, title: tuple[str, str], text: tuple[str, str]
) -> Mail:
    """One of the desk's answers (the FAQ), filled in, as an operator emails it."""
    return _compose("answer", language, office, subject=title, body=text)


def queue(
    session: Session, clock: Clock, mail: Mail, *, candidate_id: int | None, to_address: str
) -> int:
    """Put ``mail`` in the outbox inside the caller's unit of work; the message id."""
    return queue_message(
        session,
        clock,
        kind=mail.kind,
        candidate_id=candidate_id,
        to_address=to_address,
        language=mail.language,
        subject=mail.subject,
        body=mail.body,
    )
