"""The sentences behind the importer's codes, marked for Qt Linguist ("Errors").

``services/messages.py`` adds them to its table, so the window and the
command line translate and print them like every other error. A problem
is shown beside its line and column, so a sentence does not repeat them.
docs/IMPORT.md lists each one in English and Chinese (a test keeps it so).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


IMPORT_MESSAGES: dict[str, str] = {
    # the file as a whole
    "import_file_missing": QT_TRANSLATE_NOOP("Errors", "The file “{name}” cannot be opened."),
    "import_file_changed": QT_TRANSLATE_NOOP(
        "Errors", "The file changed while it was being imported; nothing was changed. Try again."
    ),
    "import_empty": QT_TRANSLATE_NOOP("Errors", "The file is empty."),
    "import_no_rows": QT_TRANSLATE_NOOP("Errors", "The file has a header but no rows."),
    "import_not_utf8": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is not UTF-8 text. In Excel: File › Save As › "
        "“CSV UTF-8 (Comma delimited) (*.csv)”.",
    ),
    "import_not_utf8_guess": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is not UTF-8 text: it looks like {encoding}. In Excel: File › Save As › "
        "“CSV UTF-8 (Comma delimited) (*.csv)”.",
    ),
    "import_old_excel": QT_TRANSLATE_NOOP(
        "Errors", "This is an old Excel file (.xls): save it as .xlsx or as CSV UTF-8."
    ),
    "import_not_xlsx": QT_TRANSLATE_NOOP(
        "Errors", "The file cannot be read as an Excel workbook (.xlsx)."
    ),
    "import_bad_csv": QT_TRANSLATE_NOOP(
        "Errors", "The CSV cannot be read here (a stray quote or a NUL character)."
    ),
    "import_line_too_long": QT_TRANSLATE_NOOP(
        "Errors", "This line is longer than {limit} bytes: the file is not a table of rows."
    ),
    # the header
    "import_missing_column": QT_TRANSLATE_NOOP(
        "Errors", "The header has no column “{name}”: every file needs it."
    ),
    "import_unknown_column": QT_TRANSLATE_NOOP(
        "Errors", "“{name}” is not a column of the import format."
    ),
    "import_duplicate_column": QT_TRANSLATE_NOOP("Errors", "The column “{name}” appears twice."),
    "import_unknown_paper_column": QT_TRANSLATE_NOOP(
        "Errors", "No exam has a paper called “{name}”."
    ),
    # one row
    "import_column_count": QT_TRANSLATE_NOOP(
        "Errors", "This row has {count} cells; the header has {expected}."
    ),
    "import_unnamed_cell": QT_TRANSLATE_NOOP(
        "Errors", "This cell is in a column the header gives no name."
    ),
    "import_required": QT_TRANSLATE_NOOP("Errors", "This cell must not be empty."),
    "import_bad_text": QT_TRANSLATE_NOOP(
        "Errors", "This cell holds characters that are not allowed (e.g. a line break)."
    ),
    "import_too_long": QT_TRANSLATE_NOOP(
        "Errors", "This cell is too long (at most {limit} characters)."
    ),
    "import_bad_date": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a date: write it as YYYY-MM-DD, e.g. 2014-07-05."
    ),
    "import_impossible_date": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a day of the calendar (like 30 February)."
    ),
    "import_bad_phone": QT_TRANSLATE_NOOP("Errors", "“{value}” is not a phone number."),
    "import_bad_language": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a language of the desk: write en or zh_HK."
    ),
    "import_bad_centre": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a centre code: letters and digits, e.g. TW056."
    ),
    "import_centre_name_required": QT_TRANSLATE_NOOP(
        "Errors", "Centre {code} is new: give its name in a centre_name column."
    ),
    "import_unknown_exam": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not an exam of the catalogue: give its code (e.g. KETFS) or name."
    ),
    "import_unknown_session": QT_TRANSLATE_NOOP(
        "Errors", "“{value}” is not a session: give a known one, or a new one as YYYY-MM."
    ),
    "import_not_a_number": QT_TRANSLATE_NOOP("Errors", "“{value}” is not a whole number."),
    "import_score_range": QT_TRANSLATE_NOOP(
        "Errors", "{value} is outside the range of {exam}: {low}–{high}."
    ),
    "import_unknown_grade": QT_TRANSLATE_NOOP(
        "Errors", "{exam} has no grade “{value}”. Its grades: {grades}."
    ),
    "import_unknown_cefr": QT_TRANSLATE_NOOP(
        "Errors", "{exam} reports no CEFR level “{value}”. Its levels: {levels}."
    ),
    "import_no_cefr": QT_TRANSLATE_NOOP(
        "Errors", "{exam} reports no CEFR level: leave this cell empty."
    ),
    "import_paper_not_in_exam": QT_TRANSLATE_NOOP(
        "Errors", "{exam} has no paper “{paper}”: leave this cell empty."
    ),
    "import_paper_missing": QT_TRANSLATE_NOOP(
        "Errors", "{exam} has a paper “{paper}”: this row gives no score for it."
    ),
    "import_result_incomplete": QT_TRANSLATE_NOOP(
        "Errors", "A result needs a grade and an overall score (or every result cell empty)."
    ),
    "import_release_date_required": QT_TRANSLATE_NOOP(
        "Errors", "A result needs the date it is released (release_date)."
    ),
    # rows against each other
    "import_duplicate_row": QT_TRANSLATE_NOOP("Errors", "This row repeats line {line}."),
    "import_conflicting_entry": QT_TRANSLATE_NOOP(
        "Errors", "Line {line} gives another result for {id_number}, {exam}, {session}."
    ),
    "import_conflicting_candidate": QT_TRANSLATE_NOOP(
        "Errors", "{id_number} has another value here than on line {line}."
    ),
    "import_conflicting_centre_name": QT_TRANSLATE_NOOP(
        "Errors", "Line {line} names the new centre {code} differently."
    ),
    # rows against the database
    "import_candidate_mismatch": QT_TRANSLATE_NOOP(
        "Errors",
        "{id_number} is {name}, born {date_of_birth}, in the desk: this row names someone "
        "else. Check the ID Number.",
    ),
    "import_result_removal": QT_TRANSLATE_NOOP(
        "Errors",
        "This row has no result, but the result of {exam}, {session} was released on "
        "{released}: results are corrected, never removed.",
    ),
    "import_release_recalled": QT_TRANSLATE_NOOP(
        "Errors",
        "The result of {exam}, {session} was released on {released}: it cannot be put back "
        "to {value}.",
    ),
    # the export
    "centre_not_found": QT_TRANSLATE_NOOP("Errors", "No centre has the code {centre}."),
    # the run
    "import_cancelled": QT_TRANSLATE_NOOP("Errors", "The import was stopped; nothing was changed."),
    "import_more_problems": QT_TRANSLATE_NOOP(
        "Errors", "More problems, not listed: {count} (the first {listed} are listed)."
    ),
    "import_refused": QT_TRANSLATE_NOOP(
        "Errors", "Problems in the file: {count}. Nothing was imported."
    ),
}
