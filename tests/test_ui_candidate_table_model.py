"""CandidateTableModel: qtmodeltester, text and raw roles, the account state, sorting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.modeltest import ModelTester

from desk_app.services.search.service import CandidateRow
from desk_app.ui.search.table_model import (
    RAW_ROLE,
    ROW_ROLE,
    SORT_ROLE,
    AccountState,
    CandidateSortProxy,
    CandidateTableModel,
    Column,
    account_state,
)

NOW = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)


def row(
    candidate_id: int,
    id_number: str,
    name_en: str,
    name_zh: str | None,
    born: date,
    *,
    registered: bool = False,
    locked_until: datetime | None = None,
) -> CandidateRow:
    return CandidateRow(
        candidate_id=candidate_id,
        id_number=id_number,
        name_en=name_en,
        name_zh=name_zh,
        date_of_birth=born,
        centre="TW056",
        email=f"c{candidate_id}@example.com",
        phone="9123 4567",
        registered=registered,
        locked=locked_until is not None and locked_until > NOW,
        locked_until=locked_until,
        match="name",
    )


ROWS = [
    row(1, "SMR123456", "CHAN Tai Man", "陳大文", date(2001, 5, 17), registered=True),
    row(
        2,
        "SMR123457",
        "chan siu ling",
        None,
        date(1999, 12, 1),
        registered=True,
        locked_until=NOW + timedelta(minutes=20),
    ),
    row(3, "KT0045821", "AU Ka Yan", "區嘉欣", date(2003, 1, 9)),
]


@pytest.fixture
def model(qapp: object) -> CandidateTableModel:
    language = {"code": "en"}
    model = CandidateTableModel(lambda: NOW, lambda: language["code"])
    model.set_rows(ROWS)
    return model


def cell(model: CandidateTableModel, r: int, column: Column, role: int) -> object:
    return model.data(model.index(r, column), role)


def test_the_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    model = CandidateTableModel(lambda: NOW, lambda: "en")
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    model.append_rows([row(4, "HK1029384", "CHAN Ho Yin", "陳浩然", date(2000, 2, 29))])
    model.refresh()
    qtmodeltester.check(model)
    proxy = CandidateSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.NAME_EN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_shown_text_and_headers(model: CandidateTableModel) -> None:
    display = Qt.ItemDataRole.DisplayRole
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in Column] == [
        "ID Number", "Name", "中文姓名", "Date of birth", "Centre", "Account",
    ]  # fmt: skip
    assert [cell(model, 0, c, display) for c in Column] == [
        "SMR123456", "CHAN Tai Man", "陳大文", "17 May 2001", "TW056", "Registered",
    ]  # fmt: skip
    assert cell(model, 1, Column.NAME_ZH, display) == ""
    assert cell(model, 1, Column.ACCOUNT, display) == "Locked"
    assert cell(model, 2, Column.ACCOUNT, display) == "Not registered"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.data(QModelIndex()) is None


def test_raw_values_and_the_whole_row(model: CandidateTableModel) -> None:
    assert cell(model, 0, Column.DATE_OF_BIRTH, RAW_ROLE) == date(2001, 5, 17)
    assert cell(model, 1, Column.NAME_ZH, RAW_ROLE) is None
    assert cell(model, 1, Column.ACCOUNT, RAW_ROLE) == "locked"
    assert cell(model, 2, Column.ID_NUMBER, ROW_ROLE) is ROWS[2]
    assert model.row_at(1) is ROWS[1]


def test_a_locked_account_stands_out(model: CandidateTableModel) -> None:
    brush = cell(model, 1, Column.ACCOUNT, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color().name() == "#b3261e"
    font = cell(model, 1, Column.ACCOUNT, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert cell(model, 0, Column.ACCOUNT, Qt.ItemDataRole.ForegroundRole) is None


def test_a_lock_that_ran_out_is_shown_as_over() -> None:
    locked = ROWS[1]
    assert account_state(locked, NOW) is AccountState.LOCKED
    assert account_state(locked, NOW + timedelta(minutes=21)) is AccountState.REGISTERED
    later = CandidateTableModel(lambda: NOW + timedelta(hours=1), lambda: "en")
    later.set_rows([locked])
    assert later.data(later.index(0, Column.ACCOUNT)) == "Registered"


def test_appending_skips_candidates_already_listed(model: CandidateTableModel) -> None:
    model.append_rows([ROWS[0], row(9, "SMR999999", "NG Wing", None, date(2002, 2, 2))])
    assert model.rowCount() == 4
    assert model.row_at(3).candidate_id == 9


def test_sorting_through_the_proxy(model: CandidateTableModel) -> None:
    proxy = CandidateSortProxy()
    proxy.setSourceModel(model)

    def order() -> list[object]:
        return [proxy.index(r, Column.ID_NUMBER).data() for r in range(proxy.rowCount())]

    # unsorted: the search's ranking
    assert order() == ["SMR123456", "SMR123457", "KT0045821"]
    proxy.sort(Column.NAME_EN)  # case does not matter: "AU…" < "chan siu…" < "CHAN Tai…"
    assert order() == ["KT0045821", "SMR123457", "SMR123456"]
    proxy.sort(Column.DATE_OF_BIRTH, Qt.SortOrder.DescendingOrder)
    assert order() == ["KT0045821", "SMR123456", "SMR123457"]
    proxy.sort(Column.ACCOUNT)  # locked first, then registered, then not registered
    assert order() == ["SMR123457", "SMR123456", "KT0045821"]
    assert cell(model, 1, Column.ACCOUNT, SORT_ROLE) == int(AccountState.LOCKED)
    proxy.sort(-1)
    assert order() == ["SMR123456", "SMR123457", "KT0045821"]


def test_dates_follow_the_language() -> None:
    language = {"code": "en"}
    model = CandidateTableModel(lambda: NOW, lambda: language["code"])
    model.set_rows(ROWS[:1])
    index = model.index(0, Column.DATE_OF_BIRTH)
    assert index.data() == "17 May 2001"
    language["code"] = "zh_HK"
    assert index.data() == "2001年5月17日"
