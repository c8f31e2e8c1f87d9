"""Demo customers and equipment: Chinese units and people, several models."""

from __future__ import annotations

import datetime as _dt
import random

import sqlite_utils

from servicedesk.models.archive import customers as C
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.validation import parse_phone

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
         "秀英", "霞", "平", "刚", "桂英", "建国", "建华", "志强", "海燕", "晓东", "国庆", "立新", "春生", "卫东"]
CITIES = [("杭州", "浙江省杭州市", ["西湖区文三路", "滨江区江南大道", "余杭区文一西路", "萧山区市心中路"]),
          ("宁波", "浙江省宁波市", ["鄞州区天童南路", "北仑区新大路", "海曙区中山西路"]),
          ("温州", "浙江省温州市", ["鹿城区人民路", "瓯海区温州大道"]),
          ("绍兴", "浙江省绍兴市", ["越城区解放北路", "柯桥区金柯桥大道"]),
          ("嘉兴", "浙江省嘉兴市", ["南湖区中山东路", "秀洲区洪兴路"]),
          ("金华", "浙江省金华市", ["婺城区八一南街", "义乌市稠州北路"]),
          ("台州", "浙江省台州市", ["椒江区市府大道", "黄岩区劳动路"])]
COMPANY_WORDS = ["建工", "城建", "路桥", "建设", "市政", "交通建设", "建筑安装", "基础工程", "钢构", "水利建设"]
COMPANY_SUFFIX = ["集团有限公司", "有限公司", "工程有限公司", "股份有限公司"]
DEALERS = ["浙江恒力机械", "杭州华建设备", "宁波众成工程机械", "温州鼎盛机械", "金华宏达设备租赁", ""]
TITLES = ["设备科长", "项目经理", "机管员", "总工", "老板", "采购经理", ""]
MODELS = [("QTZ63", "T"), ("QTZ80", "T"), ("QTZ125", "T"), ("QTZ250", "T"), ("SC200/200", "S"),
          ("SC100", "S"), ("QTZ5613", "T")]
PROJECTS = ["住宅小区", "商业综合体", "地铁站", "安置房", "学校", "医院", "大桥", "产业园"]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def mobile(rng: random.Random) -> str:
    """A mobile number in an assigned block (174…, 179…, 194… are not: the
    phone rules refuse them, issue 16); the same draws as before, so a seed
    still gives the same data apart from those prefixes."""
    head = rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9))
    number = head + f"{rng.randint(0, 99_999_999):08d}"
    try:
        parse_phone(number)
    except ValidationError:
        number = "13" + number[2:]
    return number


def build(db: sqlite_utils.Database, rng: random.Random, years: int = 2, customers: int = 0) -> dict[str, int]:
    today = _dt.date.today()
    n_customers = customers or 60 * years + 30
    serial_counter: dict[str, int] = {}
    n_equipment = 0
    for i in range(n_customers):
        short, province_city, streets = rng.choice(CITIES)
        company = rng.random() < 0.75
        contact = person(rng)
        if company:
            name = f"{short}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_SUFFIX)}"
            if rng.random() < 0.5:
                name = f"{short}{rng.choice(['市', ''])}{rng.choice(['第一', '第二', '第三', '华', '新', '恒', '永'])}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_SUFFIX)}"
        else:
            name = contact
        phone = mobile(rng) if rng.random() < 0.8 else f"0{rng.choice(['571', '574', '577', '575', '573', '579', '576'])}-{rng.randint(8000_0000, 8999_9999)}"
        address = f"{province_city}{rng.choice(streets)}{rng.randint(1, 999)}号"
        dealer = rng.choice(DEALERS)
        try:
            cust = C.add_customer(db, C.CustomerInput(
                name=name, contact=contact, title=rng.choice(TITLES) if company else "", phone=phone,
                address=address, region=short, dealer=dealer))
        except Exception:
            continue
        for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
            model, prefix = rng.choice(MODELS)
            factory = today - _dt.timedelta(days=rng.randint(60, 365 * years + 200))
            purchase = factory + _dt.timedelta(days=rng.randint(5, 60))
            # Not after today: the archive refuses equipment dates in the future.
            delivery = min(purchase + _dt.timedelta(days=rng.randint(1, 10)), today)
            acceptance = delivery + _dt.timedelta(days=rng.randint(2, 20))
            if acceptance > today:
                acceptance = None
            year = factory.year % 100
            serial_counter[model] = serial_counter.get(model, 0) + 1
            serial = f"{prefix}{year:02d}{factory.month:02d}-{serial_counter[model]:04d}"
            C.add_equipment(db, C.EquipmentInput(
                customer_id=cust.id, model=model, serial_no=serial, quantity=1,
                factory_date=factory.isoformat(), purchase_date=purchase.isoformat(),
                delivery_date=delivery.isoformat(),
                acceptance_date=acceptance.isoformat() if acceptance else None,
                invoice_no=f"{rng.randint(10000000, 99999999)}",
                first_site=f"{province_city}{rng.choice(streets)}{rng.choice(PROJECTS)}工地",
                project_name=f"{short}{rng.choice(PROJECTS)}{rng.choice(['一期', '二期', '三期', ''])}工程",
                project_no=f"AB{factory.year}{rng.randint(100, 999)}",
                dealer=dealer,
            ))
            n_equipment += 1
    return {"customers": n_customers, "equipment": n_equipment}
