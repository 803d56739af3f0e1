"""The answers pane follows the candidate on screen: each state, search, copy, email, edit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import cast

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.models import AuditEvent, OutboxMessage
from desk_app.services.registry import Services
from desk_app.settings import PasswordPolicy
from desk_app.ui.knowledge.editor_dialog import AnswerEditorDialog
from desk_app.ui.knowledge.email_dialog import AnswerEmailDialog
from desk_app.ui.knowledge.pane import KnowledgePane
from desk_app.ui.main_window import MainWindow
from tests.support.clock import ManualClock
from tests.support.desk_window import lock, open_window, register, settle, show_candidate
from tests.support.factories import add_staff, fast_settings, make_candidate, make_services

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def desk(database_url: str, clock: ManualClock) -> Iterator[Services]:
    """Services whose password rule is not the seeds' (the pane must say the configured one)."""
    services = make_services(
        database_url, clock, fast_settings(password=PasswordPolicy(min_digits=3))
    )
    try:
        yield services
    finally:
        QThreadPool.globalInstance().waitForDone(10_000)
        services.db.dispose()


def loaded_answers(qtbot: QtBot, pane: KnowledgePane) -> None:
    qtbot.waitUntil(lambda: len(pane.listed_keys()) > 10, timeout=10_000)


def window_on(qtbot: QtBot, services: Services, role: str = "operator") -> MainWindow:
    window = open_window(qtbot, services, add_staff(services, role))
    loaded_answers(qtbot, window.knowledge)
    return window


def shown(pane: KnowledgePane) -> str:
    return pane.view.toPlainText()


def test_no_candidate_lists_every_answer(qtbot: QtBot, desk: Services) -> None:
    window = open_window(qtbot, desk, add_staff(desk, "operator"))
    pane = window.knowledge
    loaded_answers(qtbot, pane)
    assert pane.listed_keys()[0] == "locked"  # the desk's order
    assert "No candidate on screen" in pane.context.text()
    pane.select("contact_office")
    assert "2913 5100" in shown(pane)
    assert not pane.email_button.isEnabled()
    assert "Open a candidate first" in pane.email_button.toolTip()
    assert not pane.edit_button.isVisible()  # operators do not edit the answers


def test_a_locked_caller_gets_the_time_left_and_what_to_do(
    qtbot: QtBot, desk: Services, clock: ManualClock
) -> None:
    make_candidate(desk)
    register(desk)
    lock(desk)
    window = open_window(qtbot, desk, add_staff(desk, "operator"))
    loaded_answers(qtbot, window.knowledge)
    clock.advance(minutes=6, seconds=30)
    show_candidate(qtbot, window)
    pane = window.knowledge
    assert pane.listed_keys()[:2] == ["locked", "forgotten_password"]
    assert pane.current_key() == "locked"
    assert pane.reading == "en"
    assert "It unlocks by itself in 24 minutes" in shown(pane)
    assert "Forgotten your password?" in shown(pane)
    assert "the account is locked" in pane.list.item(0).text()
    # the time left moves on with the clock
    clock.advance(minutes=10)
    pane.refresh()
    assert "It unlocks by itself in 14 minutes" in shown(pane)
    pane.read_in("zh_HK")
    assert "帳戶將於14分鐘後" in shown(pane) and "自動解除封鎖" in shown(pane)


def test_not_registered_gets_the_steps_and_the_configured_password_rule(
    qtbot: QtBot, desk: Services
) -> None:
    make_candidate(desk)
    window = window_on(qtbot, desk)
    show_candidate(qtbot, window)
    pane = window.knowledge
    assert pane.listed_keys()[:2] == ["how_to_register", "password_rule"]
    assert "Click the Register button" in shown(pane)
    assert "at least 3 numbers" in shown(pane)
    pane.select("password_rule")
    assert "at least 8 characters, made up of letters and at least 3 numbers" in shown(pane)
    assert "2 numbers" not in shown(pane)


def test_results_not_released_give_the_release_date(qtbot: QtBot, desk: Services) -> None:
    make_candidate(desk, released=False)  # released ten days after the test clock's now
    window = window_on(qtbot, desk)
    show_candidate(qtbot, window)
    pane = window.knowledge
    assert "release_date" in pane.listed_keys()[:3]
    pane.select("release_date")
    assert "will be released on 1 December 2026" in shown(pane)
    assert "certificate" not in pane.listed_keys()[:4]


def test_released_results_give_the_certificate_window(qtbot: QtBot, desk: Services) -> None:
    make_candidate(desk)  # released ten days before the test clock's now: 11 November 2026
    register(desk)
    window = window_on(qtbot, desk)
    show_candidate(qtbot, window)
    pane = window.knowledge
    assert pane.listed_keys()[:5] == [
        "cannot_log_in",
        "forgotten_password",
        "certificate",
        "name_wrong",
        "read_results",
    ]
    pane.select("certificate")
    assert "between 9 December 2026 and 6 January 2027" in shown(pane)
    pane.read_in("zh_HK")
    assert "約2026年12月9日至2027年1月6日" in shown(pane)
    pane.read_in("en")
    pane.select("name_wrong")
    assert "contact your exam centre (TW056 Prestige English Centre)" in shown(pane)
    pane.read_in("zh_HK")
    assert "考試中心（TW056 倫敦英語中心）" in shown(pane)  # the centre's Chinese name


