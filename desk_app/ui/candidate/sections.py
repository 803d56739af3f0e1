"""The candidate pane's sections: details and account, results, letters.

Each section fills itself from a :class:`CandidateSnapshot` and knows nothing
of services. Results are a tree (one entry per exam, its papers below); the
selected entry is the one a reprinted statement is for.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desk_app.services.candidates.detail import EntryDetail
from desk_app.ui.candidate.loader import CandidateSnapshot
from desk_app.ui.candidate.release_lines import release_lines
from desk_app.ui.common.formatting import show_date, show_date_time, show_moment

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _value() -> QLabel:
    label = QLabel()
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class OverviewSection(QWidget):
    """Contact details and the results account, as two short forms."""

    KEYS = ("email", "phone", "centre", "language",
            "registered", "account_email", "failed", "last_login")  # fmt: skip

    def __init__(self, language: Callable[[], str], timezone: str) -> None:
        super().__init__()
        self._language = language
        self._timezone = timezone
        self.values = {key: _value() for key in self.KEYS}
        self.captions = {key: QLabel() for key in self.KEYS}
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setVerticalSpacing(3)
        for key in self.KEYS:
            self.captions[key].setObjectName("detailsCaption")
            self.form.addRow(self.captions[key], self.values[key])
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "email": self.tr("Email on file"),
            "phone": self.tr("Phone"),
            "centre": self.tr("Centre"),
            "language": self.tr("Emails in"),
            "registered": self.tr("Results account"),
            "account_email": self.tr("Registered email"),
            "failed": self.tr("Wrong passwords in a row"),
            "last_login": self.tr("Last login"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)

    def show_snapshot(self, snapshot: CandidateSnapshot) -> None:
        detail, language = snapshot.detail, self._language()
        account = detail.account
        none = self.tr("(none)")
        self.values["email"].setText(detail.email or none)
        self.values["phone"].setText(detail.phone or none)
        self.values["centre"].setText(f"{detail.centre} · {detail.centre_name}")
        self.values["language"].setText(
            self.tr("Chinese") if detail.language.startswith("zh") else self.tr("English")
        )
        if account.registered and account.registered_at is not None:
            day = account.registered_at.astimezone(ZoneInfo(self._timezone)).date()
            registered = self.tr("Registered on {date}").format(date=show_date(day, language))
            if account.must_change_password:
                registered += " · " + self.tr("must change the password at next login")
        else:
            registered = self.tr("Not registered")
        self.values["registered"].setText(registered)
        self.values["account_email"].setText(account.email or none)
        self.values["failed"].setText(str(account.failed_attempts))
        last = account.last_login_at
        self.values["last_login"].setText(
            show_moment(last, language, self._timezone, snapshot.loaded_at)
            if last is not None
            else self.tr("never")
        )
        for key in ("account_email", "failed", "last_login"):
            self.values[key].setVisible(account.registered)
            self.captions[key].setVisible(account.registered)


class ResultsTree(QTreeWidget):
    """Entries with their released results; papers below each entry."""

    entryChanged = Signal(object)

    def __init__(self, language: Callable[[], str], timezone: str) -> None:
        super().__init__()
        self._language = language
        self._timezone = timezone
        self._snapshot: CandidateSnapshot | None = None
        self.setColumnCount(2)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.header().setStretchLastSection(False)
        # the labels (Overall result, Release date …) whole; the values take the rest
        # (an exam's line spans both columns and does not widen the first)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.currentItemChanged.connect(lambda *_: self.entryChanged.emit(self.selected_entry()))
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Exam and session"), self.tr("Result")])
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def selected_entry(self) -> EntryDetail | None:
        item = self.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        entry = item.data(0, ENTRY_ROLE) if item is not None else None
        return entry if isinstance(entry, EntryDetail) else None

    def show_snapshot(self, snapshot: CandidateSnapshot) -> None:
        chosen = self.selected_entry()
        same = self._snapshot is not None and self._snapshot.candidate_id == snapshot.candidate_id
        self._snapshot = snapshot
        self.blockSignals(True)
        self.clear()
        items = []
        for entry in snapshot.detail.entries:
            item = self._entry_item(entry)
            self.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
            for child in (item.child(number) for number in range(item.childCount())):
                if child is not None and not child.text(1):
                    child.setFirstColumnSpanned(True)
            item.setExpanded(True)
            items.append((entry, item))
        # the same entry as before, else the first with a released result, else the first
        choices = [
            item for entry, item in items if same and chosen and entry.entry_id == chosen.entry_id
        ]
        choices += [item for entry, item in items if entry.result is not None]
        choices += [item for _entry, item in items]
        if choices:
            self.setCurrentItem(choices[0])
        self.blockSignals(False)
        self.entryChanged.emit(self.selected_entry())

    def _entry_item(self, entry: EntryDetail) -> QTreeWidgetItem:
        """The entry on one line; under it the overall result and each paper's score."""
        chinese = self._language() == "zh_HK"
        exam = entry.exam_zh if chinese and entry.exam_zh else entry.exam
        session = entry.session_zh if chinese and entry.session_zh else entry.session
        item = QTreeWidgetItem([f"{exam} — {session}", ""])
        item.setData(0, ENTRY_ROLE, entry)
        item.setToolTip(0, f"{exam} — {session}")
        result = entry.result
        if result is None:
            item.addChild(QTreeWidgetItem([self._not_released(entry), ""]))
            self._add_release_lines(item, entry)
            return item
        parts = (result.grade, f"CEFR {result.cefr}" if result.cefr else "", str(result.score))
        overall = QTreeWidgetItem([self.tr("Overall result"), " · ".join(p for p in parts if p)])
        font = overall.font(0)
        font.setBold(True)
        overall.setFont(0, font)
        overall.setFont(1, font)
        item.addChild(overall)
        for paper in result.papers:
            name = paper.name_zh if chinese and paper.name_zh else paper.name
            item.addChild(QTreeWidgetItem([name, str(paper.score)]))
        if not entry.has_breakdown:
            item.addChild(QTreeWidgetItem([self.tr("No breakdown by paper for this exam"), ""]))
        self._add_release_lines(item, entry)
        return item

    def _add_release_lines(self, item: QTreeWidgetItem, entry: EntryDetail) -> None:
        """When results go (or went) online, the email, the certificate window."""
        now = self._snapshot.loaded_at if self._snapshot is not None else None
        if now is None:
            return
        muted = self.palette().placeholderText()
        for label, value, why in release_lines(entry, self._language(), self._timezone, now):
            child = QTreeWidgetItem([label, value])
            for column in (0, 1):
                child.setToolTip(column, why or f"{label}: {value}")
            child.setForeground(0, muted)
            item.addChild(child)

    def _not_released(self, entry: EntryDetail) -> str:
        if entry.release_at is None:
            return self.tr("No result yet")
        day = entry.release_at.astimezone(ZoneInfo(self._timezone)).date()
        return self.tr("Result not released yet (release {date})").format(
            date=show_date(day, self._language())
        )


