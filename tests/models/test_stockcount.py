"""Stock counts and the stock-accuracy KPI, worked by hand."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from servicedesk.models.parts import ledger as P
from servicedesk.models.parts import stockcount as S
from servicedesk.models.core.db import open_db
from servicedesk.models.core.errors import StateError, ValidationError
from tests.conftest import run_cli


def _setup(db):
    """Four parts, each with 10 received on 2026-09-01."""
    for code, name in (("A-1", "接触器"), ("B-1", "限位器"), ("C-1", "钢丝绳"), ("D-1", "制动器")):
        P.add_part(db, P.PartInput(code=code, name=name, unit="个", location=f"A-0{code[0]}"))
        P.receive(db, code, 10, at="2026-09-01 08:00")


def test_count_snapshot_differences_and_post(db):
    _setup(db)
    P.issue(db, "B-1", 2, recipient="张伟", at="2026-10-09 10:00")   # B book on 10-10: 8
    P.issue(db, "B-1", 1, recipient="张伟", at="2026-10-11 10:00")   # after the count date
    count = S.start_count(db, "2026-10-10", who="内勤")
    assert count.status == "open" and count.lines == 4
    book = {line.part_code: line.book_qty for line in S.count_lines(db, count.id)}
    assert book == {"A-1": 10, "B-1": 8, "C-1": 10, "D-1": 10}   # as of the end of 10-10
    with pytest.raises(StateError):
        S.start_count(db, "2026-10-10")                          # one open count at a time
    S.set_counted(db, count.id, "A-1", 10)
    S.set_counted(db, count.id, "B-1", 7)                         # one missing
    S.set_counted(db, count.id, "C-1", 11)                        # one extra
    diffs = {line.part_code: line.difference for line in S.count_lines(db, count.id, only_differences=True)}
    assert diffs == {"B-1": -1, "C-1": 1}
    assert [line.part_code for line in S.count_lines(db, count.id, only_uncounted=True)] == ["D-1"]
    assert [c.id for c in S.unposted_counts(db, "2026-10")] == [count.id]
    posted = S.post_count(db, count.id, who="内勤")
    assert posted.status == "posted" and posted.differences == 2
    # adjustments dated the end of the count date: B as of 10-10 = 8 - 1 = 7; now 7 - 1 = 6
    assert P.balance_as_of(db, "B-1", "2026-10-10") == 7 and P.balance_of(db, "B-1") == 6
    assert P.balance_of(db, "C-1") == 11 and P.balance_of(db, "D-1") == 10
    adj = P.list_moves(db, P.LedgerFilter(kind="adjust"), descending=False)
    assert [(m.part_code, m.qty, m.at, m.count_id) for m in adj] == [
        ("B-1", -1, "2026-10-10 23:59:59", count.id), ("C-1", 1, "2026-10-10 23:59:59", count.id)]
    assert S.unposted_counts(db) == []
    with pytest.raises(StateError):
        S.set_counted(db, count.id, "D-1", 10)
    with pytest.raises(StateError):
        S.post_count(db, count.id)


def test_stock_accuracy_worked_by_hand(db):
    """October 2026, four parts with book 10 each:
    count 1 (10-10): A 10 = 10 match, B 7 vs 10 differs, C 10 = 10 match, D not counted
      -> part kinds counted 3 (A, B, C), matching 2 (A, C): 2/3 = 66.7 %.
    count 2 (10-20): B recounted 10 = 10. A part counted twice in the month is
      judged by its latest count -> counted 3, matching 3: 3/3 = 100 %.
    An open count does not count; the September count (D 3 vs 10) is September's: 0/1.
    """
    _setup(db)
    sept = S.start_count(db, "2026-09-30")
    S.set_counted(db, sept.id, "D-1", 3)
    S.complete_count(db, sept.id)
    c1 = S.start_count(db, "2026-10-10")
    for code, qty in (("A-1", 10), ("B-1", 7), ("C-1", 10)):
        S.set_counted(db, c1.id, code, qty)
    assert S.stock_accuracy(db, "2026-10") == (0, 0)            # still open: not counted yet
    S.complete_count(db, c1.id)
    assert S.stock_accuracy(db, "2026-10") == (2, 3)
    assert S.stock_accuracy(db, "2026-09") == (0, 1)            # D: 3 counted vs 10 book
    c2 = S.start_count(db, "2026-10-20")
    S.set_counted(db, c2.id, "B-1", 10)
    S.complete_count(db, c2.id)
    assert S.stock_accuracy(db, "2026-10") == (3, 3)
    lines = S.count_lines_for_month(db, "2026-10")
    assert [(l.part_code, l.count_date, l.matches) for l in lines] == [
        ("A-1", "2026-10-10", True), ("B-1", "2026-10-20", True), ("C-1", "2026-10-10", True)]
    assert S.stock_accuracy(db, "2026-11") == (0, 0)
    with pytest.raises(ValidationError):
        S.stock_accuracy(db, "2026-13")


def test_complete_needs_a_counted_line_and_future_dates_refused(db):
    _setup(db)
    with pytest.raises(ValidationError):
        S.start_count(db, "2999-01-01")
    c = S.start_count(db, "2026-10-10")
    with pytest.raises(ValidationError):
        S.complete_count(db, c.id)
    with pytest.raises(ValidationError):
        S.set_counted(db, c.id, "A-1", -1)
    S.cancel_open_count(db, c.id)
    assert S.list_counts(db) == []


def test_posting_refused_when_later_lines_used_the_stock(db):
    """Book 10 on 10-10, counted 3; 8 were issued on 10-12. Adjusting -7 at
    10-10 would leave 3 - 8 = -5 after 10-12: refused, nothing booked."""
    _setup(db)
    c = S.start_count(db, "2026-10-10")
    S.set_counted(db, c.id, "A-1", 3)
    P.issue(db, "A-1", 8, recipient="张伟", at="2026-10-12 08:00")
    with pytest.raises(Exception) as exc:
        S.post_count(db, c.id)
    assert "A-1" in str(exc.value)
    assert S.get_count(db, c.id).status == "open" and P.balance_of(db, "A-1") == 2


def _sheet(path, rows, header=("配件编码", "实盘数量")):
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return str(path)


def test_import_stockcount_cli_bad_rows_write_nothing(db_path, tmp_path):
    db = open_db(db_path)
    _setup(db)
    db.close()
    bad = _sheet(tmp_path / "bad.xlsx", [("A-1", 10), ("ZZ-9", 1), ("B-1", -2), ("C-1", "十"), ("A-1", 9),
                                          (None, 4)])
    code, out, err = run_cli("import", "stockcount", bad, "--db", str(db_path), "--date", "2026-10-10", "--post")
    assert code == 1
    assert "row 3, column 配件编码" in err and "ZZ-9" in err
    assert "row 4, column 实盘数量" in err and "row 5, column 实盘数量" in err
    assert "row 6, column 配件编码" in err and "more than once" in err
    assert "row 7, column 配件编码" in err
    db = open_db(db_path)
    assert S.list_counts(db) == [] and P.count_moves(db, P.LedgerFilter(kind="adjust")) == 0
    db.close()


def test_import_stockcount_completed_and_posted(db_path, tmp_path):
    db = open_db(db_path)
    _setup(db)
    db.close()
    good = _sheet(tmp_path / "good.xlsx", [("A-1", 10), ("b-1", 9)])
    code, out, err = run_cli("import", "stockcount", good, "--db", str(db_path), "--date", "2026-10-10")
    assert code == 0, err
    db = open_db(db_path)
    (count,) = S.list_counts(db)
    assert count.status == "completed" and count.source == "import" and count.count_date == "2026-10-10"
    assert S.stock_accuracy(db, "2026-10") == (1, 2)              # A matches, B 9 vs 10
    assert [c.id for c in S.unposted_counts(db, "2026-10")] == [count.id]
    assert P.balance_of(db, "B-1") == 10                           # not posted: no adjustment
    S.post_count(db, count.id)
    assert P.balance_of(db, "B-1") == 9
    db.close()
    code, out, err = run_cli("import", "stockcount", good, "--db", str(db_path), "--date", "2026-10-11", "--post")
    assert code == 0, err
    db = open_db(db_path)
    counts = S.list_counts(db)
    assert counts[0].status == "posted" and counts[0].count_date == "2026-10-11"
    assert P.balance_of(db, "B-1") == 9                            # 9 counted, 9 book: no line
    assert S.stock_accuracy(db, "2026-10") == (2, 2)              # latest counts: both match
    db.close()


def test_stockcount_template_and_count_sheet_export(db_path, tmp_path):
    tpl = tmp_path / "t.xlsx"
    assert run_cli("template", "stockcount", "--out", str(tpl))[0] == 0
    header = [c.value for c in load_workbook(tpl).active[1]]
    assert header[0] == "配件编码" and "实盘数量" in header
    db = open_db(db_path)
    _setup(db)
    db.close()
    out = tmp_path / "sheet.xlsx"
    assert run_cli("export", "stockcount", "--db", str(db_path), "--out", str(out))[0] == 0
    ws = load_workbook(out).active
    assert ws.max_row == 5 and ws.cell(2, 1).value == "A-1" and ws.cell(2, 6).value is None
    # the exported sheet re-imports once counted quantities are filled in
    ws.cell(2, 6).value = 10
    load = tmp_path / "filled.xlsx"
    ws.parent.save(load)
    code, _o, err = run_cli("import", "stockcount", str(load), "--db", str(db_path), "--date", "2026-10-10")
    assert code == 0, err


def test_import_counted_into_an_open_count_all_or_nothing(db):
    _setup(db)
    count = S.start_count(db, "2026-10-10", at="2026-10-10 16:00")
    assert S.get_count(db, count.id).started_at == "2026-10-10 16:00:00"
    bad = S.import_counted(db, count.id, [(2, {"part_code": "A-1", "counted_qty": 9}),
                                          (3, {"part_code": "ZZ", "counted_qty": 1}),
                                          (4, {"part_code": "a-1", "counted_qty": 8})])
    assert not bad.ok and [p.row for p in bad.problems] == [3, 4]
    assert S.get_count(db, count.id).counted == 0                     # nothing written
    good = S.import_counted(db, count.id, [(2, {"part_code": "A-1", "counted_qty": 9}),
                                           (3, {"part_code": "B-1", "counted_qty": None})])  # blank = not counted
    assert good.ok
    lines = {line.part_code: line.counted_qty for line in S.count_lines(db, count.id)}
    assert lines == {"A-1": 9, "B-1": None, "C-1": None, "D-1": None}
    S.complete_count(db, count.id, at="2026-10-11 09:00")
    assert S.get_count(db, count.id).completed_at == "2026-10-11 09:00:00"
    with pytest.raises(StateError):
        S.import_counted(db, count.id, [(2, {"part_code": "A-1", "counted_qty": 10})])


def test_stockcount_template_is_empty_so_an_untouched_one_records_no_count(db_path, tmp_path):
    tpl = tmp_path / "t.xlsx"
    assert run_cli("template", "stockcount", "--out", str(tpl))[0] == 0
    wb = load_workbook(tpl)
    assert wb.worksheets[0].max_row == 1                     # header only, no sample rows
    notes = {r[0].value: r[3].value for r in wb["说明"].iter_rows(min_row=2)}
    assert "QS-MOT-160L6" in notes["配件编码"] and "如 3" in notes["实盘数量"]
    db = open_db(db_path)
    _setup(db)
    db.close()
    run_cli("import", "stockcount", str(tpl), "--db", str(db_path), "--date", "2026-10-10")
    db = open_db(db_path)
    assert S.list_counts(db) == [] and P.balance_of(db, "A-1") == 10
    db.close()
