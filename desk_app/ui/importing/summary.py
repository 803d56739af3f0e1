"""What an import report says, in the staff member's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.services.importing.report import ImportCounts, ImportReport
from desk_app.ui.common.errors import translate_error


def count_lines(counts: ImportCounts) -> list[str]:
    labels = (
        (
            counts.new_candidates,
            QCoreApplication.translate("ImportSummary", "New candidates: {count}"),
        ),
        (
            counts.changed_candidates,
            QCoreApplication.translate("ImportSummary", "Corrected candidates: {count}"),
        ),
        (
            counts.new_entries,
            QCoreApplication.translate("ImportSummary", "New exam entries: {count}"),
        ),
        (counts.new_results, QCoreApplication.translate("ImportSummary", "New results: {count}")),
        (
            counts.changed_results,
            QCoreApplication.translate("ImportSummary", "Corrected results: {count}"),
        ),
        (
            counts.removed_results,
            QCoreApplication.translate(
                "ImportSummary", "Withdrawn results (not yet released): {count}"
            ),
        ),
        (
            counts.unchanged_rows,
            QCoreApplication.translate("ImportSummary", "Unchanged rows: {count}"),
        ),
        (counts.new_centres, QCoreApplication.translate("ImportSummary", "New centres: {count}")),
        (counts.new_sessions, QCoreApplication.translate("ImportSummary", "New sessions: {count}")),
    )
    return [text.format(count=f"{value:,}") for value, text in labels if value]


def summary_text(report: ImportReport) -> str:
    """The headline and the counts (or why nothing was imported)."""
    rows = f"{report.counts.rows:,}"
    if not report.ok:
        lines = [translate_error("import_refused", {"count": f"{report.problem_count:,}"})]
        hidden = report.problem_count - len(report.problems)
        if hidden > 0:
            more: dict[str, object] = {
                "count": f"{hidden:,}",
                "listed": f"{len(report.problems):,}",
            }
            lines.append(translate_error("import_more_problems", more))
        return "\n".join(lines)
    if report.dry_run:
        head = QCoreApplication.translate(
            "ImportSummary", "Checked {rows} rows: no problems. Nothing was written yet."
        ).format(rows=rows)
        if report.counts.changes == 0:
            return (
                head
                + "\n"
                + QCoreApplication.translate(
                    "ImportSummary", "Importing this file would change nothing."
                )
            )
        return "\n".join(
            [
                head,
                QCoreApplication.translate("ImportSummary", "Importing it would make:"),
                *count_lines(report.counts),
            ]
        )
    head = QCoreApplication.translate("ImportSummary", "Imported {rows} rows in one go.").format(
        rows=rows
    )
    if report.counts.changes == 0:
        return (
            head
            + "\n"
            + QCoreApplication.translate(
                "ImportSummary", "Nothing changed: the desk already had all of it."
            )
        )
    return "\n".join([head, *count_lines(report.counts)])
