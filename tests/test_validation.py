"""Normalising what people type."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.services.errors import BadInput
from desk_app.services.search.keys import chinese_substrings, name_words
from desk_app.services.validation import (
    clean_text,
    normalise_email,
    parse_id_number,
    phone_key,
    require_reason,
)
from desk_app.settings import IdNumberFormat

FORMAT = IdNumberFormat()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("SMR123456", "SMR123456"),
        (" smr 123 456 ", "SMR123456"),
        ("smr-123-456", "SMR123456"),
        ("ＳＭＲ１２３４５６", "SMR123456"),
        ("123456", "123456"),
        ("A123", "A123"),
    ],
)
def test_id_numbers_are_normalised(raw: str, expected: str) -> None:
    assert parse_id_number(raw, FORMAT) == expected


@pytest.mark.parametrize(
    "raw", ["", "SMR", "12", "ABCD1234", "A1234567890", "SMR12A456", "陳123456", "x" * 10_000]
)
def test_wrong_id_numbers_are_refused(raw: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_id_number(raw, FORMAT)
    assert refused.value.code == "invalid_id_number"
    assert len(str(refused.value)) < 200


def test_the_id_format_is_a_setting() -> None:
    assert parse_id_number("HK-2026-0001", IdNumberFormat(r"HK[0-9]{8}")) == "HK20260001"


def test_parse_id_number_only_ever_raises_bad_input() -> None:
    outcomes: set[str] = set()
    # any text, and text shaped like an ID Number (so the parsed branch runs too)
    id_like = st.from_regex(r"\s*[A-Za-z]{0,3}[ -]?[0-9]{3,9}\s*", fullmatch=True)

    @given(st.one_of(st.text(max_size=300), id_like))
    def check(raw: str) -> None:
        try:
            value = parse_id_number(raw, FORMAT)
        except BadInput:
            outcomes.add("refused")
            return
        assert FORMAT.matches(value)
        outcomes.add("parsed")

    check()
    assert outcomes == {"refused", "parsed"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+852 9123 4567", "91234567"),
        ("9123-4567", "91234567"),
        ("(852) 91234567", "91234567"),
        ("+886 912 345 678", "912345678"),
        ("0912 345 678", "912345678"),
        ("+886 0912 345 678", "912345678"),
    ],
)
def test_phone_keys(raw: str, expected: str) -> None:
    assert phone_key(raw) == expected


def test_text_rules() -> None:
    assert clean_text("  hello  ", "note", 10) == "hello"
    assert clean_text("two\nlines", "note", 20, multiline=True) == "two\nlines"
    for bad in ("a\x00b", "a\u202eb", "two\nlines"):
        with pytest.raises(BadInput):
            clean_text(bad, "note", 20)
    with pytest.raises(BadInput):
        clean_text("x" * 21, "note", 20)
    with pytest.raises(BadInput):
        require_reason(None)


def test_emails() -> None:
    assert normalise_email(" Tai.Man@Example.COM ") == "Tai.Man@example.com"
    for bad in ("no-at-sign", "a@b", "a b@c.com", "x@y.com\r\nBcc: all@z.com"):
        with pytest.raises(BadInput):
            normalise_email(bad)


def test_search_keys() -> None:
    assert name_words("Peter CHAN Tai-man") == ["peter", "chan", "tai", "man"]
    assert name_words("Chân Thị") == ["chan", "thi"]
    assert chinese_substrings("陳大文") == ["陳", "陳大", "陳大文", "大", "大文", "文"]
    assert chinese_substrings(None) == []
