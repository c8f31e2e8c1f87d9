"""The shipped defaults from DOMAIN.md, as data.

Every number the office may change lives here once and is copied into the
`settings` table of a new database, so the rules travel with the data file.
Money is integer fen; work hours are integer hundredths of an hour.
"""

from __future__ import annotations

# ---- office -----------------------------------------------------------------
OFFICE = {
    "office.name": "售后服务部",
    "office.department_code": "YX",
    "office.timezone": "Asia/Shanghai",
    # Area code put in front of a local number typed without one (0571); '' = none.
    "office.area_code": "",
}

# ---- customers / warranty (DOMAIN §1) ---------------------------------------
WARRANTY = {
    "warranty.months": 12,
}

# Equipment dates (factory, purchase, delivery, acceptance) must not lie in
# the future nor before this year: a mistyped 2099 acceptance date would keep
# a machine 在保 until 2099, a 1900 one is an Excel zero date.
ARCHIVE = {
    "equipment.earliest_year": 1990,
}

# 三包 exclusions (004): code -> Chinese label shown on a ticket.
WARRANTY_EXCLUSIONS: dict[str, str] = {
    "human_damage": "人为损坏或不可抗力（火灾、水灾、雷击、地震、战争）",
    "unauthorised_repair": "未经授权人员修理或拆卸",
    "voltage": "电压过高或过低",
    "consumables": "滤网、滤材等易耗品",
    "normal_wear": "正常磨损",
    "improper_use": "未按说明书安装、存放或操作",
}

# ---- tickets (DOMAIN §2) ----------------------------------------------------
# Limits in minutes per fault level: respond within / on site (or remote fix) within.
TICKETS = {
    "level.1.response_minutes": 10,
    "level.1.onsite_minutes": 2 * 60,
    "level.2.response_minutes": 60,
    "level.2.onsite_minutes": 48 * 60,
    "level.3.response_minutes": 120,
    "level.3.onsite_minutes": 72 * 60,
    "level.4.response_minutes": 120,
    # Level 4 has no visit: the deadline is the remote resolution (48 h window).
    "level.4.onsite_minutes": 48 * 60,
    # Visit rule where no fault level applies (003 4.4.4): arrive within 24 h.
    "ticket.default_onsite_minutes": 24 * 60,
    "ticket.due_soon_minutes": 2 * 60,
    "ticket.repeat_fault_days": 30,
    "ticket.number_min_digits": 3,
}

# Paid service quote (003 table 1), money in fen, rates in basis points.
QUOTE = {
    "quote.lodging_per_day_fen": 150_00,
    "quote.meals_per_day_fen": 50_00,
    "quote.labour_per_day_fen": 200_00,
    "quote.tax_bp": 1500,          # 15 %
    "quote.management_bp": 4000,   # 40 % -> quote = cost x 1.40
}

# ---- parts (DOMAIN §3) ------------------------------------------------------
PARTS = {
    "parts.old_part_return_hours": 16,
    "parts.suggestion_months": 3,
}

# ---- pay (DOMAIN §4) --------------------------------------------------------
PAY = {
    "pay.rate_per_hour_fen": 20_00,
    "pay.living_allowance_per_day_fen": 6_00,
    "pay.supervisor_base_fen": 2640_00,
    "pay.team_split": "equal",  # or "leader_weighted"
    "pay.leader_weight_bp": 15000,  # leader counts 1.5 shares when leader-weighted
    "pay.missing_document_fen": 100_00,
    "pay.small_accident_limit_fen": 300_00,
    "pay.small_accident_factor": 2,
    "pay.defect_per_item_fen": 100_00,
    "pay.defect_window_days": 30,
    # Dealer billing (travel standard, 000)
    "dealer.lodging_per_day_fen": 80_00,
    "dealer.meals_per_day_fen": 20_00,
    "dealer.local_transport_per_day_fen": 20_00,
    "dealer.rate_per_hour_fen": 20_00,
}

