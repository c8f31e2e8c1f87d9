"""Issue 17, records: history is deactivated, not deleted; one window never sets back another's save.

Each test reproduces what the issue found: deleting equipment that has only
a planned inspection gave SQLite's bare "FOREIGN KEY constraint failed", and
a ticket edit sent every field from the snapshot it loaded, so a second
window (or a CLI edit) silently set back what the first one stored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.core import messages
from servicedesk.models.core.errors import ConflictError, DomainError, InUseError
from servicedesk.models.core.record_guard import references
from servicedesk.models.followups import calls as FC
from servicedesk.models.parts import ledger as P
from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.tickets import technicians as TE
from tests import factories as F

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def office(db):
    c = F.customer(db, contact="王立新")
    e = C.add_equipment(db, C.EquipmentInput(customer_id=c, model="QTZ80", serial_no="T2025-0101",
                                             acceptance_date="2026-01-10")).id
    wang = TE.add_technician(db, TE.TechnicianInput("王建军", "13905710001")).id
    return {"db": db, "customer": c, "equipment": e, "wang": wang}


def _open(o, **kw):
    return T.open_ticket(o["db"], T.TicketInput("repair", "hotline", o["customer"], o["equipment"],
                                                fault="起升无动作", fault_level=2,
                                                reported_at="2026-11-03 09:00:00", **kw), "内勤")


# ---------------------------------------------------------------- deletion
def test_equipment_with_only_a_planned_inspection_is_refused_by_name_not_by_sqlite(office):
    db = office["db"]
    FC.plan_inspection(db, office["equipment"], "2027-01-10", "内勤")
    with pytest.raises(InUseError) as err:
        C.delete_equipment(db, office["equipment"])
    assert "FOREIGN KEY" not in err.value.english
    assert err.value.english == ("Equipment QTZ80 T2025-0101 has 1 planned inspection: it cannot be deleted, "
                                 "deactivate it instead.")
    assert C.get_equipment(db, office["equipment"]).active is True   # nothing changed


def test_every_reference_is_counted_and_named(office):
    db = office["db"]
    FC.plan_inspection(db, office["equipment"], "2027-01-10", "内勤")
    for _ in range(3):
        _open(office)
    # Three tickets on the unit, one planned inspection; the customer has the
    # unit too, and the same three tickets and inspection.
    assert references(db, "equipment", office["equipment"]) == ["3 tickets", "1 planned inspection"]
    assert references(db, "customers", office["customer"]) == ["1 unit of equipment", "3 tickets",
                                                             "1 planned inspection"]
    with pytest.raises(InUseError, match="has 3 tickets, 1 planned inspection: it cannot be deleted"):
        C.delete_equipment(db, office["equipment"])
    with pytest.raises(InUseError, match="Customer 杭州建工集团有限公司 has 1 unit of equipment, 3 tickets"):
        C.delete_customer(db, office["customer"])


def test_the_refusal_reads_chinese_item_by_item(office):
    db = office["db"]
    FC.plan_inspection(db, office["equipment"], "2027-01-10", "内勤")
    _open(office)
    previous = messages.set_display_language("zh_CN")
    try:
        with pytest.raises(InUseError) as err:
            C.delete_equipment(db, office["equipment"])
    finally:
        messages.set_display_language(previous)
    assert err.value.message == "设备 QTZ80 T2025-0101 有 1 张工单、1 个计划巡检，不能删除，请改为停用。"


def test_deactivated_unit_keeps_its_history_and_can_be_reactivated(office):
    db = office["db"]
    ticket = _open(office)
    C.set_equipment_active(db, office["equipment"], False, who="内勤")
    eq = C.get_equipment(db, office["equipment"])
    assert (eq.active, eq.updated_by) == (False, "内勤")
    assert T.get_ticket(db, ticket.id).equipment_serial == "T2025-0101"     # history unchanged
    assert [e.id for e in C.equipment_for_customer(db, office["customer"])] == [office["equipment"]]
    C.set_equipment_active(db, office["equipment"], True)
    assert C.get_equipment(db, office["equipment"]).active is True
    C.set_customer_active(db, office["customer"], False)
    assert C.get_customer(db, office["customer"]).active is False
    assert C.search(db, "杭州建工")                                         # still found by search


def test_records_without_history_are_deleted_and_the_deletion_is_audited(office):
    from servicedesk.models.core.audit import list_entries

    db = office["db"]
    C.delete_equipment(db, office["equipment"], who="内勤")
    C.delete_customer(db, office["customer"], who="内勤")
    TE.delete_technician(db, office["wang"], who="内勤")
    assert db.execute("SELECT count(*) FROM equipment").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM customers").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM technicians").fetchone()[0] == 0
    deleted = [e for e in list_entries(db) if e.action == "delete"]
    assert len(deleted) == 3 and {e.who for e in deleted} == {"内勤"}
    equipment = next(e for e in deleted if e.target.startswith("equipment"))
    assert "T2025-0101" in equipment.old                      # the deleted row can be read back


def test_part_with_ledger_lines_or_ticket_lines_is_kept(db):
    used = P.add_part(db, P.PartInput(code="P-1001", name="接触器"))
    P.receive(db, used.id, 5, who="内勤")
    with pytest.raises(InUseError, match="Part P-1001 has 1 stock ledger line: it cannot be deleted"):
        P.delete_part(db, used.id)
    c = F.customer(db)
    F.ticket(db, customer_id=c, parts=({"part_code": "P-2002", "name": "限位器"},))
    typed_on_a_ticket = P.add_part(db, P.PartInput(code="P-2002", name="限位器"))
    with pytest.raises(InUseError, match="has 1 ticket part line"):
        P.delete_part(db, typed_on_a_ticket.id)
    mistyped = P.add_part(db, P.PartInput(code="P-9999", name="打错的"))
    P.delete_part(db, mistyped.id)
    assert P.find_part(db, "P-9999") is None and P.find_part(db, "P-1001") is not None


def test_dispatched_technician_is_kept(office):
    db = office["db"]
    T.dispatch(db, _open(office).id, T.DispatchInput([office["wang"]]), "内勤")
    with pytest.raises(InUseError, match="Technician 王建军 has 1 ticket: it cannot be deleted"):
        TE.delete_technician(db, office["wang"])


# ---------------------------------------------------------------- lost update
def test_second_window_cannot_set_back_a_customer_change(office):
    db = office["db"]
    window_a = C.get_customer(db, office["customer"])
    window_b = C.get_customer(db, office["customer"])
    # Window B saves a new phone...
    C.update_customer(db, window_b.id, C.CustomerInput(name=window_b.name, contact=window_b.contact,
                                                       phone="13900000009"), loaded=window_b, who="小李")
    # ...then window A, still showing the old phone, saves a new address.
    with pytest.raises(ConflictError) as err:
        C.update_customer(db, window_a.id, C.CustomerInput(name=window_a.name, contact=window_a.contact,
                                                           phone=window_a.phone, address="文三路100号"),
                          loaded=window_a)
    stored = C.get_customer(db, office["customer"])
    assert (stored.phone, stored.address) == ("13900000009", "")            # nothing of A's written
    assert err.value.who == "小李" and err.value.changes == ["Phone"]
    assert err.value.english.startswith(f"Customer 杭州建工集团有限公司 was changed by 小李 at {stored.updated_at}")
    # Reloading gives the current version, and that save goes through.
    C.update_customer(db, stored.id, C.CustomerInput(name=stored.name, phone=stored.phone, address="文三路100号"),
                      loaded=stored)
    assert C.get_customer(db, stored.id).address == "文三路100号"


def test_same_second_changes_are_still_seen(office):
    """updated_at has whole seconds; the version counts every change."""
    db = office["db"]
    loaded = C.get_equipment(db, office["equipment"])
    data = C.EquipmentInput(customer_id=loaded.customer_id, model=loaded.model, serial_no=loaded.serial_no,
                            acceptance_date=loaded.acceptance_date)
    C.update_equipment(db, loaded.id, C.EquipmentInput(**{**data.__dict__, "invoice_no": "FP-1"}))
    with pytest.raises(ConflictError, match=r"\(Invoice number\)"):
        C.update_equipment(db, loaded.id, C.EquipmentInput(**{**data.__dict__, "notes": "x"}), loaded=loaded)
    assert C.get_equipment(db, loaded.id).invoice_no == "FP-1"


def test_part_master_conflict_but_stock_moves_are_no_conflict(db):
    loaded = P.add_part(db, P.PartInput(code="P-1001", name="接触器", price_fen=1000))
    P.receive(db, loaded.id, 5, who="内勤")          # the balance moves, the master data does not
    P.update_part(db, loaded.id, P.PartInput(code="P-1001", name="接触器", price_fen=1200), "内勤", loaded=loaded)
    with pytest.raises(ConflictError, match=r"\(Price\)"):
        P.update_part(db, loaded.id, P.PartInput(code="P-1001", name="交流接触器", price_fen=1000), "内勤",
                      loaded=loaded)
    part = P.get_part(db, loaded.id)
    assert (part.name, part.price_fen, part.balance) == ("接触器", 1200, 5)


def test_technician_conflict(office):
    db = office["db"]
    loaded = TE.get_technician(db, office["wang"])
    TE.set_active(db, loaded.id, False, who="主管")
    with pytest.raises(ConflictError, match="changed by 主管"):
        TE.update_technician(db, loaded.id, TE.TechnicianInput("王建军", "13905710009"), loaded=loaded)
    assert TE.get_technician(db, loaded.id).phone == "13905710001"


def test_ticket_edit_and_step_dialogs_refuse_a_stale_snapshot(office):
    db = office["db"]
    ticket = _open(office)
    window_a = T.get_ticket(db, ticket.id)
    # Window B raises the fault level.
    T.update_ticket(db, ticket.id, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                                 fault="起升无动作", fault_level=1,
                                                 reported_at="2026-11-03 09:00:00"), "小李",
                    loaded=T.get_ticket(db, ticket.id))
    # Window A, showing level 2, corrects the fault text: refused, level stays 1.
    with pytest.raises(ConflictError) as err:
        T.update_ticket(db, ticket.id, T.TicketInput("repair", "hotline", office["customer"], office["equipment"],
                                                     fault="起升无动作，有异响", fault_level=2,
                                                     reported_at="2026-11-03 09:00:00"), "内勤", loaded=window_a)
    stored = T.get_ticket(db, ticket.id)
    assert (stored.fault_level, stored.fault) == (1, "起升无动作")
    assert err.value.who == "小李" and "Fault level" in err.value.changes
    # A dispatch is a change too: a visit dialog loaded before it is refused.
    before_dispatch = T.get_ticket(db, ticket.id)
    T.dispatch(db, ticket.id, T.DispatchInput([office["wang"]]), "小李")
    with pytest.raises(ConflictError):
        T.dispatch(db, ticket.id, T.DispatchInput([office["wang"]], transport="面包车"), "内勤",
                   loaded=before_dispatch)
    assert T.get_ticket(db, ticket.id).transport == ""


def test_a_team_change_alone_counts_as_a_change(office):
    db = office["db"]
    zhao = TE.add_technician(db, TE.TechnicianInput("赵国庆")).id
    ticket = T.dispatch(db, _open(office).id, T.DispatchInput([office["wang"]]), "内勤")
    loaded = T.get_ticket(db, ticket.id)
    with db.conn:  # another program changes only the team rows
        db.execute("UPDATE ticket_technicians SET technician_id = ? WHERE ticket_id = ?", [zhao, ticket.id])
    with pytest.raises(ConflictError):
        T.record_visit(db, ticket.id, T.VisitInput("2026-11-03 13:00:00", result="done"), "内勤", loaded=loaded)


def test_cli_edit_between_load_and_save_is_not_set_back(office, db_path):
    db = office["db"]
    ticket = T.dispatch(db, _open(office).id, T.DispatchInput([office["wang"]]), "内勤")
    loaded = T.get_ticket(db, ticket.id)
    done = subprocess.run(
        [sys.executable, "-m", "servicedesk", "ticket", "dispatch", ticket.no, "--db", str(db_path),
         "--transport", "面包车", "--who", "调度"],
        env={**os.environ, "PYTHONPATH": str(SRC)}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with pytest.raises(ConflictError) as err:
        T.dispatch(db, ticket.id, T.DispatchInput([office["wang"]], transport="", tools="扳手"), "内勤",
                   loaded=loaded)
    assert err.value.who == "调度" and err.value.changes == ["Transport"]
    stored = T.get_ticket(db, ticket.id)
    assert (stored.transport, stored.tools) == ("面包车", "")


def test_conflict_reads_chinese(office):
    db = office["db"]
    loaded = C.get_customer(db, office["customer"])
    C.update_customer(db, loaded.id, C.CustomerInput(name=loaded.name, phone="13900000009"), who="小李")
    previous = messages.set_display_language("zh_CN")
    try:
        with pytest.raises(ConflictError) as err:
            C.update_customer(db, loaded.id, C.CustomerInput(name=loaded.name, address="x"), loaded=loaded)
    finally:
        messages.set_display_language(previous)
    assert err.value.message.startswith("客户 杭州建工集团有限公司 在您打开后已被 小李 于 ")
    assert "（联系人、电话）" in err.value.message and "未保存" in err.value.message
    assert isinstance(err.value, DomainError)
