"""The reprinted Statement of Results: content, REPRINT on every page, chart, QR, fonts."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
import qrcode
from pypdf import PdfReader

from desk_app.documents import PaperLine, StatementContent, find_fonts, render_statement
from desk_app.documents.chart import Bar, score_chart, ticks
from desk_app.documents.qr import qr_modules, verification_url
from desk_app.settings import OfficeInfo
from tests.support.pdf import compact, flat, font_dicts, page_texts

OFFICE = OfficeInfo(verify_website="https://results.example.org/verify")


def make_statement(**changes: object) -> StatementContent:
    content = StatementContent(
        id_number="SMR123456",
        name_en="CHAN TAI MAN",
        name_zh="陳大文",
        centre_code="TW056",
        centre_name="Prestige English Centre",
        exam_name_en="Cambridge English: Key for Schools (KET)",
        exam_name_zh="劍橋英語：KET（青少年版）",
        session_en="July 2014",
        session_zh="2014年7月",
        grade="PASS WITH MERIT",
        cefr="A2",
        score=148,
        score_min=82,
        score_max=180,
        papers=(
            PaperLine("Reading and Writing", "閱讀及寫作", 151),
            PaperLine("Listening", "聆聽", 142),
            PaperLine("Speaking", "口試", 139),
        ),
        has_breakdown=True,
        released_on=date(2014, 8, 12),
        reprint_serial="R-2025-000045",
        printed_at=datetime(2025, 1, 2, 6, 5, tzinfo=UTC),
        printed_by="Wong Siu-ming",
        verification_code="7KQ4-M2XD-9RFA",
        office=OFFICE,
    )
    return replace(content, **changes)  # type: ignore[arg-type]


def delta_statement(**changes: object) -> StatementContent:
    """Delta Module One: marks out of 100, no CEFR level, no breakdown by paper."""
    return make_statement(
        exam_name_en="Delta Module One",
        exam_name_zh="Delta 單元一",
        grade="PASS WITH MERIT",
        cefr="",
        score=74,
        score_min=0,
        score_max=100,
        papers=(),
        has_breakdown=False,
        scoring="marks",
        **changes,
    )


@pytest.fixture(scope="module")
def statement() -> bytes:
    return render_statement(make_statement())


@pytest.fixture(scope="module")
def long_statement() -> bytes:
    papers = tuple(
        PaperLine(f"Paper {i:02d} Reading and Use of English", f"試卷{i:02d}閱讀", 100 + i)
        for i in range(45)
    )
    return render_statement(make_statement(papers=papers))


def test_candidate_exam_and_result(statement: bytes) -> None:
    (text,) = page_texts(statement)
    english, chinese = flat(text), compact(text)
    assert "CHAN TAI MAN" in text  # exactly as on the certificate
    assert "陳大文" in text
    assert "SMR123456" in text
    assert "TW056 Prestige English Centre" in english
    assert "Cambridge English: Key for Schools (KET)" in english
    assert "劍橋英語：KET（青少年版）" in chinese
    assert "July 2014" in english and "2014年7月" in chinese
    assert "PASS WITH MERIT" in text
    assert "A2" in text
    assert "148" in text and "CambridgeEnglishScale82–180劍橋英語量表" in compact(text)
    assert "Statement of Results" in english and "成績報告" in chinese


def test_each_paper_in_the_table_and_the_chart(statement: bytes) -> None:
    text = page_texts(statement)[0]
    english = flat(text)
    for name, zh, score in (
        ("Reading and Writing", "閱讀及寫作", "151"),
        ("Listening", "聆聽", "142"),
        ("Speaking", "口試", "139"),
    ):
        # once in the table, once as the chart's label
        assert english.count(name) == 2, name
        assert compact(text).count(zh) == 2, zh
        assert english.count(score) >= 2, score
    # the scale's ticks under the bars
    for tick in ("100", "120", "140", "160", "180"):
        assert re.search(rf"\b{tick}\b", english), tick


def test_chart_drawing_has_one_bar_per_paper_and_the_ticks() -> None:
    fonts = find_fonts()
    bars = [Bar("Overall", "總分", 148, overall=True), Bar("Listening", "聆聽", 142)]
    drawing = score_chart(fonts, bars, 82, 180, 400)
    strings = [s.text for s in drawing.getContents() if hasattr(s, "text")]
    scale = ["82", "100", "120", "140", "160", "180"]
    assert [s for s in strings if s in scale] == scale
    assert "148" in strings and "142" in strings
    assert ticks(82, 180) == [82, 100, 120, 140, 160, 180]
    assert ticks(0, 9) == [0, 2, 4, 6, 8, 9]


def test_certificate_and_name_notes(statement: bytes) -> None:
    text = page_texts(statement)[0]
    assert "posted to your centre 4–8 weeks after the results are released" in flat(text)
    assert "between 9 September 2014 and 7 October 2014" in flat(text)
    assert "證書將於成績公佈後4至8星期內寄往考試中心" in compact(text)
    assert "If it is not correct, contact your exam centre" in flat(text)


def test_reprint_marks_serial_code_and_verification(statement: bytes) -> None:
    (text,) = page_texts(statement)
    english, chinese = flat(text), compact(text)
    assert "REPRINT" in text and "重印" in text
    assert "R-2025-000045" in text
    assert "7KQ4-M2XD-9RFA" in text
    assert "Wong Siu-ming" in text
    assert "printed on 2 January 2025, 14:05 (Hong Kong time) by Wong Siu-ming" in english
    assert "由WongSiu-ming於2025年1月2日14:05（香港時間）打印" in chinese
    assert "https://results.example.org/verify" in text
    assert "enter the verification code" in english and "輸入驗證碼" in chinese


def test_reprint_on_every_page_of_a_long_statement(long_statement: bytes) -> None:
    texts = page_texts(long_statement)
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert "REPRINT" in text, number
        assert "重印" in text, number
        assert "R-2025-000045" in text, number
        assert "7KQ4-M2XD-9RFA" in text, number
        assert "Wong Siu-ming" in text, number
        assert f"Page {number}" in text and f"第{number}頁" in text
    everything = flat(" ".join(texts))
    for i in (0, 22, 44):
        assert f"Paper {i:02d} Reading and Use of English" in everything
    assert len(long_statement) <= 60_000


def test_delta_module_one_prints_only_what_the_exam_has() -> None:
    pdf = render_statement(delta_statement())
    (text,) = page_texts(pdf)
    english = flat(text)
    assert "A breakdown of results by paper is not available for this exam." in english
    assert "此考試不設個別試卷成績" in compact(text)
    assert "Delta Module One" in text and "PASS WITH MERIT" in text
    assert "Overall mark" in english and "74 / 100" in english
    # no paper table or chart, no invented scale, no empty CEFR cell
    for absent in ("Paper 試卷", "Results by paper", "Scale", "量表", "CEFR", "歐洲語言"):
        assert absent not in english, absent
    assert not re.search(r"\b(0|20|40|60|80)\b", english.replace("2014", ""))  # no axis ticks


def test_shields_are_counted_per_paper_out_of_five() -> None:
    content = make_statement(
        scoring="shields",
        grade="12 SHIELDS",
        cefr="A1",
        score=12,
        score_min=3,
        score_max=15,
        papers=(
            PaperLine("Listening", "聆聽", 4),
            PaperLine("Reading and Writing", "閱讀及寫作", 3),
            PaperLine("Speaking", "口試", 5),
        ),
    )
    (text,) = page_texts(render_statement(content))
    english = flat(text)
    assert "Total shields" in english and "獎盾總數" in text and "12 / 15" in english
    assert "4 / 5" in english and "3 / 5" in english and "5 / 5" in english
    assert "Scale" not in english and "Overall score" not in english
    assert "CEFR" in english and "A1" in text


def test_without_a_verification_address_no_qr_code_and_the_office_verifies() -> None:
    pdf = render_statement(make_statement(office=OfficeInfo()))
    (text,) = page_texts(pdf)
    english, chinese = flat(text), compact(text)
    assert "7KQ4-M2XD-9RFA" in text
    assert "scan" not in english and "QR" not in english and "二維碼" not in chinese
    assert (
        "check this statement with the Exams Customer Service Centre: call 2913 5100 or email "
        "examinations@britishcouncil.org.hk, giving the verification code above" in english
    )
    assert "請致電29135100或電郵examinations@britishcouncil.org.hk聯絡考試部顧客服務中心" in chinese
    assert "Hotline 熱線 2913 5100" in english  # the band says where to ask, not a web page
    assert "http" not in english.replace("candidates.cambridgeenglish.org", "")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    content = page.get_contents()
    assert content is not None
    assert content.get_data().count(b" re") < 60  # table backgrounds only, no QR modules


def test_the_default_settings_invent_no_verification_or_reset_address() -> None:
    office = OfficeInfo()
    assert office.verify_website == "" and office.reset_link_base == ""
    # the addresses the seeds give
    assert office.results_website == "https://candidates.cambridgeenglish.org"
    assert office.results_help == "www.britishcouncil.hk/en/exam/cambridge/results"


def test_qr_code_holds_the_verification_address() -> None:
    url = verification_url("https://results.example.org/verify", "7KQ4-M2XD-9RFA")
    assert url == "https://results.example.org/verify?code=7KQ4-M2XD-9RFA"
    assert (
        verification_url("https://x.org/v?lang=en", "A B") == "https://x.org/v?lang=en&code=A%20B"
    )
    ours = qr_modules(url)
    # an independent encoder (python-qrcode) gives the same matrix for one of the 8 masks
    matrices = []
    for mask in range(8):
        other = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=mask
        )
        other.add_data(url)
        other.make(fit=True)
        matrices.append(other.get_matrix())
    assert ours in matrices


def test_qr_is_drawn_as_vectors_not_an_image(statement: bytes) -> None:
    page = PdfReader(io.BytesIO(statement)).pages[0]
    assert "/XObject" not in page["/Resources"].get_object()  # no image anywhere
    content = page.get_contents()
    assert content is not None
    rects = content.get_data().count(b" re")
    assert rects > 150  # the QR's dark runs (and a few table backgrounds)


def test_fonts_embedded_metadata_size(statement: bytes) -> None:
    for font in font_dicts(statement):
        base = str(font["/BaseFont"])
        assert "+" in base, base
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), base
    assert b"Helvetica" not in statement
    info = PdfReader(io.BytesIO(statement)).metadata
    assert info is not None
    assert info.author == "Exams Customer Service Centre"
    assert info.title == "Statement of Results (reprint) / 成績報告（重印）"
    assert "SMR123456" not in str(info) and "CHAN" not in str(info)
    assert len(statement) <= 60_000
    assert render_statement(make_statement()) == statement


def test_hong_kong_characters_use_the_fallback_face() -> None:
    fonts = find_fonts()
    missing = "".join(c for c in "㗎" if not fonts.regular.has(c))
    if missing and not fonts.fallbacks:
        pytest.skip("no installed font has 㗎 (install fonts-arphic-uming)")
    pdf = render_statement(make_statement(name_zh="陳㗎文"))
    assert "陳㗎文" in page_texts(pdf)[0]
    assert len(pdf) <= 60_000


def test_content_validation() -> None:
    with pytest.raises(ValueError, match="has_breakdown"):
        make_statement(has_breakdown=False)
    with pytest.raises(ValueError, match="has_breakdown"):
        make_statement(papers=())
    with pytest.raises(ValueError, match="score_min"):
        make_statement(score_min=200)
    with pytest.raises(ValueError, match="timezone-aware"):
        make_statement(printed_at=datetime(2025, 1, 2))
    with pytest.raises(ValueError, match="scoring"):
        make_statement(scoring="points")


def test_a_long_printer_name_shrinks_the_band_text_instead_of_running_into_reprint() -> None:
    from desk_app.documents.fonts import find_fonts
    from desk_app.documents.styles import fit_size, text_width

    fonts = find_fonts()
    lines = ("Serial 編號 SR26-0000001 · By 打印人 " + "Demo Counter 示範櫃位職員 " * 3, "short")
    size = fit_size(fonts, lines, 7.6, 300)
    assert size < 7.6
    assert text_width(fonts, lines[0], size) <= 300 + 1e-6
    assert fit_size(fonts, ("short",), 7.6, 300) == 7.6
    # and the statement still renders with such a name
    assert render_statement(make_statement(printed_by="Demo Counter 示範櫃位職員 " * 3)).startswith(
        b"%PDF"
    )
