"""售后服务维修记录单: geometry, every field of DOMAIN §7, copies, 补打, offsets, 续页.

PDFs are read back with pypdf. The built-in CID font is forced (no font file
on the machine is needed); FACTS.md says its text extracts, and
test_builtin_font_text_reads_back in test_fonts.py proves it.
"""

from __future__ import annotations

import io
import math
import re

import pypdf
import pytest

from servicedesk.models.printing import forms as F
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.printing.print_log import log_print, next_marks, print_history, reprint_count
from servicedesk.reports import fonts
from servicedesk.reports.calibration import render_calibration_pdf
from servicedesk.reports.repair_form import (
    COPY_LABELS, FormOptions, page_count, render_ticket_pdf, wrap_text,
)
from tests import factories
from tests.conftest import run_cli

MM = 72 / 25.4


@pytest.fixture(autouse=True)
def builtin_font_only(monkeypatch):
    """Every test here runs as on a machine with no Chinese font installed."""
    monkeypatch.setattr(fonts, "CANDIDATES", ())
    fonts.reset_cache()
    yield
    fonts.reset_cache()


# ---------------------------------------------------------------- helpers
def full_ticket(db, **overrides) -> tuple[int, str]:
    """A completed, reviewed, signed repair with both kinds of parts."""
    cid = factories.customer(db, name="杭州建工集团有限公司", contact="王建国", title="设备科长",
                             phone="13812345678", address="杭州市西湖区文三路123号")
    eid = factories.equipment(db, cid, model="QTZ80", serial_no="HZ-0815", purchase_date="2025-03-01",
                              invoice_no="FP00123456", quantity=2, project_no="AB-2025-017",
                              acceptance_date="2025-03-20", delivery_date="2025-03-10")
    lead = factories.technician(db, "李师傅")
    mate = factories.technician(db, "赵工")
    fields = dict(
        no="YX2610007", reported_at="2026-10-01 09:12:00", requested_at="2026-10-02 08:30:00",
        fault="塔吊回转机构异响", recorder="张内勤", diagnosis="减速机齿轮磨损", cause="润滑不足",
        measures="更换齿轮并加注润滑脂", result="done", repair_from="2026-10-02 09:30:00",
        repair_to="2026-10-02 16:45:00", completed_at="2026-10-02 16:45:00", reviewed_by="陈主管",
        reviewed_at="2026-10-03 10:00:00", customer_opinion="服务及时", customer_signature="王建国",
        signed_at="2026-10-02 17:00:00", warranty="in", team=(lead, mate),
        parts=({"name": "回转齿轮", "spec": "Z17", "kind": "warranty", "quantity": 1},
               {"name": "润滑脂", "kind": "bought", "quantity": 2, "unit_price_fen": 4500},
               {"name": "限位开关", "kind": "bought", "quantity": 1, "unit_price_fen": 12800}),
    )
    fields.update(overrides)
    tid = factories.ticket(db, customer_id=cid, equipment_id=eid, **fields)
    return tid, fields["no"]


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def texts(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in reader(pdf).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def size_mm(page) -> tuple[float, float]:
    return float(page.mediabox.width) / MM, float(page.mediabox.height) / MM


def _mult(m, n):
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2],
            m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def runs(page) -> list[tuple[str, float, float, float]]:
    """(text, x mm, y mm from the bottom, effective size pt) of every text run on the page."""
    out = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            m = _mult(tm, cm)
            out.append((text.strip(), m[4] / MM, m[5] / MM, size * math.hypot(m[0], m[1])))

    page.extract_text(visitor_text=visit)
    return out


def options(**kw) -> FormOptions:
    return FormOptions(**kw)


# Every field label of DOMAIN §7 (the paper form in seed 003's appendix).
REPAIR_LABELS = (
    "售后服务维修记录单", "维修单位", "用户姓名(单位、人)", "用户地址及联系人", "地址", "联系人",
    "联系电话", "要求服务时间", "型号", "机号", "数量", "发票号", "购机日期", "报修日期", "报修内容",
    "记录人", "维修结果", "修理时间", "“三包”件", "名称", "客户购买件", "单价", "合计",
    "售后服务人员", "用户意见", "签名", "部门领导", "仓库人员", "维修人员", "日期", "合计金额",
)


