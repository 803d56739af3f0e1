"""The application object: names, icon, style sheet, the starting language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desk_app.ui.app import _start_language, make_application, window_icon


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test application, its look put back afterwards for the other tests."""
    style, font, sheet = qapp.style().name(), qapp.font(), qapp.styleSheet()
    yield make_application()
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setStyle(style)


def test_the_application_is_named_and_has_an_icon(qapp: QApplication, app: QApplication):
    assert app is qapp
    assert app.applicationName() == "desk-app"
    assert not window_icon().isNull()
    assert not app.windowIcon().isNull()
    assert "lockBadge" in app.styleSheet()


def test_the_starting_language() -> None:
    assert _start_language("zh_HK", "en") == "zh_HK"
    assert _start_language(None, "zh_HK") == "zh_HK"
    assert _start_language(None, "fr") in {"en", "zh_HK"}
