"""Demo parts catalog (~300 parts for tower cranes and hoists) and two years
of receipts. Runs before the demo tickets, so their visits find stock to issue.

Every part gets an opening stock dated `years` years + one month back and
receipts every month or two after that, so a visit's issue of one or two
pieces normally finds stock at any point in time.
"""

from __future__ import annotations

import datetime as _dt
import random

import sqlite_utils

from servicedesk.models.parts import ledger as P
from servicedesk.models.core.db import transaction

# (code prefix, location aisle, unit, price range yuan, safety stock range,
#  name, [specs]) — names and specs as the office's suppliers write them.
CATALOG: list[tuple[str, str, str, tuple[int, int], tuple[int, int], str, list[str]]] = [
    # 起升机构 hoisting mechanism
    ("QSDJ", "A-01", "台", (3800, 12800), (1, 2), "起升电机",
     ["YZR160L-6 11kW", "YZR180L-6 15kW", "YZR200L-6 22kW", "YZTD225M-4/8/32 24kW", "YZTD250M1-4/8/32 30kW",
      "YZPEJ180L-4 22kW 变频"]),
    ("QSJS", "A-01", "台", (5200, 16800), (1, 1), "起升减速机", ["ZQ350-31.5", "ZQ400-23.34", "ZQ500-40.17",
                                                          "JZQ400-IV"]),
    ("QSZD", "A-02", "台", (680, 2600), (1, 3), "电力液压块式制动器", ["YWZ-200/25", "YWZ-300/45", "YWZ5-315/50"]),
    ("TDQ", "A-02", "台", (420, 1200), (1, 3), "电力液压推动器", ["Ed-23/5", "Ed-30/5", "Ed-50/6"]),
    ("QSLZ", "A-02", "套", (260, 980), (1, 3), "起升联轴器", ["弹性柱销 LX3", "弹性柱销 LX4", "鼓形齿 CL3",
                                                        "梅花形 ML6"]),
    ("QSZX", "A-03", "根", (680, 1800), (1, 2), "起升高速轴", ["QTZ63 用", "QTZ80 用", "QTZ125 用"]),
    ("JT", "A-03", "个", (1200, 3600), (1, 1), "卷筒", ["Φ400×700", "Φ450×800"]),
    ("DG", "A-03", "个", (900, 2800), (1, 1), "吊钩组", ["3t 二倍率", "6t 四倍率", "8t 四倍率"]),
    ("HL", "A-04", "个", (180, 760), (2, 4), "滑轮", ["Φ280 钢丝绳 12mm", "Φ320 钢丝绳 14mm", "Φ400 钢丝绳 16mm",
                                                 "Φ450 尼龙滑轮"]),
    # 钢丝绳 wire rope
    ("QSGS", "B-01", "米", (12, 38), (200, 400), "起升钢丝绳", ["6×29Fi+IWR-12mm", "6×29Fi+IWR-14mm",
                                                           "35W×7-12mm", "35W×7-14mm", "18×7+FC-16mm"]),
    ("BFGS", "B-01", "米", (6, 16), (150, 300), "变幅钢丝绳", ["6×19-8mm", "6×19-9.3mm", "6×19-11mm"]),
    ("SJGS", "B-02", "米", (10, 28), (60, 150), "升降机对重钢丝绳", ["6×19-12.5mm", "8×19S+FC-14mm"]),
    ("SK", "B-02", "个", (2, 9), (30, 80), "钢丝绳绳卡", ["M10", "M12", "M14", "M16", "M20"]),
    ("XT", "B-02", "个", (30, 120), (4, 10), "楔形接头", ["12mm", "14mm", "16mm"]),
    # 变幅 / 回转 trolley and slewing
    ("BFDJ", "A-05", "台", (1600, 4200), (1, 2), "变幅电机", ["YEZ132S-4 3.3kW", "YDEJ132M-4/8 4kW",
                                                         "YZPEJ132M-4 5.5kW"]),
    ("BFJS", "A-05", "台", (1800, 4800), (1, 1), "变幅减速机", ["XLD4-59", "BLY-59", "WD-160"]),
    ("XCLL", "A-06", "个", (160, 480), (2, 6), "变幅小车滚轮", ["Φ180", "Φ200", "Φ250"]),
    ("HZDJ", "A-05", "台", (1900, 5200), (1, 2), "回转电机", ["YLEJ132M-4 5.5kW", "YTLEJ132L-4 7.5kW",
                                                         "YZR132M2-6 4kW"]),
    ("HZJS", "A-06", "台", (4800, 14800), (1, 1), "回转减速机", ["XX5-100.148", "XX4-100.118", "XX6-120.168"]),
    ("HZZC", "A-07", "套", (9800, 26800), (0, 1), "回转支承", ["013.40.1250", "013.45.1400"]),
    ("HZZD", "A-06", "个", (320, 980), (1, 3), "回转制动器", ["盘式 Φ220", "常开式 Φ180"]),
    ("HZYY", "A-06", "个", (160, 420), (1, 3), "液力耦合器", ["YOX360", "YOX400"]),
    # 电气 electrics
    ("CJX2", "C-01", "个", (32, 260), (6, 15), "交流接触器", ["CJX2-1810 AC220V", "CJX2-2510 AC220V",
                                                          "CJX2-3210 AC220V", "CJX2-4011 AC220V",
                                                          "CJX2-6511 AC220V", "CJX2-9511 AC380V",
                                                          "CJX2-3210 AC36V"]),
    ("RJ", "C-01", "个", (28, 110), (4, 10), "热继电器", ["JR36-20 14-22A", "JR36-63 28-45A", "JRS1-25 17-25A",
                                                      "JRS1-93 37-50A"]),
    ("DLQ", "C-02", "个", (26, 680), (3, 8), "断路器", ["DZ47-63 C32", "DZ47-63 C63", "DZ20Y-100/3300 80A",
                                                    "NM1-125S/3300 100A", "CM1-225L/3300 160A",
                                                    "DZ15LE-40/490 漏电"]),
    ("ZJJD", "C-02", "个", (12, 60), (6, 15), "中间继电器", ["JZX-22F AC220V", "JZX-22F DC24V", "MY4NJ AC220V",
                                                         "JZ7-44 AC36V"]),
    ("SJJD", "C-02", "个", (38, 120), (2, 6), "时间继电器", ["JS14P 0-99s", "ST3PA-B 0-60s"]),
    ("BYQ", "C-03", "台", (260, 980), (1, 2), "控制变压器", ["BK-400 380/220/36V", "BK-630 380/220/36V",
                                                         "JBK5-1000"]),
    ("AN", "C-03", "个", (6, 28), (10, 30), "按钮", ["LA38-11 绿", "LA38-11 红", "LA38-11ZS 急停",
                                                  "LA39-11 黄"]),
    ("LDT", "C-04", "台", (980, 2600), (1, 2), "联动台", ["QT5 左", "QT5 右", "QT10 左右一套"]),
    ("ZLQ", "C-04", "个", (180, 680), (1, 3), "主令控制器", ["LK14-5/01", "LK14-5/02", "LK18-23"]),
    ("XCKG", "C-05", "个", (18, 120), (4, 10), "行程开关", ["LX19-111", "LX19-222", "LX44-40", "YBLX-K1/311",
                                                         "D4A-1101 升降机门限位"]),
    ("XWQ", "C-05", "个", (180, 620), (2, 6), "多功能限位器", ["DXZ-4/3", "DXZ-1/3", "DXZ-4/1", "DXZ-1/4 回转"]),
    ("LJX", "C-06", "个", (280, 860), (1, 3), "力矩限制器", ["LJX-1 机械式", "QTZ80 专用弓形板"]),
    ("QZX", "C-06", "个", (260, 720), (1, 3), "起重量限制器", ["QCX-5 5t", "QCX-8 8t", "LCX-6 测力环"]),
    ("BPQ", "C-07", "台", (3600, 9800), (0, 1), "变频器", ["ATV71HD22N4 22kW", "ATV71HD30N4 30kW",
                                                      "CHV100-5R5G-4 5.5kW", "CHV100-7R5G-4 7.5kW"]),
    ("ZDDZ", "C-07", "个", (160, 680), (1, 3), "制动电阻", ["RXLG-2000W 30Ω", "RXLG-3000W 20Ω"]),
    ("DL", "C-08", "米", (8, 65), (50, 150), "橡套电缆", ["YC 3×16+1×6", "YC 3×10+1×4", "YC 3×2.5+1×1.5",
                                                     "YZ 4×1.5", "YCW 3×25+1×10 升降机随行"]),
    ("DLJT", "C-08", "个", (680, 1800), (1, 1), "电缆卷筒", ["JDT-1 力矩电机式", "弹簧式 50m"]),
    ("FSY", "C-09", "个", (260, 680), (1, 2), "风速仪", ["FS-1", "FC-2A 带报警"]),
    ("ZAD", "C-09", "个", (45, 160), (3, 8), "航空障碍灯", ["TGZ-122 LED 红光", "太阳能 障碍灯"]),
    ("TSH", "C-09", "块", (12, 45), (10, 30), "碳刷", ["25×32×60", "16×25×40", "12.5×25×32"]),
    ("HH", "C-09", "套", (260, 880), (1, 2), "集电环", ["8 路 60A", "12 路 30A"]),
    ("PLC", "C-10", "台", (980, 3200), (0, 1), "可编程控制器", ["FX3U-48MR", "S7-200 CPU224XP"]),
    ("HMI", "C-10", "台", (680, 1900), (0, 1), "黑匣子显示屏", ["塔机安全监控 7寸", "升降机监控 5寸"]),
    ("ZDQ", "C-10", "个", (380, 1200), (1, 2), "升降机制动器", ["YEJ 电磁制动器 11kW", "DZS 直流盘式"]),
    # 升降机 construction hoist
    ("SJDJ", "D-01", "台", (2800, 6800), (1, 2), "升降机驱动电机", ["YZEJ132M-4 11kW", "YZEJ132L-4 15kW",
                                                              "YZPEJ132M-4 11kW 变频"]),
    ("SJJS", "D-01", "台", (4200, 9800), (1, 1), "升降机减速机", ["SC200 专用 1:16", "SC100 专用 1:16",
                                                           "蜗轮减速机 WJ-125"]),
    ("CL", "D-02", "个", (280, 680), (2, 4), "驱动齿轮", ["Z=15 m=8", "Z=16 m=8", "Z=14 m=8 加硬"]),
    ("CT", "D-02", "根", (320, 680), (2, 6), "齿条", ["m=8 1508mm", "m=8 1000mm"]),
    ("FZQ", "D-03", "台", (2600, 5200), (1, 2), "防坠安全器", ["SAJ40-1.2", "SAJ30-1.2", "SAJ50-2.0"]),
    ("SJGL", "D-03", "个", (36, 160), (6, 16), "升降机滚轮", ["Φ76 导向滚轮", "Φ108 背轮", "Φ90 侧滚轮",
                                                          "对重导轮 Φ120"]),
    ("MXK", "D-04", "个", (38, 180), (3, 8), "升降机门限位开关", ["LX36-40", "D4MC-5020", "机械门锁 SC200"]),
    ("JXKG", "D-04", "个", (68, 220), (2, 4), "极限开关", ["LX36-40/2", "QKX-100"]),
    ("DLDJ", "D-05", "个", (40, 120), (4, 10), "电缆导架", ["SC200 用", "SC100 用"]),
    ("BZJ", "D-06", "节", (980, 1680), (2, 6), "升降机标准节", ["650×650×1508 δ4.5", "650×650×1508 δ6.3"]),
    ("FQJ", "D-06", "套", (680, 1600), (1, 3), "升降机附墙架", ["Ⅱ型 2.9-3.6m", "Ⅲ型 2.1-2.9m"]),
    # 结构件 / 顶升 structure and jacking
    ("LS", "E-01", "套", (18, 65), (40, 100), "标准节高强螺栓", ["M30×280 10.9级", "M33×300 10.9级",
                                                           "M24×220 8.8级", "M27×250 10.9级"]),
    ("XZ", "E-01", "个", (35, 180), (6, 16), "销轴", ["Φ50×200", "Φ60×240", "Φ70×260", "Φ45×160 拉杆销"]),
    ("KKX", "E-01", "个", (1, 4), (50, 150), "开口销", ["Φ8×80", "Φ10×100", "Φ6.3×63"]),
    ("YG", "E-02", "台", (3800, 8800), (0, 1), "顶升油缸", ["HSGL-140/100", "HSGL-160/110"]),
    ("MFJ", "E-02", "套", (120, 380), (2, 4), "油缸密封件", ["Φ140 全套", "Φ160 全套", "Φ180 全套"]),
    ("YYB", "E-02", "台", (680, 1800), (1, 2), "齿轮油泵", ["CBN-E306", "CBN-E310", "CBT-F316"]),
    ("HXF", "E-03", "个", (180, 620), (1, 3), "手动换向阀", ["34DO-B10H", "DCV20-1OT"]),
    ("YLF", "E-03", "个", (120, 380), (1, 3), "溢流阀", ["DB10-1-30/315", "YF-L20H"]),
    ("YLB", "E-03", "个", (45, 120), (2, 4), "压力表", ["YN-60 0-40MPa", "Y-100 0-60MPa"]),
    ("GY", "E-04", "根", (60, 220), (2, 6), "液压高压胶管", ["1/2\" 2层 1.5m", "3/4\" 2层 2m"]),
    # 润滑与易耗 lubrication and consumables
    ("ZHZ", "F-01", "桶", (180, 420), (3, 8), "锂基润滑脂", ["3# 15kg", "2# 15kg", "极压 0# 15kg"]),
    ("CLY", "F-01", "桶", (260, 560), (2, 6), "工业齿轮油", ["L-CKC 220 18L", "L-CKC 320 18L"]),
    ("YYY", "F-01", "桶", (260, 520), (2, 6), "抗磨液压油", ["46# 18L", "68# 18L", "32# 低温 18L"]),
    ("GSY", "F-02", "桶", (120, 260), (2, 4), "钢丝绳润滑油", ["M-2 16kg", "表面脂 5kg"]),
    ("ZC", "F-02", "个", (18, 680), (4, 10), "轴承", ["6208-2RS", "6310", "22216", "NJ2212", "51120 推力",
                                                  "32216"]),
    ("YF", "F-03", "个", (4, 38), (10, 30), "油封", ["TC 65×90×10", "TC 80×100×12", "TC 45×62×8"]),
    ("BX", "F-03", "个", (2, 36), (20, 60), "熔断器保险丝", ["RT18-32 10A", "RT18-32 20A", "RT14-63 63A",
                                                         "RL1-60 40A"]),
    ("ZD", "F-03", "卷", (3, 12), (10, 30), "电工绝缘胶带", ["PVC 18mm×20m", "高压自粘 25mm×5m"]),
    ("HT", "F-04", "块", (18, 60), (6, 20), "制动器摩擦片", ["YWZ-200 用", "YWZ-300 用", "回转盘式 Φ220",
                                                          "升降机制动盘"]),
]