# ---------------------------------------------------------------- geometry
def test_a4_is_three_portrait_pages_each_with_its_copy_label(db):
    _, no = full_ticket(db)
    pdf = render_ticket_pdf(db, [no], layout="a4", log=False).pdf
    pages = reader(pdf).pages
    assert len(pages) == 3
    for page in pages:
        w, h = size_mm(page)
        assert abs(w - 210) < 0.05 and abs(h - 297) < 0.05
    for label, text in zip(COPY_LABELS, texts(pdf)):
        assert label in text                     # 第一联 存根 / 第二联 售后服务 / 第三联 客户
        others = [lab for lab in COPY_LABELS if lab != label]
        assert not any(o in text for o in others)


def test_continuous_is_241_by_140_and_follows_the_height_setting(db):
    _, no = full_ticket(db)
    pdf = render_ticket_pdf(db, [no], layout="continuous", log=False).pdf
    (page,) = reader(pdf).pages
    w, h = size_mm(page)
    assert abs(w - 241) < 0.05 and abs(h - 140) < 0.05          # 683.15 x 396.85 pt
    F.save_print_settings(db, F.PrintSettings(layout="continuous", continuous_height_mm=152.4))
    pdf = render_ticket_pdf(db, [no], log=False).pdf             # layout from the setting
    (page,) = reader(pdf).pages
    w, h = size_mm(page)
    assert abs(w - 241) < 0.05 and abs(h - 152.4) < 0.05
    assert not any(lab in texts(pdf)[0] for lab in COPY_LABELS)   # no copy label on continuous


def test_paper_too_short_for_the_form_is_refused(db):
    _, no = full_ticket(db)
    with pytest.raises(ValidationError) as err:
        render_ticket_pdf(db, [no], options=options(layout="continuous", continuous_height_mm=93), log=False)
    assert err.value.field == "continuous_height_mm"
    assert db.execute("SELECT COUNT(*) FROM print_log").fetchone()[0] == 0


def test_copies_per_a4_page_setting(db):
    _, no = full_ticket(db)
    three = render_ticket_pdf(db, [no], options=options(layout="a4", a4_copies_per_page=3), log=False).pdf
    (page,) = texts(three)
    assert all(label in page for label in COPY_LABELS)
    two = render_ticket_pdf(db, [no], options=options(layout="a4", a4_copies_per_page=2), log=False).pdf
    assert page_count(two) == 2 and len(reader(two).pages) == 2


# ---------------------------------------------------------------- content
@pytest.mark.parametrize("layout", ["a4", "continuous"])
def test_every_field_label_and_value_is_printed(db, layout):
    _, no = full_ticket(db)
    pdf = render_ticket_pdf(db, [no], layout=layout, log=False).pdf
    for text in texts(pdf):                  # each A4 copy is complete on its own
        flat = squash(text)
        for label in REPAIR_LABELS:
            assert squash(label) in flat, label
        for value in ("售后服务部", "杭州建工集团有限公司", "杭州市西湖区文三路123号", "王建国",
                      "13812345678", "2026-10-0208:30", "QTZ80", "HZ-0815", "FP00123456",
                      "2025-03-01", "2026-10-0109:12", "塔吊回转机构异响", "张内勤",
                      "检查：减速机齿轮磨损；原因：润滑不足；处理：更换齿轮并加注润滑脂；结果：完成",
                      "2026年10月02日09时30分至2026年10月02日16时45分",
                      "回转齿轮Z17", "润滑脂", "限位开关", "李师傅、赵工", "服务及时", "陈主管",
                      f"No.{no}"):
            assert value in flat, value
        # parts worked out by hand: 润滑脂 2 x 45.00 = 90.00; 限位开关 1 x 128.00 = 128.00;
        # 合计金额 90.00 + 128.00 = 218.00; 三包件 共计 1 件
        assert "45.00" in flat and "90.00" in flat and "128.00" in flat
        assert "¥218.00" in flat
        assert "共计：1件" in flat
        assert "数量：2" in flat                  # equipment quantity


def test_blank_ticket_leaves_year_month_day_slots_for_handwriting(db):
    cid = factories.customer(db, name="个人用户刘先生")
    factories.ticket(db, customer_id=cid, no="YX2610008", status="open")
    pdf = render_ticket_pdf(db, ["YX2610008"], layout="continuous", log=False).pdf
    flat = squash(texts(pdf)[0])
    assert "修理时间：年月日时分至年月日时分" in flat
    assert "个人用户刘先生" in flat
    for label in REPAIR_LABELS:
        assert squash(label) in flat, label


