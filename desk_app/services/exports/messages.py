"""The sentences behind the exports' codes, and the audit file check's, marked for Qt Linguist.

``services/messages.py`` adds them to its table (context "Errors"), so the
window and the command line translate and print them like every other error.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


EXPORT_MESSAGES: dict[str, str] = {
    "export_cancelled": QT_TRANSLATE_NOOP("Errors", "The export was stopped: no file was written."),
    "export_format_unknown": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not an export format (csv or jsonl)."
    ),
    "export_format_from_name": QT_TRANSLATE_NOOP(
        "Errors",
        "“{name}” ends neither in .csv nor in .jsonl: name the file so, or give --format.",
    ),
    "export_days_reversed": QT_TRANSLATE_NOOP(
        "Errors", "The last day ({end}) comes before the first day ({start})."
    ),
    "export_rows_limit": QT_TRANSLATE_NOOP(
        "Errors", "An export of a search holds 1 to {limit} candidates."
    ),
    "audit_file_unreadable": QT_TRANSLATE_NOOP("Errors", "The file “{name}” cannot be opened."),
    "audit_file_not_text": QT_TRANSLATE_NOOP(
        "Errors",
        "“{name}” is not UTF-8 text, so not an audit export in JSON lines "
        "(a CSV export cannot be checked: export the same days as .jsonl).",
    ),
}
