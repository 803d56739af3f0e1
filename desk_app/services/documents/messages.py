"""The sentences behind the exam-day letters' error codes.

``services/messages.py`` adds them to its table (context "Errors"), so the
window and the command line translate and print them like every other error.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


LETTER_MESSAGES: dict[str, str] = {
    "letters_already_printed": QT_TRANSLATE_NOOP(
        "Errors",
        "The exam-day letters of centre {centre} were printed already ({count}). "
        "To print them again, reissue them: each gets a new Secret Number.",
    ),
    "no_letters_waiting": QT_TRANSLATE_NOOP(
        "Errors", "No letters wait to be printed for centre {centre}."
    ),
}
