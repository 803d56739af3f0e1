"""The results website's password rule, and temporary passwords that satisfy it.

The seeds: "at least 8 characters, made up of letters and at least 2
numbers". We read that as a floor, not a whitelist: symbols and spaces are
accepted too (they only make a password harder to guess, and NIST SP
800-63B asks that every printable character be allowed). Control characters
are refused. Letters are any Unicode letters; the digits counted are 0–9.
"""

from __future__ import annotations

import secrets
import string

from desk_app.services.errors import BadInput, Refused
from desk_app.services.validation import has_control_characters
from desk_app.settings import PasswordPolicy

#: no 0/O, 1/l/I: a temporary password is read out across a counter
_TEMP_LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
_TEMP_DIGITS = "23456789"
TEMP_PASSWORD_LENGTH = 10


def check_password(policy: PasswordPolicy, password: str) -> None:
    """Raise unless ``password`` meets the rule: Refused("password_rule") or BadInput."""
    if len(password) > policy.max_length:
        raise BadInput("text_too_long", field="password", limit=policy.max_length)
    if has_control_characters(password):
        raise BadInput("invalid_text", field="password")
    digits = sum(1 for ch in password if ch in string.digits)
    letters = sum(1 for ch in password if ch.isalpha())
    if (
        len(password) < policy.min_length
        or digits < policy.min_digits
        or letters < policy.min_letters
    ):
        raise Refused(
            "password_rule",
            min_length=policy.min_length,
            min_letters=policy.min_letters,
            min_digits=policy.min_digits,
        )


def temporary_password(policy: PasswordPolicy) -> str:
    """A random password that meets ``policy``, easy to read aloud."""
    length = min(max(policy.min_length, TEMP_PASSWORD_LENGTH), policy.max_length)
    digits = min(max(policy.min_digits, 2), length)
    letters = max(length - digits, 0)
    chars = [secrets.choice(_TEMP_DIGITS) for _ in range(digits)]
    chars += [secrets.choice(_TEMP_LETTERS) for _ in range(letters)]
    # a Fisher–Yates shuffle with the secrets generator
    for i in range(len(chars) - 1, 0, -1):
        j = secrets.randbelow(i + 1)
        chars[i], chars[j] = chars[j], chars[i]
    password = "".join(chars)
    check_password(policy, password)
    return password
