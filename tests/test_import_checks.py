"""Every problem the importer finds: its code, line and column, English and Chinese, and
nothing written. Each case is a small file; all run on one database per backend."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.services.importing.messages import IMPORT_MESSAGES
from desk_app.services.messages import MESSAGES, english
from desk_app.services.registry import Services
from tests.support.factories import an_admin
from tests.support.import_files import HEADER, row, table_digest, write_csv, write_xlsx

TS_FILE = Path(__file__).resolve().parent.parent / "translations" / "desk_app_zh_HK.ts"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "IMPORT.md"


def chinese() -> dict[str, str]:
    """English source → finished Chinese translation, context "Errors"."""
    found = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != "Errors":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[message.findtext("source", "")] = translation.text
    return found


@dataclass(frozen=True)
class Case:
    code: str
    make: Callable[[Path], Path]
    line: int
    column: str | None = None


def _rows(*rows: dict[str, str], header: tuple[str, ...] = HEADER) -> Callable[[Path], Path]:
    return lambda path: write_csv(path / "f.csv", rows, header=header)


def _raw(data: bytes, name: str = "f.csv") -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        (path / name).write_bytes(data)
        return path / name

    return make


def _header(*names: str) -> bytes:
    return (",".join(names) + "\n").encode()


_LINE = ",".join(row(1).get(h, "") for h in HEADER)
_NO_PAPERS = {f"paper:{p}": "" for p in ("Reading", "Writing", "Listening", "Speaking")}
_DELTA = {"exam": "DELTA1", "grade": "PASS WITH MERIT", "cefr": "", "overall_score": "74",
          **_NO_PAPERS}  # fmt: skip

CASES = [
    Case("invalid_id_number", _rows(row(id_number="12")), 2, "id_number"),
    Case("import_impossible_date", _rows(row(date_of_birth="2011-02-30")), 2, "date_of_birth"),
    Case("import_bad_date", _rows(row(date_of_birth="14/03/2011")), 2, "date_of_birth"),
    Case("import_unknown_exam", _rows(row(exam="KETX")), 2, "exam"),
    Case("import_paper_not_in_exam", _rows(row(**{**_DELTA, "paper:Reading": "60"})), 2,
         "paper:Reading"),
    Case("import_unknown_paper_column",
         _rows(row(), header=(*HEADER, "paper:Grammar")), 1, "paper:Grammar"),
    Case("import_score_range", _rows(row(overall_score="200")), 2, "overall_score"),
    Case("import_score_range", _rows(row(**{"paper:Reading": "20"})), 2, "paper:Reading"),
    Case("import_unknown_grade", _rows(row(grade="GRADE A")), 2, "grade"),
    Case("import_unknown_cefr", _rows(row(cefr="C2")), 2, "cefr"),
    Case("import_no_cefr", _rows(row(**{**_DELTA, "cefr": "B2"})), 2, "cefr"),
    Case("import_duplicate_row", _rows(row(1), row(2), row(1)), 4),
    Case("import_conflicting_entry", _rows(row(1), row(1, grade="PASS", overall_score="130")), 3),
    Case("import_conflicting_candidate",
         _rows(row(1), row(1, exam="PETFS", date_of_birth="2011-03-15", grade="PASS",
                           cefr="B1", overall_score="145", **{"paper:Reading": "145",
                           "paper:Writing": "145", "paper:Listening": "145",
                           "paper:Speaking": "145"})), 3, "date_of_birth"),
    Case("import_column_count", _raw(_header(*HEADER) + (_LINE + ",extra\n").encode()), 2),
    Case("import_not_utf8_guess",
         _raw(_header(*HEADER) + _LINE.replace("陳大文", "X").encode() + b"\n"
              + "KT1,陳大文\n".encode("big5")), 3),
    Case("import_not_utf8", _raw(_header(*HEADER) + b"\xff\x81\n"), 2),
    Case("import_empty", _raw(b""), 0),
    Case("import_empty", _raw(b"\xef\xbb\xbf\r\n\r\n"), 0),
    Case("import_no_rows", _raw(_header(*HEADER)), 0),
    Case("import_missing_column", _rows(row(), header=tuple(h for h in HEADER if h != "exam")),
         1),
    Case("import_unknown_column", _rows(row(), header=(*HEADER, "nickname")), 1, "nickname"),
    Case("import_duplicate_column", _raw(_header(*HEADER, "NAME_EN")), 1, "NAME_EN"),
    Case("import_required", _rows(row(name_en="")), 2, "name_en"),
    Case("import_bad_text", _rows(row(name_en="CHAN\nTai Man")), 2, "name_en"),
    Case("import_too_long", _rows(row(name_en="A" * 201)), 2, "name_en"),
    Case("import_bad_phone", _rows(row(phone="call me")), 2, "phone"),
    Case("invalid_email", _rows(row(email="not-an-email")), 2, "email"),
    Case("import_bad_language", _rows(row(language="fr")), 2, "language"),
    Case("import_bad_centre", _rows(row(centre="HK 301!")), 2, "centre"),
    Case("import_centre_name_required", _rows(row(centre="HK999", centre_name="")), 2, "centre"),
    Case("import_conflicting_centre_name", _rows(row(1), row(2, centre_name="Other")), 3,
         "centre_name"),
    Case("import_unknown_session", _rows(row(session="Summer")), 2, "session"),
    Case("import_not_a_number", _rows(row(overall_score="13x")), 2, "overall_score"),
    Case("import_paper_missing", _rows(row(**{"paper:Speaking": ""})), 2, "paper:Speaking"),
    Case("import_result_incomplete", _rows(row(overall_score="")), 2),
    Case("import_release_date_required", _rows(row(release_date="")), 2, "release_date"),
    Case("import_old_excel", _raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "f.xls"), 0),
    Case("import_not_xlsx", _raw(b"PK\x03\x04 not really a workbook", "f.xlsx"), 0),
    Case("import_bad_csv", _raw(_header(*HEADER) + b'KT1,"CHAN"Tai,x\n'), 2),
    Case("import_unnamed_cell", _raw(_header(*HEADER, "") + (_LINE + ",oops\n").encode()), 2),
    Case("import_line_too_long", _raw(_header(*HEADER) + b"x" * (1 << 20) + b"\n"), 2),
]  # fmt: skip


def test_every_import_code_has_a_case_or_a_test_of_its_own() -> None:
    elsewhere = {
        "import_file_missing", "import_file_changed", "import_candidate_mismatch",
        "import_result_removal", "import_release_recalled", "import_cancelled",
        "import_more_problems", "import_refused", "centre_not_found",
    }  # fmt: skip
    assert set(IMPORT_MESSAGES) == {case.code for case in CASES if case.code in
                                    IMPORT_MESSAGES} | elsewhere  # fmt: skip


def test_every_case_is_found_where_it_is_and_changes_nothing(
    services: Services, tmp_path: Path
) -> None:
    zh = chinese()
    caller = an_admin(services)
    before = table_digest(services.db)
    for number, case in enumerate(CASES):
        folder = tmp_path / f"case{number}"
        folder.mkdir()
        report = services.importer.run(caller, case.make(folder), reason="check")
        found = [p for p in report.problems if p.code == case.code]
        assert found, (case.code, [(p.code, p.params) for p in report.problems])
        problem = found[0]
        assert (problem.line, problem.column) == (case.line, case.column), case.code
        assert not report.applied
        text = english(problem.code, problem.params)
        assert "{" not in text, (case.code, text)
        translated = zh[MESSAGES[problem.code]].format(**problem.params)
        assert translated != text and "{" not in translated, case.code
    assert table_digest(services.db) == before


def test_every_message_is_translated_and_in_the_docs() -> None:
    zh = chinese()
    docs = DOCS.read_text(encoding="utf-8")
    for code, text in IMPORT_MESSAGES.items():
        assert text in zh, f"no finished Chinese for {code}: run make tr-update and translate"
        assert sorted(_fields(zh[text])) == sorted(_fields(text)), code
        assert f"`{code}`" in docs and _docs_form(text) in docs and _docs_form(zh[text]) in docs, (
            f"docs/IMPORT.md lacks {code}"
        )


def _fields(text: str) -> list[str]:
    import re

    return re.findall(r"\{[a-z_]*\}", text)


def _docs_form(text: str) -> str:
    """How the table in docs/IMPORT.md writes a message (pipes escaped)."""
    return text.replace("|", "\\|")


def test_more_than_a_thousand_problems_are_counted_not_listed(
    services: Services, tmp_path: Path
) -> None:
    rows = [row(n, date_of_birth="2011-02-30") for n in range(1, 1301)]
    report = services.importer.run(
        an_admin(services), write_csv(tmp_path / "bad.csv", rows), reason="x"
    )
    assert report.problem_count == 1300 and len(report.problems) == 1000
    assert report.problems[0].line == 2


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_bad_date_at_line_1000_of_an_xlsx_is_named(services: Services, tmp_path: Path) -> None:
    rows = [row(n) for n in range(1, 1200)]
    rows[998] = row(999, date_of_birth="2011-02-29")
    report = services.importer.run(
        an_admin(services), write_xlsx(tmp_path / "f.xlsx", rows), reason="x"
    )
    assert [(p.line, p.column, p.letter, p.code) for p in report.problems] == [
        (1000, "date_of_birth", "D", "import_impossible_date")
    ]
