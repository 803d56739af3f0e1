"""The names a message puts in its sentence: fields and actions, marked for Qt Linguist.

A sentence such as "The {field} is required." gets a key of :data:`FIELDS`
(e.g. ``"reason"``), never English prose, so the window can translate the
name with the sentence (contexts "Fields" and "Actions") and the command
line prints it in English. ``messages.py`` fills them in.
"""

from __future__ import annotations

from typing import Literal


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


#: what a ``field`` parameter names (``The {field} is required.``)
FieldKey = Literal[
    "answer_text", "answer_title", "caller_name", "centre", "display_name", "email",
    "email_body", "email_kind", "email_subject",
    "identity_document", "id_number_list", "note", "password", "reason", "reason_preset",
    "search_text", "source_address",
]  # fmt: skip
FIELDS_CONTEXT = "Fields"
FIELDS: dict[str, str] = {
    "answer_text": QT_TRANSLATE_NOOP("Fields", "answer text"),
    "answer_title": QT_TRANSLATE_NOOP("Fields", "answer title"),
    "caller_name": QT_TRANSLATE_NOOP("Fields", "caller's name"),
    "centre": QT_TRANSLATE_NOOP("Fields", "centre code"),
    "display_name": QT_TRANSLATE_NOOP("Fields", "display name"),
    "email": QT_TRANSLATE_NOOP("Fields", "email address"),
    "email_body": QT_TRANSLATE_NOOP("Fields", "email text"),
    "email_kind": QT_TRANSLATE_NOOP("Fields", "kind of email"),
    "email_subject": QT_TRANSLATE_NOOP("Fields", "email subject"),
    "identity_document": QT_TRANSLATE_NOOP("Fields", "identity document"),
    "id_number_list": QT_TRANSLATE_NOOP("Fields", "list of ID Numbers"),
    "note": QT_TRANSLATE_NOOP("Fields", "call note"),
    "password": QT_TRANSLATE_NOOP("Fields", "password"),
    "reason": QT_TRANSLATE_NOOP("Fields", "reason"),
    "reason_preset": QT_TRANSLATE_NOOP("Fields", "reason offered"),
    "search_text": QT_TRANSLATE_NOOP("Fields", "search text"),
    "source_address": QT_TRANSLATE_NOOP("Fields", "source address"),
}

#: what an ``action`` parameter names (``Your role (…) may not {action}.``)
ACTIONS_CONTEXT = "Actions"
ACTIONS: dict[str, str] = {
    "search": QT_TRANSLATE_NOOP("Actions", "search for candidates"),
    "export_search": QT_TRANSLATE_NOOP("Actions", "export search results"),
    "view_candidate": QT_TRANSLATE_NOOP("Actions", "look at a candidate's details"),
    "add_note": QT_TRANSLATE_NOOP("Actions", "add call notes"),
    "verify_caller": QT_TRANSLATE_NOOP("Actions", "verify callers"),
    "record_document": QT_TRANSLATE_NOOP("Actions", "record an identity document"),
    "unlock": QT_TRANSLATE_NOOP("Actions", "unlock accounts"),
    "send_reset": QT_TRANSLATE_NOOP("Actions", "send password-reset links"),
    "change_email": QT_TRANSLATE_NOOP("Actions", "change a registered email address"),
    "reissue_letter": QT_TRANSLATE_NOOP("Actions", "reissue letters"),
    "temp_password": QT_TRANSLATE_NOOP("Actions", "give temporary passwords"),
    "print_statement": QT_TRANSLATE_NOOP("Actions", "reprint statements of results"),
    "batch_statements": QT_TRANSLATE_NOOP("Actions", "reprint statements in a batch"),
    "view_lockouts": QT_TRANSLATE_NOOP("Actions", "see the lockouts"),
    "view_audit": QT_TRANSLATE_NOOP("Actions", "see or export the audit trail"),
    "manage_staff": QT_TRANSLATE_NOOP("Actions", "manage staff accounts"),
    "import_data": QT_TRANSLATE_NOOP("Actions", "import the exam board's files"),
    "export_results": QT_TRANSLATE_NOOP("Actions", "export every candidate and result"),
    "print_letters": QT_TRANSLATE_NOOP("Actions", "print exam-day letters"),
    "read_answers": QT_TRANSLATE_NOOP("Actions", "read the desk's answers"),
    "email_answer": QT_TRANSLATE_NOOP("Actions", "email answers to candidates"),
    "edit_answers": QT_TRANSLATE_NOOP("Actions", "edit the desk's answers"),
    "edit_reason_presets": QT_TRANSLATE_NOOP("Actions", "change the reasons the desk offers"),
}