def test_continuous_text_is_never_below_9_pt(db):
    _, no = full_ticket(db, fault="故障描述很长。" * 200)
    pdf = render_ticket_pdf(db, [no], layout="continuous", log=False).pdf
    sizes = [size for page in reader(pdf).pages for _, _, _, size in runs(page)]
    assert len(reader(pdf).pages) >= 2 and min(sizes) >= 9.0 - 1e-6


def test_medium_text_shrinks_inside_its_box_before_any_continuation(db):
    # The continuous fault box holds 3 lines; "报修内容：" + 180 characters + "记录人：张内勤"
    # needs 4 lines at 9.5 pt (about 63 characters a line) but only 3 at 9 pt (about 66).
    text = ("回转机构异响，起升时抖动。" * 14)[:180]
    _, no = full_ticket(db, fault=text)
    pdf = render_ticket_pdf(db, [no], layout="continuous", log=False).pdf
    pages = reader(pdf).pages
    flat = squash(texts(pdf)[0])
    assert text in flat and "续页" not in flat
    assert len(pages) == 1
    fault_sizes = {round(size, 1) for t, _, _, size in runs(pages[0]) if "回转机构异响" in t}
    assert fault_sizes and max(fault_sizes) < 9.5 and min(fault_sizes) >= 9.0


@pytest.mark.parametrize("layout", ["continuous", "a4"])
def test_very_long_fault_continues_on_attached_sheet_with_nothing_lost(db, layout):
    long_text = "".join(f"第{i:03d}项：回转机构异响需检查减速机和制动器。" for i in range(1, 301))
    _, no = full_ticket(db, fault=long_text)
    pdf = render_ticket_pdf(db, [no], layout=layout, log=False).pdf
    pages = [squash(t) for t in texts(pdf)]
    # the form page: the box holds the start and says 转续页; the 续页 pages hold the rest
    copies = 3 if layout == "a4" else 1
    starts = [i for i, t in enumerate(pages) if "报修内容：" in t and "续页第" not in t]
    assert len(starts) == copies
    bounds = starts + [len(pages)]
    for k, first in enumerate(starts):
        form = pages[first]
        shown = form.split("报修内容：", 1)[1].split("（转续页）", 1)[0]
        rest = ""
        for j, page in enumerate(pages[first + 1:bounds[k + 1]], start=1):
            assert f"售后服务维修记录单（续页第{j}页）" in page
            body = page.split("杭州建工集团有限公司", 1)[1]          # after the 用户： header line
            rest += body.replace("报修内容（续）：", "")
        assert len(shown) > 20
        assert shown + rest == long_text


def test_more_parts_than_rows_continue_and_the_total_counts_all(db):
    bought = tuple({"name": f"配件{i}", "kind": "bought", "quantity": i, "unit_price_fen": 1000}
                   for i in range(1, 9))
    _, no = full_ticket(db, parts=bought)
    pdf = render_ticket_pdf(db, [no], layout="continuous", log=False).pdf
    pages = [squash(t) for t in texts(pdf)]
    assert len(pages) == 2
    # the table holds 3 rows: 2 parts + "另有 6 项（转续页）"
    assert "配件1" in pages[0] and "配件2" in pages[0] and "配件3" not in pages[0]
    assert "另有6项（转续页）" in pages[0]
    # total by hand: 10.00 x (1+2+...+8) = 10.00 x 36 = 360.00
    assert "¥360.00" in pages[0]
    for i in range(3, 9):
        assert f"配件{i}×{i}单价10.00合计{i * 10}.00" in pages[1]
    assert "客户购买件合计金额：¥360.00" in pages[1]


# ---------------------------------------------------------------- reprint and log
def test_reprint_is_marked_and_every_print_is_logged(db):
    tid, no = full_ticket(db)
    first = render_ticket_pdf(db, [no], layout="a4", who="内勤甲", target="pdf:/tmp/a.pdf")
    assert first.marks[0].reprint_no == 0
    assert all("补打" not in t for t in texts(first.pdf))
    second = render_ticket_pdf(db, [no], layout="continuous", who="内勤乙", target="EPSON LQ-630K")
    mark = second.marks[0]
    assert mark.reprint_no == 1
    assert f"补打（第1次）{mark.printed_at[:10]}" in squash(texts(second.pdf)[0])
    third = render_ticket_pdf(db, [no], layout="a4", who="内勤甲")
    assert all("补打（第2次）" in t for t in texts(third.pdf))          # on all three copies
    history = print_history(db, tid)
    assert [(h.reprint_no, h.who, h.layout) for h in history] == [
        (0, "内勤甲", "a4"), (1, "内勤乙", "continuous"), (2, "内勤甲", "a4")]
    assert history[1].target == "EPSON LQ-630K"
    assert reprint_count(db, tid) == 2
    events = db.execute("SELECT action, field, new FROM ticket_events WHERE ticket_id = ? "
                        "AND action IN ('print', 'reprint') ORDER BY id", [tid]).fetchall()
    assert [e[0] for e in events] == ["print", "reprint", "reprint"]
    assert "补打 第1次" in events[1][2] and "EPSON LQ-630K" in events[1][2]


