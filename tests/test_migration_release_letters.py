"""Revision 0005_release_letters on a database that already holds results.

Results out before the upgrade are recorded as untracked (no late emails);
results still to come are left for the release job; the catalogue's Young
Learners and Delta exams get their scoring; the downgrade undoes it all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from desk_app import schema
from desk_app.database import Database


def migrate(url: str, revision: str, *, down: bool = False) -> None:
    schema.migrate(url, revision, down=down)


def test_upgrade_records_released_results_and_sets_scoring(empty_database_url: str) -> None:
    migrate(empty_database_url, "0002")
    now = datetime.now(UTC)
    past, future = now - timedelta(days=3), now + timedelta(days=3)
    db = Database(empty_database_url)
    try:
        with db.write() as session:
            session.execute(
                text(
                    "insert into centre (id, code, name_en, region) values (1, 'TW056', 'P', 'TW');"
                )
            )
            for exam_id, code in ((1, "KETFS"), (2, "DELTA1"), (3, "YLE-FLYERS")):
                session.execute(
                    text(
                        "insert into exam (id, code, name_en, has_paper_breakdown, score_min,"
                        " score_max) values (:id, :code, :code, true, 0, 100)"
                    ),
                    {"id": exam_id, "code": code},
                )
            session.execute(
                text(
                    "insert into exam_session (id, code, name_en, name_zh, held_on)"
                    " values (1, '2026-11', 'November 2026', '2026年11月', '2026-11-14')"
                )
            )
            session.execute(
                text(
                    "insert into candidate (id, id_number, name_en, date_of_birth, centre_id,"
                    " language, created_at) values (1, 'SMR1', 'A', '2001-01-01', 1, 'en', :now)"
                ),
                {"now": _stamp(db, now)},
            )
            session.execute(
                text(
                    "insert into letter (id, candidate_id, number, active, issued_at, serial)"
                    " values (1, 1, 0, true, :now, 'L00000001-0')"
                ),
                {"now": _stamp(db, now)},
            )
            for entry_id, moment in ((1, past), (2, future)):
                session.execute(
                    text(
                        "insert into entry (id, candidate_id, exam_id, session_id)"
                        " values (:id, 1, :id, 1)"
                    ),
                    {"id": entry_id},
                )
                session.execute(
                    text(
                        "insert into result (id, entry_id, grade, score, release_at)"
                        " values (:id, :id, 'PASS', 60, :at)"
                    ),
                    {"id": entry_id, "at": _stamp(db, moment)},
                )
    finally:
        db.dispose()

    migrate(empty_database_url, "head")
    db = Database(empty_database_url)
    try:
        with db.read() as session:
            notices = session.execute(
                text("select entry_id, candidate_id, outcome from release_notice")
            ).all()
            scoring = dict(session.execute(text("select code, scoring from exam")).all())
            letters = session.execute(text("select serial, batch_id from letter")).all()
    finally:
        db.dispose()
    assert [tuple(row) for row in notices] == [(1, 1, "untracked")]
    # the exams the older database had, and the catalogue's (0004) beside them
    assert {code: scoring[code] for code in ("KETFS", "DELTA1", "YLE-FLYERS")} == {
        "KETFS": "scale",
        "DELTA1": "marks",
        "YLE-FLYERS": "shields",
    }
    assert scoring["DELTA2"] == "marks" and scoring["FCE"] == "scale"
    assert [tuple(row) for row in letters] == [("L00000001-0", None)]

    migrate(empty_database_url, "0002", down=True)
    migrate(empty_database_url, "head")  # and up again


def _stamp(db: Database, moment: datetime) -> object:
    """How the models store a UTC time: naive text on SQLite."""
    if db.dialect == "sqlite":
        return moment.replace(tzinfo=None).isoformat(sep=" ")
    return moment
