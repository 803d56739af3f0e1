"""Words the answers pane shows for the services' codes, translated when shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.services.knowledge import situation as reasons
from desk_app.services.knowledge.answers import Answer, FilledAnswer
from desk_app.services.knowledge.placeholders import PLACEHOLDERS

ZH = "zh_HK"


def why_text(code: str) -> str:
    """Why an answer is offered for the candidate on screen."""
    texts = {
        reasons.LOCKED: QCoreApplication.translate("Knowledge", "the account is locked"),
        reasons.SECRET_LOCKED: QCoreApplication.translate(
            "Knowledge", "registering is blocked (wrong Secret Numbers)"
        ),
        reasons.NOT_REGISTERED: QCoreApplication.translate("Knowledge", "not registered yet"),
        reasons.REGISTERED: QCoreApplication.translate("Knowledge", "registered"),
        reasons.NOT_RELEASED: QCoreApplication.translate("Knowledge", "results not released yet"),
        reasons.RELEASED: QCoreApplication.translate("Knowledge", "results released"),
        reasons.NO_BREAKDOWN: QCoreApplication.translate(
            "Knowledge", "no breakdown by paper for this exam"
        ),
    }
    return texts.get(code, code)


def title_in(answer: Answer, language: str) -> str:
    return answer.title_zh if language == ZH else answer.title_en


def filled_in(filled: FilledAnswer, language: str) -> tuple[str, str]:
    """(title, text) of a filled answer in ``language``."""
    index = 1 if language == ZH else 0
    return filled.title[index], filled.text[index]


def placeholder_list(language: str) -> str:
    """Every placeholder with what it stands for, one a line (for the editor)."""
    index = 1 if language == ZH else 0
    return "\n".join(f"{{{name}}} — {pair[index]}" for name, pair in PLACEHOLDERS.items())
