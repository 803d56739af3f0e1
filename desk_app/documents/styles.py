"""Page geometry, colours, paragraph styles and bilingual text helpers.

Text always goes through :class:`~desk_app.documents.fonts.FontSet.runs`, so
each character is drawn with a face that has it, and bold is drawn either
with the bold face or, when there is none, as synthetic bold (text render
mode 2: fill then stroke, ``BOLD_STROKE`` x the font size, round joins).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from desk_app.documents.fonts import FontSet

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = HexColor("#1B1F24")
GREY = HexColor("#58616B")
NAVY = HexColor("#1F3A5F")
TEAL = HexColor("#2E7D7A")
RULE = HexColor("#C5CDD6")
TINT = HexColor("#EEF3F8")
PALE = HexColor("#F6F7F9")
WARN = HexColor("#9C2A1F")
REPRINT = HexColor("#A3232F")
WATERMARK = HexColor("#F7EAEC")
WHITE = HexColor("#FFFFFF")

#: stroke width of synthetic bold, per point of font size
BOLD_STROKE = 0.032


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph with its own colour or weight."""

    text: str
    color: Color | None = None
    bold: bool = False


Content = str | Sequence[Span]


def markup(fonts: FontSet, content: Content, base_bold: bool = False) -> str:
    """Paragraph markup for ``content``: escaped, with a <font> for each face change."""
    spans = [Span(content)] if isinstance(content, str) else list(content)
    base = fonts.bold if base_bold else fonts.regular.name
    out: list[str] = []
    for span in spans:
        bold = base_bold or span.bold
        for name, text in fonts.runs(span.text, bold):
            piece = escape(text).replace("\n", "<br/>")
            attrs = f' name="{name}"' if name != base else ""
            if span.color is not None:
                attrs += f' color="{span.color.hexval()}"'
            out.append(f"<font{attrs}>{piece}</font>" if attrs else piece)
    return "".join(out)


class StrokedParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph drawn in synthetic bold: fill then stroke, in the text colour."""

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        mode = canv.beginText()
        mode.setTextRenderMode(2)
        canv.drawText(mode)
        canv.setStrokeColor(self.style.textColor)
        canv.setLineWidth(self.style.fontSize * BOLD_STROKE)
        canv.setLineJoin(1)
        super().draw()
        canv.restoreState()


def para(fonts: FontSet, content: Content, style: ParagraphStyle, bold: bool = False) -> Paragraph:
    """A paragraph of ``content`` in ``style``; bold as the bold face or synthetic."""
    if bold and not fonts.synthetic_bold:
        style = ParagraphStyle(style.name + "-b", parent=style, fontName=fonts.bold)
    text = markup(fonts, content, bold)
    if bold and fonts.synthetic_bold:
        return StrokedParagraph(text, style)
    return Paragraph(text, style)


@dataclass(frozen=True)
class Styles:
    en: ParagraphStyle
    zh: ParagraphStyle
    small: ParagraphStyle
    small_zh: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    big: ParagraphStyle
    right: ParagraphStyle


@lru_cache(maxsize=8)
def styles_for(fonts: FontSet) -> Styles:
    name = fonts.regular.name

    def style(
        key: str,
        size: float,
        leading: float,
        color: Color = INK,
        cjk: bool = False,
        align: int = TA_LEFT,
    ) -> ParagraphStyle:
        return ParagraphStyle(
            key,
            fontName=name,
            fontSize=size,
            leading=leading,
            textColor=color,
            alignment=align,
            wordWrap="CJK" if cjk else None,
            splitLongWords=True,
        )

    return Styles(
        en=style("en", 8.8, 11.6),
        zh=style("zh", 8.8, 12.4, cjk=True),
        small=style("small", 7.4, 9.6, GREY),
        small_zh=style("small-zh", 7.4, 10.0, GREY, cjk=True),
        label=style("label", 7.2, 9.0, GREY),
        value=style("value", 10.5, 13.5),
        title=style("title", 19, 23, NAVY),
        heading=style("heading", 10.5, 13, NAVY),
        big=style("big", 24, 28, INK),
        right=style("right", 8.8, 11.6, align=TA_RIGHT),
    )


def text_width(fonts: FontSet, text: str, size: float, bold: bool = False) -> float:
    return sum(float(stringWidth(t, name, size)) for name, t in fonts.runs(text, bold))


def fit_size(fonts: FontSet, lines: tuple[str, ...], size: float, width: float) -> float:
    """``size``, or smaller so that the widest of ``lines`` fits in ``width``."""
    widest = max(text_width(fonts, line, size) for line in lines)
    return size if widest <= width else size * width / widest


def draw_text(
    canv: Canvas,
    fonts: FontSet,
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    color: Color = INK,
    anchor: str = "start",
) -> float:
    """Draw one line at (x, y) anchored at its start, middle or end; returns its width."""
    width = text_width(fonts, text, size, bold)
    if anchor == "end":
        x -= width
    elif anchor == "middle":
        x -= width / 2
    stroke = bold and fonts.synthetic_bold
    canv.saveState()
    canv.setFillColor(color)
    if stroke:
        canv.setStrokeColor(color)
        canv.setLineWidth(size * BOLD_STROKE)
        canv.setLineJoin(1)
    for name, piece in fonts.runs(text, bold):
        canv.setFont(name, size)
        canv.drawString(x, y, piece, mode=2 if stroke else None)
        x += stringWidth(piece, name, size)
    canv.restoreState()
    return width


def emphasised(text: str, color: Color = NAVY) -> list[Span]:
    """``"Click *Register*."`` -> spans with the starred words in ``color`` (and bold when a
    bold face exists): how the seeds mark the website's buttons and fields."""
    return [
        Span(piece, color, bold=True) if i % 2 else Span(piece)
        for i, piece in enumerate(text.split("*"))
        if piece
    ]


def make_table(
    fonts: FontSet,
    rows: Sequence[Sequence[object]],
    widths: Sequence[float | None],
    commands: Sequence[tuple[object, ...]],
    repeat_rows: int = 0,
) -> Table:
    """A platypus Table whose plain-string cells use our font (never the Helvetica default)."""
    result = Table(rows, colWidths=list(widths), repeatRows=repeat_rows, hAlign="LEFT")
    result.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.regular.name), *commands]))
    return result