def test_preview_shows_the_next_mark_but_logs_nothing(db):
    tid, no = full_ticket(db)
    log_print(db, tid, "repair", layout="a4", who="x")
    preview = render_ticket_pdf(db, [no], layout="a4", log=False)
    assert preview.marks[0].reprint_no == 1 and "补打（第1次）" in texts(preview.pdf)[0]
    assert len(print_history(db, tid)) == 1
    assert next_marks(db, [tid])[tid].reprint_no == 1


def test_each_form_kind_counts_its_own_prints(db):
    tid, no = full_ticket(db)
    render_ticket_pdf(db, [no], form="repair")
    out = render_ticket_pdf(db, [no], form="outside")
    assert out.marks[0].reprint_no == 0
    assert reprint_count(db, tid, "repair") == 0 and reprint_count(db, tid, "outside") == 0


def test_cancelled_batch_logs_nothing(db):
    _, a = full_ticket(db)
    cid = factories.customer(db, name="另一家公司")
    factories.ticket(db, customer_id=cid, no="YX2610009")
    result = render_ticket_pdf(db, [a, "YX2610009"], progress=lambda i: i < 1)
    assert result.cancelled and result.pdf == b""
    assert db.execute("SELECT COUNT(*) FROM print_log").fetchone()[0] == 0


# ---------------------------------------------------------------- offsets and calibration
def _title_position(pdf: bytes) -> tuple[float, float]:
    page = reader(pdf).pages[0]
    return next((x, y) for t, x, y, _ in runs(page) if t == "售后服务维修记录单")


@pytest.mark.parametrize("layout", ["a4", "continuous"])
def test_offsets_move_everything(db, layout):
    _, no = full_ticket(db)
    x0, y0 = _title_position(render_ticket_pdf(db, [no], options=options(layout=layout), log=False).pdf)
    moved = render_ticket_pdf(db, [no], options=options(layout=layout, offset_x_mm=5, offset_y_mm=3),
                              log=False).pdf
    x1, y1 = _title_position(moved)
    # +5 mm right; +3 mm DOWN the paper = 3 mm lower in PDF coordinates (origin bottom-left)
    assert x1 - x0 == pytest.approx(5.0, abs=0.01)
    assert y1 - y0 == pytest.approx(-3.0, abs=0.01)
    x2, _ = _title_position(render_ticket_pdf(
        db, [no], options=options(layout=layout, offset_x_mm=-2.5), log=False).pdf)
    assert x2 - x0 == pytest.approx(-2.5, abs=0.01)


def test_calibration_page_geometry_and_offset(db):
    pdf = render_calibration_pdf(options(layout="continuous", continuous_height_mm=140))
    (page,) = reader(pdf).pages
    w, h = size_mm(page)
    assert abs(w - 241) < 0.05 and abs(h - 140) < 0.05
    text = squash(page.extract_text())
    assert "打印校准页" in text and "(20,20)" in text

    def cross_label(p):
        return next((x, y) for t, x, y, _ in runs(reader(p).pages[0]) if t == "(20, 20)")

    x0, y0 = cross_label(pdf)
    # the label sits 2.5 mm right of and 2.5 mm above the cross at (20, 20) from the top-left
    assert x0 == pytest.approx(22.5, abs=0.01) and y0 == pytest.approx(140 - 17.5, abs=0.01)
    x1, y1 = cross_label(render_calibration_pdf(options(layout="continuous", offset_x_mm=1.5,
                                                        offset_y_mm=-2)))
    assert x1 - x0 == pytest.approx(1.5, abs=0.01) and y1 - y0 == pytest.approx(2.0, abs=0.01)
    a4 = reader(render_calibration_pdf(options(layout="a4"))).pages[0]
    assert size_mm(a4) == pytest.approx((210, 297), abs=0.05)


