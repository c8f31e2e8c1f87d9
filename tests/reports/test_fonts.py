"""Chinese font discovery: settings file -> Windows -> Linux TrueType -> built-in CID.

Nothing here needs a CJK font on the machine: the candidate list is pointed
at temporary files (or at nothing) so the fallback is forced.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from servicedesk.reports import fonts

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.fixture
def no_system_fonts(monkeypatch):
    """Pretend the machine has no Chinese font at all."""
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    fonts.reset_cache()
    yield
    fonts.reset_cache()


def _otto(path: Path) -> Path:
    path.write_bytes(b"OTTO" + b"\x00" * 60)
    return path


def test_cff_opentype_file_is_recognised():
    # 'OTTO' = CFF outlines (Noto CJK .otf); a .ttc whose first member is CFF too.
    assert not fonts.has_truetype_outlines(Path("/nonexistent/font.ttf"))


def test_header_checks(tmp_path):
    otf = _otto(tmp_path / "NotoSansCJK-Regular.otf")
    ttc_cff = tmp_path / "NotoSansCJK.ttc"
    ttc_cff.write_bytes(b"ttcf" + b"\x00\x01\x00\x00" + struct.pack(">I", 1) + struct.pack(">I", 16) + b"OTTO")
    ttc_tt = tmp_path / "tt.ttc"
    ttc_tt.write_bytes(b"ttcf" + b"\x00\x01\x00\x00" + struct.pack(">I", 1) + struct.pack(">I", 16)
                       + b"\x00\x01\x00\x00")
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"this is not a font")
    truncated_ttc = tmp_path / "short.ttc"
    truncated_ttc.write_bytes(b"ttcf\x00")
    assert fonts.has_truetype_outlines(otf) is False
    assert fonts.has_truetype_outlines(ttc_cff) is False
    assert fonts.has_truetype_outlines(ttc_tt) is True
    assert fonts.has_truetype_outlines(junk) is False
    assert fonts.has_truetype_outlines(truncated_ttc) is False


def test_no_font_installed_falls_back_to_builtin_cid(no_system_fonts):
    choice = fonts.cjk_font("")
    assert choice == fonts.FontChoice("STSong-Light", "builtin CID", False)


def test_otf_and_junk_preferred_files_are_skipped_not_crashing(no_system_fonts, tmp_path):
    otf = _otto(tmp_path / "NotoSerifCJK.otf")
    assert fonts.cjk_font(str(otf)).name == "STSong-Light"
    junk = tmp_path / "broken.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00" + b"garbage" * 20)   # TrueType header, damaged body
    assert fonts.cjk_font(str(junk)).name == "STSong-Light"
    assert fonts.check_font_file(str(otf)) == "not_truetype"
    assert fonts.check_font_file(str(junk)) == "unusable"
    assert fonts.check_font_file(str(tmp_path / "missing.ttf")) == "missing"


def test_cff_candidates_are_skipped_in_order(monkeypatch, tmp_path):
    otf = _otto(tmp_path / "NotoSansCJK-Regular.ttc")
    monkeypatch.setattr(fonts, "CANDIDATES", (tmp_path / "simsun.ttc", otf))  # first one missing
    fonts.reset_cache()
    try:
        assert fonts.cjk_font("").name == "STSong-Light"
    finally:
        fonts.reset_cache()


def test_builtin_font_text_reads_back(no_system_fonts):
    name = fonts.cjk_font("").name
    buf = io.BytesIO()
    c = Canvas(buf)
    c.setFont(name, 10)
    c.drawString(50, 700, "售后服务维修记录单 第一联 存根 “三包”件")
    c.showPage()
    c.save()
    text = pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()
    assert "售后服务维修记录单 第一联 存根 “三包”件" in text


@pytest.mark.skipif(not WQY.exists(), reason="needs the wqy TrueType font (optional)")
def test_settings_file_wins_and_is_embedded(no_system_fonts):
    choice = fonts.cjk_font(str(WQY))
    assert choice.embedded and choice.source == str(WQY)
    assert fonts.check_font_file(str(WQY)) == "ok"


# ---------------------------------------------------------------- Windows font folder
def _collection(path: Path, *members: str) -> Path:
    """A TrueType collection (.ttc) of ReportLab's own Vera fonts, standing in
    for simsun.ttc (SimSun + NSimSun) or msyh.ttc (YaHei + YaHei UI)."""
    ttlib = pytest.importorskip("fontTools.ttLib")
    import reportlab

    folder = Path(reportlab.__file__).parent / "fonts"
    collection = ttlib.TTCollection()
    collection.fonts = [ttlib.TTFont(str(folder / m)) for m in members]
    path.parent.mkdir(parents=True, exist_ok=True)
    collection.save(str(path))
    return path


@pytest.fixture
def fake_windows(tmp_path, monkeypatch):
    """A Windows font folder under WINDIR, with no Linux fonts in the chain."""
    windir = tmp_path / "Windows"
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setattr(fonts, "_LINUX_FILES", ())

    def use_chain():
        monkeypatch.setattr(fonts, "CANDIDATES", fonts.default_candidates())
        fonts.reset_cache()

    yield windir / "Fonts", use_chain
    fonts.reset_cache()


def test_simsun_collection_in_the_windows_folder_is_used_first_member(fake_windows):
    fonts_dir, use_chain = fake_windows
    _collection(fonts_dir / "msyh.ttc", "VeraBd.ttf", "Vera.ttf")
    simsun = _collection(fonts_dir / "simsun.ttc", "Vera.ttf", "VeraIt.ttf")
    use_chain()
    choice = fonts.cjk_font()
    assert choice.source == str(simsun) and choice.embedded
    from reportlab.pdfbase import pdfmetrics

    # subfont 0 of the collection: Vera (the "SimSun"), not VeraIt (the "NSimSun").
    assert pdfmetrics.getFont(choice.name).face.name == b"BitstreamVeraSans-Roman"


def test_yahei_collection_is_used_when_simsun_and_simhei_are_missing(fake_windows):
    fonts_dir, use_chain = fake_windows
    msyh = _collection(fonts_dir / "msyh.ttc", "VeraBd.ttf", "Vera.ttf")
    use_chain()
    choice = fonts.cjk_font()
    assert choice.source == str(msyh)
    from reportlab.pdfbase import pdfmetrics

    assert pdfmetrics.getFont(choice.name).face.name == b"BitstreamVeraSans-Bold"


def test_font_in_a_folder_with_chinese_characters_and_spaces(tmp_path, no_system_fonts):
    path = _collection(tmp_path / "字体 文件夹" / "我的 字体.ttc", "Vera.ttf", "VeraBd.ttf")
    choice = fonts.cjk_font(str(path))
    assert choice.source == str(path) and choice.embedded
