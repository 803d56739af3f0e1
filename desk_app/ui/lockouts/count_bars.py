"""A small bar chart of lockouts per hour or per day, painted by hand.

Light on purpose: a row of bars with the highest count marked and a label
under every few bars. The numbers are also in the tooltip of each bar and in
the accessible description, for people who do not read charts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR_COLOUR = QColor("#1f5f8b")
AXIS_COLOUR = QColor("#9aa3ab")
TEXT_COLOUR = QColor("#444444")
_MARGIN = 6


class CountBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countBars")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        # (label under the bar, count, tooltip)
        self._bars: list[tuple[str, int, str]] = []
        self._label_every = 1

    def sizeHint(self) -> QSize:
        return QSize(360, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 110)

    def set_bars(self, bars: Sequence[tuple[str, int, str]], *, label_every: int = 1) -> None:
        self._bars = list(bars)
        self._label_every = max(label_every, 1)
        self.setAccessibleDescription("; ".join(f"{tip}: {count}" for _label, count, tip in bars))
        self.update()

    def bars(self) -> list[tuple[str, int, str]]:
        return list(self._bars)

    def _plot(self) -> QRect:
        text_height = self.fontMetrics().height()
        return self.rect().adjusted(_MARGIN, text_height + _MARGIN, -_MARGIN, -text_height - 4)

    def _bar_rect(self, index: int, highest: int) -> QRect:
        plot = self._plot()
        width = plot.width() / max(len(self._bars), 1)
        count = self._bars[index][1]
        height = round(plot.height() * count / highest) if highest else 0
        left = plot.left() + round(index * width)
        return QRect(left + 1, plot.bottom() - height, max(round(width) - 2, 1), height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        plot = self._plot()
        painter.setPen(AXIS_COLOUR)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self._bars:
            painter.end()
            return
        highest = max(count for _label, count, _tip in self._bars)
        painter.setPen(TEXT_COLOUR)
        painter.drawText(
            QRect(plot.left(), 0, plot.width(), plot.top()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.tr("highest: {count}").format(count=highest),
        )
        for index, (label, count, _tip) in enumerate(self._bars):
            bar = self._bar_rect(index, highest)
            if count:
                painter.fillRect(bar, BAR_COLOUR)
            if index % self._label_every == 0 and label:
                width = self.fontMetrics().horizontalAdvance(label) + 4
                left = min(max(bar.center().x() - width // 2, 0), self.width() - width)
                box = QRect(left, plot.bottom() + 2, width, plot.top())
                painter.drawText(
                    box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label
                )
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._bars:
            index = self._bar_at(event.pos())
            if index is not None:
                _label, count, tip = self._bars[index]
                QToolTip.showText(event.globalPos(), f"{tip}: {count}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _bar_at(self, point: QPoint) -> int | None:
        plot = self._plot()
        if not plot.contains(point):
            return None
        width = plot.width() / max(len(self._bars), 1)
        index = int((point.x() - plot.left()) / width)
        return index if 0 <= index < len(self._bars) else None
