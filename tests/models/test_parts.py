"""Parts master and stock ledger: figures worked out by hand in the comments."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from servicedesk.models.parts import ledger as P
from servicedesk.models.core.db import open_db, transaction
from servicedesk.models.core.errors import DomainError, NotFound, StateError, ValidationError
from servicedesk.models.core.importing import run_import
from tests import factories as F
from tests.conftest import run_cli


def _part(db, code="QS-160L6", name="起升电机", spec="YZR160L-6", price_fen=4860_00, safety=0, unit="台"):
    return P.add_part(db, P.PartInput(code=code, name=name, spec=spec, unit=unit, price_fen=price_fen,
                                      safety_stock=safety))


def _lines(db) -> int:
    return db.execute("SELECT COUNT(*) FROM stock_moves").fetchone()[0]


# ------------------------------------------------------------------ master
def test_part_master_code_unique_and_normalised(db):
    p = _part(db, code=" qs-160l6 ")
    assert p.code == "QS-160L6" and p.balance == 0 and p.active
    with pytest.raises(ValidationError) as exc:
        _part(db, code="QS-160L6")
    assert exc.value.field == "code"
    with pytest.raises(ValidationError):
        P.add_part(db, P.PartInput(code="X 1", name="bad code"))
    with pytest.raises(ValidationError) as exc:
        P.add_part(db, P.PartInput(code="X1", name=""))
    assert exc.value.field == "name"


def test_code_cannot_change_once_stock_moved(db):
    p = _part(db)
    P.update_part(db, p.id, P.PartInput(code="QS-NEW", name="起升电机", spec="YZR160L-6"))
    P.receive(db, "QS-NEW", 1, at="2026-10-01 08:00")
    with pytest.raises(ValidationError):
        P.update_part(db, p.id, P.PartInput(code="QS-OTHER", name="起升电机"))
    # other fields still change
    assert P.update_part(db, p.id, P.PartInput(code="QS-NEW", name="起升电机", location="A-01")).location == "A-01"


# ------------------------------------------------------------------ never negative
def test_issue_more_than_balance_is_refused_and_nothing_written(db):
    _part(db)
    P.receive(db, "QS-160L6", 3, who="仓管", at="2026-10-01 08:00", supplier="江苏电机厂", document_no="RK-01")
    before = _lines(db)
    with pytest.raises(DomainError) as exc:
        P.issue(db, "QS-160L6", 4, recipient="张伟", at="2026-10-02 09:00")
    # the message names the part, the balance and the quantity asked
    assert "QS-160L6" in exc.value.message and "balance 3" in exc.value.message and "asked 4" in exc.value.message
    assert _lines(db) == before and P.balance_of(db, "QS-160L6") == 3
    # scrap and exchange obey the same rule
    with pytest.raises(DomainError):
        P.scrap(db, "QS-160L6", 4, reason="锈蚀")
    with pytest.raises(DomainError):
        P.exchange(db, "QS-160L6", 4, recipient="张伟", old_condition="烧毁")
    assert _lines(db) == before


def test_two_connections_racing_cannot_overdraw(db, db_path):
    """Balance 5; two clerks issue 3 each at the same moment from two connections.
    5 - 3 = 2 left, so exactly one issue succeeds and the other is refused."""
    _part(db)
    P.receive(db, "QS-160L6", 5, at="2026-10-01 08:00")
    results: list[str] = []
    barrier = threading.Barrier(2)

    def clerk(name: str) -> None:
        conn = open_db(db_path)
        try:
            barrier.wait()
            P.issue(conn, "QS-160L6", 3, recipient=name, at="2026-10-02 09:00")
            results.append("ok")
        except DomainError as exc:
            results.append("refused: " + exc.message)
        finally:
            conn.close()

    threads = [threading.Thread(target=clerk, args=(n,)) for n in ("张伟", "李强")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r[:7] for r in results) == ["ok", "refused"]
    assert P.balance_of(db, "QS-160L6") == 2
    assert db.execute("SELECT COUNT(*) FROM stock_moves WHERE kind = 'issue'").fetchone()[0] == 1


def test_write_lock_serialises_read_then_write(db, db_path):
    """Deterministic race: connection A holds the write lock while B tries to
    issue; B must wait, then see A's issue and be refused (5 - 3 = 2 < 3)."""
    _part(db)
    P.receive(db, "QS-160L6", 5, at="2026-10-01 08:00")
    other = open_db(db_path)
    outcome: list[str] = []
    started = threading.Event()

    def clerk_b() -> None:
        started.set()
        try:
            P.issue(other, "QS-160L6", 3, recipient="李强", at="2026-10-02 10:00")
            outcome.append("ok")
        except DomainError:
            outcome.append("refused")

    with transaction(db):
        t = threading.Thread(target=clerk_b)
        t.start()
        started.wait(5)
        time.sleep(0.3)  # B is now blocked on BEGIN IMMEDIATE
        assert outcome == []
        P.issue(db, "QS-160L6", 3, recipient="张伟", at="2026-10-02 09:00")
    t.join(30)
    other.close()
    assert outcome == ["refused"]
    assert P.balance_of(db, "QS-160L6") == 2


