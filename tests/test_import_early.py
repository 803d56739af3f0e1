"""PostgreSQL writes while the file is still checked (services/importing/early.py).

The same files give the same outcome on both databases, whichever order
the two passes run in: all or nothing, a new centre named only by a later
row, sessions first met halfway, a bad row after chunks were written.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from desk_app.models import Candidate, Centre, Entry, ExamSession
from desk_app.models.search_index import name_keys
from desk_app.services.importing.report import Progress
from desk_app.services.importing.spool import CHUNK, RowSpool
from desk_app.services.registry import Services
from tests.support.factories import an_admin
from tests.support.import_files import row, table_digest, write_csv
from tests.support.name_index import (
    expected_pair_keys,
    pair_words,
    stored_name_keys,
    stored_pair_keys,
)

ROWS = 7000


def _writer_running() -> bool:
    return any(t.name.startswith("desk-import-write") for t in threading.enumerate())


def test_a_centre_named_by_a_later_row_and_sessions_met_halfway(
    services: Services, tmp_path: Path
) -> None:
    def cells(n: int) -> dict[str, str]:
        named = n == 5500  # the centre's only name, three chunks in
        session = "2026-06" if n < 4000 else "2026-11"
        return row(
            n, centre="HK777", centre_name="Tsing Yi Centre" if named else "",
            centre_name_zh="青衣中心" if named else "", session=session,
        )  # fmt: skip

    path = write_csv(tmp_path / "late.csv", [cells(n) for n in range(1, ROWS + 1)])
    writing_while_checking: list[bool] = []

    def told(progress: Progress) -> None:
        if progress.phase == "checking" and progress.rows >= 5000:
            writing_while_checking.append(_writer_running())

    report = services.importer.run(an_admin(services), path, reason="board file", progress=told)
    assert report.applied and report.counts.new_candidates == ROWS
    assert report.counts.new_centres == 1 and report.counts.new_sessions == 2
    # PostgreSQL wrote the chunks before the centre's name while the check went on
    assert any(writing_while_checking) is (services.db.dialect == "postgresql")
    with services.db.read() as session:
        centre = session.scalars(select(Centre).where(Centre.code == "HK777")).one()
        assert (centre.name_en, centre.name_zh) == ("Tsing Yi Centre", "青衣中心")
        at_centre = select(func.count()).where(Candidate.centre_id == centre.id)
        assert session.scalar(at_centre) == ROWS
        by_session = session.execute(
            select(ExamSession.code, func.count())
            .join(Entry, Entry.session_id == ExamSession.id)
            .group_by(ExamSession.code)
        ).all()
        assert dict(by_session) == {"2026-06": 3999, "2026-11": ROWS - 3999}
        names = session.scalars(select(Candidate.name_en)).all()
        assert stored_name_keys(session) == Counter(k for n in names for k in name_keys(n))
        assert stored_pair_keys(session) == expected_pair_keys(pair_words(session), names)


def test_a_bad_row_after_chunks_were_written_leaves_nothing(
    services: Services, tmp_path: Path
) -> None:
    rows = [row(n) for n in range(1, ROWS + 1)]
    rows[6499] = row(6500, date_of_birth="2011-02-30")  # line 6,501
    path = write_csv(tmp_path / "bad.csv", rows)
    admin = an_admin(services)
    before = table_digest(services.db)
    report = services.importer.run(admin, path, reason="board file")
    assert not report.applied and report.problem_count == 1
    assert (report.problems[0].line, report.problems[0].column) == (6501, "date_of_birth")
    assert report.counts.new_candidates == 0
    assert table_digest(services.db) == before


def test_the_spool_is_read_while_it_is_written() -> None:
    made = list(range(CHUNK * 3 + 5))  # the spool keeps any picklable rows
    with RowSpool() as spool:
        for item in made[: CHUNK * 2]:
            spool.add(item)  # type: ignore[arg-type]
        assert spool.waiting == 2
        first = spool.next_chunk()
        for item in made[CHUNK * 2 :]:
            spool.add(item)  # type: ignore[arg-type]
        rest = list(spool.chunks())
    assert first == made[:CHUNK] and [len(c) for c in rest] == [CHUNK, CHUNK, 5]
    assert [item for chunk in rest for item in chunk] == made[CHUNK:]
    assert spool.rows == len(made) and spool.waiting == 0
