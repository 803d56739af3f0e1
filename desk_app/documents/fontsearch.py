"""Where Traditional Chinese TrueType fonts may be on this machine.

Produces candidates only; ``fonts.py`` loads each one and checks its glyphs.
Order: fontconfig (by family, best first), then the known file names on
Windows, macOS and Debian. A family list is used rather than fontconfig's own
preference because its default Chinese faces are often CFF-flavoured
OpenType (Noto CJK), which reportlab cannot embed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: Families tried through fontconfig, best first. WenQuanYi Micro Hei comes
#: first: proportional Latin letters, and compact outlines (about 140 bytes a
#: character once subset, against about 300 for AR PL UMing), which keeps a
#: bilingual page well under 60 KB. UMing HK then supplies the Hong Kong
#: characters Micro Hei lacks (e.g. 㗎 U+35CE) as a fallback face.
PREFERRED_FAMILIES: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft JhengHei",
    "AR PL UMing HK",
    "AR PL UMing TW",
    "AR PL UMing TW MBE",
    "AR PL UKai HK",
    "AR PL UKai TW",
    "AR PL UKai TW MBE",
)

#: fontconfig's weight for "bold"; anything at or above it is a heavier face.
_FC_WEIGHT_BOLD = 200


@dataclass(frozen=True)
class FontCandidate:
    """A font file to try, with the heavier companion file when one is known.

    ``index`` selects the face in a .ttc collection; ``None`` lets the loader
    pick the best face by name (HK before TW before others, never Mono).
    """

    path: str
    index: int | None = None
    bold_path: str = ""
    bold_index: int | None = None
    origin: str = "known path"


def _windows_candidates() -> list[FontCandidate]:
    fonts = os.path.join(os.environ.get("WINDIR", r"C:\Windows"), "Fonts")
    pairs = [
        ("msjh.ttc", "msjhbd.ttc"),  # Microsoft JhengHei (Windows 8 and later)
        ("msjh.ttf", "msjhbd.ttf"),  # Microsoft JhengHei (Windows 7)
        ("mingliu.ttc", ""),  # MingLiU / PMingLiU with HKSCS
    ]
    return [
        FontCandidate(
            os.path.join(fonts, regular),
            bold_path=os.path.join(fonts, bold) if bold else "",
            origin="Windows",
        )
        for regular, bold in pairs
    ]


def _macos_candidates() -> list[FontCandidate]:
    return [
        FontCandidate(
            "/System/Library/Fonts/STHeiti Light.ttc",
            bold_path="/System/Library/Fonts/STHeiti Medium.ttc",
            origin="macOS",
        ),
        FontCandidate("/Library/Fonts/Arial Unicode.ttf", origin="macOS"),
        FontCandidate("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", origin="macOS"),
    ]


def _debian_candidates() -> list[FontCandidate]:
    base = "/usr/share/fonts/truetype"
    return [
        FontCandidate(f"{base}/wqy/wqy-microhei.ttc", origin="Debian"),
        FontCandidate(f"{base}/wqy/wqy-zenhei.ttc", origin="Debian"),
        FontCandidate(f"{base}/arphic/uming.ttc", origin="Debian"),
        FontCandidate(f"{base}/arphic/ukai.ttc", origin="Debian"),
        FontCandidate(f"{base}/arphic-bsmi00lp/bsmi00lp.ttf", origin="Debian"),
    ]


@dataclass(frozen=True)
class _FcEntry:
    path: str
    index: int
    families: tuple[str, ...]
    weight: int
    truetype: bool


def _run_fc_list() -> str:
    exe = shutil.which("fc-list")
    if exe is None:
        return ""
    fmt = "%{file}\\t%{index}\\t%{family}\\t%{weight}\\t%{fontformat}\\n"
    try:
        done = subprocess.run(
            [exe, "-f", fmt], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def parse_fc_list(output: str) -> list[_FcEntry]:
    """Parse ``fc-list -f '%{file}\\t%{index}\\t%{family}\\t%{weight}\\t%{fontformat}\\n'``."""
    entries: list[_FcEntry] = []
    for line in output.splitlines():
        parts = line.split("\t")
        if len(parts) != 5:
            continue
        path, index, families, weight, fmt = parts
        try:
            entries.append(
                _FcEntry(
                    path=path,
                    index=int(index or 0),
                    families=tuple(f.strip() for f in families.split(",") if f.strip()),
                    weight=int(float(weight or 80)),
                    truetype=fmt.strip() == "TrueType",
                )
            )
        except ValueError:
            continue
    return entries


def fontconfig_candidates(output: str | None = None) -> list[FontCandidate]:
    """Candidates from fontconfig, in ``PREFERRED_FAMILIES`` order.

    ``output`` replaces running ``fc-list`` (for tests). The regular face is
    the lightest non-bold face of a family; a face of the same family with
    fontconfig weight >= bold becomes its bold companion.
    """
    entries = [e for e in parse_fc_list(_run_fc_list() if output is None else output) if e.truetype]
    found: list[FontCandidate] = []
    for family in PREFERRED_FAMILIES:
        same = [e for e in entries if family in e.families]
        regular = sorted((e for e in same if e.weight < _FC_WEIGHT_BOLD), key=lambda e: e.weight)
        bold = [e for e in same if e.weight >= _FC_WEIGHT_BOLD]
        for entry in regular[:1]:
            found.append(
                FontCandidate(
                    entry.path,
                    entry.index,
                    bold_path=bold[0].path if bold else "",
                    bold_index=bold[0].index if bold else None,
                    origin=f"fontconfig ({family})",
                )
            )
    return found


def system_candidates() -> Iterator[FontCandidate]:
    """Every system candidate, best first; a file already offered by fontconfig is not repeated."""
    seen: set[str] = set()
    groups: Iterable[list[FontCandidate]] = (
        fontconfig_candidates(),
        _windows_candidates(),
        _macos_candidates(),
        _debian_candidates(),
    )
    for group in groups:
        for candidate in group:
            real = os.path.realpath(candidate.path)
            if not os.path.isfile(real) or (candidate.index is None and real in seen):
                continue
            seen.add(real)
            yield candidate
