"""The audit trail's sentences: its error codes, and what a check of the chain found.

``AUDIT_MESSAGES`` joins the error vocabulary (``services/messages.py``,
context "Errors"). ``CHECK_SENTENCES`` names each problem
:func:`~desk_app.services.audit.verify.verify_chain` can find (context
"AuditCheck"): the command line prints the English after ``desk-app:
audit:``, the window translates it; the parameters are row numbers.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


AUDIT_MESSAGES: dict[str, str] = {
    "audit_check_stopped": QT_TRANSLATE_NOOP(
        "Errors",
        "The check of the audit trail was stopped after {checked} events: nothing is concluded.",
    ),
    "audit_dates_reversed": QT_TRANSLATE_NOOP(
        "Errors", "The first day of the period is after its last day."
    ),
    "audit_action_unknown": QT_TRANSLATE_NOOP("Errors", "“{value}” is not a kind of audit event."),
    "audit_filter_csv_only": QT_TRANSLATE_NOOP(
        "Errors",
        "An audit export filtered by staff member, kind or candidate is written as CSV only: "
        "choose a .csv file.",
    ),
    "staff_change_needs_owner": QT_TRANSLATE_NOOP(
        "Errors",
        "Staff accounts are changed only through the database owner's connection: "
        "an administrator sets admin_url in [database] of the config file "
        "(docs/DEPLOYMENT.md).",
    ),
    "schema_upgrade_needs_owner": QT_TRANSLATE_NOOP(
        "Errors",
        "The database refused the upgrade: run it as the database's owner, a login that may "
        "create the group role {role} or finds it made (docs/DEPLOYMENT.md). "
        "The details are in the log file.",
    ),
}

CHECK_CONTEXT = "AuditCheck"
CHECK_SENTENCES: dict[str, str] = {
    "edited": QT_TRANSLATE_NOOP("AuditCheck", "row {row} was edited"),
    "moved": QT_TRANSLATE_NOOP("AuditCheck", "row {row} was moved: it belongs after row {after}"),
    "inserted": QT_TRANSLATE_NOOP(
        "AuditCheck", "row {row} does not follow row {after}: inserted or replaced"
    ),
    "deleted_one": QT_TRANSLATE_NOOP("AuditCheck", "row {first} deleted before row {row}"),
    "deleted_many": QT_TRANSLATE_NOOP("AuditCheck", "rows {first}–{last} deleted before row {row}"),
    "deleted_tail_one": QT_TRANSLATE_NOOP("AuditCheck", "row {first} deleted at the end"),
    "deleted_tail_many": QT_TRANSLATE_NOOP("AuditCheck", "rows {first}–{last} deleted at the end"),
    "added_outside_one": QT_TRANSLATE_NOOP("AuditCheck", "row {first} was added outside the chain"),
    "added_outside": QT_TRANSLATE_NOOP(
        "AuditCheck", "rows {first}–{last} were added outside the chain"
    ),
    "head_missing": QT_TRANSLATE_NOOP("AuditCheck", "the chain's head record is missing"),
    "head_mismatch": QT_TRANSLATE_NOOP("AuditCheck", "row {row} does not match the chain's head"),
    # an exported file's check (audit verify --file)
    "unreadable": QT_TRANSLATE_NOOP("AuditCheck", "not an audit event"),
    "at_line": QT_TRANSLATE_NOOP("AuditCheck", "line {line}: {problem}"),
}