SUPPLIERS = ["江苏长江起重电机厂", "浙江正泰电器股份有限公司", "宁波恒力钢丝绳有限公司", "山东建机配件公司",
             "杭州前进齿轮箱集团", "上海施耐德电气", "河北润达润滑油品", "长沙中联重科配件中心",
             "四川建设机械配件部", "常州起重电器厂"]


def catalog(rng: random.Random) -> list[P.PartInput]:
    """~300 parts: each catalog entry with its specs, priced and placed."""
    parts: list[P.PartInput] = []
    for prefix, aisle, unit, (lo, hi), (s_lo, s_hi), name, specs in CATALOG:
        for i, spec in enumerate(specs, start=1):
            price_yuan = rng.randint(lo, hi)
            price_fen = price_yuan * 100 if price_yuan > 100 else price_yuan * 100 + rng.choice((0, 50))
            safety = rng.randint(s_lo, s_hi)
            shelf = rng.randint(1, 6)
            parts.append(P.PartInput(code=f"{prefix}-{i:02d}", name=name, spec=spec, unit=unit,
                                     price_fen=price_fen, location=f"{aisle}-{shelf:02d}",
                                     safety_stock=safety))
    return parts


def build(db: sqlite_utils.Database, rng: random.Random, years: int = 2) -> dict[str, int]:
    today = _dt.date.today()
    start = today - _dt.timedelta(days=365 * years + 31)
    receipts = 0
    with transaction(db):
        made: list[P.Part] = []
        for data in catalog(rng):
            made.append(P.add_part(db, data, who="系统"))
        # Repeat each spec family so the catalog reaches ~300 kinds: older
        # (旧款) versions kept for machines still in the field.
        for part in list(made):
            if len(made) >= 300:
                break
            if rng.random() < 0.35:
                made.append(P.add_part(db, P.PartInput(
                    code=f"{part.code}J", name=part.name, spec=f"{part.spec}（旧款）", unit=part.unit,
                    price_fen=part.price_fen * rng.choice((90, 95, 100)) // 100, location=part.location,
                    safety_stock=0), who="系统"))
        opening_at = f"{start.isoformat()} 08:00:00"
        for part in made:
            qty = _batch(rng, part.safety_stock, part.unit) * 2
            P.receive(db, part.id, qty, who="系统", at=opening_at, document_no="期初", reason="期初库存")
            receipts += 1
        # Purchases: every month a delivery from each of a few suppliers.
        month_start = _dt.date(start.year, start.month, 1)
        seq = 0
        while True:
            month_start = _dt.date(month_start.year + (month_start.month == 12), month_start.month % 12 + 1, 1)
            if month_start > today:
                break
            for _ in range(rng.randint(1, 2)):
                day = month_start + _dt.timedelta(days=rng.randint(0, 26))
                if day >= today:
                    continue
                seq += 1
                supplier = rng.choice(SUPPLIERS)
                doc = f"RK{day:%Y%m}{seq:04d}"
                at = f"{day.isoformat()} {rng.randint(8, 16):02d}:{rng.choice((0, 15, 30, 45)):02d}:00"
                for part in rng.sample(made, rng.randint(5, 10)):
                    if part.code.endswith("J") and rng.random() < 0.8:
                        continue  # old versions are seldom bought
                    P.receive(db, part.id, _batch(rng, part.safety_stock, part.unit), who="仓管 周敏", at=at,
                              supplier=supplier, document_no=doc)
                    receipts += 1
        # A few retired parts keep their history but are hidden from the lists.
        for part in rng.sample([p for p in made if p.code.endswith("J")], 4):
            P.set_part_active(db, part.id, False)
    return {"parts": len(made), "part receipts": receipts}


def _batch(rng: random.Random, safety: int, unit: str) -> int:
    """A purchase quantity that looks like a real order for this kind of part."""
    if unit == "米":
        return rng.choice((100, 200, 300))
    base = max(safety, 1)
    return base + rng.randint(1, max(2, base))
