"""Normalising and checking what people type, before any query or change."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desk_app.services.errors import BadInput
from desk_app.services.message_labels import FieldKey
from desk_app.settings import IdNumberFormat

_SEPARATORS = re.compile(r"[\s\-_./·()（）]+")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")
_USERNAME = re.compile(r"[a-z0-9._-]{2,64}")
_NOT_DIGITS = re.compile(r"[^0-9]")
#: a date written day first: 17/05/2001, 17-5-2001, 17.05.2001, 17 05 2001
_DAY_FIRST = re.compile(r"(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{4})")


def has_control_characters(text: str) -> bool:
    # most text is printable, which str.isprintable() says at C speed; it is
    # also False for spaces other than " " (e.g. the ideographic space), which
    # are allowed: those go through the exact check
    if text.isprintable():
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def clean_text(
    text: str, field: FieldKey, limit: int, *, required: bool = True, multiline: bool = False
) -> str:
    """Trimmed text without control characters (newlines allowed when ``multiline``)."""
    value = unicodedata.normalize("NFC", text).strip()
    checked = value.replace("\n", "").replace("\r", "").replace("\t", " ") if multiline else value
    if has_control_characters(checked):
        raise BadInput("invalid_text", field=field)
    if len(value) > limit:
        raise BadInput("text_too_long", field=field, limit=limit)
    if required and not value:
        raise BadInput("required", field=field)
    return value


def normalise_id_number(raw: str) -> str:
    """Strip spaces and punctuation, upper-case (full-width letters folded too)."""
    folded = unicodedata.normalize("NFKC", raw)
    return _SEPARATORS.sub("", folded).upper()


def parse_id_number(raw: str, id_format: IdNumberFormat) -> str:
    """A normalised ID Number, or :class:`BadInput` when it cannot be one."""
    value = normalise_id_number(raw) if len(raw) <= 64 else ""
    if not value or not value.isascii() or not id_format.matches(value):
        raise id_number_error(raw, id_format)
    return value


#: the shapes of pattern a sentence can describe: optional letters, then digits
_SHAPE = re.compile(
    r"(?:\[A-Z\](?:\{(?P<l1>\d+)(?:,(?P<l2>\d+))?\})?)?"
    r"(?:\[0-9\]|\\d)\{(?P<d1>\d+)(?:,(?P<d2>\d+))?\}"
)


def _count(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def id_number_error(raw: str, id_format: IdNumberFormat) -> BadInput:
    """Why ``raw`` is not an ID Number, in words that fit the configured pattern.

    The default pattern ``[A-Z]{0,3}[0-9]{3,9}`` reads "3–9 digits, with up
    to 3 letters before them (e.g. SMR123456 or 123456)"; a pattern of
    another shape gets a sentence that names no rule rather than a wrong one.
    """
    printable = len(raw) <= 40 and not has_control_characters(raw)
    shown = (raw if printable else raw[:20] + "…").strip()
    shape = _SHAPE.fullmatch(id_format.pattern)
    if shape is None:
        return BadInput("invalid_id_number_format", value=shown)
    if shape["l1"] is None:  # "[A-Z]" alone is one letter; no "[A-Z]" at all is none
        low_letters = high_letters = 1 if id_format.pattern.startswith("[A-Z]") else 0
    else:
        low_letters = int(shape["l1"])
        high_letters = int(shape["l2"] or shape["l1"])
    low_digits = int(shape["d1"])
    high_digits = int(shape["d2"] or shape["d1"])
    digits = "123456789" * (1 + high_digits // 9)
    number = digits[: min(max(6, low_digits), high_digits)]
    letters = ("SMR" * (1 + high_letters // 3))[: min(max(3, low_letters), high_letters)]
    if high_letters == 0:
        return BadInput(
            "invalid_id_number_digits",
            value=shown,
            digits=_count(low_digits, high_digits),
            example=number,
        )
    if low_letters == 0:
        return BadInput(
            "invalid_id_number",
            value=shown,
            digits=_count(low_digits, high_digits),
            letters=high_letters,
            example=letters + number,
            short_example=number,
        )
    return BadInput(
        "invalid_id_number_letters",
        value=shown,
        letters=_count(low_letters, high_letters),
        digits=_count(low_digits, high_digits),
        example=letters + number,
    )


def normalise_email(raw: str) -> str:
    value = clean_text(raw, "email", 254)
    if not _EMAIL.fullmatch(value):
        raise BadInput("invalid_email", value=value[:60])
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def phone_key(raw: str) -> str:
    """Digits only, without a leading 852 (Hong Kong) or 886 (Taiwan) country code."""
    digits = _NOT_DIGITS.sub("", unicodedata.normalize("NFKC", raw))
    for code, national in (("852", 8), ("886", 9)):
        if digits.startswith(code) and len(digits) == len(code) + national:
            return digits[len(code) :]
    if digits.startswith("8860") and len(digits) == 13:
        return digits[4:]
    if digits.startswith("09") and len(digits) == 10:
        # a Taiwan mobile written nationally (0912 345 678) is stored as 912345678
        return digits[1:]
    return digits


def parse_date(raw: str) -> date:
    """A date written YYYY-MM-DD or DD/MM/YYYY (Hong Kong's order; / - . or a space
    between the parts): the two forms the "invalid_date" message names."""
    text = raw.strip()
    found = _DAY_FIRST.fullmatch(text)
    try:
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput("invalid_date", value=raw[:20]) from None


def parse_username(raw: str) -> str:
    value = raw.strip().lower()
    if not _USERNAME.fullmatch(value):
        raise BadInput("invalid_username")
    return value


def require_reason(raw: str | None) -> str:
    if raw is None or not raw.strip():
        raise BadInput("reason_required")
    return clean_text(raw, "reason", 500, multiline=True)
