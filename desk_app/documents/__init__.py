"""PDF rendering of letters (exam-day, reissued, batches) and reprinted statements
(reportlab, no Qt, no database).

The service layer fills the frozen content dataclasses; the renderers return
PDF bytes. Fonts are found on the system once per process (see ``fonts``).

Importing the package loads no reportlab: the emails' wording and the
content classes are needed by the command line and the desk's start, the
renderers only when a PDF is made. The names below are therefore loaded on
first use (PEP 562); ``from desk_app.documents import render_letter`` works
as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desk_app.documents.content import ExamLine, LetterContent, PaperLine, StatementContent
    from desk_app.documents.fonts import FontNotFoundError, FontSet, find_fonts
    from desk_app.documents.letter import render_letter, render_letters
    from desk_app.documents.statement import render_statement

__all__ = [
    "ExamLine",
    "FontNotFoundError",
    "FontSet",
    "LetterContent",
    "PaperLine",
    "StatementContent",
    "find_fonts",
    "render_letter",
    "render_letters",
    "render_statement",
]


def __getattr__(name: str) -> Any:
    """One of ``__all__``, from the module that holds it (reportlab loads with a renderer)."""
    if name in {"ExamLine", "LetterContent", "PaperLine", "StatementContent"}:
        from desk_app.documents import content

        return getattr(content, name)
    if name in {"FontNotFoundError", "FontSet", "find_fonts"}:
        from desk_app.documents import fonts

        return getattr(fonts, name)
    if name in {"render_letter", "render_letters"}:
        from desk_app.documents import letter

        return getattr(letter, name)
    if name == "render_statement":
        from desk_app.documents import statement

        return statement.render_statement
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
