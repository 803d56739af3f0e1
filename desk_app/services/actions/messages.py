"""The sentences behind the reason presets' error codes.

``services/messages.py`` adds them to its table (context "Errors"), so the
window and the command line translate and print them like every other error.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


PRESET_MESSAGES: dict[str, str] = {
    "too_many_presets": QT_TRANSLATE_NOOP(
        "Errors", "An action offers at most {limit} reasons (one key each, 1–{limit})."
    ),
    "unknown_preset_action": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a desk action that asks for a reason."
    ),
}
