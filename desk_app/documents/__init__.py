"""PDF rendering of letters (exam-day, reissued, batches) and reprinted statements
(reportlab, no Qt, no database).

The service layer fills the frozen content dataclasses; the renderers return
PDF bytes. Fonts are found on the system once per process (see ``fonts``).
"""

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
