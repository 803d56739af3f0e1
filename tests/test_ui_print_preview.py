"""PdfPreviewDialog and BatchRunner: a PDF from memory, printing, saving, a batch."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desk_app.services.errors import NotFound
from desk_app.ui.common.batch_progress import BatchRunner, BatchSummary
from desk_app.ui.common.print_preview import PdfPreviewDialog


def small_pdf(pages: int = 3) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 24)
        canvas.drawString(72, 760, f"Page {number} of {pages}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


PDF = small_pdf()


@pytest.fixture
def preview(qtbot: QtBot) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(PDF, "letter-SMR123456.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    return dialog


def test_the_pdf_is_shown_from_memory(preview: PdfPreviewDialog) -> None:
    assert preview.document.pageCount() == 3
    assert preview.page_count.text() == "of 3"
    assert "letter-SMR123456.pdf" in preview.windowTitle()


def test_pages_and_zoom_follow_the_controls(qtbot: QtBot, preview: PdfPreviewDialog) -> None:
    preview.go_to_page(2)
    qtbot.waitUntil(lambda: preview.current_page() == 2)
    assert preview.page_box.value() == 3
    preview.page_box.setValue(1)
    qtbot.waitUntil(lambda: preview.current_page() == 0)
    preview.go_to_page(7)  # past the end: nothing happens
    assert preview.current_page() == 0
    before = preview.view.zoomFactor()
    preview.zoom_in_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(before * 1.25)
    preview.zoom_out_action.trigger()
    assert preview.view.zoomFactor() == pytest.approx(before)


def test_printing_renders_every_page(qtbot: QtBot, preview: PdfPreviewDialog, tmp_path: Path):
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    with qtbot.waitSignal(preview.printed) as printed:
        assert preview.print_to(printer) == 3
    assert printed.args == [3]
    assert len(PdfReader(target).pages) == 3


def test_printing_a_page_range(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    target = tmp_path / "page-two.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert preview.print_to(printer) == 1
    assert len(PdfReader(target).pages) == 1


def test_saving_writes_the_same_bytes(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    assert list(tmp_path.iterdir()) == []  # previewing wrote nothing
    target = tmp_path / "saved.pdf"
    preview.save_to(target)
    assert target.read_bytes() == PDF


def test_closing_lets_go_of_the_document(preview: PdfPreviewDialog) -> None:
    preview.reject()
    assert preview.document.pageCount() == 0
    assert preview.document.status() != QPdfDocument.Status.Ready


def _run(qtbot: QtBot, runner: BatchRunner) -> BatchSummary:
    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        runner.start()
    summary = finished.args[0]
    assert runner.summary_box is not None
    runner.summary_box.close()
    return summary  # type: ignore[no-any-return]


def test_a_batch_goes_on_past_a_failure(qtbot: QtBot) -> None:
    def work(item: int) -> int:
        if item == 3:
            raise NotFound("candidate_not_found", id_number=f"X{item}")
        return item * 10

    runner = BatchRunner("Reprints", [1, 2, 3, 4], work, describe=lambda i: f"X{i}")
    results: list[tuple[int, object]] = []
    runner.itemDone.connect(lambda index, result: results.append((index, result)))
    summary = _run(qtbot, runner)
    assert summary == BatchSummary(
        total=4,
        done=3,
        failures=(("X3", "No candidate has the ID Number X3."),),
        cancelled=False,
    )
    assert results == [(0, 10), (1, 20), (3, 40)]
    assert runner.dialog.value() == 4


def test_cancel_stops_after_the_current_item(qtbot: QtBot) -> None:
    started, release = threading.Event(), threading.Event()
    handled: list[int] = []

    def work(item: int) -> None:
        started.set()
        release.wait(5)
        handled.append(item)

    runner = BatchRunner("Reprints", range(5), work)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        runner.start()
        qtbot.waitUntil(started.is_set)
        qtbot.keyClick(runner.dialog, Qt.Key.Key_Escape)  # as the Cancel button does
        assert runner.dialog.isVisible()
        assert "Stopping" in runner.dialog.labelText()
        release.set()
    summary = finished.args[0]
    assert (summary.done, summary.cancelled, handled) == (1, True, [0])
    assert runner.summary_box is not None
    assert "the rest were not done" in runner.summary_box.text()
    runner.summary_box.close()
