"""Print preview of a PDF held in memory: page through, zoom, print or save.

The document is read from a ``QBuffer``, never from a file: a reissued
letter carries a new Secret Number, so nothing reaches the disk unless the
user saves it. Printing renders each page into the printer's paint rect.
The keyboard reaches it all: Ctrl+P or Enter opens the print dialog (whose
Enter prints), Ctrl+S saves, Page Up/Down turn pages, Esc closes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QShowEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.errors import DeskError
from desk_app.services.output_files import write_output
from desk_app.ui.common.message_box import show_error_for

# pages are rendered for the printer at no more than this resolution
MAX_PRINT_DPI = 300
_ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    saved = Signal(str)
    printed = Signal(int)

    def __init__(self, pdf: bytes, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._suggested_name = suggested_name
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.document.pageCountChanged.connect(self._pages_changed)
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self.resize(900, 1000)
        self.retranslate()
        self._pages_changed()

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.print_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(self.ask_and_print)
        self.save_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(self.ask_and_save)
        self.previous_action = QAction(
            self, shortcut=QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage)
        )
        self.previous_action.triggered.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_action = QAction(
            self, shortcut=QKeySequence(QKeySequence.StandardKey.MoveToNextPage)
        )
        self.next_action.triggered.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_box = QSpinBox(self, minimum=1, maximum=1)
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_count = QLabel(self)
        self.zoom_out_action = QAction(
            self, shortcut=QKeySequence(QKeySequence.StandardKey.ZoomOut)
        )
        self.zoom_out_action.triggered.connect(lambda: self.zoom_by(1 / _ZOOM_STEP))
        self.zoom_in_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.zoom_in_action.triggered.connect(lambda: self.zoom_by(_ZOOM_STEP))
        self.fit_width_action = QAction(self)
        self.fit_width_action.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        self.fit_page_action = QAction(self)
        self.fit_page_action.triggered.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        )
        bar = self.toolbar
        bar.addAction(self.print_action)
        bar.addAction(self.save_action)
        bar.addSeparator()
        bar.addAction(self.previous_action)
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count)
        bar.addAction(self.next_action)
        bar.addSeparator()
        for action in (self.zoom_out_action, self.zoom_in_action):
            bar.addAction(action)
        for action in (self.fit_width_action, self.fit_page_action):
            bar.addAction(action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview: {name}").format(name=self._suggested_name))
        self.print_action.setText(self.tr("Print…"))
        self.save_action.setText(self.tr("Save…"))
        self.previous_action.setText(self.tr("Previous page"))
        self.next_action.setText(self.tr("Next page"))
        self.zoom_out_action.setText(self.tr("Zoom out"))
        self.zoom_in_action.setText(self.tr("Zoom in"))
        self.fit_width_action.setText(self.tr("Fit width"))
        self.fit_page_action.setText(self.tr("Whole page"))
        self.page_box.setAccessibleName(self.tr("Page"))
        self._pages_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- pages and zoom ------------------------------------------------------
    def current_page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.document.pageCount() and page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def zoom_by(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(self.view.zoomFactor() * factor, 0.25), 6.0))

    def _pages_changed(self, *_args: object) -> None:
        count = max(self.document.pageCount(), 1)
        self.page_box.setMaximum(count)
        self.page_count.setText(self.tr("of {count}").format(count=count))

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    # -- printing and saving -------------------------------------------------
    def print_to(self, printer: QPrinter) -> int:
        """Render the pages the printer asks for; returns how many were printed."""
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, min(last, count)) if first > 0 else range(count)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        try:
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            for done, page in enumerate(pages):
                if done:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(page, pixels)
                painter.drawImage(_fit(target, image), image)
        finally:
            painter.end()
        self.printed.emit(len(pages))
        return len(pages)

    def ask_and_print(self) -> QPrintDialog:
        """The print dialog, window-modal and not blocking; its OK (Enter) prints."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setMinMax(1, max(self.document.pageCount(), 1))
        # the printer lives as long as the dialog, which prints before it closes
        dialog.accepted.connect(lambda: self.print_to(printer))
        QDialog.open(dialog)  # QPrintDialog.open() wants a receiver; QDialog's does not
        return dialog

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.ask_and_print()  # the preview's main action
            return
        super().keyPressEvent(event)

    def save_to(self, path: str | Path) -> None:
        """Write the PDF to ``path`` whole, or raise the file's :class:`DeskError`."""
        written = write_output(path, self._pdf)
        self.saved.emit(str(written))

    def ask_and_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF"), self._suggested_name, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(path)
        except DeskError as error:
            show_error_for(self, error, self.tr("Save the PDF"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._forget()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._forget()
        super().done(result)

    def _forget(self) -> None:
        """Let go of the document as soon as the preview is closed."""
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())


def _fit(target: QRectF, image: QImage) -> QRectF:
    """The largest rectangle of the image's shape centred in ``target``."""
    if image.isNull() or image.width() == 0 or image.height() == 0:
        return target
    scale = min(target.width() / image.width(), target.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(
        target.x() + (target.width() - width) / 2,
        target.y() + (target.height() - height) / 2,
        width,
        height,
    )
