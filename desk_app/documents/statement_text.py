"""The statement's bilingual wording, after the seeds' results page."""

from __future__ import annotations

from desk_app.documents.content import StatementContent
from desk_app.documents.wording import (
    Pair,
    bare_url,
    certificate_note,
    date_en,
    date_zh,
    moment_pair,
)

TITLE: Pair = ("Statement of Results", "成績報告")
PAPERS_HEADING: Pair = ("Results by paper", "各試卷成績")
NO_BREAKDOWN: Pair = (
    "A breakdown of results by paper is not available for this exam.",
    "此考試不設個別試卷成績。",
)
NAME_NOTE: Pair = (
    "The name on this statement is the name on your certificate. If it is not correct, "
    "contact your exam centre immediately.",
    "成績報告上的姓名即證書上的姓名。如姓名有誤，請立即聯絡你的考試中心。",
)


def details(content: StatementContent) -> dict[str, Pair]:
    """(label, value) of the candidate and exam details, by field."""
    name = content.name_en + (f"   {content.name_zh}" if content.name_zh else "")
    released = content.released_on
    return {
        "name": ("Name (as on certificate)\n姓名（與證書相同）", name),
        "id": ("ID Number\n考生編號", content.id_number),
        "centre": ("Centre\n考試中心", f"{content.centre_code}  {content.centre_name}"),
        "exam": ("Exam\n考試", f"{content.exam_name_en}\n{content.exam_name_zh}"),
        "session": ("Session\n考期", f"{content.session_en} · {content.session_zh}"),
        "released": ("Results released\n成績公佈日期", f"{date_en(released)}\n{date_zh(released)}"),
    }


def result_cells(content: StatementContent) -> list[tuple[str, str, str]]:
    """(label, value, note) of the overall result, the CEFR level and the overall score."""
    scale = f"Scale 分數範圍 {content.score_min}–{content.score_max}"
    return [
        ("Overall result\n總成績", content.grade, ""),
        ("CEFR level\n歐洲語言共同參考框架級別", content.cefr, ""),
        ("Overall score\n總分", str(content.score), scale),
    ]


def notes(content: StatementContent) -> list[Pair]:
    return [certificate_note(content.released_on), NAME_NOTE]


def how_to_verify(content: StatementContent) -> Pair:
    site = content.office.verify_website
    return (
        "An institution can check this statement: scan the QR code, or enter the "
        f"verification code at\n{site}",
        f"機構可掃描二維碼，或於以下網址輸入驗證碼，核實本成績報告：\n{site}",
    )


def printed_lines(content: StatementContent) -> Pair:
    when_en, when_zh = moment_pair(content.printed_at, content.office.timezone)
    serial, by = content.reprint_serial, content.printed_by
    return (
        f"Reprint {serial}, printed on {when_en} by {by}.",
        f"重印編號 {serial}，由 {by} 於{when_zh}列印。",
    )


def band_lines(content: StatementContent) -> tuple[str, str]:
    """The two lines of the REPRINT band at the top of every page."""
    when_en, _ = moment_pair(content.printed_at, content.office.timezone)
    return (
        f"Serial 編號 {content.reprint_serial} · Printed 列印 {when_en} · "
        f"By 列印人 {content.printed_by}",
        f"Verification code 驗證碼 {content.verification_code} · "
        f"{bare_url(content.office.verify_website)}",
    )
