"""What every page carries: the office header, the footer, the reprint marks."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desk_app.documents.fonts import FontSet
from desk_app.documents.styles import (
    GREY,
    INK,
    MARGIN,
    NAVY,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    REPRINT,
    WATERMARK,
    WHITE,
    draw_text,
    fit_size,
)
from desk_app.documents.wording import bare_url
from desk_app.settings import OfficeInfo

#: height of the office header, from its top edge to below its rule
HEADER_HEIGHT = 19 * mm
FOOTER_Y = 9 * mm


def office_header(canv: Canvas, fonts: FontSet, office: OfficeInfo, top: float) -> float:
    """Office name on the left, how to reach it on the right, a rule below; returns its y."""
    left, right = MARGIN, PAGE_WIDTH - MARGIN
    draw_text(canv, fonts, left, top - 13, office.name_en, 12.5, bold=True, color=NAVY)
    draw_text(canv, fonts, left, top - 28, office.name_zh, 12, bold=True, color=NAVY)
    lines = (
        ("Hotline 熱線", office.hotline),
        ("Email 電郵", office.email),
        ("Website 網站", bare_url(office.results_website)),
    )
    for i, (label, value) in enumerate(lines):
        y = top - 10 - 10.5 * i
        width = draw_text(canv, fonts, right, y, value, 8.2, color=INK, anchor="end")
        draw_text(canv, fonts, right - width - 5, y, label, 7.2, color=GREY, anchor="end")
    rule: float = top - HEADER_HEIGHT + 4
    canv.saveState()
    canv.setStrokeColor(NAVY)
    canv.setLineWidth(1.4)
    canv.line(left, rule, right, rule)
    canv.restoreState()
    return rule


def footer(canv: Canvas, fonts: FontSet, left_text: str, right_text: str) -> None:
    canv.saveState()
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.4)
    canv.line(MARGIN, FOOTER_Y + 9, PAGE_WIDTH - MARGIN, FOOTER_Y + 9)
    canv.restoreState()
    draw_text(canv, fonts, MARGIN, FOOTER_Y, left_text, 7, color=GREY)
    draw_text(canv, fonts, PAGE_WIDTH - MARGIN, FOOTER_Y, right_text, 7, color=GREY, anchor="end")


def reprint_band(canv: Canvas, fonts: FontSet, lines: tuple[str, str], height: float) -> None:
    """A full-width band at the top of the page: REPRINT 重印 and the reprint details."""
    canv.saveState()
    canv.setFillColor(REPRINT)
    canv.rect(0, PAGE_HEIGHT - height, PAGE_WIDTH, height, stroke=0, fill=1)
    canv.restoreState()
    middle = PAGE_HEIGHT - height / 2
    label = draw_text(canv, fonts, MARGIN, middle - 5, "REPRINT 重印", 15, bold=True, color=WHITE)
    right = PAGE_WIDTH - MARGIN
    # the details shrink rather than run into the label (a long printer's name)
    size = fit_size(fonts, lines, 7.6, right - (MARGIN + label + 14))
    draw_text(canv, fonts, right, middle + 2.5, lines[0], size, color=WHITE, anchor="end")
    draw_text(canv, fonts, right, middle - 8, lines[1], size, color=WHITE, anchor="end")


def watermark(canv: Canvas, fonts: FontSet, text: str) -> None:
    """A large pale diagonal mark behind the page's content."""
    canv.saveState()
    canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2 - 40)
    canv.rotate(32)
    draw_text(canv, fonts, 0, 0, text, 92, bold=True, color=WATERMARK, anchor="middle")
    canv.restoreState()
