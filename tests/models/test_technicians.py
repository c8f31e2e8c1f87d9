"""The technicians register and `servicedesk import|export|template technicians`."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from servicedesk.models.core.pin import set_pin
from servicedesk.models.tickets import technicians as TE
from servicedesk.models.core.errors import NotFound, ValidationError
from tests.conftest import run_cli


def test_add_update_deactivate_list(db):
    wang = TE.add_technician(db, TE.TechnicianInput("王建军", "139 0571 0001", base_salary_fen=3200_00))
    assert (wang.phone, wang.role, wang.base_salary_fen, wang.active) == ("13905710001", "technician", 320000, True)
    # A supervisor without a base salary gets the setting pay.supervisor_base_fen (2640 yuan).
    li = TE.add_technician(db, TE.TechnicianInput("李志强", role="主管"))
    assert (li.role, li.role_label, li.base_salary_fen) == ("supervisor", "主管", 264000)
    # A technician without one gets 0 (HR fills it in).
    assert TE.add_technician(db, TE.TechnicianInput("赵国庆")).base_salary_fen == 0
    with pytest.raises(ValidationError) as exc:
        TE.add_technician(db, TE.TechnicianInput("王建军"))
    assert exc.value.field == "name"
    with pytest.raises(ValidationError) as exc:
        TE.add_technician(db, TE.TechnicianInput("  "))
    assert exc.value.field == "name"
    with pytest.raises(ValidationError) as exc:
        TE.add_technician(db, TE.TechnicianInput("钱七", role="经理"))
    assert exc.value.field == "role"
    with pytest.raises(ValidationError) as exc:
        TE.add_technician(db, TE.TechnicianInput("钱七", base_salary_fen=-1))
    assert exc.value.field == "base_salary_fen"
    set_pin(db, "2468")                                     # a base salary is a pay rate: the PIN
    wang = TE.update_technician(db, wang.id, TE.TechnicianInput("王建军", "13905710009", base_salary_fen=3300_00),
                                pin="2468")
    assert (wang.phone, wang.base_salary_fen) == ("13905710009", 330000)
    TE.deactivate_technician(db, wang.id)
    assert [t.name for t in TE.list_technicians(db, active_only=True)] == ["赵国庆", "李志强"]
    assert [t.name for t in TE.list_technicians(db)] == ["王建军", "赵国庆", "李志强"]
    assert [t.name for t in TE.list_technicians(db, role="supervisor")] == ["李志强"]
    assert TE.set_active(db, wang.id, True).active is True
    assert TE.find_technician(db, "李志强").id == li.id
    with pytest.raises(NotFound):
        TE.find_technician(db, "无名氏")
    with pytest.raises(NotFound):
        TE.get_technician(db, 999)


def _sheet(path, rows, header=("姓名", "联系电话", "岗位", "基本工资(元)")):
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return str(path)


def test_import_technicians_cli(db_path, tmp_path, db):
    good = _sheet(tmp_path / "t.xlsx", [("王建军", "13905710001", "技术员", 3200.5),
                                        ("李志强", "13905710002", "主管", None),
                                        ("赵国庆", "", "technician", "3000")])
    code, out, err = run_cli("import", "technicians", good, "--db", str(db_path), "--dry-run")
    assert code == 0 and "dry run" in out
    assert db.execute("SELECT count(*) FROM technicians").fetchone()[0] == 0
    code, out, err = run_cli("import", "technicians", good, "--db", str(db_path))
    assert code == 0, err
    got = {t.name: (t.role, t.base_salary_fen) for t in TE.list_technicians(db)}
    # 3200.5 yuan = 320050 fen; supervisor blank -> 2640 yuan; 3000 yuan = 300000 fen.
    assert got == {"王建军": ("technician", 320050), "李志强": ("supervisor", 264000),
                   "赵国庆": ("technician", 300000)}
    # Again: existing names are problems unless --update; nothing half-written.
    code, out, err = run_cli("import", "technicians", good, "--db", str(db_path))
    assert code == 1 and "row 2, column 姓名" in err and "already exists" in err
    code, out, err = run_cli("import", "technicians", good, "--db", str(db_path), "--update")
    assert code == 0 and "3 updated" in out


def test_import_technicians_bad_rows_write_nothing(db_path, tmp_path, db):
    bad = _sheet(tmp_path / "bad.xlsx", [("王建军", "13905710001", "技术员", 3200),
                                         ("", "12345", "经理", "abc")])
    code, out, err = run_cli("import", "technicians", bad, "--db", str(db_path))
    assert code == 1
    assert "row 3, column 姓名" in err and "row 3, column 联系电话" in err
    assert "row 3, column 岗位" in err and "row 3, column 基本工资(元)" in err
    assert db.execute("SELECT count(*) FROM technicians").fetchone()[0] == 0


def test_export_reimports_and_template(db_path, tmp_path, db):
    TE.add_technician(db, TE.TechnicianInput("王建军", "13905710001", base_salary_fen=3200_50))
    TE.add_technician(db, TE.TechnicianInput("李志强", role="supervisor", active=False))
    out_file = tmp_path / "out.xlsx"
    code, out, err = run_cli("export", "technicians", "--db", str(db_path), "--out", str(out_file))
    assert code == 0, err
    ws = load_workbook(out_file).active
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert ["李志强", None, "主管", "2640.00", "否"] in [r[:5] for r in rows] or \
        ["李志强", "", "主管", "2640.00", "否"] in [r[:5] for r in rows]
    from servicedesk.models.core.db import open_db
    other = tmp_path / "other.sqlite3"
    open_db(other).close()
    code, out, err = run_cli("import", "technicians", str(out_file), "--db", str(other))
    assert code == 0, err
    db2 = open_db(other)
    assert [(t.name, t.base_salary_fen, t.active) for t in TE.list_technicians(db2)] == \
        [("王建军", 320050, True), ("李志强", 264000, False)]
    db2.close()
    code, out, err = run_cli("template", "technicians", "--out", str(tmp_path / "tpl.xlsx"))
    assert code == 0
    header = [c.value for c in load_workbook(tmp_path / "tpl.xlsx").active[1]]
    assert header[:4] == ["姓名", "联系电话", "岗位", "基本工资(元)"]


def test_the_template_is_an_empty_sheet(db, db_path, tmp_path):
    # The examples live in the column notes: importing the template untouched
    # registers nobody (it used to create 王建军 and 李志强).
    out = tmp_path / "tpl.xlsx"
    code, _, err = run_cli("template", "technicians", "--out", str(out))
    assert code == 0, err
    wb = load_workbook(out)
    assert wb.worksheets[0].max_row == 1
    notes = {r[1]: r[3] for r in wb["说明"].iter_rows(min_row=2, values_only=True)}
    assert "王建军" in notes["name"] and "3200.00" in notes["base_salary"]
    code, _, err = run_cli("import", "technicians", str(out), "--db", str(db_path))
    assert code == 0, err
    assert TE.list_technicians(db) == []
