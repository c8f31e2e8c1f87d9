"""The register of service staff (技术员 / 主管) and its import sheet.

Tickets are dispatched to technicians from this register, pay is computed per
technician, and reviews are done by supervisors. A technician who leaves is
deactivated, never deleted, because old tickets and pay months refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import sqlite_utils

from servicedesk.models.core.db import now_iso, transaction
from servicedesk.models.core.errors import NotFound, ValidationError
from servicedesk.models.core.record_guard import audit_deletion, check_unchanged, refuse_if_referenced, write_active
from servicedesk.models.core.importing import (
    Column, ExchangeKind, RowContext, RowRejected, SheetSpec, collect_field_errors,
)
from servicedesk.models.core.pinyin import use_collation
from servicedesk.models.core.audit import record_action
from servicedesk.models.core.pin import require_manager_pin
from servicedesk.models.core.settings import (
    base_salary_key, check_effective_month, get_setting, recorder, versions_in_force, write_version,
)
from servicedesk.models.core.validation import (
    fen_to_yuan_str, normalise_text, parse_money_fen, parse_phone, require_text,
)

ROLES = ("technician", "supervisor")
ROLE_LABELS: dict[str, str] = {"technician": "技术员", "supervisor": "主管"}
_ROLE_WORDS = {"technician": "technician", "技术员": "technician", "维修工": "technician",
               "服务人员": "technician", "supervisor": "supervisor", "主管": "supervisor"}
_ACTIVE_WORDS = {"1": True, "yes": True, "y": True, "true": True, "是": True, "在职": True,
                 "0": False, "no": False, "n": False, "false": False, "否": False, "离职": False,
                 "停用": False}


@dataclass
class TechnicianInput:
    name: str
    phone: str = ""
    role: str = "technician"            # technician | supervisor (技术员 / 主管 accepted)
    base_salary_fen: int | None = None  # None: supervisor -> setting pay.supervisor_base_fen, else 0
    active: bool = True


@dataclass
class Technician:
    id: int
    name: str
    phone: str
    role: str
    base_salary_fen: int
    active: bool
    created_at: str = ""
    updated_at: str = ""
    version: int = 0           # what a dialog's save compares (models/core/record_guard.py)
    updated_by: str = ""

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


def parse_role(value: object, field: str = "role") -> str:
    text = normalise_text(value).lower() or "technician"
    role = _ROLE_WORDS.get(text)
    if role is None:
        raise ValidationError(f'"{value}" is not a role (技术员/technician or 主管/supervisor)', field)
    return role


def parse_active(value: object, field: str = "active") -> bool:
    if isinstance(value, bool):
        return value
    if value is None or normalise_text(value) == "":
        return True
    if isinstance(value, (int, float)):
        return bool(value)
    found = _ACTIVE_WORDS.get(normalise_text(value).lower())
    if found is None:
        raise ValidationError(f'"{value}" is not 是/否 (yes/no)', field)
    return found


def clean_technician(db: sqlite_utils.Database, data: TechnicianInput) -> dict[str, Any]:
    """Validated column values; the supervisor's base salary defaults to the setting."""
    role = parse_role(data.role)
    base = data.base_salary_fen
    if base is None:
        base = int(get_setting(db, "pay.supervisor_base_fen", 0)) if role == "supervisor" else 0
    if not isinstance(base, int) or isinstance(base, bool) or base < 0:
        raise ValidationError("Base salary must be a whole number of fen, not negative.", "base_salary_fen")
    return {
        "name": require_text(data.name, "name", "Name"),
        "phone": parse_phone(data.phone, "phone"),
        "role": role,
        "base_salary_fen": base,
        "active": 1 if data.active else 0,
    }


def _row(row: dict[str, Any]) -> Technician:
    known = {f.name for f in fields(Technician)}
    tech = Technician(**{k: v for k, v in row.items() if k in known})
    tech.active = bool(tech.active)
    return tech


def get_technician(db: sqlite_utils.Database, technician_id: int) -> Technician:
    rows = list(db.query("SELECT * FROM technicians WHERE id = ?", [technician_id]))
    if not rows:
        raise NotFound(f"No technician with id {technician_id}.", "technician")
    return _row(rows[0])


def find_technician(db: sqlite_utils.Database, name: str) -> Technician:
    """By exact name (names are unique in the register)."""
    text = normalise_text(name)
    rows = list(db.query("SELECT * FROM technicians WHERE name = ?", [text]))
    if not rows:
        raise NotFound(f'No technician named "{text}" in the register.', "technician")
    return _row(rows[0])


def list_technicians(db: sqlite_utils.Database, *, active_only: bool = False,
                     role: str | None = None) -> list[Technician]:
    """The whole register (tens of people), supervisors after technicians, by name."""
    clauses, params = [], []
    if active_only:
        clauses.append("active = 1")
    if role:
        clauses.append("role = ?")
        params.append(parse_role(role))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return [_row(r) for r in db.query(
        f"SELECT * FROM technicians {where} ORDER BY role DESC, name COLLATE {use_collation(db)}", params)]


def _check_name_free(db: sqlite_utils.Database, name: str, exclude_id: int | None) -> None:
    row = db.execute("SELECT id FROM technicians WHERE name = ? AND id IS NOT ?",
                     [name, exclude_id]).fetchone()
    if row:
        raise ValidationError(f'A technician named "{name}" is already in the register.', "name")


