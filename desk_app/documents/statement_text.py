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


OVERALL_LABEL = {
    "scale": ("Overall score", "總分"),
    "shields": ("Total shields", "獎盾總數"),
    "marks": ("Overall mark", "總分"),
}


def overall_label(content: StatementContent) -> Pair:
    return OVERALL_LABEL[content.scoring]


def score_text(content: StatementContent, score: int, maximum: int) -> str:
    """A score as the exam reports it: a scale score alone, shields and marks out of the most."""
    return str(score) if content.scoring == "scale" else f"{score} / {maximum}"


def result_cells(content: StatementContent) -> list[tuple[str, str, str]]:
    """(label, value, note) of the overall result, the CEFR level (when the exam gives
    one) and the overall score, with the scale's range only for a scale score."""
    en, zh = overall_label(content)
    note = ""
    if content.scoring == "scale":
        note = f"Cambridge English Scale {content.score_min}–{content.score_max}\n劍橋英語量表"
    cells = [("Overall result\n總成績", content.grade, "")]
    if content.cefr:
        cells.append(("CEFR level\n歐洲語言共同參考框架級別", content.cefr, ""))
    cells.append((f"{en}\n{zh}", score_text(content, content.score, content.score_max), note))
    return cells


def notes(content: StatementContent) -> list[Pair]:
    return [certificate_note(content.released_on), NAME_NOTE]


def how_to_verify(content: StatementContent) -> Pair:
    """With the office's verification page: scan or type the code there. Without one:
    ask the office (hotline, email), which checks the code with the desk."""
    office = content.office
    site = office.verify_website
    if site:
        return (
            "An institution can check this statement: scan the QR code, or enter the "
            f"verification code at\n{site}",
            f"機構可掃描二維碼，或於以下網址輸入驗證碼，核實本成績報告：\n{site}",
        )
    return (
        f"An institution can check this statement with the {office.name_en}: call "
        f"{office.hotline} or email {office.email}, giving the verification code above.",
        f"機構如需核實本成績報告，請致電 {office.hotline} 或電郵 {office.email} "
        f"聯絡{office.name_zh}，並提供上列驗證碼。",
    )


def printed_lines(content: StatementContent) -> Pair:
    when_en, when_zh = moment_pair(content.printed_at, content.office.timezone)
    serial, by = content.reprint_serial, content.printed_by
    return (
        f"Reprint {serial}, printed on {when_en} by {by}.",
        f"重印編號 {serial}，由 {by} 於{when_zh}打印。",
    )


def band_lines(content: StatementContent) -> tuple[str, str]:
    """The two lines of the REPRINT band at the top of every page."""
    when_en, _ = moment_pair(content.printed_at, content.office.timezone)
    return (
        f"Serial 編號 {content.reprint_serial} · Printed 打印 {when_en} · "
        f"By 打印人 {content.printed_by}",
        f"Verification code 驗證碼 {content.verification_code} · {_verify_where(content)}",
    )


def _verify_where(content: StatementContent) -> str:
    office = content.office
    if office.verify_website:
        return bare_url(office.verify_website)
    return f"Hotline 熱線 {office.hotline}"
