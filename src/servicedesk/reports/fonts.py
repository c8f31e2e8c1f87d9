"""Chinese fonts for every PDF, on any machine.

Order: the font file chosen in settings (print.font_file) -> Windows fonts
(SimSun, SimHei, Microsoft YaHei) -> common Linux TrueType CJK fonts ->
ReportLab's built-in CID font STSong-Light, which needs no file at all (the
PDF viewer supplies the glyphs; text extraction still reads it back).

ReportLab embeds TrueType outlines only, so OpenType/CFF files (Noto CJK
.otf/.ttc, header 'OTTO') and damaged files are recognised and skipped
rather than crashing the print. The choice is cached per preferred file; call
`reset_cache()` after changing the font setting or the candidate list.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CID_FALLBACK = "STSong-Light"


def _windows_font_dirs() -> list[Path]:
    """%WINDIR%\\Fonts, then the per-user font folder (Windows 10 1809+)."""
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:  # fonts installed "for this user only"
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


# SimSun first: the office's paper forms are set in 宋体. simsun.ttc and
# msyh.ttc are collections: their first member (SimSun, Microsoft YaHei) is
# the one registered.
_WINDOWS_FILES = ("simsun.ttc", "simhei.ttf", "msyh.ttc", "msyh.ttf")
_LINUX_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",      # Fedora
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",             # macOS
)


def default_candidates() -> tuple[Path, ...]:
    """The font files tried after the settings' own, in order (read from the
    environment each call, so a changed WINDIR is seen)."""
    return tuple(d / name for d in _windows_font_dirs() for name in _WINDOWS_FILES) + tuple(
        Path(p) for p in _LINUX_FILES)


CANDIDATES: tuple[Path, ...] = default_candidates()


@dataclass(frozen=True)
class FontChoice:
    name: str          # registered ReportLab font name
    source: str        # file path, or "builtin CID" for STSong-Light
    embedded: bool     # False: the viewer/printer supplies the glyphs


def has_truetype_outlines(path: Path) -> bool:
    """True for TrueType ('\\0\\1\\0\\0'/'true') fonts, False for CFF ('OTTO') or junk.

    For a collection (.ttc) the first member decides, because that is the one
    we register (subfontIndex=0).
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
            if head[:4] == b"ttcf":
                if len(head) < 16:
                    return False
                offset = struct.unpack(">I", head[12:16])[0]
                fh.seek(offset)
                head = fh.read(4)
            return head[:4] in (b"\x00\x01\x00\x00", b"true")
    except OSError:
        return False


def _register_file(path: Path) -> str | None:
    """Register one TrueType file; None when it is missing, CFF, damaged or not embeddable."""
    try:
        if not path.is_file() or not has_truetype_outlines(path):
            return None
    except OSError:
        return None
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    name = f"CJK-{path.stem}-{digest}"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except Exception:  # damaged, unsupported or embedding forbidden: try the next one
        return None
    return name


def builtin_font() -> FontChoice:
    """The CID font every PDF viewer knows; needs no file on this machine."""
    if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontChoice(CID_FALLBACK, "builtin CID", False)


@lru_cache(maxsize=8)
def cjk_font(preferred_file: str = "") -> FontChoice:
    """Register and return the first usable Chinese font (cached per setting)."""
    paths = ([Path(preferred_file)] if preferred_file else []) + list(CANDIDATES)
    for path in paths:
        name = _register_file(path)
        if name:
            return FontChoice(name, str(path), True)
    return builtin_font()


def check_font_file(path: str) -> str:
    """Verdict on a font file picked in the settings dialog, so it can say why
    a file will not be used: 'ok', 'missing', 'not_truetype' (CFF/junk) or
    'unusable' (damaged or embedding forbidden)."""
    p = Path(path)
    if not p.is_file():
        return "missing"
    if not has_truetype_outlines(p):
        return "not_truetype"
    return "ok" if _register_file(p) else "unusable"


def reset_cache() -> None:
    """Forget the cached choice (after the font setting or CANDIDATES changed)."""
    cjk_font.cache_clear()
