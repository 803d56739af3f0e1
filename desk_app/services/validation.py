"""Normalising and checking what people type, before any query or change."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desk_app.services.errors import BadInput
from desk_app.settings import IdNumberFormat

_SEPARATORS = re.compile(r"[\s\-_./·()（）]+")
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")
_USERNAME = re.compile(r"[a-z0-9._-]{2,64}")
_NOT_DIGITS = re.compile(r"[^0-9]")


def has_control_characters(text: str) -> bool:
    # most text is printable, which str.isprintable() says at C speed; it is
    # also False for spaces other than " " (e.g. the ideographic space), which
    # are allowed: those go through the exact check
    if text.isprintable():
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in text)


def clean_text(
    text: str, field: str, limit: int, *, required: bool = True, multiline: bool = False
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
    shown = raw if len(raw) <= 40 and not has_control_characters(raw) else raw[:20] + "…"
    value = normalise_id_number(raw) if len(raw) <= 64 else ""
    if not value or not value.isascii() or not id_format.matches(value):
        raise BadInput("invalid_id_number", value=shown.strip())
    return value


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
    try:
        return date.fromisoformat(raw.strip())
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