def test_backdated_move_never_makes_any_point_in_time_negative(db):
    """Receipt 5 on 10-01, issue 4 on 10-20 (stock 1 from then on).
    A backdated issue of 2 on 10-10 would leave -1 after 10-20: refused.
    A backdated issue of 1 on 10-10 leaves 0 after 10-20: allowed."""
    _part(db)
    P.receive(db, "QS-160L6", 5, at="2026-10-01 08:00")
    P.issue(db, "QS-160L6", 4, recipient="张伟", at="2026-10-20 08:00")
    with pytest.raises(DomainError) as exc:
        P.issue(db, "QS-160L6", 2, recipient="李强", at="2026-10-10 08:00")
    assert "balance then 5" in exc.value.message and "asked 2" in exc.value.message
    m = P.issue(db, "QS-160L6", 1, recipient="李强", at="2026-10-10 08:00")
    assert m.balance_after == 0            # book stock after posting: 5 - 4 - 1
    assert P.balance_as_of(db, "QS-160L6", "2026-10-15") == 4   # 5 - 1
    assert P.balance_as_of(db, "QS-160L6", "2026-10-31") == 0
    history = P.part_history(db, "QS-160L6")
    assert [(h.qty, h.running_balance) for h in history] == [(5, 5), (-1, 4), (-4, 0)]
    # The ledger view shows 结存 in date order (stock_at); the backdated line
    # keeps the book stock at posting (balance_after 0) for the audit.
    shown = P.list_moves(db, P.LedgerFilter(part_id=m.part_id))
    assert [(x.at[:10], x.stock_at, x.balance_after, x.out_of_order) for x in shown] == [
        ("2026-10-20", 0, 1, True), ("2026-10-10", 4, 0, True), ("2026-10-01", 5, 5, False)]
    exported = list(P.ledger_rows(db))
    assert [(r["qty"], r["stock_at"], r["balance_after"]) for r in exported] == [(5, 5, 5), (-1, 4, 0), (-4, 0, 1)]


def test_ledger_is_append_only(db):
    _part(db)
    P.receive(db, "QS-160L6", 2, at="2026-10-01 08:00")
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("UPDATE stock_moves SET qty = 9")
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("DELETE FROM stock_moves")
    # balance can never be written negative either (CHECK)
    with pytest.raises(sqlite3.DatabaseError):
        db.execute("UPDATE parts SET balance = -1")


def test_reverse_move_is_a_new_opposite_line(db):
    _part(db)
    wrong = P.receive(db, "QS-160L6", 10, at="2026-10-01 08:00", document_no="RK-9")
    fix = P.reverse_move(db, wrong.id, reason="数量录错", who="内勤")
    assert fix.qty == -10 and fix.kind == "receipt" and fix.reverses_id == wrong.id
    assert P.balance_of(db, "QS-160L6") == 0 and _lines(db) == 2
    with pytest.raises(StateError):
        P.reverse_move(db, wrong.id, reason="again")


def test_issue_needs_recipient_and_scrap_needs_reason(db):
    _part(db)
    P.receive(db, "QS-160L6", 2, at="2026-10-01 08:00")
    with pytest.raises(ValidationError) as exc:
        P.issue(db, "QS-160L6", 1)
    assert exc.value.field == "recipient"
    with pytest.raises(ValidationError) as exc:
        P.scrap(db, "QS-160L6", 1, reason=" ")
    assert exc.value.field == "reason"
    with pytest.raises(ValidationError) as exc:
        P.issue(db, "QS-160L6", 0, recipient="张伟")
    assert exc.value.field == "qty"
    with pytest.raises(NotFound):
        P.issue(db, "NOPE", 1, recipient="张伟")


