"""One check and one writer for every file the desk writes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desk_app.services.errors import BadInput
from desk_app.services.output_files import (
    _file_error,
    check_output_path,
    write_output,
    write_output_text,
)


def test_writes_the_file_whole(tmp_path: Path) -> None:
    target = write_output(tmp_path / "letter.pdf", b"%PDF-1.4 body")
    assert target.read_bytes() == b"%PDF-1.4 body"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_a_failed_text_export_leaves_nothing_behind(tmp_path: Path) -> None:
    def fill(handle: object) -> int:
        handle.write("id,name\n")  # type: ignore[attr-defined]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_output_text(tmp_path / "audit.csv", fill)
    assert list(tmp_path.iterdir()) == []


def test_text_export_keeps_line_ends_as_written(tmp_path: Path) -> None:
    count = write_output_text(tmp_path / "a.csv", lambda h: h.write("a,b\r\n"))
    assert count == 5
    assert (tmp_path / "a.csv").read_bytes() == b"a,b\r\n"


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda tmp: tmp, "output_is_folder"),
        (lambda tmp: tmp / "missing" / "x.pdf", "output_folder_missing"),
        (lambda tmp: tmp / ("n" * 300 + ".pdf"), "output_name_too_long"),
        (lambda tmp: "  ", "output_path_required"),
        (lambda tmp: str(tmp / "a\x00b.pdf"), "output_path_invalid"),
    ],
    ids=["folder", "no-folder", "long-name", "empty", "nul"],
)
def test_each_bad_path_has_its_own_code(tmp_path: Path, make: object, code: str) -> None:
    with pytest.raises(BadInput) as raised:
        check_output_path(make(tmp_path))  # type: ignore[operator]
    assert raised.value.code == code
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (errno.EACCES, "output_not_allowed"),
        (errno.EROFS, "output_not_allowed"),
        (errno.ENOSPC, "output_disk_full"),
        (errno.ENAMETOOLONG, "output_name_too_long"),
        (errno.EIO, "output_not_written"),
    ],
)
def test_operating_system_errors_become_codes(number: int, code: str) -> None:
    error = _file_error(OSError(number, os.strerror(number)), "/srv/out/x.pdf")
    assert error.code == code