class LettersList(QTreeWidget):
    """Every letter the candidate was given, newest first; the active one in bold."""

    def __init__(self, language: Callable[[], str], timezone: str) -> None:
        super().__init__()
        self._language = language
        self._timezone = timezone
        self._snapshot: CandidateSnapshot | None = None
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setColumnCount(5)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHeaderLabels(
            [self.tr("No."), self.tr("Serial"), self.tr("Issued"), self.tr("By"), self.tr("Reason")]
        )
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)

    def show_snapshot(self, snapshot: CandidateSnapshot) -> None:
        self._snapshot = snapshot
        self.clear()
        language = self._language()
        for letter in reversed(snapshot.detail.letters):
            reason = letter.reason or (self.tr("exam day") if letter.number == 0 else "")
            item = QTreeWidgetItem(
                [
                    str(letter.number),
                    letter.serial,
                    show_date_time(letter.issued_at, language, self._timezone),
                    letter.issued_by or "",
                    reason,
                ]
            )
            state = self.tr("active") if letter.active else self.tr("no longer valid")
            secret = (
                self.tr("with a Secret Number")
                if letter.has_secret
                else self.tr("without a Secret Number")
            )
            item.setToolTip(0, f"{state} · {secret}")
            if letter.active:
                font = item.font(0)
                font.setBold(True)
                for column in range(self.columnCount()):
                    item.setFont(column, font)
            self.addTopLevelItem(item)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)