# ------------------------------------------------------------------ exchange loop
def test_exchange_loop_old_part_pending_then_booked_back(db):
    cust = F.customer(db)
    tech = F.technician(db, "张伟")
    tid = F.ticket(db, customer_id=cust, no="YX2610001", status="completed", team=(tech,),
                   repair_to="2026-10-05 17:00:00")
    _part(db)
    P.receive(db, "QS-160L6", 2, at="2026-10-01 08:00")
    ex = P.exchange(db, "QS-160L6", 1, ticket="YX2610001", technician_id=tech, at="2026-10-05 09:00",
                    old_serial="M-8812", old_condition="绕组烧毁")
    assert ex.qty == -1 and ex.recipient == "张伟" and P.balance_of(db, "QS-160L6") == 1
    # Due = later of exchange (10-05 09:00) and repair end (10-05 17:00) + 16 h = 10-06 09:00.
    pending = P.old_parts_pending(db, now="2026-10-06 08:00:00")
    assert len(pending) == 1 and pending[0].due_at == "2026-10-06 09:00:00"
    assert pending[0].overdue_hours == 0 and pending[0].ticket_no == "YX2610001"
    assert pending[0].old_serial == "M-8812" and pending[0].holder == "张伟"
    # At 10-06 12:00 it is 3 hours overdue.
    late = P.old_parts_pending(db, now="2026-10-06 12:00:00")[0]
    assert late.overdue and late.overdue_hours == 3
    assert P.old_parts_summary(db, now="2026-10-06 12:00:00") == (1, 1)
    assert P.old_parts_pending(db, now="2026-10-06 12:00:00", technician_id=tech + 99) == []
    back = P.book_old_part(db, ex.id, at="2026-10-06 12:30", who="仓管")
    assert back.kind == "old_in" and back.qty == 0 and back.exchange_id == ex.id
    assert P.balance_of(db, "QS-160L6") == 1          # old parts are not usable stock
    assert P.old_parts_pending(db, now="2026-10-07 00:00:00") == []
    with pytest.raises(StateError):
        P.book_old_part(db, ex.id)
    # the exchange counts as parts used on the ticket (cost 4860.00)
    assert P.ticket_parts_cost(db, tid).total_fen == 4860_00


def test_exchange_without_ticket_is_due_16_hours_after_it(db):
    _part(db)
    P.receive(db, "QS-160L6", 1, at="2026-10-01 08:00")
    P.exchange(db, "QS-160L6", 1, recipient="李强", at="2026-10-01 08:00", old_condition="异响")
    item = P.old_parts_pending(db, now="2026-10-02 01:00:00")[0]
    assert item.due_at == "2026-10-02 00:00:00" and item.overdue_hours == 1
    with pytest.raises(ValidationError):
        P.exchange(db, "QS-160L6", 1, recipient="李强")   # no serial/condition of the old part


# ------------------------------------------------------------------ ticket sync
def _ticket_with_parts(db, parts, status="completed"):
    cust = F.customer(db)
    tech = F.technician(db, "张伟")
    return F.ticket(db, customer_id=cust, no="YX2610007", status=status, team=(tech,), parts=parts), tech


def _net(db, tid, code):
    return -db.execute("SELECT COALESCE(SUM(m.qty), 0) FROM stock_moves m JOIN parts p ON p.id = m.part_id "
                       "WHERE m.ticket_id = ? AND p.code = ?", [tid, code]).fetchone()[0]


def test_sync_issues_then_reverses_on_edit_and_cancel(db):
    _part(db, code="KZ-3210", name="交流接触器", spec="CJX2-3210", price_fen=38_50, unit="个")
    _part(db, code="XW-DXZ", name="限位器", spec="DXZ-4/3", price_fen=260_00, unit="个")
    P.receive(db, "KZ-3210", 10, at="2026-10-01 08:00")
    P.receive(db, "XW-DXZ", 3, at="2026-10-01 08:00")
    tid, tech = _ticket_with_parts(db, (
        {"part_code": "KZ-3210", "name": "交流接触器", "quantity": 2},
        {"part_code": "KZ-3210", "name": "交流接触器", "quantity": 1, "kind": "bought", "unit_price_fen": 60_00},
        {"part_code": "XW-DXZ", "name": "限位器", "quantity": 1},
        {"part_code": "", "name": "扎带（现场购买）", "quantity": 20},   # free text: no stock
    ))
    P.sync_ticket_parts(db, tid, who="内勤", at="2026-10-05 17:00:00")
    # KZ: 2 + 1 = 3 issued (10 -> 7); XW: 1 issued (3 -> 2)
    assert P.balance_of(db, "KZ-3210") == 7 and P.balance_of(db, "XW-DXZ") == 2
    assert _net(db, tid, "KZ-3210") == 3 and _net(db, tid, "XW-DXZ") == 1
    issue_line = P.ticket_moves(db, tid)[0]
    assert issue_line.kind == "issue" and issue_line.technician_id == tech and issue_line.recipient == "张伟"
    # cost: 3 x 38.50 + 1 x 260.00 = 115.50 + 260.00 = 375.50
    assert P.ticket_parts_cost(db, tid).total_fen == 375_50
    # syncing again changes nothing
    lines = _lines(db)
    P.sync_ticket_parts(db, tid)
    assert _lines(db) == lines
    # visit edited: the bought contactor is removed -> one return line of +1 (7 -> 8)
    db.execute("DELETE FROM ticket_parts WHERE ticket_id = ? AND kind = 'bought'", [tid])
    P.sync_ticket_parts(db, tid, at="2026-10-06 09:00:00")
    assert P.balance_of(db, "KZ-3210") == 8 and _net(db, tid, "KZ-3210") == 2
    last = P.list_moves(db, P.LedgerFilter(ticket_id=tid))[0]
    assert last.kind == "return" and last.qty == 1 and "冲回" in last.reason
    # ticket cancelled -> everything comes back with new lines
    db.execute("UPDATE tickets SET status = 'cancelled' WHERE id = ?", [tid])
    P.sync_ticket_parts(db, tid, at="2026-10-07 09:00:00")
    assert P.balance_of(db, "KZ-3210") == 10 and P.balance_of(db, "XW-DXZ") == 3
    assert _net(db, tid, "KZ-3210") == 0 and P.ticket_parts_cost(db, tid).total_fen == 0
    # reopened -> issued again
    db.execute("UPDATE tickets SET status = 'dispatched' WHERE id = ?", [tid])
    P.sync_ticket_parts(db, tid, at="2026-10-08 09:00:00")
    assert P.balance_of(db, "KZ-3210") == 8 and P.balance_of(db, "XW-DXZ") == 2
    # nothing was ever edited: 2 receipts + 2 issues + 1 return + 2 returns + 2 issues
    assert _lines(db) == 9


