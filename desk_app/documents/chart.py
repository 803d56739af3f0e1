"""The horizontal bar chart of scores on the exam's scale (reportlab.graphics)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from desk_app.documents.fonts import FontSet
from desk_app.documents.styles import GREY, INK, NAVY, PALE, RULE, TEAL, WHITE, text_width

ROW = 19.0
BAR = 9.5
AXIS = 16.0
LABEL_SHARE = 0.36


@dataclass(frozen=True)
class Bar:
    label_en: str
    label_zh: str
    score: int
    overall: bool = False


def ticks(lo: int, hi: int, most: int = 8) -> list[int]:
    """Tick values from ``lo`` to ``hi``: both ends plus round steps between them."""
    span = hi - lo
    steps = sorted(
        {b * 10**p for b in (1, 2, 5) for p in range(7)} | {25 * 10**p for p in range(6)}
    )
    step = next((s for s in steps if span / s <= most), steps[-1])
    inner = range(math.ceil(lo / step) * step, hi, step)
    keep = [v for v in inner if v - lo >= step * 0.45 and hi - v >= step * 0.45]
    return [lo, *keep, hi]


def _label(
    drawing: Drawing,
    fonts: FontSet,
    x: float,
    y: float,
    text: str,
    size: float,
    color: Color,
    width: float,
) -> None:
    """Runs of ``text`` from x, shortened with an ellipsis to fit ``width``."""
    full = text
    while text and text_width(fonts, text + "…", size) > width:
        text = text[:-1]
    if text != full:
        text = text.rstrip() + "…"
    for name, piece in fonts.runs(text):
        drawing.add(String(x, y, piece, fontName=name, fontSize=size, fillColor=color))
        x += stringWidth(piece, name, size)


def score_chart(fonts: FontSet, bars: Sequence[Bar], lo: int, hi: int, width: float) -> Drawing:
    """One row per bar, the overall score in navy, papers in teal, ticks of the scale below."""
    height = ROW * len(bars) + AXIS + 4
    # initialFontName: the renderer would otherwise start in (unembedded) Helvetica
    drawing = Drawing(width, height, initialFontName=fonts.regular.name)
    left = width * LABEL_SHARE
    plot = width - left - 22
    regular = fonts.regular.name

    def x_of(value: float) -> float:
        return left + plot * (min(max(value, lo), hi) - lo) / (hi - lo)

    top = height - 2
    drawing.add(Rect(left, AXIS, plot, top - AXIS, fillColor=PALE, strokeColor=None))
    for value in ticks(lo, hi):
        x = x_of(value)
        drawing.add(Line(x, AXIS, x, top, strokeColor=RULE, strokeWidth=0.5))
        drawing.add(Line(x, AXIS - 3, x, AXIS, strokeColor=GREY, strokeWidth=0.6))
        label = str(value)
        w = stringWidth(label, regular, 7)
        drawing.add(
            String(x - w / 2, AXIS - 11, label, fontName=regular, fontSize=7, fillColor=GREY)
        )
    drawing.add(Line(left, AXIS, left + plot, AXIS, strokeColor=GREY, strokeWidth=0.6))

    for row, bar in enumerate(bars):
        mid = top - ROW * row - ROW / 2
        color = NAVY if bar.overall else TEAL
        _label(drawing, fonts, 0, mid + 1, bar.label_en, 7.8, INK, left - 8)
        _label(drawing, fonts, 0, mid - 8, bar.label_zh, 7, GREY, left - 8)
        end = x_of(bar.score)
        drawing.add(Rect(left, mid - BAR / 2, end - left, BAR, fillColor=color, strokeColor=None))
        score = str(bar.score)
        w = stringWidth(score, regular, 7.8)
        inside = end + 3 + w > left + plot + 20
        sx = end - w - 3 if inside else end + 3
        drawing.add(
            String(
                sx,
                mid - 2.7,
                score,
                fontName=regular,
                fontSize=7.8,
                fillColor=WHITE if inside else INK,
            )
        )
    return drawing