# ---------------------------------------------------------------- text wrapping
def test_wrap_keeps_every_character_and_never_starts_a_line_with_closing_punctuation():
    name = fonts.cjk_font("").name
    text = "更换回转减速机齿轮，加注润滑脂，调整变幅限位。型号QTZ80-5610需要复查。" * 3
    lines = wrap_text(text, name, 9, 60 * MM)
    assert "".join(ln.text for ln in lines) == text
    assert all(ln.text[0] not in "，。、；：）" for ln in lines)
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)
    assert any("QTZ80-5610" in ln.text for ln in lines)           # a code is not split


# ---------------------------------------------------------------- form data and settings
def test_load_forms_in_order_by_id_or_number(db):
    tid, no = full_ticket(db)
    cid = factories.customer(db, name="乙公司", address="宁波", phone="13900000000")
    other = factories.ticket(db, customer_id=cid, no="YX2610010", contact="", phone="", address="")
    forms = F.load_ticket_forms(db, ["YX2610010", tid])
    assert [f.no for f in forms] == ["YX2610010", no]
    assert forms[0].ticket_id == other
    assert (forms[0].address, forms[0].phone) == ("宁波", "13900000000")  # customer's when ticket's empty
    assert forms[1].technicians == ["李师傅", "赵工"]                    # leader first
    assert [p.name for p in forms[1].warranty_parts] == ["回转齿轮"]
    assert forms[1].bought_total_fen == 2 * 4500 + 12800
    with pytest.raises(NotFound):
        F.load_ticket_forms(db, ["NOPE"])


def test_print_settings_are_checked_and_saved_together(db):
    saved = F.save_print_settings(db, F.PrintSettings(layout="continuous", continuous_height_mm="152,4",
                                                      offset_x_mm=-1.5, offset_y_mm=2,
                                                      a4_copies_per_page=2))
    assert saved.continuous_height_mm == 152.4
    assert F.load_print_settings(db) == saved
    for field, bad in (("layout", F.PrintSettings(layout="letter")),
                       ("continuous_height_mm", F.PrintSettings(continuous_height_mm=50)),
                       ("offset_x_mm", F.PrintSettings(offset_x_mm=45)),
                       ("offset_y_mm", F.PrintSettings(offset_y_mm="abc")),
                       ("a4_copies_per_page", F.PrintSettings(a4_copies_per_page=4)),
                       ("font_file", F.PrintSettings(font_file="/no/such/font.ttf"))):
        with pytest.raises(ValidationError) as err:
            F.save_print_settings(db, bad)
        assert err.value.field == field
    assert F.load_print_settings(db) == saved                          # nothing half-saved


# ---------------------------------------------------------------- CLI
def test_cli_print_ticket(db, db_path, tmp_path):
    tid, no = full_ticket(db)
    out = tmp_path / "form.pdf"
    code, stdout, err = run_cli("print-ticket", no, "--db", str(db_path), "--out", str(out), "--json")
    assert code == 0, err
    import json

    data = json.loads(stdout)
    assert data["pages"] == 3 and data["tickets"][0]["reprint_no"] == 0
    assert len(reader(out.read_bytes()).pages) == 3
    code, stdout, _ = run_cli("print-ticket", no, "--db", str(db_path), "--out", str(out),
                              "--layout", "continuous", "--form", "repair")
    assert code == 0 and "补打（第1次）" in stdout
    assert size_mm(reader(out.read_bytes()).pages[0]) == pytest.approx((241, 140), abs=0.05)
    code, _, _ = run_cli("print-ticket", no, "--db", str(db_path), "--out", str(out), "--form", "info",
                         "--no-log")
    assert code == 0 and "售后服务信息收集表" in texts(out.read_bytes())[0]
    assert len(print_history(db, tid)) == 2                            # --no-log wrote nothing
    code, _, _ = run_cli("print-ticket", "--calibration", "--db", str(db_path), "--out", str(out))
    assert code == 0 and "打印校准页" in texts(out.read_bytes())[0]
    code, _, err = run_cli("print-ticket", "NOPE", "--db", str(db_path), "--out", str(out))
    assert code == 1 and "NOPE" in err
    code, _, err = run_cli("print-ticket", "--db", str(db_path), "--out", str(out))
    assert code == 1
    code, _, err = run_cli("print-ticket", no, "--db", str(db_path), "--out", str(tmp_path / "x" / "y.pdf"))
    assert code == 1 and "does not exist" in err
    code, _, _ = run_cli("print-ticket", no, "--db", str(db_path), "--out", str(out), "--layout", "letter")
    assert code == 2
