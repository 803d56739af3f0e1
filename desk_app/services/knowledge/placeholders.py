"""The placeholders an answer may hold, and filling them in.

An answer says ``call {hotline}`` rather than a number: the office's
settings and the candidate on screen give the values, in English and in
Chinese (``{time_left}`` is "24 minutes" / "24分鐘"). A value the desk does
not have (no candidate on screen, no result yet) is shown as the
placeholder's name in brackets, so the operator sees what is missing
rather than an empty gap.

Only ``{name}`` with a known name is a placeholder; anything else in braces
is refused when a supervisor saves an answer. Filling is a plain
substitution, never ``str.format`` (whose fields can reach attributes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from desk_app.services.errors import BadInput
from desk_app.services.message_labels import FieldKey

#: a value in each language: (English, Chinese)
Pair = tuple[str, str]

_FIELD = re.compile(r"\{([^{}]*)\}")

#: every placeholder, with what it stands for (shown in the editor and where a value is missing)
PLACEHOLDERS: dict[str, Pair] = {
    "office": ("the office's name", "辦事處名稱"),
    "hotline": ("the hotline", "查詢熱線"),
    "office_email": ("the office's email address", "辦事處電郵地址"),
    "website": ("the results website", "網上查閱成績網站"),
    "help_website": ("the page on reading results", "閱讀成績的網頁"),
    "lock_attempts": ("wrong passwords before a lock", "封鎖前可輸錯密碼的次數"),
    "lock_minutes": ("how long a lock lasts", "封鎖時間"),
    "password_rule": ("the password rule", "密碼規則"),
    "password_example": ("an example password", "密碼例子"),
    "certificate_weeks": ("when certificates are posted", "證書寄出時間"),
    "id_number": ("the ID Number", "考生編號"),
    "candidate_name": ("the candidate's name", "考生姓名"),
    "centre": ("the exam centre", "考試中心"),
    "exam": ("the exam", "考試名稱"),
    "session": ("the exam session", "考期"),
    "release_date": ("the release date", "成績公佈日期"),
    "certificate_from": ("the first day certificates are expected", "證書最早寄到日期"),
    "certificate_to": ("the last day certificates are expected", "證書最遲寄到日期"),
    "time_left": ("the time left of the lock", "封鎖尚餘時間"),
    "locked_until": ("when the lock ends", "封鎖解除時間"),
}

#: the placeholders whose value changes while the candidate stays on screen
TIMED = frozenset({"time_left"})


def placeholders_in(text: str) -> list[str]:
    """The names between braces in ``text``, in order (known or not)."""
    return _FIELD.findall(text)


def check_placeholders(text: str, field: FieldKey) -> None:
    """Refuse a name in braces that is not a placeholder (BadInput ``answer_placeholder``)."""
    for name in placeholders_in(text):
        if name not in PLACEHOLDERS:
            raise BadInput("answer_placeholder", name=name[:40], field=field)
    if text.count("{") != text.count("}"):
        raise BadInput("answer_braces", field=field)


def missing(name: str, language: str) -> str:
    """How a placeholder without a value reads: ``[the release date]`` / ``〔成績公佈日期〕``."""
    en, zh = PLACEHOLDERS.get(name, (name, name))
    return f"〔{zh}〕" if language == "zh_HK" else f"[{en}]"


def fill(text: str, values: Mapping[str, Pair], language: str) -> str:
    """``text`` with each known placeholder replaced by its value in ``language``."""
    index = 1 if language == "zh_HK" else 0

    def value(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in PLACEHOLDERS:
            return found.group(0)
        pair = values.get(name)
        return pair[index] if pair is not None else missing(name, language)

    return _FIELD.sub(value, text)
