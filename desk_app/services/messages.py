"""The sentences behind error codes, and the names of fields and actions they use.

``QT_TRANSLATE_NOOP`` marks each text for ``pyside6-lupdate`` without
importing Qt: the UI translates the English text when it shows it; the
command line prints the English. Each failure has its own code; parameters
are values (names, numbers, paths). Where a sentence names a field or an
action, the parameter holds a key of :data:`FIELDS` or :data:`ACTIONS`, and
:func:`render` puts in that key's label, translated like the sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from desk_app.services.actions.messages import PRESET_MESSAGES
from desk_app.services.audit.messages import AUDIT_MESSAGES
from desk_app.services.documents.messages import LETTER_MESSAGES
from desk_app.services.exports.messages import EXPORT_MESSAGES
from desk_app.services.importing.messages import IMPORT_MESSAGES
from desk_app.services.knowledge.messages import KNOWLEDGE_MESSAGES
from desk_app.services.live.messages import CHANGES, CHANGES_CONTEXT, LIVE_MESSAGES
from desk_app.services.mail.messages import MAIL_MESSAGES
from desk_app.services.message_labels import ACTIONS, ACTIONS_CONTEXT, FIELDS, FIELDS_CONTEXT


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


CONTEXT = "Errors"

MESSAGES: dict[str, str] = {
    # input: ID Numbers (validation.id_number_error chooses the one that fits the setting)
    "invalid_id_number": QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is not an ID Number: it has {digits} digits, with up to {letters} letters "
        "before them (e.g. {example} or {short_example}).",
    ),
    "invalid_id_number_letters": QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is not an ID Number: it has {letters} letter(s), then {digits} digits "
        "(e.g. {example}).",
    ),
    "invalid_id_number_digits": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not an ID Number: it has {digits} digits (e.g. {example})."
    ),
    "invalid_id_number_format": QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is not an ID Number as this office writes them: check it on the letter.",
    ),
    # input: text people type
    "invalid_text": QT_TRANSLATE_NOOP(
        "Errors", "The {field} contains characters that are not allowed."
    ),
    "text_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The {field} is too long (at most {limit} characters)."
    ),
    "required": QT_TRANSLATE_NOOP("Errors", "The {field} is required."),
    "invalid_email": QT_TRANSLATE_NOOP("Errors", "“{value}” is not an email address."),
    "invalid_date": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a date: write it as DD/MM/YYYY or YYYY-MM-DD."
    ),
    "invalid_role": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a role (operator, counter, supervisor, admin)."
    ),
    "invalid_username": QT_TRANSLATE_NOOP(
        "Errors",
        "A username has 2–64 characters: letters a–z, digits, dots, dashes or underscores.",
    ),
    "invalid_language": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a language of the desk (en, zh_HK)."
    ),
    "invalid_channel": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a way of getting in touch (phone, counter, email)."
    ),
    "reason_required": QT_TRANSLATE_NOOP("Errors", "Give a reason for this action."),
    "weak_staff_password": QT_TRANSLATE_NOOP(
        "Errors", "A staff password needs at least {min_length} characters."
    ),
    "password_not_text": QT_TRANSLATE_NOOP(
        "Errors",
        "The password is not valid text (UTF-8): check how it was typed or passed on.",
    ),
    "invalid_secret": QT_TRANSLATE_NOOP(
        "Errors", "A Secret Number is 4 to 8 digits (0–9), as printed on the letter."
    ),
    "passwords_differ": QT_TRANSLATE_NOOP("Errors", "The two passwords are not the same."),
    "invalid_period": QT_TRANSLATE_NOOP("Errors", "Lockouts are counted per hour or per day."),
    "period_too_long": QT_TRANSLATE_NOOP(
        "Errors", "Lockouts are counted over at most {limit} periods: choose a later start."
    ),
    "invalid_page": QT_TRANSLATE_NOOP(
        "Errors", "A page is a number from 0, with 1 to {limit} candidates a page."
    ),
    "search_too_many": QT_TRANSLATE_NOOP(
        "Errors", "Only the first {limit} matches can be shown: type more to narrow the search."
    ),
    "demo_candidates": QT_TRANSLATE_NOOP(
        "Errors", "The number of demo candidates must be between 1 and {limit}."
    ),
    "mail_limit_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The number of messages to send must be at least {minimum}."
    ),
    # input: the command line's own words
    "option_required": QT_TRANSLATE_NOOP("Errors", "Give {option} as well."),
    "staff_password_required": QT_TRANSLATE_NOOP(
        "Errors",
        "Give the staff password in {variable}, or run the command in a terminal to type it.",
    ),
    "password_stdin_required": QT_TRANSLATE_NOOP(
        "Errors", "Give the password on standard input (one line)."
    ),
    "statement_code_required": QT_TRANSLATE_NOOP(
        "Errors",
        "Give the verification code printed on the statement: desk-app statement verify CODE.",
    ),
    "statement_extra_argument": QT_TRANSLATE_NOOP(
        "Errors",
        "“{value}” is one word too many: desk-app statement takes one ID Number "
        "(to check a code: desk-app statement verify CODE).",
    ),
    # settings
    "config_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The config file {file} cannot be read: check that it is a file you may read."
    ),
    "config_not_toml": QT_TRANSLATE_NOOP(
        "Errors", "The config file {file} is not valid TOML: check it near line {line}."
    ),
    "config_setting_type": QT_TRANSLATE_NOOP(
        "Errors", "In the config file, {setting} must be a TOML {kind}."
    ),
    "config_timezone_unknown": QT_TRANSLATE_NOOP(
        "Errors",
        "In the config file, “{value}” is not a time zone (write one such as Asia/Hong_Kong).",
    ),
    "config_pattern_invalid": QT_TRANSLATE_NOOP(
        "Errors", "In the config file, the ID Number pattern “{value}” is not a regular expression."
    ),
    "smtp_username_missing": QT_TRANSLATE_NOOP(
        "Errors", "Set the mail server user ([smtp] username) in the config file first."
    ),
    "smtp_security_invalid": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a mail security mode (none, starttls or ssl)."
    ),
    "smtp_password_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "No password is stored for the mail server user “{username}”: "
        "store it with “desk-app mail password”.",
    ),
    "pdf_font_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "No font with Chinese characters for PDFs was found. Install one "
        "(on Debian: apt-get install {packages}) or set pdf_font in the config file.",
    ),
    # who may act
    "permission_denied": QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not {action}."),
    "sign_in_required": QT_TRANSLATE_NOOP(
        "Errors", "Sign in as a staff member who may {action}: add --as STAFF."
    ),
    "terminal_staff_exist": QT_TRANSLATE_NOOP(
        "Errors",
        "Staff members exist already: an administrator adds the others, signed in with --as ADMIN.",
    ),
    "terminal_first_admin": QT_TRANSLATE_NOOP(
        "Errors", "The first staff member is an administrator: add them with --role admin."
    ),
    "staff_unknown": QT_TRANSLATE_NOOP("Errors", "This sign-in is no longer valid: sign in again."),
    "staff_login_failed": QT_TRANSLATE_NOOP("Errors", "Wrong username or password."),
    "staff_unlock_failed": QT_TRANSLATE_NOOP("Errors", "Wrong password: the desk stays locked."),
    "staff_locked": QT_TRANSLATE_NOOP(
        "Errors", "Too many wrong passwords: this staff login is locked until {until}."
    ),
    "staff_exists": QT_TRANSLATE_NOOP("Errors", "A staff member “{username}” already exists."),
    "staff_inactive": QT_TRANSLATE_NOOP("Errors", "This staff account is deactivated."),
    "last_admin": QT_TRANSLATE_NOOP(
        "Errors", "The last active administrator cannot be deactivated."
    ),
    # the website's answers
    "wrong_password": QT_TRANSLATE_NOOP(
        "Errors", "Unable to authenticate user. Please check your details and try again."
    ),
    "wrong_secret": QT_TRANSLATE_NOOP("Errors", "The ID Number and Secret Number do not match."),
    "already_registered": QT_TRANSLATE_NOOP("Errors", "This ID Number is already registered."),
    "not_registered": QT_TRANSLATE_NOOP("Errors", "This ID Number has no registered account yet."),
    "password_rule": QT_TRANSLATE_NOOP(
        "Errors",
        "A password needs at least {min_length} characters, among them at least "
        "{min_letters} letter(s) and {min_digits} digits (0–9); other characters may be added.",
    ),
    "password_reused": QT_TRANSLATE_NOOP(
        "Errors", "The new password must be different from the old one."
    ),
    "terms_not_accepted": QT_TRANSLATE_NOOP("Errors", "The terms of use must be accepted."),
    "account_locked": QT_TRANSLATE_NOOP(
        "Errors",
        "Too many wrong passwords: this account is locked until {until} UTC. "
        "Try again later or use “Forgotten your password?”.",
    ),
    "secret_locked": QT_TRANSLATE_NOOP(
        "Errors",
        "Too many wrong Secret Numbers: registration for this ID Number is locked "
        "until {until} UTC.",
    ),
    "token_invalid": QT_TRANSLATE_NOOP("Errors", "This reset link is not valid or has expired."),
    # desk actions
    "verification_required": QT_TRANSLATE_NOOP(
        "Errors", "Verify the caller before acting on this candidate."
    ),
    "verification_failed": QT_TRANSLATE_NOOP(
        "Errors", "The caller's details do not match our records."
    ),
    "verification_identifier_required": QT_TRANSLATE_NOOP(
        "Errors", "Give the caller's ID Number, email or phone number as well."
    ),
    "not_locked": QT_TRANSLATE_NOOP("Errors", "This account is not locked."),
    "same_email": QT_TRANSLATE_NOOP("Errors", "This email address is already the registered one."),
    "result_not_released": QT_TRANSLATE_NOOP("Errors", "These results are not released yet."),
    "no_results": QT_TRANSLATE_NOOP("Errors", "This candidate has no released results."),
    "demo_not_empty": QT_TRANSLATE_NOOP(
        "Errors",
        "The database already has candidates or staff: demo data goes only into an empty one.",
    ),
    # the database
    "schema_newer": QT_TRANSLATE_NOOP(
        "Errors",
        "The database was upgraded by a newer Results Desk ({revision}). Update this program.",
    ),
    "schema_old": QT_TRANSLATE_NOOP(
        "Errors", "The database needs an upgrade: an administrator runs “desk-app db upgrade”."
    ),
    "schema_missing": QT_TRANSLATE_NOOP(
        "Errors", "The database is empty: run “desk-app db upgrade” first."
    ),
    "database_url_invalid": QT_TRANSLATE_NOOP(
        "Errors",
        "The database URL cannot be read: write sqlite:///FILE or "
        "postgresql+psycopg://USER@HOST/DATABASE.",
    ),
    "database_kind_unsupported": QT_TRANSLATE_NOOP(
        "Errors", "Results Desk works with SQLite or PostgreSQL, not “{kind}”."
    ),
    "database_password_not_postgresql": QT_TRANSLATE_NOOP(
        "Errors", "Only a PostgreSQL database takes a password; this one is {kind}."
    ),
    "database_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "The database {database} cannot be reached. Try again or call the administrator."
    ),
    "database_no_answer": QT_TRANSLATE_NOOP(
        "Errors",
        "The database server {server} does not answer. Try again or call the administrator.",
    ),
    "database_host_unknown": QT_TRANSLATE_NOOP(
        "Errors", "The database server {server} cannot be found: check the database URL."
    ),
    "database_missing": QT_TRANSLATE_NOOP(
        "Errors", "There is no database “{name}” on {server}: check the database URL."
    ),
    "database_folder_unusable": QT_TRANSLATE_NOOP(
        "Errors",
        "The folder of the database file {file} cannot be made: choose another place (--db).",
    ),
    "database_file_unopenable": QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {file} cannot be opened: check that you may read and write it.",
    ),
    "database_busy": QT_TRANSLATE_NOOP(
        "Errors", "The database file {file} is locked by another program. Try again in a moment."
    ),
    "database_not_a_database_file": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not a database file: check the database URL."
    ),
    "database_refused": QT_TRANSLATE_NOOP(
        "Errors", "The database refused the request; nothing was changed."
    ),
    "database_password_needed": QT_TRANSLATE_NOOP(
        "Errors", "The database asks for a password: store it with “desk-app db password”."
    ),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "No password store (keyring) is available on this computer."
    ),
    "demo_catalogue_missing": QT_TRANSLATE_NOOP(
        "Errors", "The exam catalogue lacks {exams}: run “desk-app db upgrade” first."
    ),
    # files the desk writes (services/output_files.py)
    "output_path_required": QT_TRANSLATE_NOOP("Errors", "Name the file to write."),
    "output_path_invalid": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” cannot be a file name: it holds a character files cannot have."
    ),
    "output_name_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The file name is too long (at most {limit} bytes): choose a shorter one."
    ),
    "output_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is a folder: name a file inside it instead."
    ),
    "output_folder_missing": QT_TRANSLATE_NOOP(
        "Errors", "The folder “{name}” does not exist: choose a folder that does."
    ),
    "output_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "You may not write to “{name}”: choose another folder."
    ),
    "output_disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full: “{name}” was not written. Free some space and try again."
    ),
    "output_not_written": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” could not be written; nothing was saved. Try another folder."
    ),
    "statement_issued_not_written": QT_TRANSLATE_NOOP(
        "Errors", "Statement {serial} is issued and recorded: print it again from the desk."
    ),
    "letter_issued_not_written": QT_TRANSLATE_NOOP(
        "Errors", "Letter {serial} is issued: its new Secret Number is shown here once instead."
    ),
    # not found
    "candidate_not_found": QT_TRANSLATE_NOOP(
        "Errors", "No candidate has the ID Number {id_number}."
    ),
    "staff_not_found": QT_TRANSLATE_NOOP("Errors", "No staff member is called “{username}”."),
    "statement_not_found": QT_TRANSLATE_NOOP("Errors", "No statement was issued with this code."),
    "entry_not_found": QT_TRANSLATE_NOOP("Errors", "This candidate has no such exam entry."),
    # the program itself
    "internal_error": QT_TRANSLATE_NOOP(
        "Errors", "Something went wrong; details were written to {file}."
    ),
    "internal_error_unlogged": QT_TRANSLATE_NOOP(
        "Errors", "Something went wrong, and the details could not be written to {file}."
    ),
}

MESSAGES.update(MAIL_MESSAGES)
MESSAGES.update(LETTER_MESSAGES)
MESSAGES.update(IMPORT_MESSAGES)
MESSAGES.update(LIVE_MESSAGES)
MESSAGES.update(AUDIT_MESSAGES)
MESSAGES.update(PRESET_MESSAGES)
MESSAGES.update(EXPORT_MESSAGES)
MESSAGES.update(KNOWLEDGE_MESSAGES)

#: parameters whose value is a key of a label table, and that table's context
LABELLED: dict[str, tuple[str, dict[str, str]]] = {
    "field": (FIELDS_CONTEXT, FIELDS),
    "action": (ACTIONS_CONTEXT, ACTIONS),
    "change": (CHANGES_CONTEXT, CHANGES),
}

Translate = Callable[[str, str], str]


def _as_is(context: str, text: str) -> str:
    return text


def labelled(params: Mapping[str, Any], translate: Translate = _as_is) -> dict[str, Any]:
    """``params`` with every field or action key replaced by its (translated) label."""
    shown = dict(params)
    for name, (context, table) in LABELLED.items():
        key = shown.get(name)
        if isinstance(key, str) and key in table:
            shown[name] = translate(context, table[key])
    return shown


def render(code: str, params: Mapping[str, Any], translate: Translate = _as_is) -> str | None:
    """The sentence for ``code`` through ``translate``; None for an unknown code."""
    template = MESSAGES.get(code)
    if template is None:
        return None
    values = labelled(params, translate)
    try:
        return translate(CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):
        try:  # a translation whose placeholders do not fit: the English still does
            return template.format(**labelled(params))
        except (KeyError, IndexError, ValueError):
            return template


def english(code: str, params: Mapping[str, Any]) -> str:
    """The English sentence for ``code``; unknown codes still give a sentence."""
    return render(code, params) or code.replace("_", " ").capitalize() + "."
