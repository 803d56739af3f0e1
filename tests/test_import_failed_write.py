"""A chunk whose write fails ends the import with nothing written, on both databases
(earlier chunks already in the transaction, the name keys not yet)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desk_app.services.importing import applying
from desk_app.services.registry import Services
from tests.support.factories import an_admin
from tests.support.import_files import row, table_digest, write_csv
from tests.support.name_index import stored_name_keys


class WriteFailed(Exception):
    pass


def test_a_chunk_that_fails_to_be_written_leaves_nothing(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert services.importer.run(
        an_admin(services), write_csv(tmp_path / "a.csv", [row(1)]), reason="x"
    ).applied
    before = table_digest(services.db)
    with services.db.read() as session:
        keys_before = stored_name_keys(session)
    written = []
    real = applying.write_chunk

    def second_fails(*args: Any) -> None:
        written.append(1)
        real(*args)  # the chunk is in the transaction …
        if len(written) == 2:
            raise WriteFailed()  # … and then its write fails

    monkeypatch.setattr(applying, "write_chunk", second_fails)
    path = write_csv(tmp_path / "b.csv", [row(n) for n in range(2, 6_500)])  # four chunks
    with pytest.raises(WriteFailed):
        services.importer.run(an_admin(services), path, reason="x")
    assert len(written) == 2  # no chunk is written after the failure
    assert table_digest(services.db) == before
    with services.db.read() as session:
        assert stored_name_keys(session) == keys_before
