"""QR codes drawn as vector paths (reportlab's own encoder, no image)."""

from __future__ import annotations

from urllib.parse import quote

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from desk_app.documents.styles import INK

QUIET_ZONE = 2  # modules of white around the code (kept small: the panel is white)


def qr_modules(value: str) -> list[list[bool]]:
    """The dark/light matrix for ``value`` at error correction level M."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def verification_url(website: str, code: str) -> str:
    """What the QR code holds: the verification page with the code filled in."""
    separator = "&" if "?" in website else "?"
    return f"{website}{separator}code={quote(code, safe='')}"


def qr_path(modules: list[list[bool]]) -> str:
    """PDF path operators for the dark runs of each row, one unit per module, origin bottom-left."""
    count = len(modules)
    ops: list[str] = []
    for r, row in enumerate(modules):
        y = count - 1 - r
        c = 0
        while c < count:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < count and row[c]:
                c += 1
            ops.append(f"{start} {y} {c - start} 1 re")
    return "\n".join(ops)


class QrFlowable(Flowable):  # type: ignore[misc]
    """A square QR code of ``value``, ``size`` points wide, as one filled vector path.

    The path is written in module units under a scaling transform, so the
    numbers are small integers (compact, and quick to write).
    """

    def __init__(self, value: str, size: float, color: Color = INK) -> None:
        super().__init__()
        self.value = value
        self.size = size
        self.color = color
        self.modules = qr_modules(value)
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        cell = self.size / (len(self.modules) + 2 * QUIET_ZONE)
        canv = self.canv
        canv.saveState()
        canv.setFillColor(self.color)
        canv.transform(cell, 0, 0, cell, QUIET_ZONE * cell, QUIET_ZONE * cell)
        canv.addLiteral(qr_path(self.modules) + "\nf")
        canv.restoreState()
