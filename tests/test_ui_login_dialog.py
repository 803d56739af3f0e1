"""LoginDialog: the real staff service on a real database, checked on a worker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desk_app.services.messages import MESSAGES
from desk_app.services.registry import Services
from desk_app.ui.common.i18n import Translations
from desk_app.ui.signin.login_dialog import LoginDialog
from tests.support.factories import STAFF_PASSWORD, add_staff, make_services

SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.switch("en")


@pytest.fixture
def services(database_url: str) -> Services:
    services = make_services(database_url)
    add_staff(services, "operator", "amy")
    return services


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, translations: Translations) -> LoginDialog:
    dialog = LoginDialog(services.staff, translations)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@SQLITE_ONLY
def test_the_right_password_signs_in(qtbot: QtBot, dialog: LoginDialog) -> None:
    dialog.username.setText("amy")
    dialog.password.setText(STAFF_PASSWORD)
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signed_in:
        dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert signed_in.args[0].username == "amy"
    assert dialog.identity is not None and dialog.identity.role == "operator"
    assert dialog.password.text() == ""


@SQLITE_ONLY
def test_a_wrong_password_shows_the_translated_error(
    qtbot: QtBot, dialog: LoginDialog, translations: Translations
) -> None:
    dialog.language.setCurrentIndex(1)
    dialog.language.activated.emit(1)  # what picking 繁體中文 does
    qtbot.waitUntil(lambda: dialog.windowTitle() == "登入成績服務台")
    assert dialog.language_chosen
    dialog.username.setText("amy")
    dialog.password.setText("not-the-password-1")
    dialog.sign_in()
    assert not dialog.username.isEnabled()  # busy while the worker checks
    expected = QCoreApplication.translate("Errors", MESSAGES["staff_login_failed"])
    assert expected == "用戶名稱或密碼錯誤。"
    qtbot.waitUntil(lambda: dialog.message.text() == expected, timeout=10_000)
    assert dialog.message.property("error") is True
    assert dialog.isVisible() and dialog.identity is None
    assert dialog.password.text() == "" and dialog.username.text() == "amy"
    assert dialog.username.isEnabled()
    # the message follows the language
    translations.switch("en")
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong username or password.")


@SQLITE_ONLY
def test_empty_fields_are_asked_for_without_a_service_call(dialog: LoginDialog) -> None:
    dialog.sign_in()
    assert dialog.message.text() == "Enter your username."
    dialog.username.setText("amy")
    dialog.sign_in()
    assert dialog.message.text() == "Enter your password."
    assert dialog.username.isEnabled()


@SQLITE_ONLY
def test_cancel_while_signing_in_drops_the_answer(qtbot: QtBot, dialog: LoginDialog) -> None:
    dialog.username.setText("amy")
    dialog.password.setText(STAFF_PASSWORD)
    dialog.sign_in()
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(_pool_idle, timeout=10_000)
    QCoreApplication.processEvents()  # deliver the worker's answer, if it were still wanted
    assert dialog.identity is None
    assert dialog.result() == QDialog.DialogCode.Rejected


def _pool_idle() -> bool:
    return QThreadPool.globalInstance().activeThreadCount() == 0
