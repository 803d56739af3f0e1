"""The sentences behind error codes, marked for Qt Linguist.

``QT_TRANSLATE_NOOP`` marks each text for ``pyside6-lupdate`` (context
"Errors") without importing Qt: the UI translates the English text when it
shows it; the command line prints the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desk_app.services.importing.messages import IMPORT_MESSAGES


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


CONTEXT = "Errors"

MESSAGES: dict[str, str] = {
    # input
    "invalid_id_number": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not an ID Number: it has 1–3 letters then 3–9 digits."
    ),
    "invalid_text": QT_TRANSLATE_NOOP(
        "Errors", "The {field} contains characters that are not allowed."
    ),
    "text_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The {field} is too long (at most {limit} characters)."
    ),
    "required": QT_TRANSLATE_NOOP("Errors", "The {field} is required."),
    "invalid_email": QT_TRANSLATE_NOOP("Errors", "“{value}” is not an email address."),
    "invalid_date": QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date (use YYYY-MM-DD)."),
    "invalid_role": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a role (operator, counter, supervisor, admin)."
    ),
    "invalid_username": QT_TRANSLATE_NOOP(
        "Errors", "A username has 2–64 lower-case letters, digits, dots, dashes or underscores."
    ),
    "reason_required": QT_TRANSLATE_NOOP("Errors", "Give a reason for this action."),
    "weak_staff_password": QT_TRANSLATE_NOOP(
        "Errors", "A staff password needs at least {min_length} characters."
    ),
    # refusals
    "permission_denied": QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not {action}."),
    "staff_login_failed": QT_TRANSLATE_NOOP("Errors", "Wrong username or password."),
    "staff_locked": QT_TRANSLATE_NOOP(
        "Errors", "Too many wrong passwords: this staff login is locked until {until}."
    ),
    "staff_exists": QT_TRANSLATE_NOOP("Errors", "A staff member “{username}” already exists."),
    "staff_inactive": QT_TRANSLATE_NOOP("Errors", "This staff account is deactivated."),
    "last_admin": QT_TRANSLATE_NOOP(
        "Errors", "The last active administrator cannot be deactivated."
    ),
    "wrong_password": QT_TRANSLATE_NOOP(
        "Errors", "Unable to authenticate user. Please check your details and try again."
    ),
    "wrong_secret": QT_TRANSLATE_NOOP("Errors", "The ID Number and Secret Number do not match."),
    "already_registered": QT_TRANSLATE_NOOP("Errors", "This ID Number is already registered."),
    "not_registered": QT_TRANSLATE_NOOP("Errors", "This ID Number has no registered account yet."),
    "password_rule": QT_TRANSLATE_NOOP(
        "Errors",
        "Passwords must have at least {min_length} characters, made up of letters "
        "and at least {min_digits} numbers.",
    ),
    "passwords_differ": QT_TRANSLATE_NOOP("Errors", "The two passwords are not the same."),
    "terms_not_accepted": QT_TRANSLATE_NOOP("Errors", "The terms of use must be accepted."),
    "verification_required": QT_TRANSLATE_NOOP(
        "Errors", "Verify the caller before acting on this candidate."
    ),
    "verification_failed": QT_TRANSLATE_NOOP(
        "Errors", "The caller's details do not match our records."
    ),
    "not_locked": QT_TRANSLATE_NOOP("Errors", "This account is not locked."),
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
    "invalid_secret": QT_TRANSLATE_NOOP("Errors", "A Secret Number is made of 4 digits."),
    "password_reused": QT_TRANSLATE_NOOP(
        "Errors", "The new password must be different from the old one."
    ),
    "same_email": QT_TRANSLATE_NOOP("Errors", "This email address is already the registered one."),
    "verification_identifier_required": QT_TRANSLATE_NOOP(
        "Errors", "Give the caller's ID Number, email or phone number as well."
    ),
    "invalid_period": QT_TRANSLATE_NOOP(
        "Errors", "Lockouts are counted per hour or per day, over a limited time."
    ),
    "letter_pdf_unavailable": QT_TRANSLATE_NOOP("Errors", "PDF letters come with Step 3."),
    "token_invalid": QT_TRANSLATE_NOOP("Errors", "This reset link is not valid or has expired."),
    "result_not_released": QT_TRANSLATE_NOOP("Errors", "These results are not released yet."),
    "no_results": QT_TRANSLATE_NOOP("Errors", "This candidate has no released results."),
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
    "database_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "The database cannot be reached ({detail}). Try again or call the administrator."
    ),
    "database_password_needed": QT_TRANSLATE_NOOP(
        "Errors", "The database asks for a password: store it with “desk-app db password”."
    ),
    "keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "No password store (keyring) is available on this computer."
    ),
    "demo_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "The database already has candidates: demo data goes only into an empty one."
    ),
    "demo_catalogue_missing": QT_TRANSLATE_NOOP(
        "Errors", "The exam catalogue lacks {exams}: run “desk-app db upgrade” first."
    ),
    "demo_candidates": QT_TRANSLATE_NOOP(
        "Errors", "The number of demo candidates must be between 1 and {limit}."
    ),
    "invalid_page": QT_TRANSLATE_NOOP(
        "Errors", "A page is a number from 0, with 1 to {limit} candidates a page."
    ),
    "search_too_many": QT_TRANSLATE_NOOP(
        "Errors", "Only the first {limit} matches can be shown: type more to narrow the search."
    ),
    "pdf_font_missing": QT_TRANSLATE_NOOP(
        "Errors", "No font with Chinese characters for PDFs was found. {hint}"
    ),
    "smtp_password_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "No password is stored for the mail server user “{username}”: "
        "store it with “desk-app mail password”.",
    ),
    "smtp_security_invalid": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a mail security mode (none, starttls or ssl)."
    ),
    "file_not_written": QT_TRANSLATE_NOOP(
        "Errors", "The file {name} could not be written: {reason}"
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
    # not found
    "candidate_not_found": QT_TRANSLATE_NOOP(
        "Errors", "No candidate has the ID Number {id_number}."
    ),
    "staff_not_found": QT_TRANSLATE_NOOP("Errors", "No staff member is called “{username}”."),
    "statement_not_found": QT_TRANSLATE_NOOP("Errors", "No statement was issued with this code."),
    "entry_not_found": QT_TRANSLATE_NOOP("Errors", "This candidate has no such exam entry."),
    "note_not_found": QT_TRANSLATE_NOOP("Errors", "No such call note."),
}

MESSAGES.update(IMPORT_MESSAGES)


def english(code: str, params: Mapping[str, Any]) -> str:
    """The English sentence for ``code``; unknown codes still give a sentence."""
    template = MESSAGES.get(code)
    if template is None:
        return code.replace("_", " ").capitalize() + "."
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
