"""Finding the PDF fonts: configured paths, system search, checks, fallback, errors."""

from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from desk_app.documents import (
    ExamLine,
    FontNotFoundError,
    FontSet,
    LetterContent,
    find_fonts,
    render_letter,
)
from desk_app.documents.fonts import _split_index
from desk_app.documents.fontsearch import FontCandidate, fontconfig_candidates
from desk_app.settings import LockoutPolicy, OfficeInfo, PasswordPolicy

WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
NOTO_CFF = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def needs(*paths: str) -> pytest.MarkDecorator:
    missing = [p for p in paths if not os.path.isfile(p)]
    return pytest.mark.skipif(bool(missing), reason=f"not installed: {missing}")


def letter(name_zh: str) -> LetterContent:
    return LetterContent(
        id_number="SMR123456",
        name_en="CHAN Tai Man",
        name_zh=name_zh,
        entries=(ExamLine("KET for Schools", "劍橋英語 KET", "July 2014", "2014年7月"),),
        secret_number="4821",
        reissue_count=1,
        serial="L-1",
        issued_at=datetime(2025, 1, 2, tzinfo=UTC),
        password=PasswordPolicy(),
        lockout=LockoutPolicy(),
        office=OfficeInfo(),
    )


def embedded_font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"].get_object()["/Font"].values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    return names


def test_this_machine_has_fonts_for_hong_kong_chinese() -> None:
    fonts = find_fonts()
    for char in "㗎嘅啱重印補發密碼信AZaz09":
        fonts.font_for(char)  # raises FontNotFoundError when no face has it
    assert fonts.regular.has("A") and fonts.regular.has("重")
    assert fonts.describe().startswith("regular ")
    assert find_fonts() is fonts  # found once, then cached


def test_bogus_paths_and_no_system_search_raise_a_clear_error() -> None:
    with pytest.raises(FontNotFoundError) as caught:
        find_fonts("/no/such/font.ttf", "/no/such/font-bold.ttf", search_system=False)
    message = str(caught.value)
    assert "/no/such/font.ttf: no such file" in message
    assert "fonts-wqy-microhei" in message and "fonts-arphic-uming" in message
    assert "pdf_font" in message


def test_an_empty_candidate_list_raises() -> None:
    with pytest.raises(FontNotFoundError, match="no candidate font files"):
        find_fonts(candidates=[])


@needs(NOTO_CFF)
def test_cff_flavoured_fonts_are_skipped() -> None:
    with pytest.raises(FontNotFoundError, match="postscript outlines"):
        find_fonts(candidates=[FontCandidate(NOTO_CFF, 3)])


@needs(DEJAVU)
def test_a_font_without_chinese_is_skipped() -> None:
    with pytest.raises(FontNotFoundError, match=r"DejaVuSans.*lacks 重印"):
        find_fonts(DEJAVU, search_system=False)


@needs(WQY, UMING)
def test_configured_path_comes_before_the_candidates() -> None:
    fonts = find_fonts(f"{UMING}#2", candidates=[FontCandidate(WQY)])
    assert (fonts.regular.path, fonts.regular.index) == (UMING, 2)
    assert fonts.regular.face_name == "UMingTW"
    assert fonts.synthetic_bold and fonts.bold == fonts.regular.name


@needs(UMING)
def test_collection_without_index_prefers_the_hong_kong_face() -> None:
    fonts = find_fonts(UMING, search_system=False)
    assert fonts.regular.face_name == "UMingHK"
    assert fonts.fallbacks == ()  # UMing HK has 㗎 itself


@needs(WQY, UMING)
def test_configured_bold_face_is_used_for_bold_text() -> None:
    fonts = find_fonts(WQY, f"{UMING}#1", search_system=False)
    assert fonts.bold_face is not None and fonts.bold_face.path == UMING
    assert not fonts.synthetic_bold
    assert fonts.runs("補發", bold=True) == [(fonts.bold, "補發")]
    pdf = render_letter(letter("陳大文"), fonts=fonts)
    assert embedded_font_names(pdf) == {"WenQuanYiMicroHei-0", "UMingHK-1"}


@needs(WQY, UMING)
def test_fallback_face_supplies_hong_kong_characters() -> None:
    fonts = find_fonts(WQY, search_system=False, candidates=[FontCandidate(UMING)])
    assert fonts.regular.face_name == "WenQuanYiMicroHei"
    assert not fonts.regular.has("㗎")
    (fallback,) = fonts.fallbacks
    assert fallback.face_name == "UMingHK"
    assert fonts.runs("陳㗎文") == [
        (fonts.regular.name, "陳"),
        (fallback.name, "㗎"),
        (fonts.regular.name, "文"),
    ]
    pdf = render_letter(letter("陳㗎文"), fonts=fonts)
    assert "陳㗎文" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert embedded_font_names(pdf) == {"WenQuanYiMicroHei-0", "UMingHK-1"}


@needs(WQY)
def test_a_character_no_face_has_stops_the_render() -> None:
    fonts = find_fonts(WQY, search_system=False)
    assert fonts.fallbacks == ()
    with pytest.raises(FontNotFoundError, match=r"U\+35CE"):
        fonts.font_for("㗎")
    with pytest.raises(FontNotFoundError, match="fonts-arphic-uming"):
        render_letter(letter("陳㗎文"), fonts=fonts)


@needs(WQY, UMING)
def test_concurrent_callers_share_one_registration() -> None:
    def find(_: int) -> FontSet:
        return find_fonts(WQY, search_system=False, candidates=[FontCandidate(UMING, 1)])

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(find, range(16)))
    assert all(r is results[0] for r in results)


def test_fontconfig_output_is_ranked_by_family_with_bold_companions() -> None:
    output = "\n".join(
        [
            "/f/noto.ttc\t3\tNoto Sans CJK TC\t80\tCFF",
            "/f/uming.ttc\t1\tAR PL UMing HK\t50\tTrueType",
            "/f/msjhbd.ttc\t0\tMicrosoft JhengHei,微軟正黑體\t200\tTrueType",
            "/f/msjh.ttc\t0\tMicrosoft JhengHei,微軟正黑體\t80\tTrueType",
            "/f/wqy.ttc\t1\tWenQuanYi Micro Hei Mono\t80\tTrueType",
            "/f/wqy.ttc\t0\tWenQuanYi Micro Hei,文泉驛微米黑\t80\tTrueType",
            "garbage line",
        ]
    )
    found = fontconfig_candidates(output)
    assert [(c.path, c.index) for c in found] == [
        ("/f/wqy.ttc", 0),
        ("/f/msjh.ttc", 0),
        ("/f/uming.ttc", 1),
    ]
    assert (found[1].bold_path, found[1].bold_index) == ("/f/msjhbd.ttc", 0)
    assert found[0].bold_path == "" and found[0].origin == "fontconfig (WenQuanYi Micro Hei)"


def test_face_index_suffix() -> None:
    assert _split_index("/x/uming.ttc#1") == ("/x/uming.ttc", 1)
    assert _split_index("/x/plain.ttf") == ("/x/plain.ttf", None)
