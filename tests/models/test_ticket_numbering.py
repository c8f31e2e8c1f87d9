"""Ticket numbers: department code + YY + MM + sequence (DOMAIN §2, 003 4.5.2).

Hand-worked: the default department code is YX and the sequence has at least
3 digits, so the 7th ticket reported in November 2026 is YX2611007.
"""

from __future__ import annotations

import threading

from servicedesk.models.tickets import lifecycle as T
from servicedesk.models.core.db import open_db, transaction
from servicedesk.models.core.settings import set_setting
from tests import factories as F


def _open(db, customer_id, reported_at, **kw):
    return T.open_ticket(db, T.TicketInput("repair", "hotline", customer_id, fault="不能起升",
                                           fault_level=2, reported_at=reported_at, **kw), "内勤")


def test_sequence_restarts_each_month_and_year(db):
    c = F.customer(db)
    # Nov 2025: 001, 002; Dec 2025 restarts at 001; Jan 2026 has YY = 26.
    # (Past dates: a report time in the future is refused, see below.)
    assert _open(db, c, "2025-11-03 09:00").no == "YX2511001"
    assert _open(db, c, "2025-11-30 23:59:59").no == "YX2511002"
    assert _open(db, c, "2025-12-01 00:00").no == "YX2512001"
    assert _open(db, c, "2026-01-02 08:00").no == "YX2601001"
    # A late entry for November continues November's sequence (by reported month).
    assert _open(db, c, "2025-11-15 10:00").no == "YX2511003"


def test_seventh_ticket_matches_the_regulation_example(db):
    c = F.customer(db)
    numbers = [_open(db, c, f"2026-11-{day:02d} 09:00").no for day in range(1, 8)]
    assert numbers[-1] == "YX2611007"


def test_widens_beyond_99_and_999(db):
    c = F.customer(db)
    # With a 2-digit minimum (the seed's 01–99) the 100th ticket gets 3 digits.
    set_setting(db, "ticket.number_min_digits", 2)
    with transaction(db):
        db.execute("INSERT INTO ticket_counters (prefix, last_seq) VALUES ('YX2611', 98)")
    assert _open(db, c, "2026-11-03 09:00").no == "YX261199"
    assert _open(db, c, "2026-11-03 09:01").no == "YX2611100"
    # With the default 3-digit minimum, 999 is followed by 1000 (never stops).
    set_setting(db, "ticket.number_min_digits", 3)
    with transaction(db):
        db.execute("INSERT INTO ticket_counters (prefix, last_seq) VALUES ('YX2610', 998)")
    assert _open(db, c, "2026-10-03 09:00").no == "YX2610999"
    assert _open(db, c, "2026-10-03 09:01").no == "YX26101000"
    assert T.split_number("YX26101000") == ("YX2610", 1000)


def test_no_reuse_after_cancellation(db):
    c = F.customer(db)
    first = _open(db, c, "2026-11-03 09:00")
    cancelled = T.cancel_ticket(db, first.id, "客户重复报修", "内勤")
    assert cancelled.no == "YX2611001" and cancelled.status == "cancelled"
    assert _open(db, c, "2026-11-03 10:00").no == "YX2611002"


def test_a_failed_open_does_not_burn_or_reuse_a_number(db):
    c = F.customer(db)
    assert _open(db, c, "2026-11-03 09:00").no == "YX2611001"
    try:  # no fault level on a repair: refused before anything is written
        T.open_ticket(db, T.TicketInput("repair", "hotline", c, reported_at="2026-11-03 09:30"), "内勤")
    except Exception:
        pass
    assert _open(db, c, "2026-11-03 10:00").no == "YX2611002"


def test_department_code_from_settings(db):
    c = F.customer(db)
    set_setting(db, "office.department_code", "SC")
    assert _open(db, c, "2026-11-03 09:00").no == "SC2611001"


def test_imported_number_keeps_the_counter_above_it(db):
    c = F.customer(db)
    T.open_ticket(db, T.TicketInput("repair", "hotline", c, fault_level=2, reported_at="2026-10-05 09:00"),
                  "导入", no="YX2610050", source="import")
    assert _open(db, c, "2026-10-06 09:00").no == "YX2610051"


def test_concurrent_opens_from_two_connections_get_distinct_numbers(db, db_path):
    c = F.customer(db)
    per_thread = 15
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(2)

    def worker():
        conn = open_db(db_path)   # its own connection, as a second clerk's program would
        try:
            start.wait()
            for i in range(per_thread):
                no = _open(conn, c, f"2026-11-03 09:{i:02d}").no
                with lock:
                    results.append(no)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    # 2 x 15 = 30 opens -> exactly YX2611001 .. YX2611030, each once.
    assert sorted(results) == [f"YX2611{n:03d}" for n in range(1, 31)]
    assert db.execute("SELECT last_seq FROM ticket_counters WHERE prefix = 'YX2611'").fetchone()[0] == 30
