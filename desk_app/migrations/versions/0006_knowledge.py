"""the desk's answers (``knowledge_answer``), with the seeds' FAQ as their first text

The answers operators read out or email to callers: the seeds' FAQ and
registration guide, in English and Traditional Chinese (Hong Kong), in the
words the seeds use (``translations/glossary.tsv``). Placeholders such as
``{hotline}`` are filled by the desk from the office's settings and the
candidate on screen (``services/knowledge/placeholders.py`` names them), so
no office number is written here. Supervisors edit the texts later; this
revision only writes the first version.

Revision ID: 0006_knowledge
Revises: 0005_release_letters
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from desk_app.models.base import UtcDateTime

revision: str = "0006_knowledge"
down_revision: str | None = "0005_release_letters"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (key, title_en, title_zh, body_en, body_zh), in the order the desk lists them
SEED_ANSWERS: tuple[tuple[str, str, str, str, str], ...] = (
    (
        "locked",
        "Account locked: wait, or reset the password",
        "帳戶被封鎖：等候自動解除或重設密碼",
        "Your account is locked because a wrong password was entered {lock_attempts} times "
        "in a row. It unlocks by itself in {time_left}, at {locked_until}; you can then log in "
        "again with your ID Number and your password.\n"
        "If you are not sure about your password, do not try again: use “Forgotten your "
        "password?” on the log-in page instead. Choosing a new password with the link in "
        "that email also ends the lock at once.",
        "由於連續{lock_attempts}次輸入密碼不符，閣下的帳戶已被封鎖。帳戶將於{time_left}後，"
        "即{locked_until}，自動解除封鎖，屆時可再以 ID Number（考生編號）及密碼登入。\n"
        "如不肯定密碼，請不要再嘗試登入，可改用登入頁的「Forgotten your password?」"
        "（忘記密碼）功能。以電郵內的連結設定新密碼後，帳戶的封鎖亦會即時解除。",
    ),
    (
        "secret_locked",
        "Registration blocked after wrong Secret Numbers",
        "輸入錯誤的 Secret Number：暫時不能登記",
        "Registration for your ID Number is blocked for now because a wrong Secret Number "
        "was entered too many times. You can try again in {time_left}, at {locked_until}: "
        "check the Secret Number printed on your letter first.\n"
        "If you have lost the letter, we can issue a new letter with a new Secret Number once "
        "we have checked who you are; you can then register at once.",
        "由於多次輸入錯誤的 Secret Number（密碼），閣下的 ID Number（考生編號）暫時不能登記。"
        "閣下可於{time_left}後，即{locked_until}，再試，請先核對密碼信上打印的 Secret Number。\n"
        "如已遺失密碼信，我們核實閣下的身份後，可補發載有新 Secret Number 的密碼信，"
        "閣下即可再登記。",
    ),
    (
        "how_to_register",
        "How to register on the results website",
        "如何登記網上查閱成績帳戶",
        "1. Go to the candidate results website: {website}\n"
        "2. Click the Register button.\n"
        "3. Enter your ID Number and Secret Number. Next, enter your Email Address and a New "
        "Password. Read and agree to the Terms of Use, then click Submit.\n"
        "4. Return to the homepage and log in with your ID Number and the New Password that "
        "you created.\n"
        "You will receive an email to confirm your registration, and another as soon as your "
        "results are available.\n"
        "{password_rule}",
        "1. 登入網上查閱成績網站：{website}\n"
        "2. 按 Register（登記）鍵。\n"
        "3. 輸入 ID Number（考生編號）及 Secret Number（密碼），然後再輸入閣下的 Email Address"
        "（電郵地址）及 New Password（自訂密碼）。閣下須閱讀並同意所列的 Terms of Use"
        "（使用條款），然後按 Submit（遞交）鍵。\n"
        "4. 返回網站首頁，輸入 ID Number（考生編號）及 New Password（自訂密碼）登入。\n"
        "登記成功後，閣下會收到確認電郵；成績公佈時，亦會收到電郵通知。\n"
        "{password_rule}",
    ),
    (
        "password_rule",
        "The password rule",
        "密碼規則",
        "{password_rule} Other characters may be added as well.\n"
        "Please note that your account is locked for {lock_minutes} after {lock_attempts} "
        "wrong passwords in a row.",
        "{password_rule}亦可加入其他字元。\n"
        "請注意，如連續{lock_attempts}次輸入密碼不符，帳戶將被封鎖{lock_minutes}。",
    ),
    (
        "id_and_secret",
        "What is my ID Number / Secret Number?",
        "什麼是 ID Number（考生編號）/ Secret Number（密碼）？",
        "Every candidate is given a letter about the candidate results website on the exam "
        "day. Your ID Number and Secret Number are on that letter. You need both to register "
        "at {website}; after registering, you log in with your ID Number and the password you "
        "chose, and no longer need the Secret Number.",
        "每位考生於考試當日會獲派個人密碼信，用作網上查閱成績之用，當中包括網上查閱成績日期"
        "及用來開通帳戶的 ID Number（考生編號）和 Secret Number（密碼）。登記（{website}）時"
        "須同時輸入兩者；登記後，請以 ID Number（考生編號）及自訂密碼登入，毋須再使用 "
        "Secret Number。",
    ),
    (
        "lost_letter",
        "I have lost the letter with my ID Number and Secret Number",
        "我遺失了載有 ID Number（考生編號）及 Secret Number 的密碼信，應怎麼辦？",
        "Please contact the {office} at once: call {hotline} or email {office_email}. Once we "
        "have checked who you are, we can issue a new letter with a new Secret Number; the "
        "Secret Number on the lost letter stops working at once.\n"
        "If you have registered already, you do not need the Secret Number: log in with your "
        "ID Number and your password, or use “Forgotten your password?”.",
        "請儘快與{office}職員聯絡（電話 {hotline} 或 電郵 {office_email}）。我們核實閣下的身份"
        "後，可補發載有新 Secret Number（密碼）的密碼信；遺失的密碼信上的 Secret Number "
        "會即時失效。\n"
        "如閣下已經登記，則毋須再使用 Secret Number：請以 ID Number（考生編號）及密碼登入，"
        "或使用「Forgotten your password?」（忘記密碼）功能。",
    ),
    (
        "cannot_log_in",
        "I have registered, so why can't I log in?",
        "我已經成功登記，但無法登入網站？",
        "Please use the ID Number given on the letter to log in.\n"
        "Read the message shown on the page, if any. “Unable to authenticate user. Please "
        "check your details and try again.” means the password does not match: if you are not "
        "sure about your password, use “Forgotten your password?” to reset it. Please note "
        "that your account is locked for {lock_minutes} after {lock_attempts} wrong passwords "
        "in a row.\n"
        "If you are sure that what you entered is correct, check that Compatibility View is "
        "turned on in your browser (Internet Explorer 8 or later).",
        "請使用密碼信上的 ID Number（考生編號）登入系統。\n"
        "請仔細閱讀網頁上的系統訊息（如有）。如訊息為「Unable to authenticate user. Please "
        "check your details and try again.」，即密碼不符，考生可考慮使用「Forgotten your "
        "password?」（忘記密碼）功能重設密碼。請注意，如連續{lock_attempts}次輸入密碼不符，"
        "帳戶將被封鎖{lock_minutes}。\n"
        "如確定輸入資料正確，但仍停留在網站首頁，請檢查瀏覽器的〔相容性檢視〕是否已經開啟"
        "（適用於 IE8 瀏覽器或以上版本）。",
    ),
    (
        "forgotten_password",
        "Forgotten your password?",
        "忘記密碼",
        "1. Go to the candidate results website: {website}\n"
        "2. Under Log in, click “Forgotten your password?”.\n"
        "3. Enter your ID Number and the email address you registered with.\n"
        "4. Open the email you receive and follow its link to choose a new password. The link "
        "works only once and only for a short time.\n"
        "5. Log in with your ID Number and the new password.\n"
        "No longer have that email address? Call us on {hotline}: once we have checked who "
        "you are, we can change it for you.",
        "1. 登入網上查閱成績網站：{website}\n"
        "2. 在 Log in（登入）欄下按「Forgotten your password?」（忘記密碼）。\n"
        "3. 輸入 ID Number（考生編號）及登記時使用的電郵地址。\n"
        "4. 開啟收到的電郵，按電郵內的連結設定新密碼。連結只可使用一次，並會在短時間後失效。\n"
        "5. 以 ID Number（考生編號）及新密碼登入。\n"
        "如已無法使用該電郵地址，請致電 {hotline}；職員核實閣下的身份後，可協助閣下更改。",
    ),
    (
        "release_date",
        "When are my results released?",
        "何時公佈成績？",
        "Your results for {exam} ({session}) will be released on {release_date}. Until then "
        "nobody can see them, on the website or at our office.\n"
        "If you have registered on the results website by then, you will receive an email as "
        "soon as they are available. If not, register first, then log in on or after that day.",
        "閣下{exam}（{session}）的考試成績將於{release_date}公佈。在此之前，網站及本中心"
        "均無法提供成績。\n"
        "如閣下於成績公佈前已登記網上查閱成績帳戶，成績公佈後會收到電郵通知；如尚未登記，"
        "請先登記，並於當日或之後登入查閱。",
    ),
    (
        "read_results",
        "How can I read my results?",
        "如何閱讀成績報告？",
        "Log in at {website} with your ID Number and your password. Your result is shown on "
        "the next page: click the Statement of Result button to see how you did in each "
        "paper, and save a copy of the statement for your records (you need Adobe Reader to "
        "open it).\n"
        "More information: {help_website}\n"
        "If you have further questions about downloading your results, please call the "
        "{office} at {hotline}.",
        "請以 ID Number（考生編號）及密碼於 {website} 登入。閣下的考試成績會於下頁列出；"
        "如要查詢個別試卷的成績，可按 Statement of Result（成績報告）鍵下載成績報告，"
        "並請務必保存此成績報告，作日後參考及記錄之用（須以 Adobe Reader 開啟）。\n"
        "詳情請參考：{help_website}\n"
        "如對網上查閱成績程序有任何問題，請致電 {hotline} 與{office}職員聯絡。",
    ),
    (
        "certificate",
        "When will my certificate arrive?",
        "何時收到證書？",
        "If you have passed, your certificate will be posted to your centre ({centre}) "
        "{certificate_weeks} after the results were released on {release_date}: between "
        "{certificate_from} and {certificate_to}. The centre will either send it on to you or "
        "contact you to make other arrangements.",
        "合格考生的證書將於成績公佈（{release_date}）後{certificate_weeks}內寄往考試中心"
        "（{centre}），即約{certificate_from}至{certificate_to}期間。考試中心會把證書轉寄給"
        "閣下，或與閣下聯絡作其他安排。",
    ),
    (
        "no_breakdown",
        "No breakdown by paper for this exam",
        "此考試不設個別試卷成績",
        "Please note that a breakdown of results by paper is not available for {exam}, as for "
        "Delta Module One: the Statement of Results shows the overall result only.",
        "請注意，{exam}與 Delta Module One 一樣，不設個別試卷成績：成績報告只列出整體成績。",
    ),
    (
        "name_wrong",
        "The name on the statement is wrong",
        "成績報告上的姓名有誤",
        "The name shown on the Statement of Results will be the name published on your "
        "certificate. If your name is not correct, please contact your exam centre ({centre}) "
        "immediately. Please contact your centre with any other results queries as well.",
        "成績報告上的姓名即證書上印上的姓名。如姓名有誤，請立即聯絡閣下的考試中心"
        "（{centre}）。如對成績有其他查詢，亦請聯絡考試中心。",
    ),
    (
        "registration_emails",
        "The emails after registering",
        "登記後收到的電郵",
        "After registering you receive an email that confirms the registration; you need not "
        "do anything. When your results are available, a second email tells you so, with a "
        "link to the website. Both are sent automatically: please do not reply to them. If "
        "they do not arrive, check your junk mail and the email address you registered with.",
        "登記後，閣下會收到登記成功的確認電郵，毋須作任何回應。成績公佈時，閣下會再收到"
        "電郵通知，內附網站連結。兩封電郵均由系統自動發出，請勿回覆。如未有收到，"
        "請檢查垃圾郵件及登記時使用的電郵地址。",
    ),
    (
        "contact_office",
        "How to contact us",
        "聯絡我們",
        "{office}\nHotline: {hotline}\nEmail: {office_email}\nResults website: {website}",
        "{office}\n查詢熱線：{hotline}\n電郵：{office_email}\n網上查閱成績網站：{website}",
    ),
)


def upgrade() -> None:
    table = op.create_table(
        "knowledge_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("title_zh", sa.String(length=200), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("body_zh", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_knowledge_answer_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_answer")),
        sa.UniqueConstraint("key", name=op.f("uq_knowledge_answer_key")),
    )
    op.bulk_insert(
        table,
        [
            {
                "key": key,
                "position": (number + 1) * 10,
                "title_en": title_en,
                "title_zh": title_zh,
                "body_en": body_en,
                "body_zh": body_zh,
                "version": 1,
            }
            for number, (key, title_en, title_zh, body_en, body_zh) in enumerate(SEED_ANSWERS)
        ],
    )


def downgrade() -> None:
    op.drop_table("knowledge_answer")
