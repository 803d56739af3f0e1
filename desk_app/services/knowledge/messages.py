"""The sentences behind the answers' error codes (added to ``services/messages.py``)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


KNOWLEDGE_MESSAGES: dict[str, str] = {
    "answer_not_found": QT_TRANSLATE_NOOP("Errors", "There is no answer “{key}”."),
    "answer_placeholder": QT_TRANSLATE_NOOP(
        "Errors",
        "The {field} has a placeholder “{name}” that the desk cannot fill in: "
        "use one of those listed.",
    ),
    "answer_braces": QT_TRANSLATE_NOOP(
        "Errors",
        "The {field} has a brace without its pair: a placeholder is a name from the list "
        "between two braces.",
    ),
    "answer_changed": QT_TRANSLATE_NOOP(
        "Errors",
        "Someone else saved this answer meanwhile; yours was not saved. Open the answer "
        "again to see their text.",
    ),
    "answer_unchanged": QT_TRANSLATE_NOOP("Errors", "Nothing in the answer was changed."),
    "answer_no_address": QT_TRANSLATE_NOOP(
        "Errors", "This candidate has no such email address to send the answer to."
    ),
}
