"""From database rows and settings to the renderers' content (desk_app.documents)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from desk_app.documents import (
    ExamLine,
    FontNotFoundError,
    FontSet,
    LetterContent,
    PaperLine,
    StatementContent,
    find_fonts,
    render_letter,
    render_letters,
    render_statement,
)
from desk_app.models import Candidate, Entry
from desk_app.services.errors import DeskError
from desk_app.services.release_dates import release_day
from desk_app.settings import Settings

#: Debian packages with a font the PDFs can use (named in the error)
FONT_PACKAGES = "fonts-arphic-uming fonts-wqy-microhei"


def fonts_for(settings: Settings) -> FontSet:
    """The PDF fonts, or a clear error naming what to install."""
    try:
        return find_fonts(settings.pdf_font, settings.pdf_font_bold)
    except FontNotFoundError:
        raise DeskError("pdf_font_missing", packages=FONT_PACKAGES) from None


def exam_lines(entries: Sequence[Entry]) -> tuple[ExamLine, ...]:
    return tuple(
        ExamLine(
            e.exam.name_en, e.exam.name_zh or e.exam.name_en, e.session.name_en, e.session.name_zh
        )
        for e in entries
    )


def render_statement_pdf(
    settings: Settings,
    *,
    candidate: Candidate,
    entry: Entry,
    papers: Sequence[tuple[str, str | None, int]],
    released_on: date,
    serial: str,
    printed_at: datetime,
    printed_by: str,
    code: str,
) -> bytes:
    result = entry.result
    assert result is not None
    has_breakdown = entry.exam.has_paper_breakdown and bool(papers)
    content = StatementContent(
        id_number=candidate.id_number,
        name_en=candidate.name_en,
        name_zh=candidate.name_zh,
        centre_code=candidate.centre.code,
        centre_name=candidate.centre.name_en,
        exam_name_en=entry.exam.name_en,
        exam_name_zh=entry.exam.name_zh or entry.exam.name_en,
        session_en=entry.session.name_en,
        session_zh=entry.session.name_zh,
        grade=result.grade,
        cefr=result.cefr or "",
        score=result.score,
        score_min=entry.exam.score_min,
        score_max=entry.exam.score_max,
        scoring=entry.exam.scoring,
        papers=tuple(PaperLine(name, name_zh or name, score) for name, name_zh, score in papers)
        if has_breakdown
        else (),
        has_breakdown=has_breakdown,
        released_on=released_on,
        reprint_serial=serial,
        printed_at=printed_at,
        printed_by=printed_by,
        verification_code=code,
        office=settings.office,
    )
    return render_statement(content, fonts=fonts_for(settings))


def results_online(entries: Sequence[Entry], now: datetime, timezone: str) -> date | None:
    """The day results go online for a letter: the next release still to come, else the
    newest one (the entries' results must be loaded; only their dates are read)."""
    moments = [e.result.release_at for e in entries if e.result is not None]
    upcoming = [moment for moment in moments if moment > now]
    moment = min(upcoming) if upcoming else max(moments, default=None)
    return release_day(moment, timezone) if moment is not None else None


def letter_content(
    settings: Settings,
    *,
    candidate: Candidate,
    entries: Sequence[Entry],
    secret_number: str | None,
    reissue_count: int,
    serial: str,
    issued_at: datetime,
) -> LetterContent:
    """What one letter says; ``reissue_count`` 0 is the exam-day letter."""
    return LetterContent(
        id_number=candidate.id_number,
        name_en=candidate.name_en,
        name_zh=candidate.name_zh,
        entries=exam_lines(entries),
        secret_number=secret_number,
        reissue_count=reissue_count,
        serial=serial,
        issued_at=issued_at,
        password=settings.password,
        lockout=settings.lockout,
        office=settings.office,
        results_online=results_online(entries, issued_at, settings.office.timezone),
    )


def render_letter_pdf(
    settings: Settings,
    *,
    candidate: Candidate,
    entries: Sequence[Entry],
    secret_number: str | None,
    reissue_count: int,
    serial: str,
    issued_at: datetime,
) -> bytes:
    content = letter_content(
        settings,
        candidate=candidate,
        entries=entries,
        secret_number=secret_number,
        reissue_count=reissue_count,
        serial=serial,
        issued_at=issued_at,
    )
    return render_letter(content, fonts=fonts_for(settings))


def render_letters_pdf(
    settings: Settings,
    contents: Sequence[LetterContent],
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A centre's batch: one letter a page."""
    return render_letters(contents, fonts=fonts_for(settings), progress=progress)
