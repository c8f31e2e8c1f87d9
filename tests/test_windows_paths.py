"""Windows file names and paths: names made from office names, Chinese paths with spaces."""

from __future__ import annotations

import openpyxl
import pypdf
import pytest

from servicedesk.cli import main
from servicedesk.models.core.paths import safe_file_part
from servicedesk.models.kpi.month import default_workbook_name


@pytest.mark.parametrize("text, expected", [
    ("杭州服务部", "杭州服务部"),
    ('杭州/滨江:服务部*"?<>|', "杭州滨江服务部"),
    ("浙江 杭州  服务部", "浙江杭州服务部"),
    ("服务部. ", "服务部"),
    ("CON", "备用"),
    ("lpt1.txt", "备用"),
    ("a\\b\tc", "abc"),
    ("", "备用"),
    ("???", "备用"),
])
def test_safe_file_part_drops_what_windows_forbids(text, expected):
    assert safe_file_part(text, "备用") == expected


def test_default_kpi_workbook_name_is_a_valid_windows_name():
    assert default_workbook_name('杭州:滨江/服务部', "2026-03") == "售后服务月报_杭州滨江服务部_2026-03.xlsx"
    assert default_workbook_name("NUL", "2026-03") == "售后服务月报_服务部_2026-03.xlsx"


def test_data_file_forms_and_workbooks_in_a_chinese_path_with_spaces(tmp_path, capsys):
    folder = tmp_path / "售后 服务部" / "数据 文件"
    folder.mkdir(parents=True)
    db = folder / "我的 数据.sqlite3"
    assert main(["demo", "--db", str(db), "--years", "1"]) == 0
    capsys.readouterr()
    assert main(["search", "张", "--db", str(db), "--json"]) == 0
    capsys.readouterr()
    from servicedesk.models.core.db import open_db

    conn = open_db(db)
    no = conn.execute("SELECT no FROM tickets ORDER BY id LIMIT 1").fetchone()[0]
    month = conn.execute("SELECT substr(max(completed_at), 1, 7) FROM tickets").fetchone()[0]
    conn.conn.close()
    pdf = folder / "表单 输出" / f"{no} 维修单.pdf"
    pdf.parent.mkdir()
    assert main(["print-ticket", no, "--db", str(db), "--out", str(pdf)]) == 0
    assert len(pypdf.PdfReader(str(pdf)).pages) >= 1
    book = folder / "月报 输出.xlsx"
    assert main(["kpi", month, "--db", str(db), "--out", str(book)]) == 0
    assert "汇总" in openpyxl.load_workbook(book, read_only=True).sheetnames
    assert main(["backup", "--db", str(db), "--to", str(folder / "备份 文件夹")]) == 0
    assert list((folder / "备份 文件夹").glob("*.sqlite3"))
