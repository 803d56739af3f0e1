"""SearchPanel on the real SearchService and a real SQLite database.

Typing searches after a pause, Enter at once; only the newest search is
shown; Load more appends the next page; errors are sentences; the keyboard
moves between the box and the list.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from desk_app.services.accounts.website import AccountService
from desk_app.services.actor import StaffIdentity
from desk_app.services.errors import Locked, Refused
from desk_app.services.registry import Services
from desk_app.services.search.service import SearchPage, SearchService
from desk_app.settings import DeskPolicy
from desk_app.ui.search.panel import SearchPanel
from desk_app.ui.search.table_model import Column
from tests.support.factories import add_staff, fast_settings, make_candidate, make_services

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PEOPLE = [
    ("SMR123456", "CHAN Tai Man", "陳大文"),
    ("SMR123457", "CHAN Siu Ling", "陳小玲"),
    ("KT0045821", "CHAN Ka Yan", "陳嘉欣"),
    ("HK1029384", "CHAN Ho Yin", None),
    ("TW0561234", "CHAN Wing Hei", "陳穎希"),
    ("SMR200881", "LEE Chi Wai", "李志偉"),
]
PAGE = 2


class CountingSearch:
    """The real search service, noting what it was asked (to see the debounce)."""

    def __init__(self, inner: SearchService) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def search(self, staff: StaffIdentity, text: str, *, page: int = 0) -> SearchPage:
        self.texts.append(text)
        return self.inner.search(staff, text, page=page)


@pytest.fixture
def services(database_url: str) -> Services:
    services = make_services(
        database_url, settings=fast_settings(desk=DeskPolicy(search_page_size=PAGE))
    )
    for number, (id_number, name_en, name_zh) in enumerate(PEOPLE):
        make_candidate(
            services,
            id_number,
            name_en=name_en,
            name_zh=name_zh,
            date_of_birth=date(2000 + number, 1 + number, 10 + number),
            email=f"{id_number.lower()}@example.com",
        )
    return services


@pytest.fixture
def search(services: Services) -> CountingSearch:
    return CountingSearch(SearchService(services.db, services.settings, services.clock))


@pytest.fixture
def panel(qtbot: QtBot, services: Services, search: CountingSearch) -> SearchPanel:
    staff = add_staff(services, "operator")
    panel = SearchPanel(search, staff, services.clock.now, lambda: "en")  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def names(panel: SearchPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(r, Column.NAME_EN).data() for r in range(proxy.rowCount())]


def settle(qtbot: QtBot) -> None:
    """Wait until no search is running and every answer has reached the GUI thread."""
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0)
    QCoreApplication.processEvents()


def test_typing_searches_once_after_a_pause(qtbot: QtBot, panel: SearchPanel, search) -> None:
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000) as shown:
        qtbot.keyClicks(panel.search_box, "chan")
    assert search.texts == ["chan"]  # one search for four key presses
    assert shown.args == [PAGE, True]
    assert names(panel) == ["CHAN Tai Man", "CHAN Siu Ling"]
    assert panel.status_label.text() == (
        "Showing the first 2 matches: Load more for the next page."
    )
    assert panel.load_more_button.isVisible()


def test_enter_searches_at_once(qtbot: QtBot, panel: SearchPanel, search) -> None:
    panel.search_box.setText("SMR200881")
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000):
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert names(panel) == ["LEE Chi Wai"]
    assert panel.status_label.text() == "Candidates matching “SMR200881”: 1"
    assert not panel.load_more_button.isVisible()
    # the first row becomes the current one, for the details beside the list
    assert panel.table.current_candidate().id_number == "SMR200881"


def test_only_the_newest_search_is_shown(qtbot: QtBot, panel: SearchPanel, search) -> None:
    shown: list[tuple[int, bool]] = []
    panel.resultsShown.connect(lambda count, more: shown.append((count, more)))
    panel.search_box.setText("chan")
    panel.search_now()
    panel.search_box.setText("lee")
    panel.search_now()
    settle(qtbot)
    assert sorted(search.texts) == ["chan", "lee"]  # both ran (in either order) ...
    assert shown == [(1, False)]  # ... but only the newest reached the list
    assert names(panel) == ["LEE Chi Wai"]


def test_load_more_appends_the_next_page(qtbot: QtBot, panel: SearchPanel, search) -> None:
    panel.search_box.setText("chan")
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000):
        panel.search_now()
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000) as shown:
        qtbot.mouseClick(panel.load_more_button, Qt.MouseButton.LeftButton)
    assert shown.args == [4, True]
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000) as shown:
        panel.load_more()
    assert shown.args == [5, False]
    assert len(set(names(panel))) == 5
    assert all(name.startswith("CHAN") for name in names(panel))
    assert not panel.load_more_button.isVisible()
    assert panel.status_label.text() == "Candidates matching “chan”: 5"


def test_no_match_and_a_cleared_box(qtbot: QtBot, panel: SearchPanel, search) -> None:
    panel.search_box.setText("zzzz")
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000):
        panel.search_now()
    assert panel.model.rowCount() == 0
    assert panel.status_label.text() == "No candidate matches “zzzz”."
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Escape)
    assert panel.search_box.text() == ""
    assert panel.status_label.text().startswith("Type an ID Number")
    assert search.texts == ["zzzz"]  # an empty box asks nothing


def test_a_refused_search_shows_the_sentence(qtbot: QtBot, panel: SearchPanel) -> None:
    panel.search_box.setText("x" * 300)
    with qtbot.waitSignal(panel.searchFailed, timeout=5_000) as failed:
        panel.search_now()
    assert failed.args == ["The search text is too long (at most 200 characters)."]
    assert panel.status_label.text() == failed.args[0]
    assert panel.status_label.property("error") is True


def test_a_locked_account_is_listed_as_locked(
    qtbot: QtBot, services: Services, panel: SearchPanel
) -> None:
    accounts = AccountService(services.db, services.settings, services.clock, services.hasher)
    accounts.register("SMR123457", "4821", "ling@example.com", "secret12pass", accept_terms=True)
    for attempt in range(services.settings.lockout.threshold - 1):
        with pytest.raises(Refused):
            accounts.login("SMR123457", f"wrong{attempt}pass99")
    with pytest.raises(Locked):
        accounts.login("SMR123457", "wrong9pass99")
    panel.search_box.setText("SMR123457")
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000):
        panel.search_now()
    assert panel.proxy.index(0, Column.ACCOUNT).data() == "Locked"
    assert panel.table.current_candidate().locked


def test_the_keyboard_moves_between_box_and_list(qtbot: QtBot, panel: SearchPanel) -> None:
    opened: list[object] = []
    panel.candidateOpened.connect(opened.append)
    panel.activateWindow()
    panel.focus_search()
    qtbot.waitUntil(panel.search_box.hasFocus)
    panel.search_box.setText("chan")
    with qtbot.waitSignal(panel.resultsShown, timeout=5_000):
        qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Down)
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert [row.id_number for row in opened] == ["SMR123457"]  # type: ignore[attr-defined]
    qtbot.keyClick(panel.table, Qt.Key.Key_Escape)
    assert panel.search_box.hasFocus()
