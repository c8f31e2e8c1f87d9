"""外出服务记录表 and 售后服务信息收集表, filled from the ticket (DOMAIN §7)."""

from __future__ import annotations

import pytest

from servicedesk.reports.repair_form import render_ticket_pdf
from tests import factories
from tests.reports.test_repair_form import (  # noqa: F401  (fixture re-used)
    builtin_font_only, full_ticket, reader, runs, size_mm, squash, texts,
)

OUTSIDE_LABELS = (
    "外出安装/售后/维修服务记录表", "客户资料", "客户名称", "电话", "客户地址", "产品类型",
    "安装/维修人员", "安装维修记录", "送货日期", "完成日期", "安装/维修类型", "工作态度",
    "差", "一般", "满意", "好", "很好", "产品损坏", "有", "无", "严重", "卫生状况", "不好",
    "顾客满意", "不满意", "非常不满意", "处理结果", "完成", "未完成", "收费情况", "服务内容描述",
    "客户建议", "公司承诺", "客户签字", "年", "月", "日",
)
INFO_LABELS = (
    "售后服务信息收集表", "客户名称", "设备种类", "联系人", "职务", "联系电话", "地址", "设备信息",
    "1、项目编号(AB号)：", "2、设备编号：", "3、设备类型及尺寸：", "4、设备投运时间：",
    "5、设备故障描述：", "6、设备维修情况：", "7、设备零部件更换情况：",
)


@pytest.mark.parametrize("layout,size", [("a4", (210, 297)), ("continuous", (241, 140))])
def test_outside_service_record_has_every_field_filled_from_the_ticket(db, layout, size):
    _, no = full_ticket(db)
    pdf = render_ticket_pdf(db, [no], form="outside", layout=layout, log=False).pdf
    pages = reader(pdf).pages
    assert len(pages) == 1 and size_mm(pages[0]) == pytest.approx(size, abs=0.05)
    flat = squash(texts(pdf)[0])
    for label in OUTSIDE_LABELS:
        assert squash(label) in flat, label
    for value in ("杭州建工集团有限公司", "13812345678", "杭州市西湖区文三路123号", "QTZ80HZ-0815",
                  "李师傅、赵工", "2025-03-10", "2026-10-0216:45", "报修：塔吊回转机构异响",
                  "服务及时", "王建国", "2026年10月02日", f"No.{no}"):
        assert value in flat, value
    # in warranty: free, plus the parts the customer bought (2 x 45.00 + 128.00 = 218.00)
    assert "三包期内免费，客户购买件¥218.00" in flat


def test_outside_record_ticks_the_service_type_and_result(db):
    from servicedesk.models.printing.forms import load_ticket_form
    from servicedesk.reports.service_forms import outside_ticks

    _, no = full_ticket(db)
    assert outside_ticks(load_ticket_form(db, no)) == {"安装/维修类型": "维修", "处理结果": "完成"}
    cid = factories.customer(db, name="丙公司")
    factories.ticket(db, customer_id=cid, no="YX2610030", type="inspection", status="dispatched")
    assert outside_ticks(load_ticket_form(db, "YX2610030")) == {"安装/维修类型": "巡检"}
    # the boxes are drawn, not glyphs: a tick is one more stroked path (m l l S) in the page
    factories.ticket(db, customer_id=cid, no="YX2610031", type="inspection", status="completed",
                     result="done")

    def path_ops(ticket_no: str) -> int:
        pdf = render_ticket_pdf(db, [ticket_no], form="outside", layout="a4", log=False).pdf
        return reader(pdf).pages[0].get_contents().get_data().count(b" l")

    assert path_ops("YX2610031") - path_ops("YX2610030") == 2


def test_outside_record_of_a_paid_job_shows_the_charges(db):
    cid = factories.customer(db, name="宁波港务公司")
    factories.ticket(db, customer_id=cid, no="YX2610020", type="installation", warranty="out",
                     parts=({"name": "电缆", "kind": "bought", "quantity": 3, "unit_price_fen": 2000},))
    flat = squash(texts(render_ticket_pdf(db, ["YX2610020"], form="outside", log=False).pdf)[0])
    # quote (003 table 1) by hand: materials 3 x 20.00 = 60.00; tax 15 % = 9.00;
    # x 1.40 management: (60.00 + 9.00) x 1.40 = 96.60
    assert "¥96.60（按收费标准）" in flat


@pytest.mark.parametrize("layout", ["a4", "continuous"])
def test_information_sheet_has_every_field(db, layout):
    _, no = full_ticket(db)
    pdf = render_ticket_pdf(db, [no], form="info", layout=layout, log=False).pdf
    flat = squash(texts(pdf)[0])
    for label in INFO_LABELS:
        assert squash(label) in flat, label
    for value in ("杭州建工集团有限公司", "QTZ80", "王建国", "设备科长", "13812345678",
                  "AB-2025-017", "HZ-0815", "QTZ80×2台", "2025-03-20", "塔吊回转机构异响",
                  "处理：更换齿轮并加注润滑脂", "回转齿轮Z17×1（三包件）",
                  "润滑脂×2（客户购买，单价45.00，合计90.00）"):
        assert value in flat, value


def test_long_text_on_the_service_forms_continues_on_an_attached_sheet(db):
    long_text = "".join(f"第{i:03d}条：现场检查记录。" for i in range(1, 201))
    _, no = full_ticket(db, fault=long_text)
    for form in ("outside", "info"):
        pdf = render_ticket_pdf(db, [no], form=form, layout="continuous", log=False).pdf
        pages = [squash(t) for t in texts(pdf)]
        assert len(pages) >= 2 and "（转续页）" in pages[0]
        assert "续页第1页" in pages[1]
        everything = "".join(pages)
        for i in (1, 100, 200):
            assert f"第{i:03d}条" in everything


def test_service_forms_carry_the_reprint_mark(db):
    _, no = full_ticket(db)
    render_ticket_pdf(db, [no], form="info")
    again = render_ticket_pdf(db, [no], form="info")
    assert "补打（第1次）" in texts(again.pdf)[0]
