"""Where the answers sit: a third column beside the candidate, folded away on a smaller screen.

The search results need about 760 pixels (six columns) and the candidate about
600, so the answers start beside them only on a screen of 1800 pixels or more
(the office's usual 1920×1080); on a smaller one they start folded away and
Shift+F3 or Ctrl+Shift+F (Search › Search the answers) unfolds them, taking the
room from the search results.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QSplitter, QWidget

#: the narrowest screen on which the answers start beside the candidate
ANSWERS_MIN_WIDTH = 1800
ANSWERS_WIDTH = 340


def desk_columns(search: QWidget, candidate: QWidget, answers: QWidget) -> QSplitter:
    """The three columns side by side; only the answers may fold away."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setChildrenCollapsible(False)
    for column in (search, candidate, answers):
        splitter.addWidget(column)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    splitter.setCollapsible(2, True)  # a narrow screen folds the answers away
    splitter.setContentsMargins(12, 10, 12, 6)
    return splitter


def first_layout(room: QRect) -> tuple[tuple[int, int], list[int]]:
    """The window's size and the widths of search, candidate and answers on this screen."""
    if room.width() >= ANSWERS_MIN_WIDTH and room.height() >= 960:
        return (1760, 940), [760, 640, ANSWERS_WIDTH]
    return (1280, 800), [770, 490, 0]


def unfold(splitter: QSplitter, index: int) -> None:
    """Give the folded-away column at ``index`` room again, taken from the first column."""
    sizes = splitter.sizes()
    if sizes[index] == 0:
        sizes[0] = max(sizes[0] - ANSWERS_WIDTH, 200)
        sizes[index] = ANSWERS_WIDTH
        splitter.setSizes(sizes)
