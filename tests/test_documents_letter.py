"""The reissued letter: bilingual content, policy numbers, embedded fonts, one page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from desk_app.documents import ExamLine, LetterContent, render_letter
from desk_app.documents.letter import render_letters
from desk_app.documents.wording import example_password, lock_rule, password_rule, zh_count
from desk_app.settings import LockoutPolicy, OfficeInfo, PasswordPolicy
from tests.support.pdf import compact, flat, font_descriptor, font_dicts, page_texts

BASE14 = {
    "Courier",
    "Helvetica",
    "Times-Roman",
    "Symbol",
    "ZapfDingbats",
    "Times-Bold",
    "Helvetica-Bold",
}

#: not the seeds' numbers, so the letter can only have them from the policy
POLICY = PasswordPolicy(min_length=10, min_digits=3)
LOCKOUT = LockoutPolicy(threshold=5, lock_minutes=45, secret_threshold=4, secret_lock_minutes=20)


def make_letter(**changes: object) -> LetterContent:
    content = LetterContent(
        id_number="SMR123456",
        name_en="CHAN Tai Man",
        name_zh="陳大文",
        entries=(
            ExamLine(
                "Cambridge English: Key for Schools (KET)",
                "劍橋英語：KET（青少年版）",
                "July 2014",
                "2014年7月",
            ),
        ),
        secret_number="4821",
        reissue_count=2,
        serial="L-2025-000123",
        issued_at=datetime(2025, 1, 2, 6, 5, tzinfo=UTC),
        password=POLICY,
        lockout=LOCKOUT,
        office=OfficeInfo(hotline="2913 5100", email="examinations@britishcouncil.org.hk"),
    )
    return replace(content, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def new_letter() -> bytes:
    return render_letter(make_letter())


@pytest.fixture(scope="module")
def registered_letter() -> bytes:
    return render_letter(make_letter(secret_number=None))


def test_unregistered_letter_shows_name_id_and_secret(new_letter: bytes) -> None:
    (text,) = page_texts(new_letter)
    assert "CHAN Tai Man" in text
    assert "陳大文" in text
    assert "SMR123456" in text
    assert "4821" in text
    assert "Reissued letter" in text and "補發密碼信" in text
    assert "Secret Number" in flat(text)


def test_letter_has_the_registration_steps_in_both_languages(new_letter: bytes) -> None:
    text = page_texts(new_letter)[0]
    assert "https://candidates.cambridgeenglish.org" in text
    for phrase in ("Click the Register button.", "then click Submit.", "Statement of Result"):
        assert phrase in flat(text)
    for phrase in ("按Register（登記）鍵", "Submit（遞交）鍵", "返回網站首頁"):
        assert phrase in compact(text)


def test_rules_come_from_the_policy_numbers(new_letter: bytes) -> None:
    text = page_texts(new_letter)[0]
    english, chinese = flat(text), compact(text)
    assert "at least 10 characters, made up of letters and at least 3 numbers" in english
    assert f"(e.g. {example_password(POLICY)})" in english
    assert example_password(POLICY) == "Abcdefg123"
    assert "locked for 45 minutes after 5 wrong passwords in a row" in english
    assert "blocked for 20 minutes after 4 wrong Secret Numbers in a row" in english
    assert "最少10個字元" in chinese and "最少3個數字" in chinese
    assert "連續五次輸入密碼不符，帳戶將被封鎖45分鐘" in chinese
    assert "連續四次輸入錯誤的SecretNumber" in chinese
    # the seeds' own numbers are nowhere
    assert "30 minutes" not in english and "連續三次" not in chinese


def test_default_policy_reads_like_the_seeds() -> None:
    en, zh = lock_rule(LockoutPolicy())
    assert en == "Your account will be locked for 30 minutes after 3 wrong passwords in a row."
    assert zh == "如連續三次輸入密碼不符，帳戶將被封鎖30分鐘。"
    en, zh = password_rule(PasswordPolicy())
    assert "at least 8 characters, made up of letters and at least 2 numbers" in en
    assert "最少8個字元" in zh and "最少2個數字" in zh
    assert [zh_count(n) for n in (1, 2, 3, 10, 12, 20, 45, 100)] == [
        "一",
        "兩",
        "三",
        "十",
        "十二",
        "二十",
        "四十五",
        "100",
    ]


def test_lock_rule_mentions_extension_when_configured() -> None:
    en, zh = lock_rule(LockoutPolicy(extend_on_attempt=True, lock_minutes=60))
    assert "locked for 1 hour" in en and "starts the 1 hour again" in en
    assert "封鎖1小時" in zh and "重新計算" in zh


def test_help_issue_date_reissue_count_and_serial(new_letter: bytes) -> None:
    text = page_texts(new_letter)[0]
    english, chinese = flat(text), compact(text)
    assert "2913 5100" in text
    assert "examinations@britishcouncil.org.hk" in text
    # 06:05 UTC is 14:05 in Hong Kong
    assert "Reissued on 2 January 2025, 14:05 (Hong Kong time)" in english
    assert "2025年1月2日14:05（香港時間）補發" in chinese
    assert "replaces all earlier letters" in english
    assert "Reissue no. 2" in english and "第2次補發" in chinese
    assert "L-2025-000123" in text


def test_keep_safe_line(new_letter: bytes) -> None:
    text = page_texts(new_letter)[0]
    assert "Keep this letter safe. Do not share your Secret Number" in flat(text)
    assert "請妥善保管此密碼信，切勿向任何人透露你的SecretNumber" in compact(text)


def test_registered_letter_has_no_secret_and_the_reset_steps(registered_letter: bytes) -> None:
    (text,) = page_texts(registered_letter)
    english, chinese = flat(text), compact(text)
    assert "SMR123456" in text and "陳大文" in text
    assert "4821" not in text
    assert "Secret Number 密碼" not in english  # no secret panel
    assert "Forgotten your password?" in english and "忘記密碼" in chinese
    assert "email address you registered with" in english
    assert "登記時使用的電郵地址" in chinese
    assert "Already registered" in english and "已經登記" in chinese
    assert "Keep this letter safe. Never share your password" in english
    # the password and lock rules still apply
    assert "locked for 45 minutes after 5 wrong passwords in a row" in english


def test_every_font_is_an_embedded_truetype_subset(new_letter: bytes) -> None:
    fonts = font_dicts(new_letter)
    assert fonts
    for font in fonts:
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in BASE14
        assert re.fullmatch(r"[A-Z]{6}\+.+", base), base  # a subset
        assert "/FontFile2" in font_descriptor(font), base
    assert b"Helvetica" not in new_letter


def test_metadata_names_the_office_and_no_candidate(new_letter: bytes) -> None:
    info = PdfReader(io.BytesIO(new_letter)).metadata
    assert info is not None
    assert info.title == "Reissued letter / 補發密碼信"
    assert info.author == "Exams Customer Service Centre"
    for field in (info.title, info.subject, info.get("/Keywords", "")):
        for personal in ("SMR123456", "CHAN", "陳大文", "4821"):
            assert personal not in str(field)


def test_size_and_determinism(new_letter: bytes, registered_letter: bytes) -> None:
    assert len(new_letter) <= 60_000
    assert len(registered_letter) <= 60_000
    assert render_letter(make_letter()) == new_letter


def test_many_entries_and_long_names_still_fit_one_page() -> None:
    entries = tuple(
        ExamLine(
            f"Cambridge English: Advanced (CAE) part {i}",
            f"劍橋英語：高級 第{i}部分",
            "December 2024",
            "2024年12月",
        )
        for i in range(8)
    )
    long_name = "CHAN TAI MAN ALEXANDER CHRISTOPHER MAXIMILIAN WELLINGTON-SMYTHE"
    pdf = render_letter(make_letter(entries=entries, name_en=long_name))
    texts = page_texts(pdf)
    assert len(texts) == 1
    assert "part 7" in texts[0]
    assert "L-2025-000123" in texts[0]  # the issue block at the bottom is still there


def test_office_time_zone_and_hong_kong_time() -> None:
    issued = datetime(2025, 6, 30, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    text = flat(page_texts(render_letter(make_letter(issued_at=issued)))[0])
    assert "Reissued on 1 July 2025, 12:30 (Hong Kong time)" in text


def test_a_letter_without_exam_entries_leaves_the_row_out() -> None:
    (text,) = page_texts(render_letter(make_letter(entries=())))
    assert "SMR123456" in text and "4821" in text
    assert "Exam and session" not in text


def test_content_rejects_naive_times_and_bad_counts() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        make_letter(issued_at=datetime(2025, 1, 2, 6, 5))
    with pytest.raises(ValueError, match="reissue_count"):
        make_letter(reissue_count=-1)
    with pytest.raises(ValueError, match="exam-day letter carries a Secret Number"):
        make_letter(reissue_count=0, secret_number=None)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_reads_the_same_letter(new_letter: bytes) -> None:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=new_letter,
        capture_output=True,
        check=True,
    )
    text = done.stdout.decode()
    assert "SMR123456" in text and "4821" in text and "陳大文" in text
    assert "連續五次輸入密碼不符" in compact(text)


def test_the_exam_day_letter_has_no_reissue_wording_and_says_when_results_go_online() -> None:
    letter = make_letter(reissue_count=0, results_online=date(2014, 8, 16), serial="L00000007-0")
    (text,) = page_texts(render_letter(letter))
    english, chinese = flat(text), compact(text)
    assert "Your letter for the candidate results website" in english
    assert "網上查閱成績密碼信" in chinese
    assert "SMR123456" in text and "4821" in text
    # the seeds' Chinese letter: 當中包括網上查閱成績日期
    assert "Results online from 網上查閱成績日期 16 August 2014 2014年8月16日" in english
    assert "Printed on 2 January 2025, 14:05 (Hong Kong time). Serial L00000007-0" in english
    assert "If you lose this letter, call us at once on 2913 5100" in english
    assert "如遺失此密碼信，請儘快致電29135100與我們聯絡" in chinese
    for reissue_word in ("Reissue", "reissue", "replaces", "補發", "取代"):
        assert reissue_word not in text, reissue_word


def test_a_reissued_letter_also_says_when_results_go_online() -> None:
    (text,) = page_texts(render_letter(make_letter(results_online=date(2014, 8, 16))))
    assert "Results online from 網上查閱成績日期 16 August 2014 2014年8月16日" in flat(text)
    assert "Reissued letter" in text
    (without,) = page_texts(render_letter(make_letter()))
    assert "Results online" not in flat(without)


def test_a_batch_has_one_page_per_letter_each_with_its_own_serial() -> None:
    letters = [
        make_letter(
            reissue_count=0,
            id_number=f"KLT00{n}",
            secret_number=f"{n}{n}{n}{n}",
            serial=f"L0000000{n}-0",
            results_online=date(2014, 8, 16),
        )
        for n in range(1, 4)
    ]
    # one with many exams, which the single-letter renderer would shrink too
    letters[1] = replace(letters[1], entries=letters[1].entries * 9)
    pages: list[tuple[int, int]] = []
    pdf = render_letters(letters, progress=lambda page, total: pages.append((page, total)))
    texts = page_texts(pdf)
    assert len(texts) == 3
    assert pages == [(1, 3), (2, 3), (3, 3)]
    for n, text in enumerate(texts, start=1):
        assert f"KLT00{n}" in text and f"{n}{n}{n}{n}" in text
        assert flat(text).count(f"L0000000{n}-0") == 3  # both printed lines and the footer
        others = {f"L0000000{m}-0" for m in range(1, 4)} - {f"L0000000{n}-0"}
        assert not any(serial in text for serial in others)
    with pytest.raises(ValueError):
        render_letters([])