def add_technician(db: sqlite_utils.Database, data: TechnicianInput) -> Technician:
    values = clean_technician(db, data)
    stamp = now_iso()
    with transaction(db):
        _check_name_free(db, values["name"], None)
        tid = db["technicians"].insert({**values, "created_at": stamp, "updated_at": stamp}).last_pk
    return get_technician(db, tid)


def update_technician(db: sqlite_utils.Database, technician_id: int, data: TechnicianInput,
                      loaded: Technician | None = None, who: str = "", *,
                      pin: str | None = None, effective_month: str | None = None) -> Technician:
    """Save the edit; a changed base salary is a pay rate: manager PIN, effective month, audited.

    The base salary is versioned like the pay settings (settings.write_version),
    so a month's pay uses the base in force in that month and a raise never
    reaches into an approved month. `loaded` (as a dialog read the record)
    makes the save refuse with ConflictError when anyone changed it since.
    """
    values = clean_technician(db, data)
    old = get_technician(db, technician_id)
    base_changed = values["base_salary_fen"] != old.base_salary_fen
    if base_changed:
        require_manager_pin(db, pin, "technician_base_salary", old.name)
    with transaction(db):
        check_unchanged(db, "technicians", technician_id, loaded, f"Technician {values['name']}")
        _check_name_free(db, values["name"], technician_id)
        if base_changed:
            month = check_effective_month(db, effective_month)
            key = base_salary_key(technician_id)
            write_version(db, key, old.base_salary_fen, values["base_salary_fen"], month)
            record_action(db, "technician_base_salary", f"{old.name} from {month}", old.base_salary_fen,
                          values["base_salary_fen"])
            values["base_salary_fen"] = int(versions_in_force(db, now_iso()[:7], key).get(key, old.base_salary_fen))
        db["technicians"].update(technician_id, {**values, "updated_at": now_iso(),
                                                 "updated_by": who or recorder(db)})
    return get_technician(db, technician_id)


def set_active(db: sqlite_utils.Database, technician_id: int, active: bool, who: str = "") -> Technician:
    """Deactivate (left the office) or reactivate; history keeps referring to them."""
    with transaction(db):
        get_technician(db, technician_id)
        write_active(db, "technicians", technician_id, active, who)
    return get_technician(db, technician_id)


def deactivate_technician(db: sqlite_utils.Database, technician_id: int) -> Technician:
    return set_active(db, technician_id, False)


def delete_technician(db: sqlite_utils.Database, technician_id: int, who: str = "") -> None:
    """Only someone no ticket, ledger line or pay record names can be deleted (a
    mistyped entry); otherwise the message names each and says to deactivate them."""
    with transaction(db):
        tech = get_technician(db, technician_id)
        refuse_if_referenced(db, "technician", technician_id)
        audit_deletion(db, f"technician {tech.name}", vars(tech), who or recorder(db))
        db.execute("DELETE FROM technicians WHERE id = ?", [technician_id])


# ---------------------------------------------------------------- import / export
TECHNICIANS_SPEC = SheetSpec("technicians", "服务人员", (
    Column("name", "姓名", "服务人员姓名，唯一，如 王建军", required=True, width=12),
    Column("phone", "联系电话", "手机 11 位或座机，如 13905710001", width=16),
    Column("role", "岗位", "技术员 或 主管（technician / supervisor），空白 = 技术员",
           choices=("技术员", "主管"), width=10),
    Column("base_salary", "基本工资(元)", "元，两位小数，如 3200.00；主管空白 = 设置中的主管基本工资（2640）",
           width=14, kind="money"),
    Column("active", "在职", "是/否，空白 = 是", choices=("是", "否"), width=8),
))


def _import_row(db: sqlite_utils.Database, row: int, values: dict[str, Any], ctx: RowContext) -> str:
    parsed = collect_field_errors(ctx, {
        "name": lambda: require_text(values.get("name"), "name", "Name"),
        "phone": lambda: parse_phone(values.get("phone"), "phone"),
        "role": lambda: parse_role(values.get("role")),
        "base_salary": lambda: parse_money_fen(values.get("base_salary"), "base_salary"),
        "active": lambda: parse_active(values.get("active")),
    })
    data = TechnicianInput(name=parsed["name"], phone=parsed["phone"], role=parsed["role"],
                           base_salary_fen=parsed["base_salary"], active=parsed["active"])
    existing = db.execute("SELECT id FROM technicians WHERE name = ?", [data.name]).fetchone()
    if existing:
        if not ctx.options.get("update"):
            ctx.problem("name", f'technician "{data.name}" already exists (use --update to update)')
            raise RowRejected
        update_technician(db, existing[0], data)
        return "updated"
    add_technician(db, data)
    return "created"


def _export_rows(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [{"name": t.name, "phone": t.phone, "role": ROLE_LABELS[t.role],
             "base_salary": fen_to_yuan_str(t.base_salary_fen), "active": "是" if t.active else "否"}
            for t in list_technicians(db)]


# No sample rows: the template is an empty sheet, so importing it untouched
# creates nobody; the examples live in the column notes.
TECHNICIANS_SHEET = ExchangeKind(TECHNICIANS_SPEC, _import_row, _export_rows)
