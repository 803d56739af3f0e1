"""The words of the audit view: a name per kind of event and a sentence per event.

Marked with ``QT_TRANSLATE_NOOP`` (contexts "AuditActions", "AuditEvents",
"AuditMail") so the window shows them in the staff member's language; the
exported CSV carries them in the language of the window that wrote it, or
in English. :mod:`desk_app.services.audit.describe` chooses a sentence and
its values from an event's details. A kind not listed here (a newer desk
wrote it) is still shown: by its code, in :data:`UNKNOWN`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


ACTIONS_CONTEXT = "AuditActions"
#: every kind of event the desk writes, with the name the filter offers, in this order
ACTION_NAMES: dict[str, str] = {
    "staff_login": QT_TRANSLATE_NOOP("AuditActions", "Desk sign-in"),
    "staff_login_failed": QT_TRANSLATE_NOOP("AuditActions", "Failed desk sign-in"),
    "staff_logout": QT_TRANSLATE_NOOP("AuditActions", "Desk sign-out"),
    "reason_presets_changed": QT_TRANSLATE_NOOP("AuditActions", "Reasons offered changed"),
    "staff_screen_locked": QT_TRANSLATE_NOOP("AuditActions", "Desk locked"),
    "staff_screen_unlocked": QT_TRANSLATE_NOOP("AuditActions", "Desk unlocked"),
    "staff_unlock_failed": QT_TRANSLATE_NOOP("AuditActions", "Failed desk unlock"),
    "candidate_viewed": QT_TRANSLATE_NOOP("AuditActions", "Candidate opened"),
    "timeline_viewed": QT_TRANSLATE_NOOP("AuditActions", "Lock timeline viewed"),
    "caller_verified": QT_TRANSLATE_NOOP("AuditActions", "Caller verified"),
    "caller_verification_failed": QT_TRANSLATE_NOOP("AuditActions", "Caller verification failed"),
    "account_unlocked": QT_TRANSLATE_NOOP("AuditActions", "Early unlock"),
    "reset_sent": QT_TRANSLATE_NOOP("AuditActions", "Password-reset email"),
    "temp_password_issued": QT_TRANSLATE_NOOP("AuditActions", "Temporary password"),
    "email_changed": QT_TRANSLATE_NOOP("AuditActions", "Registered email changed"),
    "letter_reissued": QT_TRANSLATE_NOOP("AuditActions", "Letter reissued"),
    "statement_printed": QT_TRANSLATE_NOOP("AuditActions", "Statement reprinted"),
    "note_added": QT_TRANSLATE_NOOP("AuditActions", "Call note"),
    "letters_batch_printed": QT_TRANSLATE_NOOP("AuditActions", "Exam-day letters printed"),
    "statement_verified": QT_TRANSLATE_NOOP("AuditActions", "Statement checked by an institution"),
    "account_registered": QT_TRANSLATE_NOOP("AuditActions", "Registered on the website"),
    "account_locked": QT_TRANSLATE_NOOP("AuditActions", "Account locked"),
    "account_secret_locked": QT_TRANSLATE_NOOP("AuditActions", "Registration locked"),
    "password_changed": QT_TRANSLATE_NOOP("AuditActions", "Password changed on the website"),
    "password_reset": QT_TRANSLATE_NOOP("AuditActions", "Password reset with the emailed link"),
    "mail_sent": QT_TRANSLATE_NOOP("AuditActions", "Email delivered"),
    "mail_failed": QT_TRANSLATE_NOOP("AuditActions", "Email not delivered"),
    "mail_withdrawn": QT_TRANSLATE_NOOP("AuditActions", "Email withdrawn"),
    "results_released": QT_TRANSLATE_NOOP("AuditActions", "Results released"),
    "data_imported": QT_TRANSLATE_NOOP("AuditActions", "File imported"),
    "import_candidate_corrected": QT_TRANSLATE_NOOP(
        "AuditActions", "Candidate corrected by an import"
    ),
    "import_result_corrected": QT_TRANSLATE_NOOP("AuditActions", "Result corrected by an import"),
    "import_result_withdrawn": QT_TRANSLATE_NOOP("AuditActions", "Result withdrawn by an import"),
    "results_exported": QT_TRANSLATE_NOOP("AuditActions", "Results exported"),
    "audit_exported": QT_TRANSLATE_NOOP("AuditActions", "Audit trail exported"),
    "search_exported": QT_TRANSLATE_NOOP("AuditActions", "Search results exported"),
    "lockouts_exported": QT_TRANSLATE_NOOP("AuditActions", "Lockout history exported"),
    "answer_edited": QT_TRANSLATE_NOOP("AuditActions", "Answer edited"),
    "answer_emailed": QT_TRANSLATE_NOOP("AuditActions", "Answer emailed"),
    "staff_added": QT_TRANSLATE_NOOP("AuditActions", "Staff member added"),
    "staff_deactivated": QT_TRANSLATE_NOOP("AuditActions", "Staff member deactivated"),
    "demo_data_created": QT_TRANSLATE_NOOP("AuditActions", "Demo data made"),
}

EVENTS_CONTEXT = "AuditEvents"
#: what happened, one sentence per event; the placeholders are filled from its details
SENTENCES: dict[str, str] = {
    "staff_login": QT_TRANSLATE_NOOP("AuditEvents", "Signed in to the desk"),
    "staff_login_failed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Wrong password at the desk's sign-in for {username}"
    ),
    "staff_login_failed_locked": QT_TRANSLATE_NOOP(
        "AuditEvents", "Wrong password at the desk's sign-in for {username}: sign-in locked"
    ),
    "staff_logout": QT_TRANSLATE_NOOP("AuditEvents", "Signed out of the desk"),
    "reason_presets_changed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Changed the reasons offered for “{preset_action}”"
    ),
    "staff_logout_switch": QT_TRANSLATE_NOOP(
        "AuditEvents", "Signed out of the desk for another staff member to sign in"
    ),
    "staff_screen_locked": QT_TRANSLATE_NOOP("AuditEvents", "Locked the desk by hand"),
    "staff_screen_locked_idle": QT_TRANSLATE_NOOP(
        "AuditEvents", "The desk locked itself after {minutes} minutes without use"
    ),
    "staff_screen_unlocked": QT_TRANSLATE_NOOP("AuditEvents", "Unlocked the desk"),
    "staff_unlock_failed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Wrong password at the locked desk for {username}"
    ),
    "staff_unlock_failed_locked": QT_TRANSLATE_NOOP(
        "AuditEvents", "Wrong password at the locked desk for {username}: sign-in locked"
    ),
    "candidate_viewed": QT_TRANSLATE_NOOP("AuditEvents", "Opened the details of {id_number}"),
    "timeline_viewed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Looked at the lock timeline of {id_number}"
    ),
    "caller_verified": QT_TRANSLATE_NOOP("AuditEvents", "Verified the caller for {id_number}"),
    "caller_verified_document": QT_TRANSLATE_NOOP(
        "AuditEvents", "Saw the identity document of {id_number}: {document}"
    ),
    "caller_verification_failed": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "Caller verification failed for {id_number} ({failures} failures in 24 hours)",
    ),
    "caller_verification_failed_flagged": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "Caller verification failed for {id_number}: {failures} failures in 24 hours, flagged",
    ),
    "account_unlocked": QT_TRANSLATE_NOOP(
        "AuditEvents", "Unlocked the account of {id_number} early"
    ),
    "reset_sent": QT_TRANSLATE_NOOP(
        "AuditEvents", "Queued a password-reset email for {id_number} to {to}"
    ),
    "temp_password_issued": QT_TRANSLATE_NOOP(
        "AuditEvents", "Gave {id_number} a temporary password"
    ),
    "temp_password_issued_unlocked": QT_TRANSLATE_NOOP(
        "AuditEvents", "Gave {id_number} a temporary password, which ended the lock"
    ),
    "email_changed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Changed the registered email of {id_number} from {old} to {new}"
    ),
    "letter_reissued": QT_TRANSLATE_NOOP(
        "AuditEvents", "Reissued the letter of {id_number} with a new Secret Number ({serial})"
    ),
    "letter_reissued_registered": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "Reissued the letter of {id_number} without a Secret Number: already registered ({serial})",
    ),
    "statement_printed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Reprinted the Statement of Results of {id_number} ({exam}, {serial})"
    ),
    "note_added": QT_TRANSLATE_NOOP("AuditEvents", "Added a call note for {id_number}"),
    "note_added_counter": QT_TRANSLATE_NOOP("AuditEvents", "Added a counter note for {id_number}"),
    "letters_batch_printed": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "Printed {count} exam-day letters for centre {centre} ({new} new, {reissued} again)",
    ),
    "statement_verified": QT_TRANSLATE_NOOP(
        "AuditEvents", "An institution checked statement {serial} of {id_number}"
    ),
    "account_registered": QT_TRANSLATE_NOOP(
        "AuditEvents", "{id_number} registered on the results website"
    ),
    "account_locked": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "The account of {id_number} was locked after {failures} wrong passwords, until {until}",
    ),
    "account_secret_locked": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "Registration for {id_number} was locked after {failures} wrong Secret Numbers, "
        "until {until}",
    ),
    "password_changed": QT_TRANSLATE_NOOP(
        "AuditEvents", "{id_number} changed the password on the results website"
    ),
    "password_reset": QT_TRANSLATE_NOOP(
        "AuditEvents", "{id_number} set a new password with the emailed link"
    ),
    "password_reset_unlocked": QT_TRANSLATE_NOOP(
        "AuditEvents", "{id_number} set a new password with the emailed link, which ended the lock"
    ),
    "mail_sent": QT_TRANSLATE_NOOP("AuditEvents", "Email delivered: {mail}"),
    "mail_failed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Email not delivered after {attempts} attempts: {mail}"
    ),
    "mail_withdrawn": QT_TRANSLATE_NOOP("AuditEvents", "Email withdrawn before delivery: {mail}"),
    "results_released": QT_TRANSLATE_NOOP(
        "AuditEvents", "Results released: {entries} entries, {emails} emails queued"
    ),
    "data_imported": QT_TRANSLATE_NOOP(
        "AuditEvents",
        "Imported {file}: {rows} rows, {new_candidates} new candidates, "
        "{changed_candidates} corrected",
    ),
    "import_candidate_corrected": QT_TRANSLATE_NOOP(
        "AuditEvents", "An import corrected the details of {id_number} (line {line})"
    ),
    "import_result_corrected": QT_TRANSLATE_NOOP(
        "AuditEvents", "An import corrected the {exam} result of {id_number} (line {line})"
    ),
    "import_result_withdrawn": QT_TRANSLATE_NOOP(
        "AuditEvents", "An import withdrew the {exam} result of {id_number} (line {line})"
    ),
    "results_exported": QT_TRANSLATE_NOOP(
        "AuditEvents", "Exported {rows} rows of results to {file}"
    ),
    "audit_exported": QT_TRANSLATE_NOOP("AuditEvents", "Exported {rows} audit events to {file}"),
    "search_exported": QT_TRANSLATE_NOOP(
        "AuditEvents", "Exported the {rows} candidates found for “{query}” to {file}"
    ),
    "lockouts_exported": QT_TRANSLATE_NOOP(
        "AuditEvents", "Exported {rows} rows of the lockout history ({first} to {last}) to {file}"
    ),
    "answer_edited": QT_TRANSLATE_NOOP(
        "AuditEvents", "Edited the desk's answer “{answer}”, now version {version}"
    ),
    "answer_emailed": QT_TRANSLATE_NOOP(
        "AuditEvents", "Emailed the desk's answer “{answer}” to {id_number} at {to}"
    ),
    "staff_added": QT_TRANSLATE_NOOP("AuditEvents", "Added staff member {username} as {role}"),
    "staff_deactivated": QT_TRANSLATE_NOOP("AuditEvents", "Deactivated staff member {username}"),
    "demo_data_created": QT_TRANSLATE_NOOP(
        "AuditEvents", "Made demo data: {candidates} candidates"
    ),
}
#: an event of a kind this desk does not know (written by a newer one)
UNKNOWN = QT_TRANSLATE_NOOP("AuditEvents", "Recorded “{action}”")

MAIL_CONTEXT = "AuditMail"
#: the outbox's kinds of email, as a ``{mail}`` value names them
MAIL_KINDS: dict[str, str] = {
    "registered": QT_TRANSLATE_NOOP("AuditMail", "registration confirmation"),
    "password_reset": QT_TRANSLATE_NOOP("AuditMail", "password-reset link"),
    "temp_password": QT_TRANSLATE_NOOP("AuditMail", "temporary-password notice"),
    "email_changed_old": QT_TRANSLATE_NOOP("AuditMail", "changed-email notice to the old address"),
    "email_changed_new": QT_TRANSLATE_NOOP(
        "AuditMail", "changed-email confirmation to the new address"
    ),
    "letter_reissued": QT_TRANSLATE_NOOP("AuditMail", "reissued-letter notice"),
    "results_available": QT_TRANSLATE_NOOP("AuditMail", "results-available notice"),
    "answer": QT_TRANSLATE_NOOP("AuditMail", "one of the desk's answers"),
}
