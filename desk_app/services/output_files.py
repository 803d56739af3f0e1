"""Files the desk writes for people (PDFs, exports): one check, one way to write.

Every command and dialog that writes a file calls :func:`check_output_path`
before it does any work (so a bad path changes nothing) and
:func:`write_output` to write it. The file appears whole or not at all: it is
written beside the target under a temporary name and renamed into place.
Each failure has its own error code, never an operating-system sentence.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from desk_app.services.errors import BadInput, DeskError

#: most file systems allow 255 bytes per name
_MAX_NAME_BYTES = 255


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a :class:`Path` a file can be written to, or a :class:`BadInput`."""
    raw = os.fspath(path)
    if not raw.strip():
        raise BadInput("output_path_required")
    if "\x00" in raw:
        raise BadInput("output_path_invalid", name=raw.replace("\x00", "?"))
    target = Path(raw).expanduser()
    shown = str(target)
    if len(os.fsencode(target.name)) > _MAX_NAME_BYTES:
        raise BadInput("output_name_too_long", limit=_MAX_NAME_BYTES)
    try:
        if target.is_dir():
            raise BadInput("output_is_folder", name=shown)
        folder = target.parent
        if not folder.is_dir():
            raise BadInput("output_folder_missing", name=str(folder))
    except OSError as error:
        raise _file_error(error, shown) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BadInput("output_not_allowed", name=str(folder))
    if target.exists() and not os.access(target, os.W_OK):
        raise BadInput("output_not_allowed", name=shown)
    return target


def _file_error(error: OSError, name: str) -> DeskError:
    if error.errno == errno.ENAMETOOLONG:
        return BadInput("output_name_too_long", limit=_MAX_NAME_BYTES)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return BadInput("output_not_allowed", name=name)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return BadInput("output_disk_full", name=name)
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return BadInput("output_folder_missing", name=str(Path(name).parent))
    if error.errno == errno.EISDIR:
        return BadInput("output_is_folder", name=name)
    return BadInput("output_not_written", name=name)


@contextmanager
def _replacing(target: Path, mode: str, **open_args: object) -> Iterator[IO[str] | IO[bytes]]:
    handle = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=".desk-app-", suffix=".part", dir=target.parent)
    except OSError as error:
        raise _file_error(error, str(target)) from None
    try:
        handle = os.fdopen(fd, mode, **open_args)  # type: ignore[call-overload]
        with handle:
            yield handle
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise _file_error(error, str(target)) from None
    except BaseException:
        _discard(temporary)
        raise


def _discard(temporary: str) -> None:
    with suppress(OSError):
        os.unlink(temporary)


def write_output(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` whole (checked first); the path written."""
    target = check_output_path(path)
    with _replacing(target, "wb") as handle:
        handle.write(data)  # type: ignore[arg-type]
    return target


def write_output_text(path: str | os.PathLike[str], fill: Callable[[IO[str]], int]) -> int:
    """Let ``fill`` write text (UTF-8, no newline translation) to ``path`` whole; its result.

    For exports streamed row by row: nothing appears at ``path`` unless
    ``fill`` returns normally.
    """
    target = check_output_path(path)
    with _replacing(target, "w", encoding="utf-8", newline="") as handle:
        return fill(handle)  # type: ignore[arg-type]
