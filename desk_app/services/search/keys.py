"""The normalised keys that search looks up, computed the same way everywhere.

Whoever writes a candidate (demo data, the importer, an email change) stores
these keys with it; search normalises what is typed the same way, so a
lookup is an index equality or prefix range, never a scan. (The English-name
index follows by itself: SQLite computes a candidate's keys from its name
with the same Python, PostgreSQL from the "n" tokens stored here;
``models/search_index.py``.)
"""

from __future__ import annotations

import unicodedata

from desk_app.models import SearchToken
from desk_app.models.search_index import MAX_TOKEN, fold, name_words
from desk_app.services.validation import phone_key

__all__ = [
    "MAX_TOKEN",
    "candidate_tokens",
    "chinese_substrings",
    "email_key",
    "fold",
    "is_cjk",
    "name_words",
    "phone_key_of",
    "token_rows",
]


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def chinese_substrings(name: str | None) -> list[str]:
    """Every substring of the Chinese characters of a name (names are short)."""
    if not name:
        return []
    chars = "".join(ch for ch in unicodedata.normalize("NFKC", name) if is_cjk(ch))[:12]
    found: list[str] = []
    for start in range(len(chars)):
        for end in range(start + 1, len(chars) + 1):
            piece = chars[start:end]
            if piece not in found:
                found.append(piece)
    return found


def token_rows(name_en: str, name_zh: str | None) -> list[tuple[str, str]]:
    """(kind, token) pairs: "n" for English words, "z" for Chinese substrings."""
    rows = [("n", word) for word in name_words(name_en)]
    rows += [("z", piece) for piece in chinese_substrings(name_zh)]
    return rows


def candidate_tokens(name_en: str, name_zh: str | None, candidate_id: int) -> list[SearchToken]:
    return [
        SearchToken(kind=kind, token=token, candidate_id=candidate_id)
        for kind, token in token_rows(name_en, name_zh)
    ]


def email_key(email: str | None) -> str | None:
    return email.strip().lower()[:254] if email else None


def phone_key_of(phone: str | None) -> str | None:
    if not phone:
        return None
    return phone_key(phone) or None