def test_sync_refuses_unknown_code_and_short_stock_writing_nothing(db):
    _part(db, code="KZ-3210", name="交流接触器", spec="CJX2-3210", unit="个")
    P.receive(db, "KZ-3210", 1, at="2026-10-01 08:00")
    tid, _ = _ticket_with_parts(db, ({"part_code": "KZ-3210", "name": "交流接触器", "quantity": 1},
                                     {"part_code": "ZZ-404", "name": "不存在", "quantity": 1}))
    with pytest.raises(DomainError) as exc:
        P.sync_ticket_parts(db, tid)
    assert "ZZ-404" in exc.value.message and exc.value.field == "parts"
    db.execute("DELETE FROM ticket_parts WHERE part_code = 'ZZ-404'")
    db.execute("UPDATE ticket_parts SET quantity = 2 WHERE ticket_id = ?", [tid])
    with pytest.raises(DomainError) as exc:
        P.sync_ticket_parts(db, tid)
    assert "balance 1" in exc.value.message and "asked 2" in exc.value.message
    assert _lines(db) == 1 and P.balance_of(db, "KZ-3210") == 1


def test_sync_inside_callers_transaction_rolls_back_with_it(db):
    _part(db, code="KZ-3210", name="交流接触器", unit="个")
    P.receive(db, "KZ-3210", 5, at="2026-10-01 08:00")
    tid, _ = _ticket_with_parts(db, ({"part_code": "KZ-3210", "name": "交流接触器", "quantity": 2},))
    with pytest.raises(RuntimeError):
        with transaction(db):
            P.sync_ticket_parts(db, tid)
            raise RuntimeError("the visit failed later")
    assert P.balance_of(db, "KZ-3210") == 5 and _lines(db) == 1


def test_return_from_ticket_cannot_exceed_what_it_holds(db):
    _part(db, code="KZ-3210", name="交流接触器", unit="个")
    P.receive(db, "KZ-3210", 5, at="2026-10-01 08:00")
    tid, _ = _ticket_with_parts(db, ())
    P.issue(db, "KZ-3210", 2, ticket=tid, at="2026-10-02 08:00")
    with pytest.raises(ValidationError):
        P.return_to_stock(db, "KZ-3210", 3, ticket="YX2610007")
    P.return_to_stock(db, "KZ-3210", 2, ticket="YX2610007", reason="未用完")
    assert P.balance_of(db, "KZ-3210") == 5


