"""Bilingual wording shared by the letter and the statement.

Every function returns an (English, Traditional Chinese) pair built from the
policy numbers, following the seeds' phrasing (the FAQ: "locked for 30
minutes", 連續三次輸入密碼不符，帳戶將被封鎖30分鐘; the registration guide:
"at least 8 characters, made up of letters and at least 2 numbers").
"""

from __future__ import annotations

import string
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desk_app.settings import LockoutPolicy, PasswordPolicy

Pair = tuple[str, str]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ZH_DIGITS = "零一二三四五六七八九"


def bare_url(url: str) -> str:
    """``https://example.org/x`` -> ``example.org/x`` (for tight spaces)."""
    return url.removeprefix("https://").removeprefix("http://")


def office_zone(name: str) -> tzinfo:
    """The office's time zone; Hong Kong (UTC+8, no summer time) when tzdata is missing."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name == "Asia/Hong_Kong":
            return timezone(timedelta(hours=8), "HKT")
        return UTC


def local(moment: datetime, zone_name: str) -> datetime:
    return moment.astimezone(office_zone(zone_name))


def date_en(day: date) -> str:
    """``2 January 2025``"""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_zh(day: date) -> str:
    """``2025年1月2日``"""
    return f"{day.year}年{day.month}月{day.day}日"


def moment_pair(moment: datetime, zone_name: str) -> Pair:
    """``2 January 2025, 14:05 (Hong Kong time)`` / ``2025年1月2日 14:05（香港時間）``."""
    at = local(moment, zone_name)
    hk = zone_name == "Asia/Hong_Kong"
    zone_en = "Hong Kong time" if hk else zone_name
    zone_zh = "香港時間" if hk else zone_name
    clock = f"{at.hour:02d}:{at.minute:02d}"
    return f"{date_en(at)}, {clock} ({zone_en})", f"{date_zh(at)} {clock}（{zone_zh}）"


def zh_count(n: int) -> str:
    """A count before a measure word: 兩次, 三次, 十二次; Arabic digits from 100."""
    if n == 2:
        return "兩"
    if 0 <= n < 10:
        return _ZH_DIGITS[n]
    if 10 <= n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _ZH_DIGITS[tens]
        return f"{head}十{_ZH_DIGITS[ones] if ones else ''}"
    return str(n)


def duration_pair(minutes: int) -> Pair:
    """``30 minutes`` / ``30分鐘``; whole hours as hours."""
    if minutes >= 60 and minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}", f"{hours}小時"
    return f"{minutes} minute{'s' if minutes != 1 else ''}", f"{minutes}分鐘"


def example_password(policy: PasswordPolicy) -> str:
    """A password that meets the policy, in the seeds' style (Abcde123)."""
    digits = max(policy.min_digits, 0)
    letters = max(policy.min_letters, policy.min_length - digits, 1)
    word = ("A" + string.ascii_lowercase[1:] * 4)[:letters]
    numbers = ("1234567890" * 4)[:digits]
    return word + numbers


def password_rule(policy: PasswordPolicy) -> Pair:
    n, d, letters = policy.min_length, policy.min_digits, policy.min_letters
    example = example_password(policy)
    made_of = "letters" if letters <= 1 else f"at least {letters} letters"
    made_of_zh = "英文字母" if letters <= 1 else f"最少{letters}個英文字母"
    if d > 0:
        made_of += f" and at least {d} number{'s' if d != 1 else ''}"
        digits_zh = f"，當中包括最少{d}個數字"
    else:
        digits_zh = ""
    return (
        f"Your password must have at least {n} characters, made up of {made_of} (e.g. {example}).",
        f"密碼須有最少{n}個字元，由{made_of_zh}組成{digits_zh}（例如 {example}）。",
    )


def lock_rule(policy: LockoutPolicy) -> Pair:
    t = policy.threshold
    en_time, zh_time = duration_pair(policy.lock_minutes)
    wrong = "1 wrong password" if t == 1 else f"{t} wrong passwords in a row"
    en = f"Your account will be locked for {en_time} after {wrong}."
    zh = f"如連續{zh_count(t)}次輸入密碼不符，帳戶將被封鎖{zh_time}。"
    if policy.extend_on_attempt:
        en += f" Trying again while it is locked starts the {en_time} again."
        zh += f"封鎖期間再嘗試登入，{zh_time}將重新計算。"
    return en, zh


def secret_lock_rule(policy: LockoutPolicy) -> Pair:
    t = policy.secret_threshold
    en_time, zh_time = duration_pair(policy.secret_lock_minutes)
    wrong = "1 wrong Secret Number" if t == 1 else f"{t} wrong Secret Numbers in a row"
    return (
        f"Registering is also blocked for {en_time} after {wrong}.",
        f"如連續{zh_count(t)}次輸入錯誤的 Secret Number（密碼），將有{zh_time}不能登記。",
    )


def certificate_note(released_on: date) -> Pair:
    start, end = released_on + timedelta(weeks=4), released_on + timedelta(weeks=8)
    return (
        "If you have passed, your certificate will be posted to your centre 4–8 weeks after "
        f"the results are released (between {date_en(start)} and {date_en(end)}); the centre "
        "will send it on to you or contact you.",
        "合格考生的證書將於成績公佈後4至8星期內寄往考試中心"
        f"（約{date_zh(start)}至{date_zh(end)}），考試中心會轉寄給你或與你聯絡。",
    )
