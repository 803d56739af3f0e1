"""Reading the exam board's file row by row, never whole: CSV and Excel .xlsx.

CSV: UTF-8 with or without a byte-order mark, CRLF or LF line ends, cells
separated by commas or by semicolons (Excel writes semicolons where the
decimal mark is a comma): the header line decides. Each physical line is
decoded on its own, so text that is not UTF-8 (Big5 from an old Excel) is
named with its line. Excel: the first sheet, read in openpyxl's read-only
mode, which streams the sheet's XML; cells come back as text (a date cell
as YYYY-MM-DD, a whole number without ".0").

A problem that makes the rest unreadable raises :class:`Unreadable`; the
checker lists it and stops.
"""

from __future__ import annotations

import csv
import hashlib
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from desk_app.services.errors import BadInput
from desk_app.services.importing.report import FileFacts

#: one CSV line longer than this is not a row of a table
MAX_LINE_BYTES = 1 << 20
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: encodings an old Excel on a Chinese system saves in, tried to name what a file is
_GUESSES = (("big5", "Big5"), ("gb18030", "GB18030"), ("cp1252", "Windows-1252"))


class Unreadable(Exception):
    """The file cannot be read on from here; ``code`` and ``params`` say why."""

    def __init__(self, line: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.line = line
        self.code = code
        self.params = params


@dataclass(frozen=True)
class SourceRow:
    #: the line (CSV) or row (xlsx) where the row starts, the header being 1
    line: int
    cells: tuple[str, ...]


def file_facts(path: Path) -> FileFacts:
    """Name, size and SHA-256 of the file (read in blocks), and how it will be read."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
            digest.update(head)
            size += len(head)
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    except OSError:
        raise BadInput("import_file_missing", name=str(path)) from None
    return FileFacts(path.name, size, digest.hexdigest(), _kind(path, head))


def _kind(path: Path, head: bytes) -> str:
    if head.startswith(_XLS_MAGIC):
        return "xls"
    if head.startswith(_XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        return "xlsx"
    return "csv"


class RowSource:
    """The rows of one file, in order; :attr:`fraction` says how far the reading is."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        self.fraction = 0.0

    def rows(self) -> Iterator[SourceRow]:
        if self.kind == "xls":
            raise Unreadable(0, "import_old_excel")
        if self.kind == "xlsx":
            return self._xlsx_rows()
        return self._csv_rows()

    # -- CSV ------------------------------------------------------------------------------------
    def _csv_rows(self) -> Iterator[SourceRow]:
        try:
            handle = self.path.open("rb")
        except OSError:
            raise BadInput("import_file_missing", name=str(self.path)) from None
        with handle:
            size = max(1, os.fstat(handle.fileno()).st_size)
            numbered = _NumberedLines(handle, size, self)
            first = numbered.first_line()
            if first is None:
                raise Unreadable(0, "import_empty")
            skipped = numbered.number - 1  # blank lines before the header
            reader = csv.reader(numbered.lines(first), delimiter=_delimiter(first), strict=True)
            done = 0
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error:
                    raise Unreadable(skipped + done + 1, "import_bad_csv") from None
                start, done = skipped + done + 1, reader.line_num
                if cells and any(cell.strip() for cell in cells):
                    yield SourceRow(start, tuple(cells))

    # -- xlsx -----------------------------------------------------------------------------------
    def _xlsx_rows(self) -> Iterator[SourceRow]:
        from openpyxl import load_workbook  # only when a workbook is read: it is slow to load

        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
            raise Unreadable(0, "import_not_xlsx") from None
        try:
            sheet = book.worksheets[0]
            total = sheet.max_row or 0  # the sheet's own word, for progress only
            # a writer may record a wrong size; without it every row is read
            sheet.reset_dimensions()
            width = 0
            try:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    if total:
                        self.fraction = min(1.0, number / total)
                    cells = [_cell_text(value) for value in values]
                    while cells and not cells[-1]:
                        cells.pop()
                    if not cells:
                        continue
                    # a sheet keeps no empty cells at a row's end: as wide as the header
                    width = width or len(cells)
                    cells += [""] * (width - len(cells))
                    yield SourceRow(number, tuple(cells))
            except (zipfile.BadZipFile, KeyError, ValueError, TypeError):
                raise Unreadable(0, "import_not_xlsx") from None
        finally:
            book.close()
        self.fraction = 1.0


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _delimiter(header: str) -> str:
    """Comma or semicolon, whichever the header line has more of outside quotes."""
    counts = {",": 0, ";": 0}
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


class _NumberedLines:
    """The file's physical lines, each decoded as UTF-8 on its own (a BOM dropped)."""

    def __init__(self, handle: IO[bytes], size: int, source: RowSource) -> None:
        self._handle = handle
        self._size = size
        self._source = source
        self.number = 0

    def _next_raw(self) -> bytes:
        raw = self._handle.readline(MAX_LINE_BYTES + 1)
        if len(raw) > MAX_LINE_BYTES:
            raise Unreadable(self.number + 1, "import_line_too_long", limit=MAX_LINE_BYTES)
        if raw:
            self.number += 1
            if self.number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            elif self.number == 1 and raw.startswith(_UTF16_BOMS):
                raise Unreadable(1, "import_not_utf8_guess", encoding="UTF-16")
            self._source.fraction = min(1.0, self._handle.tell() / self._size)
        return raw

    def _decode(self, raw: bytes) -> str:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        for codec, name in _GUESSES:
            try:
                raw.decode(codec)
            except UnicodeDecodeError:
                continue
            raise Unreadable(self.number, "import_not_utf8_guess", encoding=name)
        raise Unreadable(self.number, "import_not_utf8")

    def first_line(self) -> str | None:
        """The first line with anything on it (blank lines before the header are skipped)."""
        while raw := self._next_raw():
            text = self._decode(raw)
            if text.strip():
                return text
        return None

    def lines(self, first: str) -> Iterator[str]:
        yield first
        while raw := self._next_raw():
            yield self._decode(raw)
