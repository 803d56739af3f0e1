"""The desk window at 1,000,000 candidates: keystroke to results, and the GUI thread's pauses.

    .venv/bin/python -m bench.desk_bench [--queries 20] [--previews 10] [--no-docs]

The real window (``MainWindow`` over the real services) on the SQLite
database that ``bench/search_bench.py`` builds and caches (1,000,000 demo
candidates), signed in as the demo supervisor, on Qt's ``offscreen``
platform (or the display in ``DISPLAY``). A heartbeat (a ``QTimer`` every
5 ms on the GUI thread) records the longest gap between its ticks while
each thing is done: the gap beyond 5 ms is how long the GUI thread could not
answer (a key, a repaint).

- **keystroke to results**: the query's last key is pressed in the search
  box (``QTest.keyClick``; the rest of the query is already there); the
  time until the results table has painted the first page. Queries of every
  kind the search bench makes (ID, ID prefix, name words, Chinese name,
  email, phone), ``--queries`` of each.
- **detail load**: after the results, the first row is selected and the
  candidate pane loads it (the pane's ``snapshotChanged``).
- **PDF preview**: a reprinted statement (the service on a worker, as the
  desk does it) opened in the print preview, until the page has painted.

As in the desk, the idle lock's application-wide input filter is installed
and the PDF fonts are read before (the desk does that while the staff
member signs in).

Targets (issue 9, item 8): keystroke to results ≤ 100 ms; the GUI thread
never blocked more than 50 ms. Writes a Markdown section between the
``desk`` markers of docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.performance_doc import write_section
from bench.search_bench import make_queries
from bench.search_data import CACHE, SEED, warm
from desk_app.__main__ import GC_THRESHOLDS

MILLION = CACHE / f"search-1000000-{SEED}.sqlite3"
HEARTBEAT_MS = 5
TARGET_KEYSTROKE_MS = 100.0
TARGET_BLOCK_MS = 50.0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Series:
    what: str
    #: how long each one took, ms
    took: list[float] = field(default_factory=list)
    #: the longest heartbeat gap beyond its interval during each one, ms
    blocked: list[float] = field(default_factory=list)
    #: the GUI thread's own CPU time in its busiest stretch between two ticks, ms
    busy: list[float] = field(default_factory=list)
    #: in the longest gap: the GUI thread's own CPU time, its time ready to run but
    #: waiting for a CPU (the kernel's run-queue delay), and the rest (asleep: waiting
    #: for Python's lock, which another thread held), ms
    gap_own: list[float] = field(default_factory=list)
    gap_cpu_wait: list[float] = field(default_factory=list)
    gap_gil: list[float] = field(default_factory=list)

    def worst_gap(self) -> tuple[float, float, float]:
        """The longest gap's own work, wait for a CPU and wait for Python's lock, ms."""
        at = self.blocked.index(max(self.blocked))
        return self.gap_own[at], self.gap_cpu_wait[at], self.gap_gil[at]

    def record(self, heartbeat: Any) -> None:
        self.blocked.append(float(heartbeat.worst))
        self.busy.append(heartbeat.worst_cpu)
        own, waiting, rest = heartbeat.worst_parts
        self.gap_own.append(own)
        self.gap_cpu_wait.append(waiting)
        self.gap_gil.append(rest)


#: the calling thread's CPU time, run-queue delay and time slices, ns (Linux schedstat)
SCHEDSTAT = Path("/proc/thread-self/schedstat")


def thread_sched() -> tuple[float, float]:
    """The calling thread's CPU time and its time waiting for a CPU, ms (0, 0 elsewhere)."""
    try:
        ran, waited, _slices = SCHEDSTAT.read_text().split()
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(ran) / 1e6, int(waited) / 1e6


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(queries_per_kind: int, previews: int) -> list[Series]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in os.environ else "xcb")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from desk_app.database import Database
    from desk_app.services.registry import build_services
    from desk_app.settings import Settings
    from desk_app.ui.app import OpenDesk, make_application, warm_window, window_services
    from desk_app.ui.common.i18n import Translations
    from desk_app.ui.common.print_preview import PdfPreviewDialog
    from desk_app.ui.common.workers import run_in_background
    from desk_app.ui.main_window import MainWindow
    from desk_app.ui.session.idle import IdleWatcher

    if not MILLION.exists():
        raise SystemExit(f"{MILLION} is missing: run python -m bench.search_bench first")
    gc.set_threshold(*GC_THRESHOLDS)  # as desk-app's entry point does
    # a desk in use has its database cached, as the search bench assumes too: a file
    # other work pushed out of memory made one search wait 0.3 s for the disk
    warm([MILLION])
    url = f"sqlite:///{MILLION}"
    queries = make_queries(url, queries_per_kind)
    app = make_application()
    services = build_services(Database(url), Settings())
    staff = services.staff.authenticate("supervisor", "supervisor-demo-2026")
    window = MainWindow(window_services(services, services.db.dialect), staff, Translations())
    window.show()
    # the signed-in desk's application-wide input filter (the idle lock) sees every event
    idle = IdleWatcher(10)
    idle.start()

    class Heartbeat(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.clock = QElapsedTimer()
            self.clock.start()
            self.last = 0
            self.worst = 0
            # the GUI thread's own CPU time in its longest stretch between two ticks:
            # its own work, which a loaded machine does not stretch (waiting for a CPU
            # or for Python's lock is not in it)
            self.last_cpu = time.thread_time()
            self.worst_cpu = 0.0
            self.last_sched = thread_sched()
            self.worst_parts = (0.0, 0.0, 0.0)
            self.timer = QTimer(self, interval=HEARTBEAT_MS)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.timeout.connect(self.tick)
            self.timer.start()

        def tick(self) -> None:
            now, cpu, sched = self.clock.elapsed(), time.thread_time(), thread_sched()
            gap = now - self.last - HEARTBEAT_MS
            if gap > self.worst:
                own = sched[0] - self.last_sched[0]
                waiting = sched[1] - self.last_sched[1]
                # the rest of the gap beyond the tick's interval: the thread slept
                rest = max(0.0, now - self.last - own - waiting - HEARTBEAT_MS)
                self.worst_parts = (own, waiting, rest)
            self.worst = max(self.worst, gap)
            self.worst_cpu = max(self.worst_cpu, (cpu - self.last_cpu) * 1000)
            self.last, self.last_cpu, self.last_sched = now, cpu, sched

        def reset(self) -> None:
            self.last, self.last_cpu = self.clock.elapsed(), time.thread_time()
            self.last_sched = thread_sched()
            self.worst, self.worst_cpu = 0, 0.0
            self.worst_parts = (0.0, 0.0, 0.0)

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.perf_counter()
            return False

    def wait_until(done: Callable[[], bool], timeout: float = 30.0) -> None:
        end = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > end:
                raise TimeoutError("the desk did not answer in time")
            QCoreApplication.processEvents()
            time.sleep(0.001)

    def press(widget: QWidget, char: str) -> None:
        """One key that types ``char`` (QTest maps only ASCII characters to keys)."""
        if char.isascii():
            QTest.keyClicks(widget, char)
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)

    heartbeat = Heartbeat()
    panel = window.search_panel
    box = panel.search_box
    viewport = panel.table.viewport()
    painted = FirstPaint()
    viewport.installEventFilter(painted)
    keystroke, detail = Series("keystroke to results on screen"), Series("detail load")
    shown: list[int] = []
    panel.resultsShown.connect(lambda count, _more: shown.append(count))
    snapshots: list[object] = []
    window.pane.snapshotChanged.connect(snapshots.append)
    QTest.qWait(300)
    # what the desk does on its opener's worker at start (ui/app.py): the window's
    # services and the PDF fonts, before measuring
    warm_window(OpenDesk(services, services.db.dialect, services.db.dispose))
    loader_busy = window.pane._loader
    for kind, all_texts in queries.items():
        texts = all_texts[:queries_per_kind]
        log(f"  {kind} …")
        for text in texts:
            box.setText(text[:-1])
            panel.search_now(force=True)
            QTest.qWait(50)
            wait_until(lambda: not panel._requests.busy and not loader_busy.busy)
            QTest.qWait(50)
            shown.clear()
            heartbeat.reset()
            painted.at = None
            started = time.perf_counter()
            press(box, text[-1])

            def on_screen(started: float = started) -> bool:
                return bool(shown) and painted.at is not None and painted.at > started

            wait_until(on_screen)
            assert painted.at is not None
            keystroke.took.append((painted.at - started) * 1000)
            keystroke.record(heartbeat)
            log(
                f"    {text!r}: {keystroke.took[-1]:.0f} ms, blocked {heartbeat.worst} ms "
                "(own {:.0f}, waiting for a CPU {:.0f}, for Python's lock {:.0f})".format(
                    *heartbeat.worst_parts
                )
            )
            if not shown[-1]:
                continue
            # the candidate found, opened (Enter): loaded on a worker, shown in the pane
            wait_until(lambda: not loader_busy.busy)
            snapshots.clear()
            heartbeat.reset()
            loading = time.perf_counter()
            window.pane.reload()
            wait_until(lambda: any(s is not None for s in snapshots))
            QTest.qWait(20)  # its painting
            detail.took.append((time.perf_counter() - loading) * 1000)
            detail.record(heartbeat)
            log(
                "    detail: {:.0f} ms, blocked {} ms (own {:.0f}, CPU {:.0f}, lock {:.0f})".format(
                    detail.took[-1], heartbeat.worst, *heartbeat.worst_parts
                )
            )
    preview = Series("PDF preview (statement reprint)")
    released = [t for t in queries.get("exact ID", [])]
    for id_number in released[: previews * 3]:
        if len(preview.took) >= previews:
            break
        outcome: list[object] = []
        heartbeat.reset()
        started = time.perf_counter()

        def reprint(id_number: str = id_number) -> object:
            return services.statements.print_statement(
                staff,
                id_number.replace(" ", "").upper(),
                reason="bench",
                override_reason="bench: a supervisor's reprint",
            )

        def answered(outcome: list[object] = outcome) -> bool:
            return bool(outcome)

        run_in_background(reprint, outcome.append, outcome.append)
        wait_until(answered)
        printed = outcome[0]
        if isinstance(printed, BaseException):  # no released result for this one
            continue
        dialog = PdfPreviewDialog(printed.pdf, "statement.pdf", window)  # type: ignore[attr-defined]
        page = FirstPaint()
        dialog.view.viewport().installEventFilter(page)
        dialog.open()

        def painted_page(page: FirstPaint = page) -> bool:
            return page.at is not None

        wait_until(painted_page)
        QTest.qWait(200)  # the page's rendering, after the first paint
        assert page.at is not None
        preview.took.append((page.at - started) * 1000)
        preview.record(heartbeat)
        log(
            "    preview: blocked {} ms (own {:.0f}, CPU {:.0f}, lock {:.0f})".format(
                heartbeat.worst, *heartbeat.worst_parts
            )
        )
        dialog.close()
        dialog.deleteLater()
    idle.stop()
    window.close()
    QApplication.processEvents()
    services.db.dispose()
    del app
    return [keystroke, detail, preview]


