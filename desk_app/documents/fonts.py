"""The TrueType fonts the PDFs are drawn with, found once per process.

Search order: the configured paths (``Settings.pdf_font`` / ``pdf_font_bold``,
passed to :func:`find_fonts`; ``file.ttc#N`` picks face N of a collection),
then fontconfig by family, then the known file names on Windows (Microsoft
JhengHei ``msjh.ttc`` + ``msjhbd.ttc``), macOS and Debian (see
``fontsearch.py``). Each candidate must load in reportlab (glyf outlines: CFF
fonts such as Noto Sans CJK are refused by reportlab and skipped) and have the
Latin letters and digits and the Chinese probe characters 重印補發密碼信考試成績嘅啱.

When the chosen face lacks Hong Kong characters (the probe is 㗎 U+35CE, in
CJK extension A), the search goes on for a *fallback* face that has them;
text is then drawn in runs, each character with the first face that has it
(:meth:`FontSet.runs`). A character no face has raises
:class:`FontNotFoundError`: a PDF never shows an empty box.

Bold: a real bold face when one is known (configured ``pdf_font_bold``,
fontconfig's bold face of the same family, ``msjhbd.ttc``, STHeiti Medium).
Otherwise **synthetic bold**: the regular face drawn with text render mode 2
(fill, then stroke with a thin line of the same colour), see
``styles.synthetic_bold``. On Debian with fonts-wqy-microhei and
fonts-arphic-uming neither family has a bold face, so bold is synthetic.

Faces are registered with reportlab once per process, under a lock, and
``find_fonts`` caches its answer. Each face stays its own font family: bold
and fallback faces are chosen by name in the markup (``styles.markup``), never
through reportlab's <b> family mapping, which is global and would leak from
one FontSet into another. Subsets embed only the characters used
(``asciiReadable=False``: no full ASCII block in every PDF).
"""

from __future__ import annotations

import logging
import os
import re
import string
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFile

from desk_app.documents.fontsearch import FontCandidate, system_candidates

log = logging.getLogger(__name__)

#: every primary face must have these
CORE_PROBE = string.ascii_letters + string.digits + "重印補發密碼信考試成績嘅啱"
#: Hong Kong characters beyond Big5 (CJK extension A); a fallback supplies them
HK_PROBE = "㗎"
INSTALL_HINT = (
    "install a Traditional Chinese TrueType font: on Debian/Ubuntu "
    "`sudo apt install fonts-wqy-microhei fonts-arphic-uming` (fonts-arphic-uming has "
    "the Hong Kong characters), or set pdf_font (and pdf_font_bold) in the config file "
    "to a .ttf/.ttc file with glyf outlines"
)


class FontNotFoundError(Exception):
    """No usable TrueType font with Traditional Chinese (Hong Kong) glyphs, or a
    character to print that no found font has."""


@dataclass(frozen=True)
class FontFace:
    """One face registered with reportlab under ``name``."""

    name: str
    path: str
    index: int
    face_name: str
    glyphs: Mapping[int, int] = field(compare=False, repr=False)

    @cached_property
    def codepoints(self) -> frozenset[int]:
        """Every character this face draws (glyph 0, the empty box, excluded)."""
        return frozenset(code for code, glyph in self.glyphs.items() if glyph)

    def has(self, char: str) -> bool:
        return ord(char) in self.codepoints

    def covers(self, text: str) -> bool:
        return self.codepoints.issuperset(map(ord, text))

    def missing(self, text: str) -> str:
        """The characters of ``text`` this face lacks, each once, in order."""
        return "".join(dict.fromkeys(c for c in text if not self.has(c)))


@dataclass(frozen=True)
class FontSet:
    """The faces of one configuration: regular, bold (or synthetic) and fallbacks."""

    regular: FontFace
    bold_face: FontFace | None = None
    fallbacks: tuple[FontFace, ...] = ()

    @property
    def synthetic_bold(self) -> bool:
        """True when bold is drawn by stroking the regular face (no bold face)."""
        return self.bold_face is None

    @property
    def bold(self) -> str:
        """The reportlab name to use for bold text (the regular one when synthetic)."""
        return (self.bold_face or self.regular).name

    def font_for(self, char: str, bold: bool = False) -> str:
        """The face to draw ``char`` with; raises FontNotFoundError when none has it."""
        if bold and self.bold_face is not None and self.bold_face.has(char):
            return self.bold_face.name
        if self.regular.has(char) or char in "\n\r\t":
            return self.regular.name
        for face in self.fallbacks:
            if face.has(char):
                return face.name
        raise FontNotFoundError(
            f"no font found for the character {char!r} (U+{ord(char):04X}); {INSTALL_HINT}"
        )

    def runs(self, text: str, bold: bool = False) -> list[tuple[str, str]]:
        """Split ``text`` into (font name, text) runs, each drawable with one face."""
        face = self.bold_face if bold and self.bold_face is not None else self.regular
        if face.covers(text.replace("\n", "")):
            return [(face.name, text)] if text else []
        result: list[tuple[str, str]] = []
        for char in text:
            name = self.font_for(char, bold)
            if result and result[-1][0] == name:
                result[-1] = (name, result[-1][1] + char)
            else:
                result.append((name, char))
        return result

    def describe(self) -> str:
        faces = [f"regular {self.regular.face_name} ({self.regular.path}#{self.regular.index})"]
        if self.bold_face is None:
            faces.append("bold synthetic (fill+stroke)")
        else:
            faces.append(f"bold {self.bold_face.face_name} ({self.bold_face.path})")
        faces += [f"fallback {f.face_name} ({f.path}#{f.index})" for f in self.fallbacks]
        return "; ".join(faces)


