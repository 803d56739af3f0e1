"""The sentences of a refused out-of-date action, and the names of the changes they give.

``services/messages.py`` adds :data:`LIVE_MESSAGES` to its table (context
"Errors") and fills a ``change`` parameter from :data:`CHANGES` (context
"Changes"), so the window shows it in its language and the command line in
English.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


LIVE_MESSAGES: dict[str, str] = {
    "changed_meanwhile": QT_TRANSLATE_NOOP(
        "Errors",
        "{by} changed this candidate at {at}, after you looked: {change}. Nothing was done: "
        "look at the candidate as it is now, then act again if it is still needed.",
    ),
    "changed_meanwhile_website": QT_TRANSLATE_NOOP(
        "Errors",
        "This candidate changed on the results website at {at}, after you looked: {change}. "
        "Nothing was done: look at the candidate as it is now, then act again if it is "
        "still needed.",
    ),
}

#: what a ``change`` parameter names: the audit action that made the view out of date
CHANGES_CONTEXT = "Changes"
CHANGES: dict[str, str] = {
    "account_locked": QT_TRANSLATE_NOOP("Changes", "the account was locked (wrong passwords)"),
    "account_secret_locked": QT_TRANSLATE_NOOP(
        "Changes", "the account was locked (wrong Secret Numbers)"
    ),
    "account_registered": QT_TRANSLATE_NOOP("Changes", "the account was registered"),
    "password_changed": QT_TRANSLATE_NOOP("Changes", "the password was changed"),
    "password_reset": QT_TRANSLATE_NOOP("Changes", "the password was reset with an emailed link"),
    "account_unlocked": QT_TRANSLATE_NOOP("Changes", "the account was unlocked"),
    "reset_sent": QT_TRANSLATE_NOOP("Changes", "a password-reset email was sent"),
    "temp_password_issued": QT_TRANSLATE_NOOP("Changes", "a temporary password was issued"),
    "email_changed": QT_TRANSLATE_NOOP("Changes", "the registered email was changed"),
    "letter_reissued": QT_TRANSLATE_NOOP("Changes", "a new letter was issued"),
    "import_candidate_corrected": QT_TRANSLATE_NOOP(
        "Changes", "the candidate's details were corrected by an import"
    ),
}