def test_an_exam_without_a_breakdown_says_so(qtbot: QtBot, desk: Services) -> None:
    make_candidate(desk, exam="DELTA1")
    window = window_on(qtbot, desk)
    show_candidate(qtbot, window)
    pane = window.knowledge
    assert "no_breakdown" in pane.listed_keys()
    pane.select("no_breakdown")
    assert "not available for Delta Module One" in shown(pane)
    # the pane goes back to every answer when no candidate is on screen
    window.pane.set_candidate(None)
    assert pane.situation.suggestions == ()
    assert "No candidate on screen" in pane.context.text()


def test_search_in_either_language(qtbot: QtBot, desk: Services) -> None:
    window = window_on(qtbot, desk)
    pane = window.knowledge
    loaded_answers(qtbot, pane)
    # the test screen is small: the answers start folded away; Ctrl+Shift+F unfolds them
    assert window.splitter.sizes()[2] == 0
    window.answers_action.trigger()
    assert window.splitter.sizes()[2] > 0
    assert pane.search_box.hasFocus()
    pane.search_box.setText("證書")  # typed through an input method, not key by key
    qtbot.waitUntil(lambda: "certificate" in pane.listed_keys() and len(pane.listed_keys()) < 5)
    pane.search_box.clear()
    qtbot.keyClicks(pane.search_box, "no such words at all")
    qtbot.waitUntil(lambda: pane.listed_keys() == [])
    assert pane.context.text() == "No answer has these words."
    pane.search_box.clear()
    qtbot.waitUntil(lambda: len(pane.listed_keys()) > 10)


def test_copy_puts_the_answer_as_read_out_on_the_clipboard(qtbot: QtBot, desk: Services) -> None:
    window = window_on(qtbot, desk)
    pane = window.knowledge
    loaded_answers(qtbot, pane)
    pane.select("lost_letter")
    pane.read_in("zh_HK")
    pane.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(
        "我遺失了載有 ID Number（考生編號）及 Secret Number 的密碼信，應怎麼辦？\n\n"
    )
    assert "電話 2913 5100" in copied
    assert window.statusBar().currentMessage() == "The answer is on the clipboard."


def test_an_answer_is_emailed_after_the_operator_confirms(qtbot: QtBot, desk: Services) -> None:
    make_candidate(desk)
    register(desk)
    window = window_on(qtbot, desk)
    show_candidate(qtbot, window)
    pane = window.knowledge
    pane.select("certificate")
    assert pane.email_button.isEnabled()
    dialog = pane.open_email()
    assert isinstance(dialog, AnswerEmailDialog)
    assert dialog.address.currentText() == "taiman.chan@example.com (registered)"
    assert "between 9 December 2026" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.sent, timeout=10_000):
        dialog.send_button.click()
    settle(qtbot)
    with desk.db.read() as session:
        message = session.scalars(select(OutboxMessage)).all()[-1]
        assert (message.kind, message.to_address) == ("answer", "taiman.chan@example.com")
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "answer_emailed")
        ).one()
        assert json.loads(event.detail)["address"] == "registered"
    assert "Answer emailed to taiman.chan@example.com." in window.statusBar().currentMessage()


def test_a_supervisor_edits_an_answer_and_the_pane_shows_it(qtbot: QtBot, desk: Services) -> None:
    window = window_on(qtbot, desk, "supervisor")
    pane = window.knowledge
    loaded_answers(qtbot, pane)
    pane.select("contact_office")
    assert pane.edit_button.isVisible() and pane.edit_button.isEnabled()
    dialog = cast(AnswerEditorDialog, pane.open_editor())
    assert not dialog.save_button.isEnabled()
    assert dialog.save_button.toolTip() == "Give the reason for the change."
    dialog.body_en.setPlainText(dialog.body_en.toPlainText() + "\nOpen 9:00–17:00.")
    dialog.reason.setText("opening hours")
    with qtbot.waitSignal(pane.answersLoaded, timeout=10_000):
        dialog.save_button.click()
    assert "Open 9:00–17:00." in shown(pane)
    # a placeholder the desk does not know is refused, in the dialog
    dialog = cast(AnswerEditorDialog, pane.open_editor())
    dialog.body_zh.setPlainText("{fax}")
    dialog.reason.setText("fax")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible() and "“fax”" in dialog.message.text())
    assert dialog.isVisible()
    dialog.reject()


def test_the_pane_and_its_dialogs_switch_language_live(qtbot: QtBot, desk: Services) -> None:
    make_candidate(desk)
    register(desk)
    window = window_on(qtbot, desk, "supervisor")
    show_candidate(qtbot, window)
    pane = window.knowledge
    pane.select("certificate")
    email = pane.open_email()
    editor = pane.open_editor()
    assert email is not None and editor is not None
    assert editor.windowTitle() == "Edit an answer"
    window.language_actions["zh_HK"].trigger()
    try:
        qtbot.waitUntil(lambda: pane.heading.text() == "答案")
        assert email.windowTitle() == "以電郵發送答案"
        assert email.send_button.text() == "發送"  # not the button box's own 確定
        assert "（已登記）" in email.address.currentText()
        assert editor.windowTitle() == "編輯答案"
        assert editor.save_button.text() == "儲存"
        assert pane.current_key() == "certificate"
        assert pane.list.currentItem().text().startswith("何時收到證書？")
        assert pane.email_button.text().startswith("以電郵")
    finally:
        email.reject()
        editor.reject()
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: pane.heading.text() == "Answers")
    assert pane.current_key() == "certificate"