def section(measured: list[Series]) -> list[str]:
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    lines = [
        "## The window at 1,000,000 candidates",
        "",
        f"Measured by `bench/desk_bench.py` on {os.cpu_count()} CPUs, Python "
        f"{sys.version.split()[0]}, load average {load} (1 / 5 / 15 min) at the end of the run. "
        "The real window over the real services on the cached SQLite database of the search "
        "bench (its file read once before, as a desk in use has it cached), signed in as "
        "the demo supervisor, drawn by Qt's offscreen platform; a 5 ms "
        "heartbeat on the GUI thread records its longest pause during each step. Targets: "
        f"keystroke to results ≤ {TARGET_KEYSTROKE_MS:.0f} ms; the GUI thread never blocked "
        f"more than {TARGET_BLOCK_MS:.0f} ms.",
        "",
        "| step | runs | median ms | p95 ms | max ms | GUI thread blocked, max ms "
        "| in that gap: its own work ms | waiting for a CPU ms | waiting for Python's lock ms "
        "| its own work, max ms | within target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for series in measured:
        if not series.took:
            continue
        worst_block = max(series.blocked)
        met = worst_block <= TARGET_BLOCK_MS
        if series.what.startswith("keystroke"):
            met = met and p95(series.took) <= TARGET_KEYSTROKE_MS
        figures = (statistics.median(series.took), p95(series.took), max(series.took))
        cells = " | ".join(f"{value:.0f}" for value in figures)
        parts = " | ".join(f"{value:.0f}" for value in series.worst_gap())
        lines.append(
            f"| {series.what} | {len(series.took)} | {cells} | {worst_block:.0f} | {parts} | "
            f"{max(series.busy):.0f} | {'yes' if met else '**no**'} |"
        )
    lines += [
        "",
        "The longest gap of each step is taken apart with the kernel's account of the GUI "
        "thread (`/proc/thread-self/schedstat`): its own work (CPU time), its time ready to "
        "run but waiting for a CPU (the run-queue delay: the machine is shared, see the load "
        "average), and the rest, when it slept: waiting for Python's lock, held by a worker "
        "running Python (the search, SQLAlchemy building the candidate, reportlab). The last "
        "column is the GUI thread's largest CPU time between two ticks in any gap. The desk "
        "runs every search, load and PDF on workers; the GUI thread only fills the table, the "
        "pane or the preview. What kept Python's lock long before (`ui/startup/pauses.py`): "
        "the cyclic collector's full passes over the whole desk on a worker (0.2–0.25 s), now "
        "kept off the objects that last (`gc.freeze` once the desk is open), and Python's 5 "
        "ms switch interval, paid for each call Qt makes into Python while a worker computes "
        "(now 1 ms); the knowledge pane no longer sets the same answer again on every "
        "candidate loaded. Less Python on both threads since: a candidate's entries are "
        "read in two statements instead of six (the worker holds the lock for less), the "
        "table models answer Qt's thousands of calls per page painted from a "
        "tuple instead of calling the column enum, and the candidate pane clears itself "
        "once when a new search starts, not again when the first row is selected (each "
        "clearing refilled the knowledge pane and the actions).",
        "",
        "What is left is mostly Qt's own drawing on the GUI thread, measured apart on this "
        "machine: repainting the 50 rows of results takes 8–15 ms with no worker running, "
        "a few ms of it the model's Python answers (per paint about 900 calls of `data()` "
        "and 1,100 each of `rowCount()` and `columnCount()`), and about 9 ms more while a "
        "worker runs Python (a call into Python may wait for the lock); "
        "a switch interval of 0.25 ms instead of 1 ms took some 2 ms off that median, within "
        "the machine's noise, and slowed the worker by a tenth, so the window keeps 1 ms.",
    ]
    keys = next((m for m in measured if m.what.startswith("keystroke") and m.took), None)
    if keys is not None and max(keys.took) > TARGET_KEYSTROKE_MS:
        lines += [
            "",
            f"**Missed: keystroke to results, up to {max(keys.took):.0f} ms (target "
            f"{TARGET_KEYSTROKE_MS:.0f} ms; p95 {p95(keys.took):.0f} ms, median "
            f"{statistics.median(keys.took):.0f} ms).** "
            "The box waits 30 ms after the last key, the search takes a few ms, the rest is "
            "painting the first page of results and, on a shared machine, waiting for a CPU.",
        ]
    for series in measured:
        if not series.took or max(series.blocked) <= TARGET_BLOCK_MS:
            continue
        lines.append("")
        lines.append(
            f"**Missed: {series.what}, the GUI thread blocked up to {max(series.blocked):.0f} ms "
            f"(target {TARGET_BLOCK_MS:.0f} ms).** In that gap: its own work "
            "{:.0f} ms, waiting for a CPU {:.0f} ms, waiting for Python's lock {:.0f} ms. ".format(
                *series.worst_gap()
            )
            + "Waiting for a CPU is the shared machine's (an idle one has a CPU free); what is "
            "left on an idle machine is the GUI thread's own work (filling and painting the "
            "table or the pane) and the lock's waits."
        )
    return lines


def run(report: list[str], queries: int = 20, previews: int = 10, docs: bool = True) -> None:
    lines = section(measure(queries, previews))
    report.extend(lines)
    if docs:
        write_section("desk", lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=20, help="of each kind")
    parser.add_argument("--previews", type=int, default=10)
    parser.add_argument("--no-docs", action="store_true", help="print only")
    args = parser.parse_args()
    report: list[str] = []
    run(report, args.queries, args.previews, docs=not args.no_docs)
    print("\n".join(report), flush=True)
    # the figures are out: skip the interpreter's teardown, where PySide6 has been seen to
    # crash collecting the window's Python-side objects (none_dealloc)
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
