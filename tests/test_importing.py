"""The import service on both databases: all or nothing, idempotent, corrections audited."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk_app.models import AuditEvent, Candidate, Centre, Entry, ExamSession, PaperScore, Result
from desk_app.models.search_index import name_keys
from desk_app.services.errors import BadInput, PermissionDenied
from desk_app.services.importing.report import Progress
from desk_app.services.registry import Services
from desk_app.services.search.keys import email_key, phone_key_of, token_rows
from tests.support.factories import add_staff, an_admin
from tests.support.import_files import SAMPLE, row, table_digest, write_csv, write_xlsx
from tests.support.name_index import stored_name_keys


@pytest.fixture(autouse=True)
def administrator(services: Services) -> None:
    """The administrator every import here runs as, there before the test looks."""
    an_admin(services)


def _import(services: Services, path: Path, *, dry_run: bool = False):  # type: ignore[no-untyped-def]
    return services.importer.run(an_admin(services), path, reason="board file", dry_run=dry_run)


def _count(services: Services, model: object) -> int:
    with services.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[arg-type]


def test_the_sample_file_imports_whole_and_search_finds_it(services: Services) -> None:
    report = _import(services, SAMPLE)
    assert report.ok and report.applied, report.problems
    counts = report.counts
    assert (counts.rows, counts.new_candidates, counts.new_entries) == (22, 20, 22)
    assert (counts.new_results, counts.new_centres, counts.new_sessions) == (21, 4, 2)
    found = services.search.search(add_staff(services, "operator"), "梁嘉欣")
    assert [c.id_number for c in found.items] == ["KX260101"]
    with services.db.read() as session:
        delta = session.scalars(
            select(Result).join(Entry).join(Candidate).where(Candidate.id_number == "KX260110")
        ).one()
        assert delta.papers == [] and delta.cefr is None
        centre = session.scalars(select(Centre).where(Centre.code == "MO301")).one()
        assert (centre.name_en, centre.name_zh, centre.region) == (
            "Macau Exam Centre", "澳門考試中心", "MO",
        )  # fmt: skip
        june = session.scalars(select(ExamSession).where(ExamSession.code == "2026-06")).one()
        assert (june.name_en, june.name_zh, june.held_on) == ("June 2026", "2026年6月",
                                                              date(2026, 6, 1))  # fmt: skip


def test_keys_and_tokens_are_written_as_everywhere_else(services: Services) -> None:
    assert _import(services, SAMPLE).ok
    with services.db.read() as session:
        for candidate in session.scalars(select(Candidate)):
            assert candidate.email_key == email_key(candidate.email)
            assert candidate.phone_key == phone_key_of(candidate.phone)
            tokens = {(t.kind, t.token) for t in _tokens(session, candidate.id)}
            assert tokens == set(token_rows(candidate.name_en, candidate.name_zh))


def _tokens(session, candidate_id):  # type: ignore[no-untyped-def]
    from desk_app.models import SearchToken

    return session.scalars(select(SearchToken).where(SearchToken.candidate_id == candidate_id))


def test_the_same_file_twice_changes_nothing_the_second_time(services: Services) -> None:
    assert _import(services, SAMPLE).applied
    before = table_digest(services.db)
    again = _import(services, SAMPLE)
    assert again.applied and again.counts.changes == 0 and again.counts.unchanged_rows == 22
    with services.db.read() as session:
        actions = session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.action != "staff_added")  # the administrator the test signs in as
            .order_by(AuditEvent.id)
        ).all()
        last = json.loads(session.scalars(select(AuditEvent.detail).order_by(
            AuditEvent.id.desc())).first() or "{}")  # fmt: skip
    assert actions == ["data_imported", "data_imported"]
    assert last["unchanged_rows"] == 22 and last["new_candidates"] == 0
    assert len(last["sha256"]) == 64 and last["file"] == "sample-import.csv"
    assert last["size"] == SAMPLE.stat().st_size
    # only the audit chain moved
    assert before != table_digest(services.db)
    assert services.audit.verify().ok


def test_a_dry_run_writes_nothing_and_counts_the_same(services: Services) -> None:
    before = table_digest(services.db)
    dry = _import(services, SAMPLE, dry_run=True)
    assert dry.ok and not dry.applied and dry.audit_id is None
    assert table_digest(services.db) == before
    real = _import(services, SAMPLE)
    assert real.counts == dry.counts


def test_a_correction_is_audited_with_old_and_new_values(
    services: Services, tmp_path: Path
) -> None:
    first = [row(1), row(2)]
    assert _import(services, write_csv(tmp_path / "a.csv", first)).applied
    corrected = [
        row(1, email="new.address@example.com", name_zh="陳大明"),
        row(2, grade="PASS", overall_score="130", **{"paper:Speaking": "109"}),
    ]
    report = _import(services, write_csv(tmp_path / "b.csv", corrected))
    assert report.applied
    assert (report.counts.changed_candidates, report.counts.changed_results) == (1, 1)
    with services.db.read() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.detail, AuditEvent.subject, AuditEvent.reason)
            .where(AuditEvent.action.like("import_%"))
            .order_by(AuditEvent.id)
        ).all()
        candidate = session.scalars(select(Candidate).where(Candidate.id_number == "KT0000001"))
        assert candidate.one().email == "new.address@example.com"
    assert [e.action for e in events] == ["import_candidate_corrected", "import_result_corrected"]
    changes = json.loads(events[0].detail)["changes"]
    assert changes == {
        "email": ["c1@example.com", "new.address@example.com"],
        "name_zh": ["陳大文", "陳大明"],
    }
    result = json.loads(events[1].detail)
    assert result["changes"] == {
        "grade": ["PASS WITH MERIT", "PASS"],
        "overall_score": [137, 130],
        "papers": {"Speaking": [137, 109]},
    }
    assert events[1].subject == "KT0000002" and events[1].reason == "board file"
    assert services.search.search(add_staff(services, "operator"), "陳大明").items
    assert services.audit.verify().ok


def test_a_released_result_is_never_removed(services: Services, tmp_path: Path) -> None:
    assert _import(services, write_csv(tmp_path / "a.csv", [row(1)])).applied
    before = table_digest(services.db)
    empty = {"grade": "", "cefr": "", "overall_score": "", "release_date": ""}
    empty |= {f"paper:{p}": "" for p in ("Reading", "Writing", "Listening", "Speaking")}
    report = _import(services, write_csv(tmp_path / "b.csv", [row(1, **empty)]))
    assert not report.applied
    assert [p.code for p in report.problems] == ["import_result_removal"]
    assert report.problems[0].params["released"] == "2026-07-25"
    assert table_digest(services.db) == before


def test_a_result_not_yet_released_is_withdrawn_and_audited(
    services: Services, tmp_path: Path
) -> None:
    future = (services.clock.now().date() + timedelta(days=30)).isoformat()
    assert _import(services, write_csv(tmp_path / "a.csv", [row(1, release_date=future)])).applied
    empty = {"grade": "", "cefr": "", "overall_score": "", "release_date": ""}
    empty |= {f"paper:{p}": "" for p in ("Reading", "Writing", "Listening", "Speaking")}
    report = _import(services, write_csv(tmp_path / "b.csv", [row(1, **empty)]))
    assert report.applied and report.counts.removed_results == 1
    assert _count(services, Result) == 0 and _count(services, PaperScore) == 0
    assert _count(services, Entry) == 1


def test_a_released_result_cannot_be_moved_to_a_day_to_come(
    services: Services, tmp_path: Path
) -> None:
    assert _import(services, write_csv(tmp_path / "a.csv", [row(1)])).applied
    later = (services.clock.now().date() + timedelta(days=3)).isoformat()
    report = _import(services, write_csv(tmp_path / "b.csv", [row(1, release_date=later)]))
    assert [p.code for p in report.problems] == ["import_release_recalled"]


def test_an_id_number_of_someone_else_is_refused(services: Services, tmp_path: Path) -> None:
    assert _import(services, write_csv(tmp_path / "a.csv", [row(1), row(2)])).applied
    before = table_digest(services.db)
    other = row(1, name_en="WONG Siu Fung", date_of_birth="1990-01-01")
    report = _import(services, write_csv(tmp_path / "b.csv", [row(2, name_en="X Y"), other]))
    assert not report.applied
    assert [p.code for p in report.problems] == ["import_candidate_mismatch"]
    assert report.problems[0].line == 3
    assert table_digest(services.db) == before


def test_an_empty_cell_keeps_what_the_desk_has(services: Services, tmp_path: Path) -> None:
    assert _import(services, write_csv(tmp_path / "a.csv", [row(1)])).applied
    report = _import(services, write_csv(tmp_path / "b.csv", [row(1, email="", phone="")]))
    assert report.applied and report.counts.changes == 0
    with services.db.read() as session:
        assert session.scalars(select(Candidate.email)).one() == "c1@example.com"


@pytest.mark.parametrize("kind", ["bom-crlf", "semicolon", "xlsx"])
def test_the_forms_excel_writes(services: Services, tmp_path: Path, kind: str) -> None:
    rows = [row(n) for n in range(1, 6)]
    if kind == "bom-crlf":
        path = write_csv(tmp_path / "f.csv", rows, bom=True, newline="\r\n")
    elif kind == "semicolon":
        path = write_csv(tmp_path / "f.csv", rows, delimiter=";")
    else:
        path = write_xlsx(tmp_path / "f.xlsx", rows)
    report = _import(services, path)
    assert report.ok and report.counts.new_candidates == 5, report.problems
    assert report.file.kind == ("xlsx" if kind == "xlsx" else "csv")
    with services.db.read() as session:
        names = set(session.scalars(select(Candidate.name_zh)))
        assert names == {"陳大文"}
        assert session.scalars(select(Candidate.id_number).order_by(Candidate.id)).first() == (
            "KT0000001"
        )


def test_an_xlsx_and_its_csv_twin_make_the_same_rows(services: Services, tmp_path: Path) -> None:
    rows = [row(n, name_en=f"LEE {n}") for n in range(1, 4)]
    assert _import(services, write_xlsx(tmp_path / "a.xlsx", rows)).applied
    again = _import(services, write_csv(tmp_path / "a.csv", rows))
    assert again.applied and again.counts.changes == 0


def test_only_administrators_may_import(services: Services) -> None:
    before = table_digest(services.db)
    for role in ("operator", "counter", "supervisor"):
        staff = add_staff(services, role)
        with pytest.raises(PermissionDenied):
            services.importer.run(staff, SAMPLE, reason="try")
    admin = add_staff(services, "admin")
    assert table_digest(services.db) != before  # the staff rows
    report = services.importer.run(admin, SAMPLE, reason="first load")
    assert report.applied
    with services.db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "data_imported"))
        assert event.one().actor == admin.username


def test_a_reason_is_required_and_a_missing_file_is_named(
    services: Services, tmp_path: Path
) -> None:
    with pytest.raises(BadInput) as missing:
        services.importer.run(an_admin(services), tmp_path / "nothing.csv", reason="x")
    assert missing.value.code == "import_file_missing"
    with pytest.raises(BadInput) as no_reason:
        services.importer.run(an_admin(services), SAMPLE, reason=" ")
    assert no_reason.value.code == "reason_required"


def test_progress_is_told_and_a_stop_leaves_nothing(services: Services, tmp_path: Path) -> None:
    from desk_app.services.importing.report import ImportCancelled

    path = write_csv(tmp_path / "many.csv", [row(n) for n in range(1, 4500)])
    seen = []
    report = services.importer.run(an_admin(services), path, reason="x", progress=seen.append)
    assert report.applied
    phases = [p.phase for p in seen]
    assert phases[0] == "checking" and phases[-1] == "writing"
    assert seen[-1].fraction == 1.0 and seen[-1].rows == 4499
    before = table_digest(services.db)
    changed = write_csv(tmp_path / "more.csv", [row(n, grade="PASS") for n in range(1, 8500)])
    # a stop while the file is checked (by then PostgreSQL has written its first chunks:
    # early.py) and a stop once the check is done (the rest is written after it)
    for stops_at in ("checking", "writing"):
        told: list[Progress] = []

        def stop(stops_at: str = stops_at, told: list[Progress] = told) -> bool:
            if not told:
                return False
            if stops_at == "checking":
                return told[-1].rows >= 7000
            return told[-1].phase == "checking" and told[-1].fraction == 1.0

        with pytest.raises(ImportCancelled):
            services.importer.run(
                an_admin(services), changed, reason="x", progress=told.append, should_stop=stop
            )
        assert told[-1].phase == "checking"
        assert told[-1].fraction < 1.0 if stops_at == "checking" else told[-1].fraction == 1.0
        assert table_digest(services.db) == before


def test_the_sample_xlsx_twin_makes_the_same_rows(services: Services) -> None:
    assert _import(services, SAMPLE.with_suffix(".xlsx")).applied
    again = _import(services, SAMPLE)
    assert again.applied and again.counts.changes == 0 and again.counts.unchanged_rows == 22


def test_export_then_import_changes_nothing(services: Services, tmp_path: Path) -> None:
    from tests.support.factories import make_candidate

    make_candidate(services, "SMR123456")  # a candidate the desk made, not an import
    assert _import(services, SAMPLE).applied
    admin = add_staff(services, "admin")
    exported = services.results_export.export(admin, tmp_path / "out.csv")
    assert exported.rows == 23
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    before = table_digest(services.db)
    report = _import(services, tmp_path / "out.csv")
    assert report.applied and report.counts.changes == 0 and report.counts.unchanged_rows == 23
    with services.db.read() as session:
        events = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert events[-2:] == ["results_exported", "data_imported"]
    assert before != table_digest(services.db)  # the audit entry of the second import only
    one = services.results_export.export(admin, tmp_path / "tw.csv", centre="tw056")
    assert one.rows == 4 and one.centre == "TW056"


def test_only_administrators_may_export(services: Services, tmp_path: Path) -> None:
    for role in ("operator", "counter", "supervisor"):
        with pytest.raises(PermissionDenied):
            services.results_export.export(add_staff(services, role), tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_english_names_are_searchable_and_the_name_index_keeps_its_trigger(
    services: Services,
) -> None:
    """On SQLite the import fills the name index itself (name_index.py): the index has
    every new name, and the trigger is back for candidates made afterwards."""
    from sqlalchemy import text

    from tests.support.factories import make_candidate

    assert _import(services, SAMPLE).applied
    operator = add_staff(services, "operator")
    assert [c.id_number for c in services.search.search(operator, "leung ka").items] == ["KX260101"]
    make_candidate(services, "SMR123456", name_en="PARKER Zelda")
    assert [c.id_number for c in services.search.search(operator, "zelda").items] == ["SMR123456"]
    with services.db.read() as session:
        names = session.scalars(select(Candidate.name_en)).all()
        assert len(names) == 21
        # the index holds every candidate's keys, the imported ones too
        assert stored_name_keys(session) == Counter(k for name in names for k in name_keys(name))
        if services.db.dialect == "sqlite":
            triggers = session.execute(
                text(
                    "SELECT count(*) FROM sqlite_master"
                    " WHERE type = 'trigger' AND tbl_name = 'candidate'"
                    " AND name LIKE 'candidate_name_keys_%'"
                )
            ).scalar()
            assert triggers == 3


def test_a_file_changed_while_it_is_checked_is_refused(services: Services, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "f.csv", [row(n) for n in range(1, 2500)])
    before = table_digest(services.db)

    def meddle(progress: object) -> None:
        with path.open("a", encoding="utf-8") as out:
            out.write("\n")

    with pytest.raises(BadInput) as changed:
        services.importer.run(an_admin(services), path, reason="x", progress=meddle)
    assert changed.value.code == "import_file_changed"
    assert table_digest(services.db) == before
