"""What a search finds, to CSV: the rows, the header, spreadsheet-safe cells; audited; roles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.models import AuditEvent
from desk_app.services.actor import TerminalUser
from desk_app.services.errors import BadInput, Locked, PermissionDenied, Refused
from desk_app.services.exports.files import ExportCancelled
from desk_app.services.exports.search_results import COLUMNS
from desk_app.services.registry import Services
from tests.support.accounts import WRONG, AccountKit, register
from tests.support.factories import add_staff, make_candidate

OTHER = "AB100001"


@pytest.fixture
def found(kit: AccountKit) -> AccountKit:
    """Two Chans: SMR123456 (not registered) and AB100001 (registered, locked now)."""
    make_candidate(kit.services)
    make_candidate(
        kit.services, OTHER, name_en="=CHAN Siu Ming", name_zh=None, email="ming@example.org",
        phone="+852 6123 4567",
    )  # fmt: skip
    register(kit, id_number=OTHER, email="ming@example.org")
    for n in range(3):
        with pytest.raises(Refused if n < 2 else Locked):
            kit.accounts.login(OTHER, WRONG, source="198.51.100.7")
    return kit


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def _entries(services: Services) -> list[dict[str, object]]:
    with services.db.read() as session:
        rows = session.scalars(
            select(AuditEvent.detail).where(AuditEvent.action == "search_exported")
        )
        return [json.loads(text) for text in rows]


def test_the_matches_in_the_search_order(found: AccountKit, tmp_path: Path) -> None:
    services = found.services
    operator = add_staff(services, "operator")
    target = tmp_path / "chan.csv"
    report = services.search_export.export(operator, " chan ", target)
    rows = _rows(target)
    assert report.rows == 2
    assert rows == [
        {"id_number": "SMR123456", "name_en": "CHAN Tai Man", "name_zh": "陳大文",
         "date_of_birth": "2001-05-17", "centre": "TW056", "email": "taiman.chan@example.com",
         "phone": "9123 4567", "registered": "false", "locked_until": "", "match": "name"},
        {"id_number": OTHER, "name_en": "'=CHAN Siu Ming", "name_zh": "",
         "date_of_birth": "2001-05-17", "centre": "TW056", "email": "ming@example.org",
         "phone": "'+852 6123 4567", "registered": "true",
         "locked_until": "2026-11-21T10:30:00+08:00", "match": "name"},
    ]  # fmt: skip
    assert _entries(services) == [
        {"query": "chan", "query_kind": "name", "rows": 2, "file": "chan.csv",
         "sha256": report.sha256},
    ]  # fmt: skip


def test_the_window_exports_the_rows_it_lists(found: AccountKit, tmp_path: Path) -> None:
    services = found.services
    counter = add_staff(services, "counter")
    report = services.search_export.export(counter, "chan", tmp_path / "one.csv", limit=1)
    assert report.rows == 1 and [r["id_number"] for r in _rows(report.path)] == ["SMR123456"]
    nothing = services.search_export.export(counter, "nobody here", tmp_path / "none.csv")
    assert nothing.rows == 0 and _rows(nothing.path) == []
    with pytest.raises(BadInput) as bad:
        services.search_export.export(counter, "chan", tmp_path / "x.csv", limit=0)
    assert bad.value.code == "export_rows_limit"
    assert [e["rows"] for e in _entries(services)] == [1, 0]


def test_the_terminal_user_may_search_but_not_export(found: AccountKit, tmp_path: Path) -> None:
    services = found.services
    out = tmp_path / "out"
    out.mkdir()
    assert services.search.search(TerminalUser("root"), "chan").items
    with pytest.raises(PermissionDenied) as refused:
        services.search_export.export(TerminalUser("root"), "chan", out / "x.csv")
    assert refused.value.code == "sign_in_required"
    assert refused.value.params == {"action": "export_search"}
    assert list(out.iterdir()) == [] and _entries(services) == []


def test_a_stop_asked_for_at_the_end_still_leaves_nothing(
    found: AccountKit, tmp_path: Path
) -> None:
    services = found.services
    supervisor = add_staff(services, "supervisor")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        services.search_export.export(supervisor, "chan", out / "x.csv", should_stop=lambda: True)
    assert list(out.iterdir()) == [] and _entries(services) == []
