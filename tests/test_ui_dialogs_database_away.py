"""Open dialogs while the database is away: their action buttons wait, what was typed stays.

The desk's SQLite file is locked by another program (``BEGIN EXCLUSIVE``, as in
``test_ui_database_gone_sqlite``) while the import dialog, the letter batch,
an export and the answer editor are open: each one's action button is
disabled with the reason in its tooltip and a notice in the dialog, nothing
typed or chosen is lost, and when the other program lets go the buttons come
back by themselves — except one the dialog keeps off for its own reason.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desk_app.services.registry import Services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.connection.away import AwayNotice, DialogHold
from desk_app.ui.connection.watch import DatabaseWatch
from desk_app.ui.exports.dialog import ExportDialog
from desk_app.ui.importing.dialog import ImportDialog
from desk_app.ui.knowledge.editor_dialog import AnswerEditorDialog
from desk_app.ui.letters.batch_dialog import LetterBatchDialog
from desk_app.ui.main_window import MainWindow
from tests.support.desk_window import LOAD_TIMEOUT, open_window
from tests.support.factories import add_staff, make_candidate

REASON = "The database cannot be reached: this waits until it is back."
NOTICE = "The database cannot be reached: this waits until it is back."


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.switch("en")


@contextlib.contextmanager
def locked_by_another_program(sqlite_desk_file: Path) -> Iterator[sqlite3.Connection]:
    # it waits for a moment the desk holds the file itself (a health check, a read)
    other = sqlite3.connect(sqlite_desk_file, isolation_level=None, timeout=10)
    try:
        other.execute("BEGIN EXCLUSIVE")
        yield other
    finally:
        with contextlib.suppress(sqlite3.Error):
            other.rollback()
        other.close()


def watched_window(qtbot: QtBot, sqlite_desk: Services) -> tuple[MainWindow, DatabaseWatch]:
    window = open_window(qtbot, sqlite_desk, add_staff(sqlite_desk, "supervisor", "sup.wong"))
    qtbot.waitUntil(lambda: len(window.knowledge.listed_keys()) > 10, timeout=LOAD_TIMEOUT)
    watch = DatabaseWatch(window, sqlite_desk.connection)
    watch.start()
    return window, watch


def go_away(qtbot: QtBot, watch: DatabaseWatch) -> None:
    with qtbot.waitSignal(watch.awayChanged, check_params_cb=lambda away: away, timeout=30_000):
        watch.health.check_now()  # as the next scheduled check would, a few seconds later


def notice_of(dialog: object) -> AwayNotice:
    hold = cast(ExportDialog, dialog).findChild(DialogHold)
    assert isinstance(hold, DialogHold)
    return hold.notice


def held(button: QPushButton) -> bool:
    return not button.isEnabled() and button.toolTip() == REASON


def test_open_dialogs_wait_while_the_file_is_locked_and_keep_what_was_typed(
    qtbot: QtBot, sqlite_desk: Services, sqlite_desk_file: Path, tmp_path: Path
) -> None:
    make_candidate(sqlite_desk, "KLT000100", letter=False, released=False)
    window, watch = watched_window(qtbot, sqlite_desk)
    chosen = tmp_path / "board.csv"
    chosen.write_text("id_number\n", encoding="utf-8")

    # File › Import… is the administrators'; its dialog over this window all the same
    importing = ImportDialog(
        sqlite_desk.importer, add_staff(sqlite_desk, "admin", "adm.lee"), window
    )
    importing.open()
    importing.path.setText(str(chosen))
    importing.reason.setText("July intake")
    assert importing.import_button.isEnabled() and importing.check_button.isEnabled()
    letters = window.print_letters()
    qtbot.waitUntil(lambda: letters.centre.count() > 0, timeout=LOAD_TIMEOUT)
    letters.reissue.setChecked(True)  # off for its own reason: no reason given yet
    assert not letters.print_button.isEnabled()
    window.export_menu.update_entries()
    window.export_menu.audit_action.trigger()
    export = window.findChildren(ExportDialog)[0]
    export_path = str(tmp_path / "audit.csv")
    export.path.setText(export_path)
    assert export.export_button.isEnabled()
    window.knowledge.select("contact_office")
    editor = cast(AnswerEditorDialog, window.knowledge.open_editor())
    editor.body_en.setPlainText("Open 9:00–17:00.")
    editor.reason.setText("opening hours")
    assert editor.save_button.isEnabled()
    dialogs = (importing, letters, export, editor)
    assert not any(notice_of(dialog).isVisible() for dialog in dialogs)

    with locked_by_another_program(sqlite_desk_file) as other:
        go_away(qtbot, watch)
        assert held(importing.import_button) and held(importing.check_button)
        assert importing.close_button.isEnabled()  # closing never waits
        assert held(letters.print_button) and held(export.export_button)
        assert held(editor.save_button)
        for dialog in dialogs:
            assert notice_of(dialog).isVisible()
            assert notice_of(dialog).text().startswith(NOTICE)
        # the dialog's own rule says yes while away: it waits all the same
        letters.reason.setText("printer jammed")
        assert held(letters.print_button)
        editor.reason.setText("opening hours, again")
        assert held(editor.save_button)
        with qtbot.waitSignal(
            watch.awayChanged, check_params_cb=lambda away: not away, timeout=30_000
        ):
            other.rollback()

    assert importing.import_button.isEnabled() and importing.check_button.isEnabled()
    assert letters.print_button.isEnabled() and letters.print_button.toolTip() != REASON
    assert export.export_button.isEnabled() and editor.save_button.isEnabled()
    assert not any(notice_of(dialog).isVisible() for dialog in dialogs)
    # nothing typed or chosen was lost
    assert importing.path.text() == str(chosen) and importing.reason.text() == "July intake"
    assert letters.reissue.isChecked() and letters.reason.text() == "printer jammed"
    assert export.path.text() == export_path
    assert editor.body_en.toPlainText() == "Open 9:00–17:00."
    assert editor.reason.text() == "opening hours, again"
    for dialog in dialogs:
        dialog.reject()
    window.close()


def test_a_button_the_dialog_keeps_off_stays_off_on_return(
    qtbot: QtBot, sqlite_desk: Services, sqlite_desk_file: Path
) -> None:
    make_candidate(sqlite_desk, "KLT000100", letter=False, released=False)
    window, watch = watched_window(qtbot, sqlite_desk)
    letters = window.print_letters()
    qtbot.waitUntil(lambda: letters.centre.count() > 0, timeout=LOAD_TIMEOUT)
    assert letters.print_button.isEnabled()
    with locked_by_another_program(sqlite_desk_file) as other:
        go_away(qtbot, watch)
        assert held(letters.print_button)
        letters.reissue.setChecked(True)  # now it needs a reason the dialog does not have
        with qtbot.waitSignal(
            watch.awayChanged, check_params_cb=lambda away: not away, timeout=30_000
        ):
            other.rollback()
    assert not letters.print_button.isEnabled()
    assert letters.print_button.toolTip() != REASON
    letters.reason.setText("printer jammed")
    assert letters.print_button.isEnabled()
    letters.reject()
    window.close()


def test_a_dialog_opened_while_away_waits_at_once_and_speaks_chinese(
    qtbot: QtBot, sqlite_desk: Services, sqlite_desk_file: Path, translations: Translations
) -> None:
    window, watch = watched_window(qtbot, sqlite_desk)
    with locked_by_another_program(sqlite_desk_file) as other:
        go_away(qtbot, watch)
        window.knowledge.select("contact_office")
        editor = cast(AnswerEditorDialog, window.knowledge.open_editor())
        editor.reason.setText("x")
        assert held(editor.save_button) and notice_of(editor).isVisible()
        translations.switch("zh_HK")
        try:
            QCoreApplication.processEvents()
            text = notice_of(editor).text()
            assert "資料庫" in text and "database" not in text
            assert editor.save_button.toolTip() == "無法連接資料庫：待資料庫恢復後才可使用。"
            assert not editor.save_button.isEnabled()
        finally:
            translations.switch("en")
            QCoreApplication.processEvents()
        assert held(editor.save_button)
        with qtbot.waitSignal(
            watch.awayChanged, check_params_cb=lambda away: not away, timeout=30_000
        ):
            other.rollback()
    assert editor.save_button.isEnabled() and not notice_of(editor).isVisible()
    editor.reject()
    window.close()


def test_a_window_without_a_watch_leaves_its_dialogs_alone(
    qtbot: QtBot, sqlite_desk: Services
) -> None:
    window = open_window(qtbot, sqlite_desk, add_staff(sqlite_desk, "supervisor", "sup.lee"))
    letters: LetterBatchDialog = window.print_letters()
    assert letters.findChild(DialogHold) is None
    letters.reject()
    window.close()