# Work-hour catalog (000): code -> (Chinese name, unit, hours in hundredths,
# hours in hundredths for each further unit at the same site or None).
WORK_CATALOG: dict[str, tuple[str, str, int, int | None]] = {
    "INSTALL_TC": ("塔机安装（QTZ5613以下）至基础高度", "台", 80_00, None),
    "INSTALL_QTZ250_INTEGRAL": ("QTZ250(7030)整体式安装 5080 至62米", "台", 600_00, None),
    "INSTALL_QTZ250_SECTIONAL": ("QTZ250(7030)分体式安装 至52米", "台", 750_00, None),
    "INSTALL_HOIST": ("施工升降机安装至30米", "台", 145_00, None),
    "JACK_TC": ("塔机顶升标准节", "节", 4_00, None),
    "JACK_HOIST": ("升降机加节", "节", 2_70, None),
    "WALLTIE_TC": ("塔机附墙", "道", 16_00, None),
    "WALLTIE_HOIST": ("升降机附墙", "道", 8_00, None),
    "GUIDE_TC": ("指导安装塔机至基础高度", "台", 18_00, None),
    "GUIDE_HOIST": ("指导安装升降机至30米", "台", 20_00, None),
    "TECH_SERVICE": ("技术服务（基础、预埋勘察）", "次", 4_00, None),
    "INSPECTION": ("巡检", "台", 4_00, None),
    "SMALL_REPAIR": ("小配件维修（保内保外）", "次", 4_00, None),
    "REPLACE_ASSEMBLY": ("更换总成", "次", 16_00, None),
    "REPLACE_MAIN_MOTOR": ("更换起升主电机/修回转/起升高速轴", "次", 16_00, None),
    "REPLACE_MAIN_ROPE": ("更换主钢丝绳", "次", 16_00, None),
    "REPLACE_DRIVE_UNIT": ("更换变幅电机、回转电机、减速机、联轴器", "台", 8_00, None),
    "REPLACE_TROLLEY_ROPE": ("更换变幅钢丝绳、升降机电缆", "根", 8_00, None),
    "WELD": ("一般焊接（不同工地）", "台", 4_00, None),
    "WELD_SITE": ("一般焊接（同一工地）首台4，每增一台2", "台", 4_00, 2_00),
}

# ---- follow-ups (DOMAIN §5) -------------------------------------------------
FOLLOWUPS = {
    "followup.install.first_min_days": 7,
    "followup.install.first_max_days": 14,
    "followup.install.second_days": 91,
    "followup.install.second_tolerance_days": 7,
    "followup.install.third_days": 182,
    "followup.inspection_interval_days": 365,
    "followup.inspection_lead_days": 30,  # inspections are listed this many days ahead
    "followup.service.first_min_days": 3,
    "followup.service.first_max_days": 7,
    "followup.service.second_after_first_days": 7,
    "followup.satisfaction_hours": 16,
    "followup.retry_days": 1,
}

# ---- KPI (DOMAIN §6) --------------------------------------------------------
KPI = {
    "kpi.grade.excellent": 95,
    "kpi.grade.good": 90,
    "kpi.grade.pass": 80,
    "kpi.dealer_fee_per_unit_fen": 1000_00,
}

# ---- printing (DOMAIN §7) ---------------------------------------------------
PRINTING = {
    "print.font_file": "",
    "print.continuous_height_mm": 140,
    "print.offset_x_mm": 0.0,
    "print.offset_y_mm": 0.0,
    "print.a4_copies_per_page": 1,
}

# ---- backups (models/core/backup.py) ------------------------------------------
BACKUP = {
    "backup.folder": "",            # "" = backups/ in the user data folder
    "backup.interval_hours": 4,     # while the program is open; 0 = only at start and close
    "backup.keep_daily": 7,
    "backup.keep_monthly": 12,
    "backup.warn_after_days": 3,    # no verified backup for this long -> a warning
}

DEFAULT_SETTINGS: dict[str, object] = {
    **OFFICE, **WARRANTY, **ARCHIVE, **TICKETS, **QUOTE, **PARTS, **PAY,
    **FOLLOWUPS, **KPI, **PRINTING, **BACKUP,
}
