"""The letter: one A4 page, English and Traditional Chinese side by side.

:func:`render_letter` makes one letter (exam-day or reissued);
:func:`render_letters` makes a centre's batch, one letter a page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepInFrame, PageBreak, Spacer, Table

from desk_app.documents import letter_text as text
from desk_app.documents.content import LetterContent
from desk_app.documents.fonts import FontSet, find_fonts
from desk_app.documents.furniture import HEADER_HEIGHT, footer, office_header
from desk_app.documents.pdf import PageHook, Rendered, build_pdf
from desk_app.documents.styles import (
    CONTENT_WIDTH,
    NAVY,
    PAGE_HEIGHT,
    PALE,
    RULE,
    TINT,
    WARN,
    Span,
    Styles,
    emphasised,
    make_table,
    para,
    styles_for,
)
from desk_app.documents.wording import Pair, lock_rule, password_rule, secret_lock_rule

TOP = 14 * mm
BODY_TOP = TOP + HEADER_HEIGHT + 5 * mm
BODY_BOTTOM = 18 * mm
NUMBER_COLUMN = 7 * mm
HALF = (CONTENT_WIDTH - NUMBER_COLUMN) / 2


def _furniture(canv: Canvas, fonts: FontSet, content: LetterContent) -> None:
    office = content.office
    office_header(canv, fonts, office, PAGE_HEIGHT - TOP)
    footer(
        canv,
        fonts,
        f"{office.name_en} {office.name_zh} · {office.address_en} {office.address_zh}",
        f"Serial 編號 {content.serial}",
    )


def _build(
    story: list[Flowable], fonts: FontSet, first: LetterContent, on_page: PageHook
) -> Rendered:
    title = text.title(first)
    return build_pdf(
        story,
        fonts=fonts,
        title=f"{title[0]} / {title[1]}",
        subject="Candidate results website: ID Number and Secret Number",
        author=first.office.name_en,
        on_page=on_page,
        top=BODY_TOP,
        bottom=BODY_BOTTOM,
    )


def _fitted(content: LetterContent, fonts: FontSet, s: Styles) -> KeepInFrame:
    """The letter shrunk, if it must be, to one page (many exam entries, long names)."""
    height = PAGE_HEIGHT - BODY_TOP - BODY_BOTTOM
    return KeepInFrame(CONTENT_WIDTH, height, _story(content, fonts, s), mode="shrink")


def render_letter(content: LetterContent, *, fonts: FontSet | None = None) -> bytes:
    """One letter as a one-page A4 PDF.

    ``fonts`` defaults to :func:`find_fonts` with no configured paths. Raises
    FontNotFoundError when no font has a character to print.
    """
    fonts = fonts or find_fonts()
    s = styles_for(fonts)

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        _furniture(canv, fonts, content)

    rendered = _build(_story(content, fonts, s), fonts, content, on_page)
    if rendered.pages > 1:
        rendered = _build([_fitted(content, fonts, s)], fonts, content, on_page)
    return rendered.data


def render_letters(
    contents: Sequence[LetterContent],
    *,
    fonts: FontSet | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """A batch of letters as one PDF, one letter a page, in the order given.

    ``progress(page, total)`` is called as each page is drawn (on the
    caller's thread). Each page's footer carries its own letter's serial.
    """
    if not contents:
        raise ValueError("a batch needs at least one letter")
    fonts = fonts or find_fonts()
    s = styles_for(fonts)
    total = len(contents)

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        _furniture(canv, fonts, contents[page - 1])
        if progress is not None:
            progress(page, total)

    story: list[Flowable] = []
    for number, content in enumerate(contents):
        if number:
            story.append(PageBreak())
        story.append(_fitted(content, fonts, s))
    rendered = _build(story, fonts, contents[0], on_page)
    if rendered.pages != total:  # a page per letter, or the serials would be wrong
        raise RuntimeError(f"{total} letters made {rendered.pages} pages")
    return rendered.data


def _story(content: LetterContent, fonts: FontSet, s: Styles) -> list[Flowable]:
    registered = content.registered
    subtitle = text.subtitle(content)
    heading = text.title(content)
    title = para(fonts, f"{heading[0]}  {heading[1]}", s.title, bold=True)
    story: list[Flowable] = [
        title,
        Spacer(0, 2),
        para(fonts, f"{subtitle[0]}\n{subtitle[1]}", s.small_zh),
        Spacer(0, 9),
        _candidate(content, fonts, s),
        Spacer(0, 9),
        _panel(content, fonts, s),
        Spacer(0, 11),
    ]
    if registered:
        heading = text.STEPS_HEADING_REGISTERED
        steps = text.reset_steps(content.office.results_website)
    else:
        heading = text.STEPS_HEADING_NEW
        steps = text.register_steps(content.office.results_website)
    story += [_heading(fonts, s, heading), _steps(fonts, s, steps)]
    if registered:
        note = text.lost_email_note(content.office.hotline)
        story.append(_pairs(fonts, s, [note], line_above=True))
    elif content.exam_day:
        note = text.lost_letter_note(content.office.hotline)
        story.append(_pairs(fonts, s, [note], line_above=True))
    story.append(Spacer(0, 10))
    rules = [password_rule(content.password), lock_rule(content.lockout)]
    if not registered:
        rules.append(secret_lock_rule(content.lockout))
    story += [_heading(fonts, s, text.RULES_HEADING), _pairs(fonts, s, rules), Spacer(0, 10)]
    story += [
        _heading(fonts, s, text.help_heading(content)),
        _pairs(fonts, s, text.help_lines(content)),
    ]
    story.append(Spacer(0, 10))
    story.append(_issue(fonts, s, text.issue_lines(content)))
    return story


def _heading(fonts: FontSet, s: Styles, pair: Pair) -> Flowable:
    return para(fonts, f"{pair[0]}  {pair[1]}", s.heading, bold=True)


def _candidate(content: LetterContent, fonts: FontSet, s: Styles) -> Table:
    name = content.name_en + (f"   {content.name_zh}" if content.name_zh else "")
    rows: list[list[Flowable | str]] = [
        [para(fonts, "Candidate\n考生姓名", s.label), para(fonts, name, s.value, bold=True)]
    ]
    for i, entry in enumerate(content.entries):
        label = para(fonts, "Exam and session\n考試及考期", s.label) if i == 0 else ""
        value = [
            para(fonts, f"{entry.exam_name_en} · {entry.session_en}", s.en),
            para(fonts, f"{entry.exam_name_zh} · {entry.session_zh}", s.zh),
        ]
        rows.append([label, value])
    online = text.results_online(content)
    if online is not None:
        rows.append(
            [
                para(fonts, text.RESULTS_ONLINE_LABEL, s.label),
                para(fonts, online, s.value, bold=True),
            ]
        )
    return make_table(
        fonts,
        rows,
        [30 * mm, CONTENT_WIDTH - 30 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
        ],
    )


def _panel(content: LetterContent, fonts: FontSet, s: Styles) -> Table:
    """The boxed ID Number and Secret Number (or the already-registered note)."""
    id_cell = [
        para(fonts, "ID Number  考生編號", s.label),
        para(fonts, content.id_number, s.big, bold=True),
    ]
    if content.secret_number is not None:
        right = [
            para(fonts, "Secret Number  密碼", s.label),
            para(fonts, content.secret_number, s.big, bold=True),
        ]
        keep = text.KEEP_SAFE_NEW
    else:
        note = text.REGISTERED_NOTE
        right = [
            para(fonts, "Account  帳戶", s.label),
            para(fonts, "Already registered  已經登記", s.value, bold=True),
            para(fonts, note[0], s.small),
            para(fonts, note[1], s.small_zh),
        ]
        keep = text.KEEP_SAFE_REGISTERED
    warning = [
        para(fonts, [Span(keep[0], WARN)], s.small),
        para(fonts, [Span(keep[1], WARN)], s.small_zh),
    ]
    return make_table(
        fonts,
        [[id_cell, right], [warning, ""]],
        [CONTENT_WIDTH / 2] * 2,
        [
            ("BOX", (0, 0), (-1, -1), 1.3, NAVY),
            ("BACKGROUND", (0, 0), (-1, 0), TINT),
            ("LINEAFTER", (0, 0), (0, 0), 0.6, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("SPAN", (0, 1), (1, 1)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, 0), 7),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 8),
            ("TOPPADDING", (0, 1), (-1, 1), 5),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
        ],
    )


def _steps(fonts: FontSet, s: Styles, steps: list[Pair]) -> Table:
    rows = [
        [
            para(fonts, str(i), s.heading, bold=True),
            para(fonts, emphasised(en), s.en),
            para(fonts, emphasised(zh), s.zh),
        ]
        for i, (en, zh) in enumerate(steps, start=1)
    ]
    return make_table(fonts, rows, [NUMBER_COLUMN, HALF, HALF], _ROWS)


def _pairs(fonts: FontSet, s: Styles, pairs: list[Pair], line_above: bool = False) -> Table:
    rows = [["", para(fonts, en, s.en), para(fonts, zh, s.zh)] for en, zh in pairs]
    above = [("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE)] if line_above else []
    return make_table(fonts, rows, [NUMBER_COLUMN, HALF, HALF], [*_ROWS, *above])


_ROWS: list[tuple[object, ...]] = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (1, 0), (1, -1), 10),
    ("TOPPADDING", (0, 0), (-1, -1), 3.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
]


def _issue(fonts: FontSet, s: Styles, lines: Pair) -> Table:
    return make_table(
        fonts,
        [[para(fonts, lines[0], s.small), para(fonts, lines[1], s.small_zh)]],
        [CONTENT_WIDTH / 2] * 2,
        [
            ("BACKGROUND", (0, 0), (-1, -1), PALE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
    )