def test_record_visit_end_to_end_moves_stock(db):
    tickets = pytest.importorskip("servicedesk.models.tickets.lifecycle")
    if not hasattr(tickets, "record_visit"):
        pytest.skip("tickets model not built yet")
    cust = F.customer(db)
    eq = F.equipment(db, cust)
    tech = F.technician(db, "张伟")
    _part(db, code="KZ-3210", name="交流接触器", spec="CJX2-3210", price_fen=38_50, unit="个")
    P.receive(db, "KZ-3210", 10, at="2026-10-01 08:00")
    t = tickets.open_ticket(db, tickets.TicketInput(type="repair", channel="hotline", customer_id=cust,
                                                    equipment_id=eq, fault="起升无力", fault_level=2,
                                                    reported_at="2026-10-02 08:00:00"), who="内勤")
    tickets.dispatch(db, t.id, tickets.DispatchInput(technician_ids=[tech], dispatched_at="2026-10-02 08:30:00"),
                     who="内勤")
    part = tickets.PartLine(part_code="KZ-3210", name="交流接触器", kind="warranty", quantity=2)
    visit = tickets.VisitInput(arrived_at="2026-10-02 12:00:00", result="done",
                               repair_from="2026-10-02 12:00:00", repair_to="2026-10-02 15:00:00",
                               parts=[part])
    tickets.record_visit(db, t.id, visit, who="内勤")
    assert P.balance_of(db, "KZ-3210") == 8                 # 10 - 2
    visit.parts = [tickets.PartLine(part_code="KZ-3210", name="交流接触器", kind="warranty", quantity=1)]
    tickets.record_visit(db, t.id, visit, who="内勤")
    assert P.balance_of(db, "KZ-3210") == 9                 # edit: 1 returned


# ------------------------------------------------------------------ low stock
def test_low_stock_suggestion_worked_by_hand(db, monkeypatch):
    """Safety 10, receipt 20 on 06-01; issues: 8 on 07-01 (outside the 3 months
    before 11-25, which start 08-25), 5 on 09-10, 4 on 10-15, return 2 on 10-20.
    Balance 20-8-5-4+2 = 5 < 10. Use in window = 5 + 4 - 2 = 7; avg = ceil(7/3) = 3.
    Suggestion = (10 - 5) + 3 = 8."""
    _part(db, code="KZ-3210", name="交流接触器", unit="个", safety=10, price_fen=38_50)
    _part(db, code="OK-1", name="充足件", unit="个", safety=1)
    P.receive(db, "OK-1", 5, at="2026-06-01 08:00")
    P.receive(db, "KZ-3210", 20, at="2026-06-01 08:00")
    P.issue(db, "KZ-3210", 8, recipient="张伟", at="2026-07-01 08:00")
    P.issue(db, "KZ-3210", 5, recipient="张伟", at="2026-09-10 08:00")
    P.issue(db, "KZ-3210", 4, recipient="张伟", at="2026-10-15 08:00")
    P.return_to_stock(db, "KZ-3210", 2, recipient="张伟", at="2026-10-20 08:00")
    rows = P.low_stock(db, today="2026-11-25")
    assert [r.code for r in rows] == ["KZ-3210"]
    r = rows[0]
    assert (r.balance, r.used_recent, r.avg_monthly_use, r.suggestion) == (5, 7, 3, 8)
    assert r.suggestion_amount_fen == 8 * 38_50
    assert P.count_low_stock(db) == 1
    assert [p.code for p in P.list_parts(db, low_only=True)] == ["KZ-3210"]
    assert P.list_parts(db, "接触")[0].state == "low"


def test_low_stock_export_to_xlsx(db, tmp_path):
    from openpyxl import load_workbook

    from servicedesk.reports.sheets import write_rows

    _part(db, code="KZ-3210", name="交流接触器", unit="个", safety=10, price_fen=38_50)
    out = write_rows(P.LOW_STOCK_SPEC, P.low_stock_rows(db), tmp_path / "low.xlsx")
    ws = load_workbook(out).active
    assert ws.cell(1, 1).value == "配件编码" and ws.cell(2, 1).value == "KZ-3210"
    assert ws.cell(2, 10).value == 10                  # (10 - 0) + 0


# ------------------------------------------------------------------ ledger filters
def test_ledger_filters(db):
    cust = F.customer(db)
    tech = F.technician(db, "张伟")
    tid = F.ticket(db, customer_id=cust, no="YX2610011")
    _part(db)
    _part(db, code="KZ-3210", name="交流接触器", unit="个")
    P.receive(db, "QS-160L6", 5, at="2026-09-01 08:00")
    P.receive(db, "KZ-3210", 5, at="2026-10-01 08:00")
    P.issue(db, "KZ-3210", 1, ticket=tid, technician_id=tech, at="2026-10-02 08:00")
    kz = P.find_part(db, "kz-3210")
    assert P.count_moves(db) == 3
    assert P.count_moves(db, P.LedgerFilter(part_id=kz.id)) == 2
    assert P.count_moves(db, P.LedgerFilter(kind="issue")) == 1
    assert P.count_moves(db, P.LedgerFilter(date_from="2026-10-01", date_to="2026-10-01")) == 1
    assert P.count_moves(db, P.LedgerFilter(ticket="yx26100")) == 1
    assert P.count_moves(db, P.LedgerFilter(technician_id=tech)) == 1
    line = P.list_moves(db, P.LedgerFilter(ticket="YX2610011"))[0]
    assert line.ticket_no == "YX2610011" and line.technician_name == "张伟" and line.kind_label == "领用出库"
    assert [m.at[:10] for m in P.list_moves(db)] == ["2026-10-02", "2026-10-01", "2026-09-01"]


