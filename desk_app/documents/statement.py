"""The reprinted Statement of Results: marked REPRINT / 重印 on every page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer, Table

from desk_app.documents import statement_text as text
from desk_app.documents.chart import Bar, score_chart
from desk_app.documents.content import StatementContent
from desk_app.documents.fonts import FontSet, find_fonts
from desk_app.documents.furniture import (
    HEADER_HEIGHT,
    footer,
    office_header,
    reprint_band,
    watermark,
)
from desk_app.documents.pdf import build_pdf
from desk_app.documents.qr import QrFlowable, verification_url
from desk_app.documents.styles import (
    CONTENT_WIDTH,
    NAVY,
    PAGE_HEIGHT,
    PALE,
    RULE,
    TINT,
    Styles,
    make_table,
    para,
    styles_for,
)
from desk_app.documents.wording import Pair

BAND = 14 * mm
HEADER_TOP = BAND + 4 * mm
BODY_TOP = HEADER_TOP + HEADER_HEIGHT + 5 * mm
BODY_BOTTOM = 18 * mm
LABEL_COLUMN = 31 * mm
BARS_PER_CHART = 12
QR_SIZE = 30 * mm


def render_statement(content: StatementContent, *, fonts: FontSet | None = None) -> bytes:
    """The Statement of Results reprint as an A4 PDF (as many pages as the papers need).

    ``fonts`` defaults to :func:`find_fonts` with no configured paths. Every
    page carries the REPRINT / 重印 band and watermark, the reprint serial,
    when and by whom it was printed and the verification code.
    """
    fonts = fonts or find_fonts()
    s = styles_for(fonts)
    band = text.band_lines(content)

    def on_page(canv: Canvas, doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        watermark(canv, fonts, "REPRINT 重印")
        reprint_band(canv, fonts, band, BAND)
        office_header(canv, fonts, content.office, PAGE_HEIGHT - HEADER_TOP)
        footer(
            canv,
            fonts,
            f"Statement of Results 成績報告 · REPRINT 重印 · {content.reprint_serial}",
            f"Page {page} 第{page}頁",
        )

    rendered = build_pdf(
        _story(content, fonts, s),
        fonts=fonts,
        title="Statement of Results (reprint) / 成績報告（重印）",
        subject=f"{content.exam_name_en}, {content.session_en}",
        author=content.office.name_en,
        on_page=on_page,
        top=BODY_TOP,
        bottom=BODY_BOTTOM,
    )
    return rendered.data


def _story(content: StatementContent, fonts: FontSet, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        para(fonts, f"{text.TITLE[0]}  {text.TITLE[1]}", s.title, bold=True),
        Spacer(0, 7),
        _details(content, fonts, s),
        Spacer(0, 9),
        _result(content, fonts, s),
        Spacer(0, 11),
    ]
    if content.has_breakdown:
        story += [
            _heading(fonts, s, text.PAPERS_HEADING),
            Spacer(0, 3),
            _papers(content, fonts, s),
            Spacer(0, 8),
            *_charts(content, fonts),
        ]
    else:
        # no paper table, no chart: the exam has none (Delta Module One)
        story.append(_pairs(fonts, s, [text.NO_BREAKDOWN], boxed=True))
    story += [
        Spacer(0, 10),
        _pairs(fonts, s, text.notes(content)),
        Spacer(0, 10),
        KeepTogether([_verification(content, fonts, s)]),
    ]
    return story


def _heading(fonts: FontSet, s: Styles, pair: Pair) -> Flowable:
    return para(fonts, f"{pair[0]}  {pair[1]}", s.heading, bold=True)


def _details(content: StatementContent, fonts: FontSet, s: Styles) -> Table:
    """Name and exam across the page; ID and centre, session and release date side by side."""
    d = text.details(content)

    def label(key: str) -> Flowable:
        return para(fonts, d[key][0], s.label)

    def value(key: str, bold: bool = False) -> Flowable:
        return para(fonts, d[key][1], s.value, bold=bold)

    rows = [
        [label("name"), value("name", bold=True), "", ""],
        [label("id"), value("id"), label("centre"), value("centre")],
        [label("exam"), value("exam"), "", ""],
        [label("session"), value("session"), label("released"), value("released")],
    ]
    rest = CONTENT_WIDTH - 2 * LABEL_COLUMN
    return make_table(
        fonts,
        rows,
        [LABEL_COLUMN, rest * 0.36, LABEL_COLUMN, rest * 0.64],
        [
            ("SPAN", (1, 0), (3, 0)),
            ("SPAN", (1, 2), (3, 2)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
        ],
    )


def _result(content: StatementContent, fonts: FontSet, s: Styles) -> Table:
    cells = [
        [para(fonts, label, s.label), para(fonts, value, s.value, bold=True)]
        + ([para(fonts, extra, s.small_zh)] if extra else [])
        for label, value, extra in text.result_cells(content)
    ]
    shares = (1.25, 0.95, 0.8) if len(cells) == 3 else (1.6, 1.4)
    return make_table(
        fonts,
        [cells],
        [CONTENT_WIDTH * share / sum(shares) for share in shares],
        [
            ("BOX", (0, 0), (-1, -1), 1.2, NAVY),
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LINEAFTER", (0, 0), (-2, 0), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ],
    )


def _papers(content: StatementContent, fonts: FontSet, s: Styles) -> Table:
    rows: list[list[Flowable]] = [
        [para(fonts, "Paper  試卷", s.label), para(fonts, "Score  分數", s.label)]
    ]
    for paper in content.papers:
        rows.append(
            [
                para(fonts, f"{paper.name_en}   {paper.name_zh}", s.en),
                para(
                    fonts,
                    text.score_text(content, paper.score, content.paper_max),
                    s.right,
                    bold=True,
                ),
            ]
        )
    return make_table(
        fonts,
        rows,
        [CONTENT_WIDTH - 30 * mm, 30 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), PALE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ],
        repeat_rows=1,
    )


def _charts(content: StatementContent, fonts: FontSet) -> list[Flowable]:
    """Bars on the exam's own axis: the scale (overall and papers), marks out of the
    most, or each paper's shields out of 5 (the total has its own cell above)."""
    bars: list[Bar] = []
    lo, hi = content.score_min, content.score_max
    if content.scoring == "shields":
        lo, hi = 0, content.paper_max
    else:
        en, zh = text.overall_label(content)
        bars.append(Bar(en, zh, content.score, overall=True))
    bars += [Bar(p.name_en, p.name_zh, p.score) for p in content.papers]
    return [
        score_chart(fonts, bars[i : i + BARS_PER_CHART], lo, hi, CONTENT_WIDTH)
        for i in range(0, len(bars), BARS_PER_CHART)
    ]


