"""What the search box holds, read once: which rules to try, with which keys.

No database here: :func:`classify` turns the typed text into a :class:`Query`
whose keys are normalised exactly as ``keys.py`` normalises what is stored,
so every rule is an index lookup (equality or prefix range).

How text is read (the first match decides):

* ``@`` anywhere: an email prefix.
* any Chinese character: a Chinese-name substring (plus any Latin words as
  English name words).
* only digits and phone punctuation (``+ - ( ) .`` and spaces), 4 digits or
  more: phone digits, and an ID Number when the digits fit one.
* ID-shaped once spaces and punctuation are gone (up to 3 letters then
  digits, or up to 3 letters alone): ID exact and ID prefix; a letters-only
  one is also tried as name words ("ng", "smr").
* one word with a dot, underscore or plus in it ("chan.tai", "mary_o"): an
  email prefix only; names hold none of these.
* otherwise: English name words in any order, each a prefix of a different
  word of the name.

Whatever else it is, text typed as one word (no spaces) is also an email
prefix: any beginning of an address finds it, digits and all ("chan.taiman2",
"tm2", "91234567", "chan.taiman2@gm").

Characters that cannot be in a name (``%``, ``_``, quotes, emoji …) only
separate words; they are never wildcards and never reach SQL as text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desk_app.services.errors import BadInput
from desk_app.services.search.keys import MAX_TOKEN, is_cjk, name_words
from desk_app.services.validation import normalise_id_number, phone_key

MAX_TEXT = 200
#: more typed words than this cannot all be different words of one name
MAX_WORDS = 8
#: Chinese-name substrings are stored for the first 12 characters of a name
MAX_CHINESE = 12

_ID_SHAPE = re.compile(r"[A-Z]{0,3}[0-9]{0,9}")
_PHONE_TEXT = re.compile(r"[0-9+\-().\s]+")
#: characters of an email address's local part that no name holds
_EMAIL_MARKS = frozenset("._+")
#: code points that cannot be in a UTF-8 string
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class Query:
    """The keys one search looks up; an empty tuple or None means "not this rule"."""

    kind: str
    id_number: str | None = None
    phones: tuple[str, ...] = ()
    email: str | None = None
    chinese: str | None = None
    words: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.id_number or self.phones or self.email or self.chinese or self.words)


def prefix_upper(prefix: str) -> str | None:
    """The least string above every string that starts with ``prefix`` (None: no bound).

    ``key >= prefix AND key < prefix_upper(prefix)`` is a prefix match that a
    B-tree answers as one range, with no wildcard to escape.
    """
    chars = list(prefix)
    while chars:
        code = ord(chars[-1]) + 1
        if code in _SURROGATES:
            code = _SURROGATES.stop
        if code <= 0x10FFFF:
            chars[-1] = chr(code)
            return "".join(chars)
        chars.pop()
    return None


def _check(text: str) -> str:
    value = unicodedata.normalize("NFKC", text).strip()
    if len(value) > MAX_TEXT:
        raise BadInput("text_too_long", field="search_text", limit=MAX_TEXT)
    # control characters (and lone surrogates) are refused; invisible format
    # characters (zero-width joiners in emoji, bidi marks) only separate words
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cs"):
            raise BadInput("invalid_text", field="search_text")
    return "".join(" " if unicodedata.category(ch) in ("Cf", "Co", "Cn") else ch for ch in value)


def typed_words(text: str) -> tuple[str, ...]:
    """The folded words typed, each once.

    A word typed twice counts once, as stored names keep each word once
    ("CHAN Ka Ka" is stored as the words chan and ka).
    """
    words: list[str] = []
    for word in name_words(text):
        if word[:MAX_TOKEN] not in words:
            words.append(word[:MAX_TOKEN])
    return tuple(words)


def classify(text: str) -> Query:
    """Read the search box (raises BadInput for text that is too long or has control chars)."""
    value = _check(text)
    if not value:
        return Query("empty")
    if "@" in value:
        return Query("email", email="".join(value.split()).lower()[:254])
    if any(is_cjk(ch) for ch in value):
        chinese = "".join(ch for ch in value if is_cjk(ch))
        latin = "".join(" " if is_cjk(ch) else ch for ch in value)
        words = typed_words(latin)
        if len(chinese) > MAX_CHINESE or len(words) > MAX_WORDS:
            return Query("chinese")
        return Query("chinese", chinese=chinese, words=words)
    compact = normalise_id_number(value)
    id_like = bool(compact) and compact.isascii() and _ID_SHAPE.fullmatch(compact) is not None
    # one word is also the beginning of an email address
    email: str | None = value.lower()[:254] if len(value.split()) == 1 else None
    if _PHONE_TEXT.fullmatch(value):
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) >= 4:
            phones = [phone_key(value)]
            for code in ("852", "886"):
                if digits.startswith(code) and len(digits) > len(code) and phones[0] == digits:
                    phones.append(digits[len(code) :])  # a partly typed number with its code
            return Query(
                "id" if id_like else "phone",
                id_number=compact if id_like else None,
                phones=tuple(dict.fromkeys(phones)),
                email=email,
            )
    if id_like:
        return Query(
            "id",
            id_number=compact,
            words=typed_words(value) if compact.isalpha() else (),
            email=email,
        )
    if email is not None and _EMAIL_MARKS.intersection(value):
        return Query("email", email=email)
    words = typed_words(value)
    if len(words) > MAX_WORDS:
        return Query("name", email=email)
    return Query("name", words=words, email=email)