# ------------------------------------------------------------------ import
def _rows(*rows):
    return [(i + 2, r) for i, r in enumerate(rows)]


def test_parts_import_books_opening_stock_exactly(db):
    res = run_import(db, P.PARTS_SPEC, _rows(
        {"code": "QS-160L6", "name": "起升电机", "spec": "YZR160L-6", "unit": "台", "price": "4860.10",
         "location": "A-01", "safety_stock": 2, "opening_qty": 3},
        {"code": "KZ-3210", "name": "交流接触器", "price": 38.5, "opening_qty": None},
    ), P.PARTS_SHEET.import_row, options={"date": "2026-01-01", "who": "内勤"})
    assert res.ok and res.created == 2
    qs = P.get_part(db, "QS-160L6")
    assert qs.price_fen == 486010 and qs.balance == 3 and P.get_part(db, "KZ-3210").price_fen == 3850
    line = P.list_moves(db)[0]
    assert line.at == "2026-01-01 00:00:00" and line.kind == "receipt" and line.document_no == "期初"


def test_parts_import_bad_rows_write_nothing(db):
    res = run_import(db, P.PARTS_SPEC, _rows(
        {"code": "QS-160L6", "name": "起升电机", "price": "1.00", "opening_qty": 3},
        {"code": "KZ-3210", "name": "", "price": "12.345"},
        {"code": "XW-1", "name": "限位器", "safety_stock": "-1", "opening_qty": "两个"},
        {"code": "QS-160L6", "name": "重复", "price": "1"},
    ), P.PARTS_SHEET.import_row, options={})
    assert not res.ok
    text = "\n".join(str(p) for p in res.problems)
    assert "row 3, column 单价(元)" in text and "row 3, column 名称" in text
    assert "row 4, column 安全库存" in text and "row 4, column 期初库存" in text
    assert "row 5, column 配件编码" in text and "already exists" in text
    assert db.execute("SELECT COUNT(*) FROM parts").fetchone()[0] == 0 and _lines(db) == 0


def test_parts_template_is_an_empty_sheet_with_examples_in_the_notes(db_path, tmp_path):
    """An untouched template imported must not book invented parts with stock."""
    from openpyxl import load_workbook

    open_db(db_path).close()
    tpl = tmp_path / "parts.xlsx"
    assert run_cli("template", "parts", "--out", str(tpl))[0] == 0
    wb = load_workbook(tpl)
    sheet = wb.worksheets[0]
    assert sheet.max_row == 1 and sheet.cell(1, 1).value == "配件编码"
    notes = {r[0].value: r[3].value for r in wb["说明"].iter_rows(min_row=2)}
    assert "QS-MOT-160L6" in notes["配件编码"] and "如 3" in notes["期初库存"]
    assert "导入时不读取" in notes["账面库存"]
    code, _out, err = run_cli("import", "parts", str(tpl), "--db", str(db_path))
    db = open_db(db_path)
    assert db.execute("SELECT COUNT(*) FROM parts").fetchone()[0] == 0 and _lines(db) == 0
    db.close()


