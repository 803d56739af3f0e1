"""Where the answers sit: a third column beside the candidate, folded away on a small screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QSplitter

#: the narrowest screen on which the answers start beside the candidate
ANSWERS_MIN_WIDTH = 1500
ANSWERS_WIDTH = 340


def first_layout(room: QRect) -> tuple[tuple[int, int], list[int]]:
    """The window's size and the widths of search, candidate and answers on this screen:
    1600×900 where there is room; else 1280×800 with the answers folded away."""
    if room.width() >= ANSWERS_MIN_WIDTH and room.height() >= 900:
        return (1600, 900), [720, 510, ANSWERS_WIDTH]
    return (1280, 800), [770, 490, 0]


def unfold(splitter: QSplitter, index: int) -> None:
    """Give the folded-away column at ``index`` room again, taken from the first column."""
    sizes = splitter.sizes()
    if sizes[index] == 0:
        sizes[0] = max(sizes[0] - ANSWERS_WIDTH, 200)
        sizes[index] = ANSWERS_WIDTH
        splitter.setSizes(sizes)
