"""Translations: a complete zh_HK catalogue, shipped in the package, switched live."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.services.messages import ACTIONS, FIELDS, MESSAGES
from desk_app.ui.app import window_services
from desk_app.ui.common.i18n import PSEUDO_LOCALE_ENV, Translations, catalogue_bytes
from desk_app.ui.main_window import MainWindow
from tests.support.factories import STAFF_PASSWORD, add_staff, make_candidate, make_services

TS_FILE = Path(__file__).resolve().parent.parent / "translations" / "desk_app_zh_HK.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def ts_messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    chosen = Translations()
    yield chosen
    chosen.switch("en")


def test_every_entry_is_translated() -> None:
    messages = ts_messages()
    assert len(messages) > 100
    for context, source, message in messages:
        translation = message.find("translation")
        assert translation is not None, (context, source)
        assert translation.get("type") is None, f"{translation.get('type')}: {context}/{source}"
        assert (translation.text or "").strip(), f"empty: {context}/{source}"


def test_translations_keep_the_placeholders() -> None:
    for context, source, message in ts_messages():
        translated = message.findtext("translation", "")
        assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(source)), (
            context,
            source,
        )


@pytest.mark.parametrize(
    ("context", "table"),
    [("Errors", MESSAGES), ("Fields", FIELDS), ("Actions", ACTIONS)],
)
def test_every_error_message_and_label_is_in_the_catalogue(
    context: str, table: dict[str, str]
) -> None:
    sources = {source for name, source, _ in ts_messages() if name == context}
    missing = [code for code, text in table.items() if text not in sources]
    assert not missing, f"run `make tr-update` and translate: {missing}"


def test_the_compiled_catalogue_ships_in_the_package() -> None:
    data = catalogue_bytes("zh_HK")
    assert data is not None and data.startswith(QM_MAGIC)
    assert catalogue_bytes("xx") is None


def test_switching_translates_errors_and_qt_own_dialogs(translations: Translations) -> None:
    translations.switch("zh_HK")
    text = QCoreApplication.translate("Errors", MESSAGES["staff_login_failed"])
    assert text == "用戶名稱或密碼錯誤。"
    # Qt's own buttons: qtbase, zh_HK falling back to zh_TW
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    translations.switch("en")
    assert QCoreApplication.translate("Errors", MESSAGES["staff_login_failed"]) == (
        "Wrong username or password."
    )
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_stretch_pseudo_locale_doubles_every_string(
    translations: Translations, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PSEUDO_LOCALE_ENV, "stretch")
    translations.switch("en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File &File"
    translations.switch("zh_HK")
    assert QCoreApplication.translate("MainWindow", "&File") == "檔案(&F) 檔案(&F)"


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_main_window_switches_language_live(
    qtbot: QtBot, database_url: str, translations: Translations
) -> None:
    services = make_services(database_url)
    staff = add_staff(services, "counter")
    make_candidate(services)
    window = MainWindow(window_services(services, services.db.dialect), staff, translations)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Results Desk"
    assert window.file_menu.title() == "&File"
    assert window.database_label.text() == "Local database (SQLite)"
    window.language_actions["zh_HK"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "成績服務台")
    assert window.file_menu.title() == "檔案(&F)"
    assert window.language_menu.title() == "語言(&L)"
    assert window.find_action.text() == "尋找考生(&F)"
    assert "櫃位職員" in window.staff_label.text()
    assert window.database_label.text() == "本機資料庫（SQLite）"
    assert window.search_panel.search_button.text() == "搜尋"
    model = window.search_panel.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "考生編號"
    assert window.language_actions["zh_HK"].isChecked()
    # the choice is kept for this staff member's next sign-in
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    assert services.staff.authenticate(staff.username, STAFF_PASSWORD).language == "zh_HK"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Results Desk")
    assert window.file_menu.title() == "&File"