def test_parts_export_reimports_into_a_fresh_db_and_with_update(db_path, tmp_path):
    """export parts -> import parts F --update into the same db, and into a new one.

    QS-160L6 has 3 in stock (opening 5 on 01-05, 2 issued): the export shows
    账面库存 3 and a blank 期初库存, so the re-import books nothing: the same
    db keeps balance 3 and 2 lines; a fresh db gets the part with balance 0."""
    from openpyxl import load_workbook

    db = open_db(db_path)
    P.add_part(db, P.PartInput(code="QS-160L6", name="起升电机", spec="YZR160L-6", unit="台",
                               price_fen=4860_00, location="A-01-01", safety_stock=2))
    P.add_part(db, P.PartInput(code="AN-01", name="按钮", price_fen=12_50))
    P.receive(db, "QS-160L6", 5, at="2026-01-05 00:00")
    P.issue(db, "QS-160L6", 2, recipient="张伟", at="2026-01-06 09:00")
    db.close()
    exported = tmp_path / "out.xlsx"
    assert run_cli("export", "parts", "--db", str(db_path), "--out", str(exported))[0] == 0
    ws = load_workbook(exported).active
    header = [c.value for c in ws[1]]
    rows = {r[0].value: {header[i]: c.value for i, c in enumerate(r)} for r in ws.iter_rows(min_row=2)}
    assert rows["QS-160L6"]["账面库存"] == 3 and rows["QS-160L6"]["期初库存"] is None
    assert float(rows["QS-160L6"]["单价(元)"]) == 4860.0 and rows["AN-01"]["账面库存"] == 0

    code, out, err = run_cli("import", "parts", str(exported), "--db", str(db_path), "--update")
    assert code == 0, err
    db = open_db(db_path)
    assert P.balance_of(db, "QS-160L6") == 3 and _lines(db) == 2
    assert P.get_part(db, "QS-160L6").location == "A-01-01"
    db.close()

    fresh = tmp_path / "fresh.sqlite3"
    open_db(fresh).close()
    code, out, err = run_cli("import", "parts", str(exported), "--db", str(fresh))
    assert code == 0, err
    db = open_db(fresh)
    part = P.get_part(db, "QS-160L6")
    assert (part.name, part.price_fen, part.safety_stock, part.balance) == ("起升电机", 4860_00, 2, 0)
    assert _lines(db) == 0 and P.get_part(db, "AN-01").price_fen == 12_50
    db.close()


def test_parts_export_has_the_active_flag_and_reimport_keeps_it(db_path, tmp_path):
    """A part set to 停用 is exported as 停用 in 状态 and stays 停用 after
    import --update and after an import into a fresh file; the clerk can
    change the state in the sheet; a blank cell keeps it; a word that is
    neither 启用 nor 停用 is refused with row and column."""
    from openpyxl import load_workbook

    db = open_db(db_path)
    old = P.add_part(db, P.PartInput(code="OLD-01", name="旧型号接触器"))
    P.add_part(db, P.PartInput(code="AN-01", name="按钮", price_fen=12_50))
    P.set_part_active(db, old.id, False)
    db.close()
    exported = tmp_path / "parts.xlsx"
    assert run_cli("export", "parts", "--db", str(db_path), "--out", str(exported))[0] == 0
    wb = load_workbook(exported)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[-1] == "状态"
    states = {r[0].value: r[header.index("状态")].value for r in ws.iter_rows(min_row=2)}
    assert states == {"OLD-01": "停用", "AN-01": "启用"}

    def active(path) -> dict[str, int]:
        with sqlite3.connect(path) as con:
            return dict(con.execute("SELECT code, active FROM parts ORDER BY code").fetchall())

    fresh = tmp_path / "fresh.sqlite3"
    open_db(fresh).close()
    code, out, err = run_cli("import", "parts", str(exported), "--db", str(fresh))
    assert (code, err) == (0, ""), err
    assert active(fresh) == {"AN-01": 1, "OLD-01": 0}
    code, out, err = run_cli("import", "parts", str(exported), "--db", str(db_path), "--update")
    assert (code, err) == (0, ""), err
    assert active(db_path) == {"AN-01": 1, "OLD-01": 0}

    # The clerk edits the sheet: OLD-01 back to 启用, AN-01 left blank (keeps 启用).
    col = header.index("状态") + 1
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["OLD-01"], col, "启用")
    ws.cell(rows["AN-01"], col, None)
    wb.save(exported)
    code, out, err = run_cli("import", "parts", str(exported), "--db", str(db_path), "--update")
    assert (code, err) == (0, ""), err
    assert active(db_path) == {"AN-01": 1, "OLD-01": 1}

    ws.cell(rows["AN-01"], col, "作废")
    wb.save(exported)
    code, out, err = run_cli("import", "parts", str(exported), "--db", str(db_path), "--update")
    assert code == 1
    assert f'row {rows["AN-01"]}, column 状态: Status must be 启用 or 停用, not "作废".' in err.splitlines()
    assert active(db_path) == {"AN-01": 1, "OLD-01": 1}


def test_an_older_parts_sheet_without_the_state_column_keeps_the_state(db_path, tmp_path):
    from openpyxl import Workbook

    db = open_db(db_path)
    P.set_part_active(db, P.add_part(db, P.PartInput(code="OLD-01", name="旧型号接触器")).id, False)
    db.close()
    wb = Workbook()
    wb.active.append(["配件编码", "名称", "单价(元)"])
    wb.active.append(["OLD-01", "旧型号接触器", "20.00"])
    wb.save(tmp_path / "p.xlsx")
    code, out, err = run_cli("import", "parts", str(tmp_path / "p.xlsx"), "--db", str(db_path), "--update")
    assert (code, err) == (0, ""), err
    db = open_db(db_path)
    part = P.get_part(db, "OLD-01")
    assert (part.active, part.price_fen) == (False, 20_00)
    db.close()


