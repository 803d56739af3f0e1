"""A machine with no usable PDF font, for the tests of the clear error it must give.

The configured ``pdf_font`` names a file that does not exist, and the system
font search (fontconfig and the known paths, ``documents/fontsearch.py``)
finds nothing. The path is new for every test, so the per-process cache of
``find_fonts`` (keyed on the configured paths) cannot answer with the fonts
an earlier test found.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk_app.documents import fonts
from desk_app.documents.fontsearch import FontCandidate


def _no_system_fonts() -> Iterator[FontCandidate]:
    return iter(())


@pytest.fixture
def missing_pdf_font(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A ``pdf_font`` path to configure that does not exist; no system font is found either."""
    monkeypatch.setattr(fonts, "system_candidates", _no_system_fonts)
    return str(tmp_path / "no-such-font.ttf")
