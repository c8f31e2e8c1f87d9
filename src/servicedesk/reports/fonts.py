"""Chinese fonts for every PDF, on any machine.

Order: the font file chosen in settings -> Windows fonts (SimSun, SimHei,
Microsoft YaHei) -> common Linux TrueType CJK fonts -> ReportLab's built-in
CID font STSong-Light, which needs no file at all. ReportLab embeds TrueType
outlines only, so OpenType/CFF files (Noto CJK .otf/.ttc) are recognised by
their header and skipped rather than crashing the print.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CID_FALLBACK = "STSong-Light"

_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
CANDIDATES: tuple[Path, ...] = (
    _WINDOWS_FONTS / "simsun.ttc",
    _WINDOWS_FONTS / "simhei.ttf",
    _WINDOWS_FONTS / "msyh.ttc",
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
    Path("/System/Library/Fonts/STHeiti Light.ttc"),
)


@dataclass(frozen=True)
class FontChoice:
    name: str          # registered ReportLab font name
    source: str        # file path, or "builtin CID" for STSong-Light
    embedded: bool


def has_truetype_outlines(path: Path) -> bool:
    """True for TrueType ('\\0\\1\\0\\0'/'true') fonts, False for CFF ('OTTO') or junk."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            if head[:4] == b"ttcf":
                offset = struct.unpack(">I", head[12:16])[0]
                fh.seek(offset)
                head = fh.read(4)
            return head[:4] in (b"\x00\x01\x00\x00", b"true")
    except OSError:
        return False


def _register_file(path: Path) -> str | None:
    if not path.is_file() or not has_truetype_outlines(path):
        return None
    name = "CJK-" + path.stem
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except Exception:  # damaged or unsupported file: try the next one
        return None
    return name


@lru_cache(maxsize=8)
def cjk_font(preferred_file: str = "") -> FontChoice:
    """Register and return the first usable Chinese font (cached per setting)."""
    paths = ([Path(preferred_file)] if preferred_file else []) + list(CANDIDATES)
    for path in paths:
        name = _register_file(path)
        if name:
            return FontChoice(name, str(path), True)
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontChoice(CID_FALLBACK, "builtin CID", False)