def test_parts_opening_quantity_books_a_receipt_on_the_date(db_path, tmp_path):
    from openpyxl import load_workbook

    open_db(db_path).close()
    tpl = tmp_path / "parts.xlsx"
    assert run_cli("template", "parts", "--out", str(tpl))[0] == 0
    wb = load_workbook(tpl)
    wb.worksheets[0].append(["QS-MOT-160L6", "起升电机", "YZR160L-6 11kW", "台", 4860, "A-01-01", 2, 3])
    wb.save(tpl)
    code, out, err = run_cli("import", "parts", str(tpl), "--db", str(db_path), "--date", "2026-01-05")
    assert code == 0, err
    db = open_db(db_path)
    assert P.get_part(db, "QS-MOT-160L6").balance == 3
    assert P.list_moves(db, P.LedgerFilter(kind="receipt"))[0].at.startswith("2026-01-05")
    db.close()
    code, out, err = run_cli("import", "parts", str(tpl), "--db", str(db_path))
    assert code == 1 and "already exists" in err


def test_exchange_on_a_ticket_counts_as_its_recorded_part(db):
    """Exchange 1 motor for ticket X; the visit then records that motor:
    sync finds the ticket already holds 1 and books nothing more."""
    _part(db)
    P.receive(db, "QS-160L6", 3, at="2026-10-01 08:00")
    tid, tech = _ticket_with_parts(db, ())
    P.exchange(db, "QS-160L6", 1, ticket=tid, technician_id=tech, at="2026-10-05 09:00", old_condition="烧毁")
    db.execute("INSERT INTO ticket_parts (ticket_id, part_code, name, kind, quantity) "
               "VALUES (?, 'QS-160L6', '起升电机', 'warranty', 1)", [tid])
    lines = _lines(db)
    P.sync_ticket_parts(db, tid, at="2026-10-05 17:00:00")
    assert _lines(db) == lines and P.balance_of(db, "QS-160L6") == 2


def test_ledger_export_streams_both_balances(db, tmp_path):
    from openpyxl import load_workbook

    from servicedesk.reports.parts_sheets import write_stream

    _part(db)
    P.receive(db, "QS-160L6", 5, at="2026-10-01 08:00", supplier="江苏电机厂")
    P.issue(db, "QS-160L6", 2, recipient="张伟", at="2026-10-03 08:00")
    P.issue(db, "QS-160L6", 1, recipient="李强", at="2026-10-02 08:00")     # booked out of order
    seen: list[int] = []
    out, n = write_stream(P.LEDGER_SPEC, P.ledger_rows(db), tmp_path / "ledger.xlsx", progress=seen.append,
                          every=1)
    assert n == 3 and seen[-1] == 3
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    # date order: +5 -> 5, -1 (10-02) -> 4, -2 (10-03) -> 2; posted balances 5, 2, 3
    assert [(r["数量"], r["结存"], r["记账时结存"]) for r in rows] == [(5, 5, 5), (-1, 4, 2), (-2, 2, 3)]
    assert rows[0]["类别"] == "入库" and rows[1]["领用人"] == "李强"


def test_no_parts_go_out_for_a_cancelled_ticket(db):
    _part(db)
    P.receive(db, "QS-160L6", 3, at="2026-10-01 08:00")
    tid, _ = _ticket_with_parts(db, (), status="cancelled")
    with pytest.raises(StateError):
        P.issue(db, "QS-160L6", 1, ticket=tid)
    with pytest.raises(StateError):
        P.exchange(db, "QS-160L6", 1, ticket=tid, old_condition="坏")
    assert _lines(db) == 1


def test_the_parts_search_finds_a_name_by_its_pinyin_or_initials(db):
    from servicedesk.models.parts import ledger as L

    L.add_part(db, L.PartInput(code="KZ-3210", name="交流接触器", spec="CJX2-3210", unit="个"))
    L.add_part(db, L.PartInput(code="QS-160L6", name="起升电机", spec="YZR160L-6", unit="台"))
    assert [p.code for p in L.list_parts(db, "jljcq")] == ["KZ-3210"]
    assert [p.code for p in L.list_parts(db, "qishengdianji")] == ["QS-160L6"]
    assert [p.code for p in L.list_parts(db, "QSDJ")] == ["QS-160L6"]       # capitals too
    assert L.count_parts(db, "jl") == 1
    assert [p.code for p in L.list_parts(db, "cjx")] == ["KZ-3210"]         # the spec, as before
    assert L.list_parts(db, "zzz") == []
