"""Opening the database from the desk, behind the sign-in dialog: errors, the password prompt."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from desk_app.database import Database
from desk_app.services.errors import BadInput, DatabaseUnavailable, DeskError
from desk_app.ui.common.errors import error_text
from desk_app.ui.signin.database_password import DatabasePasswordDialog, keyring_available
from desk_app.ui.startup.opening import DeskOpener

PG_URL = make_url("postgresql://desk@db.example.invalid:5432/results")


def opened(qtbot: QtBot, url: str) -> tuple[DeskOpener, list[object]]:
    """Open ``url`` on the opener's worker; what ``opened`` or ``failed`` carried."""
    opener = DeskOpener(url, lambda db: db)
    outcome: list[object] = []
    opener.opened.connect(outcome.append)
    opener.failed.connect(outcome.append)
    opener.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    opener.wait(10_000)
    return opener, outcome


def test_a_local_database_is_created_and_opened(qtbot: QtBot, tmp_path) -> None:
    opener, (db,) = opened(qtbot, f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    assert isinstance(db, Database) and db.dialect == "sqlite"
    assert opener.future.result() is db  # what the sign-in waits for
    db.dispose()


def test_an_unreachable_server_is_explained(qtbot: QtBot) -> None:
    opener, (error,) = opened(qtbot, "postgresql://desk:pw@127.0.0.1:1/results")
    assert isinstance(error, DatabaseUnavailable)
    assert opener.future.exception() is error
    said = error_text(error)
    assert said == (
        "The database server 127.0.0.1:1 does not answer. Try again or call the administrator."
    )
    assert "Traceback" not in said and "psycopg" not in said and "pw" not in said


def test_an_unreadable_url_is_explained(qtbot: QtBot) -> None:
    _opener, (error,) = opened(qtbot, "not a url at all")
    assert isinstance(error, BadInput) and isinstance(error, DeskError)
    assert error_text(error) == (
        "The database URL cannot be read: write sqlite:///FILE or "
        "postgresql+psycopg://USER@HOST/DATABASE."
    )


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
