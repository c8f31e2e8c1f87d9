"""Direct-insert factories for tests that need data in a given state.

Tests of figures (KPI, pay, forms) need tickets in exact states without
walking the whole lifecycle; these write the rows the schema defines. Tests of
the lifecycle itself use the model functions (servicedesk.models.tickets.lifecycle).
"""

from __future__ import annotations

import itertools

from servicedesk.models.archive import customers as C
from servicedesk.models.core.db import now_iso, transaction

_seq = itertools.count(1)


def customer(db, name: str = "杭州建工集团有限公司", phone: str = "13812345678", **kw) -> int:
    return C.add_customer(db, C.CustomerInput(name=name, phone=phone, **kw)).id


def equipment(db, customer_id: int, model: str = "QTZ80", serial_no: str | None = None, **kw) -> int:
    serial = serial_no or f"T-{next(_seq):05d}"
    return C.add_equipment(db, C.EquipmentInput(customer_id=customer_id, model=model,
                                                serial_no=serial, **kw)).id


def technician(db, name: str, role: str = "technician", base_salary_fen: int = 3000_00,
               phone: str = "", active: int = 1) -> int:
    stamp = now_iso()
    with transaction(db):
        return db["technicians"].insert({
            "name": name, "phone": phone, "role": role, "base_salary_fen": base_salary_fen,
            "active": active, "created_at": stamp, "updated_at": stamp}).last_pk


def ticket(db, *, customer_id: int, equipment_id: int | None = None, no: str | None = None,
           type: str = "repair", channel: str = "hotline", status: str = "closed",
           reported_at: str = "2026-10-01 09:00:00", fault_level: int | None = 2,
           team: tuple[int, ...] = (), work: tuple[tuple[str, int], ...] = (),
           parts: tuple[dict, ...] = (), **fields) -> int:
    """Insert a ticket row as-is. team: technician ids, first = leader.
    work: (catalog code, quantity x100). parts: dicts for ticket_parts."""
    stamp = now_iso()
    with transaction(db):
        tid = db["tickets"].insert({
            "no": no or f"TS{next(_seq):07d}", "type": type, "channel": channel, "status": status,
            "customer_id": customer_id, "equipment_id": equipment_id, "reported_at": reported_at,
            "fault_level": fault_level, "created_at": stamp, "updated_at": stamp, **fields}).last_pk
        for i, tech in enumerate(team):
            db["ticket_technicians"].insert({"ticket_id": tid, "technician_id": tech, "is_leader": int(i == 0)})
        for code, qty in work:
            db["ticket_work"].insert({"ticket_id": tid, "code": code, "quantity_x100": qty})
        for p in parts:
            db["ticket_parts"].insert({"ticket_id": tid, "name": p.get("name", p.get("part_code", "")),
                                       "kind": "warranty", "quantity": 1, **p})
    return tid


def generated_office(path, *, customers: int, tickets: int, moves: int, years: int = 1):
    """A data file written by benchmarks/generate.py (the benchmarks' office, small):
    realistic volumes for tests that compare two ways of counting or planning."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"
    spec = importlib.util.spec_from_file_location("bench_generate", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(path, customers=customers, tickets=tickets, moves=moves, years=years)
    return path
