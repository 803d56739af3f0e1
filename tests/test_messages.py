"""One error vocabulary: each failure its own code and a true sentence; values, not prose."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from desk_app.services.accounts.password_rules import check_password
from desk_app.services.accounts.website import SECRET_LENGTHS, parse_secret
from desk_app.services.database_errors import parse_database_url, unavailable
from desk_app.services.errors import BadInput, DatabaseUnavailable, ExitStatus, Refused
from desk_app.services.message_labels import ACTIONS, FIELDS, FieldKey
from desk_app.services.messages import MESSAGES, english, render
from desk_app.services.permissions import Action
from desk_app.services.validation import id_number_error, parse_id_number
from desk_app.settings import IdNumberFormat, PasswordPolicy

SOURCE = Path(__file__).resolve().parent.parent / "desk_app"
RAISED = re.compile(
    r"\b(?:BadInput|Refused|NotFound|Locked|DeskError|PermissionDenied|DatabaseUnavailable)"
    r"\(\s*\"([a-z_]+)\"(.*?)\)",
    re.DOTALL,
)
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _sources() -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8")
        for path in SOURCE.rglob("*.py")
        if "migrations" not in path.parts and path.name != "messages.py"
    }


def test_every_code_raised_has_a_sentence() -> None:
    missing = {
        (path.name, code)
        for path, text in _sources().items()
        for code, _ in RAISED.findall(text)
        if code not in MESSAGES
    }
    assert not missing


def test_every_sentence_is_used_somewhere() -> None:
    everything = "\n".join(_sources().values())
    unused = [code for code in MESSAGES if f'"{code}"' not in everything]
    assert not unused


def test_field_parameters_are_keys_of_the_field_table() -> None:
    """No English inside a parameter: a field is named by a key the UI can translate."""
    assert set(get_args(FieldKey)) == set(FIELDS)
    fields = {
        value for text in _sources().values() for value in re.findall(r"\bfield=\"([^\"]*)\"", text)
    }
    assert fields and fields <= set(FIELDS)


def test_every_action_has_a_label() -> None:
    assert {a.value for a in Action} <= set(ACTIONS)


def test_sentences_name_fields_and_actions_through_the_tables() -> None:
    def shout(context: str, text: str) -> str:
        return f"<{context}:{text}>"

    assert render("required", {"field": "reason"}, shout) == (
        "<Errors:The {field} is required.>".replace("{field}", "<Fields:reason>")
    )
    assert english("permission_denied", {"role": "operator", "action": "view_lockouts"}) == (
        "Your role (operator) may not see the lockouts."
    )
    assert english("invalid_text", {"field": "search_text"}) == (
        "The search text contains characters that are not allowed."
    )


def test_a_translation_that_breaks_its_placeholders_falls_back_to_english() -> None:
    text = render("required", {"field": "reason"}, lambda context, source: "{oops}")
    assert text == "The reason is required."


def test_an_unknown_code_still_gives_a_sentence() -> None:
    assert english("no_such_code", {}) == "No such code."
    assert render("no_such_code", {}) is None


def test_placeholders_are_plain_names() -> None:
    for code, text in MESSAGES.items():
        for name in PLACEHOLDER.findall(text):
            assert name.isidentifier(), (code, name)


# -- the ID Number sentence says what the configured pattern accepts ------------------------


def test_the_default_id_number_sentence_is_true() -> None:
    default = IdNumberFormat()
    error = id_number_error("ZZ", default)
    sentence = str(error)
    assert sentence == (
        "“ZZ” is not an ID Number: it has 3–9 digits, with up to 3 letters before them "
        "(e.g. SMR123456 or 123456)."
    )
    # what it says is accepted is accepted: both examples, digits alone, no letters to three
    for accepted in ("SMR123456", "123456", "A123", "AB123456789", "123"):
        assert parse_id_number(accepted, default) == accepted
    for refused in ("ABCD123", "12", "1234567890"):
        with pytest.raises(BadInput):
            parse_id_number(refused, default)


@pytest.mark.parametrize(
    ("pattern", "code", "accepted"),
    [
        (r"[A-Z]{2}[0-9]{6}", "invalid_id_number_letters", "SM123456"),
        (r"[A-Z]{1,3}[0-9]{3,9}", "invalid_id_number_letters", "SMR123456"),
        (r"[0-9]{8}", "invalid_id_number_digits", "12345678"),
        (r"\d{5,7}", "invalid_id_number_digits", "123456"),
        (r"HK[0-9]{8}", "invalid_id_number_format", None),
    ],
)
def test_other_patterns_get_a_sentence_that_fits_or_names_no_rule(
    pattern: str, code: str, accepted: str | None
) -> None:
    id_format = IdNumberFormat(pattern)
    error = id_number_error("??", id_format)
    assert error.code == code
    if accepted is not None:
        assert error.params["example"] == accepted
        assert parse_id_number(accepted, id_format) == accepted


# -- the Secret Number and password sentences say what the parsers accept --------------------


def test_the_secret_number_sentence_matches_the_parser() -> None:
    shortest, longest = SECRET_LENGTHS.start, SECRET_LENGTHS.stop - 1
    assert f"{shortest} to {longest} digits" in MESSAGES["invalid_secret"]
    assert parse_secret("1" * shortest) and parse_secret("9" * longest)
    for wrong in ("1" * (shortest - 1), "1" * (longest + 1), "48a1"):
        with pytest.raises(BadInput) as refused:
            parse_secret(wrong)
        assert refused.value.code == "invalid_secret"


def test_the_password_rule_sentence_matches_the_rule() -> None:
    policy = PasswordPolicy()
    with pytest.raises(Refused) as refused:
        check_password(policy, "abcdefg1")
    assert str(refused.value) == (
        "A password needs at least 8 characters, among them at least 1 letter(s) and "
        "2 digits (0–9); other characters may be added."
    )
    check_password(policy, "a1234567")  # one letter, digits: as said
    check_password(policy, "ab cd!12")  # other characters: as said


# -- the database: each way of being unreachable its own code, exit status 5 -----------------


@pytest.mark.parametrize(
    ("url", "text", "code"),
    [
        ("sqlite:////srv/desk.db", "database is locked", "database_busy"),
        ("sqlite:////srv/desk.db", "unable to open database file", "database_file_unopenable"),
        ("sqlite:////srv/desk.db", "file is not a database", "database_not_a_database_file"),
        ("postgresql://u@db:5432/x", "Connection refused", "database_no_answer"),
        ("postgresql://u@db:5432/x", "failed to resolve host 'db'", "database_host_unknown"),
        ("postgresql://u@db:5432/x", 'database "x" does not exist', "database_missing"),
        ("postgresql://u@db/x", "fe_sendauth: no password supplied", "database_password_needed"),
        ("postgresql://u:pw@db:5432/x", "something else", "database_unavailable"),
    ],
)
def test_unreachable_databases_have_their_own_codes(url: str, text: str, code: str) -> None:
    error = unavailable(make_url(url), OperationalError("connect", {}, Exception(text)))
    assert isinstance(error, DatabaseUnavailable) and error.code == code
    assert error.status == ExitStatus.DATABASE_UNAVAILABLE == 5
    assert "pw" not in str(error) and text not in str(error)


def test_a_folder_that_cannot_be_made_is_its_own_code() -> None:
    error = unavailable(make_url("sqlite:////proc/nope/x.db"), FileNotFoundError(2, "nope"))
    assert (error.code, error.params) == ("database_folder_unusable", {"file": "/proc/nope/x.db"})
    other = unavailable(make_url("sqlite:////srv/x.db"), DatabaseError("s", {}, Exception("?")))
    assert other.code == "database_unavailable"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("not a url", "database_url_invalid"),
        ("sqlite:////tmp/a\x00b.db", "database_url_invalid"),
        ("sqlite:////tmp/\udcff.db", "database_url_invalid"),
        ("mysql://u@h/db", "database_kind_unsupported"),
    ],
)
def test_an_unusable_database_url_is_bad_input(text: str, code: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse_database_url(text)
    assert refused.value.code == code


def test_no_code_is_defined_in_two_tables() -> None:
    """The topic tables gathered into MESSAGES never define one code twice (the last
    would silently win)."""
    from desk_app.services import messages
    from desk_app.services.documents.messages import LETTER_MESSAGES
    from desk_app.services.importing.messages import IMPORT_MESSAGES
    from desk_app.services.mail.messages import MAIL_MESSAGES

    tables = [LETTER_MESSAGES, IMPORT_MESSAGES, MAIL_MESSAGES]
    source = Path(messages.__file__).read_text(encoding="utf-8")
    core = set(re.findall(r'^    "([a-z_]+)": QT_TRANSLATE_NOOP', source, re.MULTILINE))
    seen: dict[str, int] = {}
    for keys in [core, *(set(t) for t in tables)]:
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    assert {key for key, count in seen.items() if count > 1} == set()
