"""Possible duplicate customers: the rule that warns the clerk before a second record is made.

Same phone (either field) or a near-same name, with the place-name and
company-suffix knowledge that tells a typo from a different company. Kept
apart from the records because the name rule is long and has its own tests.
"""

from __future__ import annotations

import re

import sqlite_utils

from servicedesk.models.archive.customer_records import _row_to_customer
from servicedesk.models.archive.records import Customer, CustomerInput
from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.validation import normalise_text, parse_phone


def possible_duplicates(db: sqlite_utils.Database, data: CustomerInput,
                        exclude_id: int | None = None) -> list[Customer]:
    """Customers that may be the same one (shown to the clerk before saving).

    Possible duplicate = shares a phone number (either field, either side), or
    has a near-same name: equal after removing spaces, punctuation and common
    company suffixes (杭州建工集团有限公司 ~ 杭州建工), one name containing the
    other (张三 ~ 张三（个人）), or one character different in names of six or
    more characters (杭州市第一建工 ~ 杭州市第一建二 — shorter names differ in
    one character too often: 杭州城建 and 温州城建 are different companies),
    unless that character is in the leading place name (嘉兴基础工程集团 and
    绍兴基础工程股份 are companies of two cities, not a typo).
    Bad phone text is ignored here; the field validation reports it.
    """
    phones = []
    for value in (data.phone, data.phone2):
        try:
            phone = parse_phone(value)
        except ValidationError:
            continue
        if phone:
            phones.append(phone)
    key = _name_key(data.name)
    if len(key) < 2 and not phones:
        return []
    clauses, params = [], []
    if phones:
        marks = ", ".join("?" * len(phones))
        clauses.append(f"phone IN ({marks}) OR phone2 IN ({marks})")
        params += phones + phones
    if len(key) >= 2:
        # Cheap prefilter in SQL, exact rule in Python: a near-same name shares
        # its first two (or last two) characters, or is contained in ours.
        clauses.append("instr(name, ?) > 0 OR instr(name, ?) > 0 OR instr(?, name) > 0")
        params += [key[:2], key[-2:], normalise_text(data.name)]
    sql = f"SELECT * FROM customers WHERE merged_into IS NULL AND ({' OR '.join(clauses)})"
    if exclude_id:
        sql += " AND id != ?"
        params.append(exclude_id)
    same_phone, near_name = [], []
    for row in db.query(sql + " LIMIT 5000", params):
        if phones and ({row["phone"], row["phone2"]} & set(phones)):
            same_phone.append(_row_to_customer(row))
        elif len(key) >= 2 and _names_near(key, _name_key(row["name"])):
            near_name.append(_row_to_customer(row))
    return (same_phone + near_name)[:10]


def _names_near(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 2 and shorter in longer:
        return True
    return len(shorter) >= 6 and _one_typo_apart(a, b)


# Place names a company name often starts with. Two names that start with
# different places are different companies, however alike the rest is
# (嘉兴基础工程集团 / 绍兴基础工程股份): the one-character rule skips them.
_PLACES = tuple(sorted("""
浙江 江苏 上海 北京 天津 重庆 安徽 福建 江西 山东 河南 河北 湖北 湖南 广东 广西 海南 四川 贵州 云南
山西 陕西 甘肃 青海 宁夏 新疆 西藏 内蒙古 辽宁 吉林 黑龙江
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
余杭 萧山 富阳 临安 临平 桐庐 建德 淳安 慈溪 余姚 奉化 宁海 象山 鄞州 镇海 北仑
瑞安 乐清 永嘉 平阳 苍南 文成 泰顺 海宁 平湖 桐乡 嘉善 海盐 德清 长兴 安吉
诸暨 上虞 嵊州 新昌 柯桥 义乌 东阳 永康 兰溪 武义 浦江 磐安 江山 常山 开化 龙游
岱山 嵊泗 温岭 临海 玉环 三门 天台 仙居 黄岩 路桥 椒江 龙泉 青田 缙云 遂昌 松阳 云和 庆元 景宁
南京 苏州 无锡 常州 镇江 扬州 泰州 南通 盐城 淮安 宿迁 徐州 连云港 昆山 江阴 张家港 常熟
合肥 芜湖 马鞍山 蚌埠 安庆 黄山 福州 厦门 泉州 莆田 漳州 南昌 九江 上饶 赣州
济南 青岛 烟台 潍坊 临沂 济宁 郑州 洛阳 石家庄 唐山 保定 张家口 武汉 宜昌 襄阳 长沙 株洲 岳阳
广州 深圳 东莞 佛山 珠海 中山 南宁 海口 成都 绵阳 贵阳 昆明 太原 西安 兰州 西宁 银川 乌鲁木齐
拉萨 呼和浩特 沈阳 大连 长春 哈尔滨
""".split(), key=len, reverse=True))
_PLACE_SUFFIXES = ("特别行政区", "自治区", "省", "市", "县", "区")


def _leading_place(name: str) -> str:
    """The known place name `name` starts with ('' when none): '嘉兴基础…' -> '嘉兴'."""
    for place in _PLACES:
        if name.startswith(place):
            return place
    return ""


def _one_typo_apart(a: str, b: str) -> bool:
    """One character added, dropped or changed — but not in the place name.

    A difference in the first two characters, or in a known place name at the
    start, is a different place (湖州建设… / 杭州建设…, 张家港… / 张家口…),
    not a typo of the same company.
    """
    place_a, place_b = _leading_place(a), _leading_place(b)
    if place_a != place_b:
        return False
    start = len(place_a)
    for suffix in _PLACE_SUFFIXES:
        if a[start:].startswith(suffix) and b[start:].startswith(suffix):
            start += len(suffix)
            break
    start = max(start, 2)
    if a[:start] != b[:start]:
        return False
    return _edit_distance_at_most_one(a[start:], b[start:])


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]


_SUFFIXES = ("有限责任公司", "股份有限公司", "有限公司", "集团", "公司", "个人")


def _name_key(name: str) -> str:
    text = re.sub(r"[\s\W_]+", "", normalise_text(name))
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text