_lock = threading.RLock()
_loaded: dict[tuple[str, int], TTFont | str] = {}
_sets: dict[tuple[object, ...], FontSet] = {}


def find_fonts(
    regular_path: str = "",
    bold_path: str = "",
    *,
    search_system: bool = True,
    candidates: Iterable[FontCandidate] | None = None,
) -> FontSet:
    """Find, check and register the PDF fonts (cached per arguments, thread-safe).

    ``regular_path``/``bold_path`` are the configured files (tried first);
    ``candidates`` replaces the system search; ``search_system=False`` skips
    it. Raises FontNotFoundError, naming what was tried, when no face fits.
    """
    pool = tuple(candidates) if candidates is not None else None
    key = (regular_path, bold_path, search_system, pool)
    with _lock:
        cached = _sets.get(key)
        if cached is None:
            cached = _sets[key] = _search(regular_path, bold_path, search_system, pool)
        return cached


def _search(
    regular_path: str,
    bold_path: str,
    search_system: bool,
    pool: tuple[FontCandidate, ...] | None,
) -> FontSet:
    rejected: list[str] = []
    configured: list[FontCandidate] = []
    if regular_path:
        path, index = _split_index(regular_path)
        bold, bold_index = _split_index(bold_path) if bold_path else ("", None)
        configured.append(FontCandidate(path, index, bold, bold_index, origin="configured"))
    system: Iterable[FontCandidate] = (
        pool if pool is not None else (system_candidates() if search_system else ())
    )
    queue: Iterator[FontCandidate] = chain(configured, system)

    for candidate in queue:
        regular = _accept(candidate.path, candidate.index, CORE_PROBE, rejected)
        if regular is not None:
            break
    else:
        tried = "; ".join(rejected) or "no candidate font files"
        raise FontNotFoundError(
            f"No TrueType font with Traditional Chinese glyphs for the PDFs: {INSTALL_HINT}. "
            f"Tried: {tried}"
        )

    if bold_path and not regular_path:
        log.warning("pdf_font_bold is set without pdf_font: ignored")
    bold_face = None
    if candidate.bold_path:
        bold_face = _accept(candidate.bold_path, candidate.bold_index, CORE_PROBE, rejected)

    fallbacks: list[FontFace] = []
    missing = regular.missing(HK_PROBE)
    if missing:
        for other in queue:
            face = _accept(other.path, other.index, missing, rejected)
            if face is not None:
                fallbacks.append(face)
                break
        else:
            log.warning("no font has %s; names using it cannot be printed", missing)
    fontset = FontSet(regular, bold_face, tuple(fallbacks))
    if rejected:
        log.info("PDF fonts: skipped %s", "; ".join(rejected))
    log.info("PDF fonts: %s", fontset.describe())
    return fontset


def _split_index(path: str) -> tuple[str, int | None]:
    """``"uming.ttc#1"`` -> (``"uming.ttc"``, 1) unless the file is really named so."""
    match = re.fullmatch(r"(.*)#(\d+)", path)
    if match and not os.path.exists(path):
        return match.group(1), int(match.group(2))
    return path, None


def _accept(path: str, index: int | None, probe: str, rejected: list[str]) -> FontFace | None:
    """The first face of ``path`` (or face ``index``) that loads and has ``probe``."""
    if not os.path.isfile(path):
        rejected.append(f"{path}: no such file")
        return None
    for i in _face_order(path) if index is None else [index]:
        font = _load(path, i)
        if isinstance(font, str):
            rejected.append(f"{path}#{i}: {font}")
            continue
        face = FontFace(font.fontName, path, i, _face_name(font), font.face.charToGlyph)
        lacking = face.missing(probe)
        if lacking:
            rejected.append(f"{path}#{i} ({face.face_name}): lacks {lacking[:12]}")
            continue
        if font.fontName not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
        return face
    return None


def _load(path: str, index: int) -> TTFont | str:
    """A TTFont for face ``index`` of ``path``, or why it cannot be used (memoised)."""
    key = (os.path.realpath(path), index)
    if key not in _loaded:
        stem = re.sub(r"[^A-Za-z0-9]+", "", os.path.splitext(os.path.basename(path))[0])
        try:
            _loaded[key] = TTFont(
                f"Desk-{stem}-{index}", path, subfontIndex=index, asciiReadable=False
            )
        except (TTFError, OSError, ValueError, IndexError, KeyError) as exc:
            _loaded[key] = str(exc) or type(exc).__name__
    return _loaded[key]


def _face_order(path: str) -> list[int]:
    """Faces of a .ttc best first: HK, then TW/TC, then others; Mono faces last."""
    with open(path, "rb") as handle:
        head = handle.read(12)
    if head[:4] != b"ttcf":
        return [0]
    count = int.from_bytes(head[8:12], "big")

    def rank(i: int) -> tuple[int, int]:
        try:
            raw = TTFontFile(path, charInfo=0, subfontIndex=i).name
        except (TTFError, OSError, ValueError, IndexError, KeyError):
            return (99, i)
        name = (raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)).upper()
        score = 3 if "MONO" in name else 0
        score -= 2 if "HK" in name else 1 if ("TW" in name or "TC" in name) else 0
        return (score, i)

    return sorted(range(min(count, 32)), key=rank)


def _face_name(font: TTFont) -> str:
    raw = font.face.name
    return raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
