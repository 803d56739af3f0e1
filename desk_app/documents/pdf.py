"""Building a PDF from a story: one A4 page template, metadata, one build at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from desk_app.documents.fonts import FontSet
from desk_app.documents.styles import CONTENT_WIDTH, MARGIN, PAGE_HEIGHT, PAGE_WIDTH

PageHook = Callable[[Canvas, BaseDocTemplate], None]

#: reportlab keeps per-document font state in shared objects: build one at a time
_build_lock = threading.Lock()


@dataclass(frozen=True)
class Rendered:
    data: bytes
    pages: int


def build_pdf(
    story: Sequence[Flowable],
    *,
    fonts: FontSet,
    title: str,
    subject: str,
    author: str,
    on_page: PageHook,
    top: float,
    bottom: float,
) -> Rendered:
    """Lay ``story`` out between ``top`` and ``bottom`` (distances from the page edges).

    ``on_page`` draws the page furniture (header, footer, reprint marks) on
    every page before the page's content. Fonts are embedded as subsets,
    streams compressed, and the output is byte-for-byte repeatable
    (``invariant``): the dates printed come from the content, not the clock.
    """
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=top,
        bottomMargin=bottom,
        title=title,
        author=author,
        subject=subject,
        creator="Results Desk",
        keywords="",
        lang="en-HK",
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.regular.name,
        initialFontSize=9,
    )
    frame = Frame(
        MARGIN,
        bottom,
        CONTENT_WIDTH,
        PAGE_HEIGHT - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=on_page)])
    with _build_lock:
        ascii85 = rl_config.useA85
        rl_config.useA85 = 0  # binary streams: smaller and faster; restored below
        try:
            doc.build(list(story))
        finally:
            rl_config.useA85 = ascii85
    return Rendered(buffer.getvalue(), doc.page)