def _pairs(fonts: FontSet, s: Styles, pairs: list[Pair], boxed: bool = False) -> Table:
    half = CONTENT_WIDTH / 2
    rows = [[para(fonts, en, s.en), para(fonts, zh, s.zh)] for en, zh in pairs]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8 if boxed else 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 5 if boxed else 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6 if boxed else 4),
    ]
    if boxed:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), PALE))
    return make_table(fonts, rows, [half, half], commands)


def _verification(content: StatementContent, fonts: FontSet, s: Styles) -> Table:
    """The code and how to check it; a QR code only when the office has a page for it."""
    office = content.office
    how = text.how_to_verify(content)
    printed = text.printed_lines(content)
    english = [
        para(fonts, "Verification code  驗證碼", s.label),
        para(fonts, content.verification_code, s.value, bold=True),
        Spacer(0, 3),
        para(fonts, how[0], s.en),
        Spacer(0, 3),
        para(fonts, printed[0], s.small),
    ]
    chinese = [
        Spacer(0, 25),
        para(fonts, how[1], s.zh),
        Spacer(0, 3),
        para(fonts, printed[1], s.small_zh),
    ]
    row: list[object] = [english, chinese]
    widths = [CONTENT_WIDTH / 2] * 2
    if office.verify_website:
        url = verification_url(office.verify_website, content.verification_code)
        rest = CONTENT_WIDTH - QR_SIZE - 8
        row = [QrFlowable(url, QR_SIZE), *row]
        widths = [QR_SIZE + 8, rest / 2, rest / 2]
    return make_table(
        fonts,
        [row],
        widths,
        [
            ("BOX", (0, 0), (-1, -1), 0.8, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )
