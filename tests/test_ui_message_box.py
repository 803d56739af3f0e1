"""The window's one message bridge: every box through ui/common/message_box.py, translated."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desk_app.services.errors import BadInput, PermissionDenied
from desk_app.ui.common import message_box
from desk_app.ui.common.i18n import Translations
from desk_app.ui.common.print_preview import PdfPreviewDialog
from tests.support.message_boxes import close_message_boxes
from tests.test_ui_print_preview import PDF

UI = Path(message_box.__file__).resolve().parent.parent
BRIDGE = Path(message_box.__file__).resolve()


def _names(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.ImportFrom):
            found.update(alias.name for alias in node.names)
    return found


def test_no_other_ui_module_uses_qmessagebox() -> None:
    users = [
        path.relative_to(UI).as_posix()
        for path in sorted(UI.rglob("*.py"))
        if path != BRIDGE and "QMessageBox" in _names(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert users == [], f"show messages through desk_app/ui/common/message_box.py: {users}"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[Translations]:
    chosen = Translations()
    chosen.switch("zh_HK")
    yield chosen
    chosen.switch("en")


def test_an_error_box_says_the_error_in_the_language_of_the_desk(qapp: QApplication) -> None:
    seen: list[str] = []
    close_message_boxes(seen)
    message_box.show_error_for(None, BadInput("required", field="reason"))
    assert seen == ["The reason is required."]


def test_field_and_action_names_are_translated_inside_the_sentence(
    chinese: Translations,
) -> None:
    seen: list[str] = []
    close_message_boxes(seen)
    message_box.show_error_for(None, BadInput("text_too_long", field="reason", limit=500))
    close_message_boxes(seen)
    message_box.show_error_for(
        None, PermissionDenied("permission_denied", role="operator", action="view_lockouts")
    )
    assert len(seen) == 2
    for text in seen:
        # no English left in the Chinese sentence (digits are fine)
        assert not any("a" <= ch.lower() <= "z" for ch in text), text
    assert "原因" in seen[0] and "500" in seen[0]


def test_the_other_kinds_of_box(qapp: QApplication) -> None:
    seen: list[str] = []
    for show in (message_box.show_warning, message_box.show_information):
        close_message_boxes(seen)
        show(None, f"{show.__name__} text")
    close_message_boxes(seen)
    message_box.show_about(None, "About", "about text")
    assert seen == ["show_warning text", "show_information text", "about text"]


def test_a_summary_box_does_not_block(qtbot: QtBot) -> None:
    box = message_box.open_summary(None, "Batch", "Done: 3 of 3.", warning=False)
    assert box.isVisible() and box.text() == "Done: 3 of 3."
    box.close()


def test_saving_a_preview_into_a_folder_is_explained_and_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = PdfPreviewDialog(PDF, "letter.pdf")
    qtbot.addWidget(preview)
    folder = tmp_path / "letter.pdf"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder), ""))
    seen: list[str] = []
    close_message_boxes(seen)
    with qtbot.assertNotEmitted(preview.saved):
        preview.ask_and_save()
    assert seen == [f"“{folder}” is a folder: name a file inside it instead."]
    assert list(folder.iterdir()) == []
