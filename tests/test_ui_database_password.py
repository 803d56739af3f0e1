"""Opening the database from the desk: errors as sentences, the password prompt."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from desk_app.ui.signin.database_password import (
    DatabasePasswordDialog,
    keyring_available,
    open_database,
)
from tests.support.message_boxes import close_message_boxes

PG_URL = make_url("postgresql://desk@db.example.invalid:5432/results")


def test_a_local_database_is_created_and_opened(qapp: QApplication, tmp_path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    assert db is not None
    assert db.dialect == "sqlite"
    db.dispose()


def test_an_unreachable_server_is_explained(qapp: QApplication) -> None:
    seen: list[str] = []
    close_message_boxes(seen)
    assert open_database("postgresql://desk:pw@127.0.0.1:1/results") is None
    assert len(seen) == 1
    assert seen[0] == (
        "The database server 127.0.0.1:1 does not answer. Try again or call the administrator."
    )
    assert "Traceback" not in seen[0] and "psycopg" not in seen[0] and "pw" not in seen[0]


def test_an_unreadable_url_is_explained(qapp: QApplication) -> None:
    seen: list[str] = []
    close_message_boxes(seen)
    assert open_database("not a url at all") is None
    assert seen == [
        "The database URL cannot be read: write sqlite:///FILE or "
        "postgresql+psycopg://USER@HOST/DATABASE."
    ]


def test_the_prompt_offers_the_keyring(qtbot: QtBot) -> None:
    assert keyring_available(PG_URL)
    dialog = DatabasePasswordDialog(PG_URL, can_store=True, wrong=False)
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled()
    assert dialog.keyring_note.isHidden()
    assert "results" in dialog.explanation.text() and "desk" in dialog.explanation.text()


@pytest.mark.usefixtures("memory_keyring")
def test_without_a_keyring_it_says_so(qtbot: QtBot) -> None:
    keyring.set_keyring(fail.Keyring())
    assert not keyring_available(PG_URL)
    dialog = DatabasePasswordDialog(PG_URL, can_store=False, wrong=True)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert not dialog.keyring_note.isHidden()
    assert "No password store (keyring)" in dialog.keyring_note.text()
    assert "this session only" in dialog.keyring_note.text()
    assert dialog.explanation.text().startswith("That password was not accepted.")
