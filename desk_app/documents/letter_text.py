"""The letter's bilingual sentences, after the seeds (FAQ and registration guide).

Words between asterisks are the website's buttons and fields, set off in the
layout the way the seeds set them in bold.
"""

from __future__ import annotations

from desk_app.documents.content import LetterContent
from desk_app.documents.wording import Pair, date_en, date_zh, moment_pair

TITLE: Pair = ("Reissued letter", "補發密碼信")
TITLE_EXAM_DAY: Pair = ("Your letter for the candidate results website", "網上查閱成績密碼信")
SUBTITLE_EXAM_DAY: Pair = (
    "Your ID Number and Secret Number for the candidate results website",
    "網上查閱成績網站的 ID Number（考生編號）及 Secret Number（密碼）",
)
RESULTS_ONLINE_LABEL = "Results online from\n網上查閱成績日期"
SUBTITLE_NEW: Pair = (
    "Your ID Number and new Secret Number for the candidate results website",
    "網上查閱成績網站的 ID Number（考生編號）及新 Secret Number（密碼）",
)
SUBTITLE_REGISTERED: Pair = (
    "Your ID Number for the candidate results website",
    "網上查閱成績網站的 ID Number（考生編號）",
)
KEEP_SAFE_NEW: Pair = (
    "Keep this letter safe. Do not share your Secret Number with anyone: "
    "our staff will never ask you for it or for your password.",
    "請妥善保管此密碼信，切勿向任何人透露你的 Secret Number（密碼）；"
    "本中心職員絕不會向你索取 Secret Number 或密碼。",
)
KEEP_SAFE_REGISTERED: Pair = (
    "Keep this letter safe. Never share your password: our staff will never ask you for it.",
    "請妥善保管此密碼信，切勿向任何人透露你的密碼；本中心職員絕不會向你索取密碼。",
)
REGISTERED_NOTE: Pair = (
    "You no longer need a Secret Number: log in with your ID Number and your password.",
    "你毋須再使用 Secret Number（密碼），請以 ID Number（考生編號）及自訂密碼登入。",
)
STEPS_HEADING_NEW: Pair = ("How to register and see your results", "登記及下載考試成績程序")
STEPS_HEADING_REGISTERED: Pair = ("Forgotten your password?", "忘記密碼？")
RULES_HEADING: Pair = ("Password and log-in rules", "密碼及登入規則")


def register_steps(website: str) -> list[Pair]:
    return [
        (
            f"Go to the candidate results website:\n*{website}*",
            f"登入網上查閱成績網站：\n*{website}*",
        ),
        ("Click the *Register* button.", "按 *Register*（登記）鍵。"),
        (
            "Enter your *ID Number* and *Secret Number*. Next, enter your *E-mail Address* "
            "and a *New Password*. Read and agree to the *Terms of Use*, then click *Submit*.",
            "輸入 *ID Number*（考生編號）及 *Secret Number*（密碼），然後再輸入閣下的 "
            "*Email Address*（電郵地址）及 *New Password*（自訂密碼）。閣下須閱讀並同意 "
            "*Terms of Use*（使用條款），然後按 *Submit*（遞交）鍵。",
        ),
        (
            "Return to the homepage and log in with your *ID Number* and the *New Password* "
            "that you created.",
            "返回網站首頁，輸入 *ID Number*（考生編號）及 *New Password*（自訂密碼）登入。",
        ),
        (
            "When your results are released, click *Statement of Result* to see how you did "
            "in each paper. Save a copy of the statement for your records.",
            "成績公佈後，按 *Statement of Result*（成績報告）鍵查閱個別試卷的成績。"
            "請務必保存此成績報告，作日後參考及記錄之用。",
        ),
    ]


def reset_steps(website: str) -> list[Pair]:
    return [
        (
            f"Go to the candidate results website:\n*{website}*",
            f"登入網上查閱成績網站：\n*{website}*",
        ),
        (
            "Under *Log in*, click *Forgotten your password?*",
            "在 *Log in*（登入）欄下按 *Forgotten your password?*（忘記密碼）。",
        ),
        (
            "Enter your *ID Number* and the email address you registered with.",
            "輸入 *ID Number*（考生編號）及登記時使用的電郵地址。",
        ),
        (
            "Open the email you receive and follow its link to choose a new password. "
            "The link works only once and only for a short time.",
            "開啟收到的電郵，按電郵內的連結設定新密碼。連結只可使用一次，並會在短時間後失效。",
        ),
        (
            "Log in with your *ID Number* and the new password.",
            "以 *ID Number*（考生編號）及新密碼登入。",
        ),
    ]


def lost_email_note(hotline: str) -> Pair:
    return (
        f"No longer have that email address? Call us on {hotline}: once we have checked "
        "who you are, we can change it for you.",
        f"如已無法使用該電郵地址，請致電 {hotline}；職員核實你的身份後，可協助你更改。",
    )


def title(content: LetterContent) -> Pair:
    return TITLE_EXAM_DAY if content.exam_day else TITLE


def subtitle(content: LetterContent) -> Pair:
    if content.exam_day:
        return SUBTITLE_EXAM_DAY
    return SUBTITLE_REGISTERED if content.registered else SUBTITLE_NEW


def results_online(content: LetterContent) -> str | None:
    """The day results go online, in both languages (the seeds' 網上查閱成績日期)."""
    day = content.results_online
    if day is None:
        return None
    return f"{date_en(day)}\n{date_zh(day)}"


def lost_letter_note(hotline: str) -> Pair:
    """On the exam-day letter: what to do if it is lost (the seeds' FAQ 2)."""
    return (
        f"If you lose this letter, call us at once on {hotline}: we will give you a new "
        "Secret Number, and the one on this letter will stop working.",
        f"如遺失此密碼信，請儘快致電 {hotline} 與我們聯絡；"
        "我們會為你發出新的 Secret Number，此密碼信上的 Secret Number 將即時失效。",
    )


def help_heading(content: LetterContent) -> Pair:
    office = content.office
    return (f"Need help? Contact the {office.name_en}", f"如有疑問，請聯絡{office.name_zh}")


def help_lines(content: LetterContent) -> list[Pair]:
    office = content.office
    return [
        (
            f"Hotline: {office.hotline}\nEmail: {office.email}",
            f"查詢熱線：{office.hotline}\n電郵：{office.email}",
        ),
        (
            f"How to read your results:\n{office.results_help}",
            f"如何閱讀成績報告：\n{office.results_help}",
        ),
    ]


def issue_lines(content: LetterContent) -> Pair:
    when_en, when_zh = moment_pair(content.issued_at, content.office.timezone)
    if content.exam_day:
        return (
            f"Printed on {when_en}. Serial {content.serial}",
            f"本信於{when_zh}打印 · 編號 {content.serial}",
        )
    n = content.reissue_count
    if content.registered:
        replaces = ("This letter replaces all earlier letters.", "本信取代所有較早發出的密碼信。")
    else:
        replaces = (
            "This letter replaces all earlier letters: their Secret Numbers no longer work.",
            "本信取代所有較早發出的密碼信，舊信上的 Secret Number 已經失效。",
        )
    return (
        f"Reissued on {when_en}. {replaces[0]} Reissue no. {n} · Serial {content.serial}",
        f"本信於{when_zh}補發。{replaces[1]}第{n}次補發 · 編號 {content.serial}",
    )
