"""The SQLite database file and its folder, readable by the user only.

The database holds candidates' personal data and the staff's and
candidates' password hashes, so on a shared computer nobody else may read
it: a folder the desk creates is 0700, a database file it creates is 0600,
whatever the umask says. SQLite creates the ``-wal`` and ``-shm`` files with
the database file's own mode, so they are 0600 too.

A folder that exists already is the user's choice (a configured path in
their home) and is left as it is, with one exception: the desk's own
default data folder (``…/desk-app``), which an older version made with the
umask's mode, is made 0700. An existing database file is never changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from desk_app.config import default_database_path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def _set_mode(path: Path, mode: int) -> None:
    if os.name == "posix":  # elsewhere the bits mean nothing (Windows has ACLs)
        path.chmod(mode)


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` and each missing parent 0700; leave existing ones alone."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current.parent != current:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # another process made it meanwhile: theirs, as it is
        _set_mode(path, FOLDER_MODE)


def prepare_sqlite_file(database: Path) -> None:
    """Before SQLite opens ``database``: its folder, and the file itself (empty,
    0600) when it does not exist yet. SQLite takes an empty file for a new
    database."""
    folder = database.parent
    make_private_folder(folder)
    default_folder = default_database_path().parent
    if folder.absolute() == default_folder.absolute() and folder.is_dir():
        _set_mode(folder, FOLDER_MODE)
    try:
        handle = os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.close(handle)
    _set_mode(database, FILE_MODE)
