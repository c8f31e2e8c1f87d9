"""N years of a busy office (default ten: 30 000 customers, ~45 000 equipment,
100 000 tickets, ~97 000 follow-up calls, 500 000 stock moves), written fast
with bulk inserts straight into the real schema (open_db creates it), so the
timed scenarios in run.py see the same tables, triggers and indexes as the
program.

Everything scales with --years (per year: 3 000 customers, 10 000 tickets,
50 000 stock moves) except what an office keeps at a constant size whatever
its age: 20 technicians, 500 parts, ~200 tickets still open. The data ends on
a fixed day (END) and a fixed seed drives every choice, so the same command
gives the same file (only the FTS internals may differ in layout).

Customer and contact names are built from SURNAMES/GIVEN and the city short
names, whose pinyin initials run.py knows (杭州建工 -> hzjg, 张建国 -> zjg), so
the pinyin search prefixes it types are real prefixes of names in the file.

    python benchmarks/generate.py --db /tmp/bench.sqlite3 [--years 10] [--seed 7]
    (--customers/--tickets/--moves override the per-year sizes)
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from servicedesk.demo.customers import CITIES, COMPANY_SUFFIX, COMPANY_WORDS, MODELS, mobile, person  # noqa: E402
from servicedesk.models.core.db import open_db  # noqa: E402
from servicedesk.models.core.standards import WORK_CATALOG  # noqa: E402

TYPES = ["repair"] * 7 + ["installation", "inspection", "technical_service", "complaint"]
CHANNELS = ["hotline", "regional_manager", "dealer", "online", "walk_in"]


def ts(d: _dt.datetime) -> str:
    return d.replace(microsecond=0).isoformat(sep=" ")


# The last day of generated data; fixed so a file is the same whenever it is made.
END = _dt.datetime(2026, 11, 30, 18, 0)
PER_YEAR = {"customers": 3_000, "tickets": 10_000, "moves": 50_000}


def sizes(years: int) -> dict[str, int]:
    """Row counts for an office of `years` years (ten years = the issue's 30k/100k/500k)."""
    return {k: v * years for k, v in PER_YEAR.items()}


def set_up_office(db) -> None:
    """What the first start writes (office, one clerk), so the window opens
    straight to its tabs as it does on every day after the first."""
    from servicedesk.models.core.first_start import OfficeSetup, apply_setup

    apply_setup(db, OfficeSetup(office="杭州服务站", dept="HZ", clerks=["林芳"]))


def generate(path: Path, customers: int, tickets: int, moves: int, seed: int = 7,
             years: int = 10, analyze: bool = False) -> dict[str, float]:
    """Write the file; without `analyze` it has no sqlite_stat1, like every file
    the program itself makes (it never runs ANALYZE), so the planner's choices
    here are the ones a clerk's file gets."""
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_db(path)
    set_up_office(db)
    conn = db.conn
    timings: dict[str, float] = {}
    days = 365 * years
    start = (END - _dt.timedelta(days=days)).replace(hour=8, minute=0)
    stamp = ts(END)

    t0 = time.perf_counter()
    conn.execute("BEGIN")
    cust_rows, eq_rows = [], []
    eq_id = 0
    for cid in range(1, customers + 1):
        short, prov, streets = rng.choice(CITIES)
        name = f"{short}{rng.choice(COMPANY_WORDS)}{cid}{rng.choice(COMPANY_SUFFIX)}" if rng.random() < 0.7 else person(rng)
        phone = mobile(rng)
        address = f"{prov}{rng.choice(streets)}{rng.randint(1, 999)}号"
        cust_rows.append((cid, name, person(rng), phone, address, short, stamp, stamp))
        for _ in range(rng.choice([1, 1, 2])):
            eq_id += 1
            model, prefix = rng.choice(MODELS)
            serial = f"{prefix}{eq_id:07d}"
            acc = start + _dt.timedelta(days=rng.randint(0, days - 10))
            eq_rows.append((eq_id, cid, model, serial, acc.date().isoformat(), acc.date().isoformat(), stamp, stamp))
    conn.executemany("INSERT INTO customers (id, name, contact, phone, address, region, created_at, updated_at) "
                     "VALUES (?,?,?,?,?,?,?,?)", cust_rows)
    conn.executemany("INSERT INTO equipment (id, customer_id, model, serial_no, purchase_date, acceptance_date, "
                     "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", eq_rows)
    techs = [(i, person(rng) + str(i), "technician" if i > 2 else "supervisor", 3000_00, stamp, stamp)
             for i in range(1, 21)]
    conn.executemany("INSERT INTO technicians (id, name, role, base_salary_fen, created_at, updated_at) "
                     "VALUES (?,?,?,?,?,?)", techs)
    conn.execute("COMMIT")
    # Bulk inserts bypass the model: build the 1-2 character search grams the way it would.
    from servicedesk.models.archive.customers import rebuild_search_index

    rebuild_search_index(db)
    timings["customers+equipment"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    conn.execute("BEGIN")
    span = (days - 3) * 24 * 60
    codes = list(WORK_CATALOG)
    ticket_rows, team_rows, work_rows = [], [], []
    per_month: dict[str, int] = {}
    reported_list = sorted(start + _dt.timedelta(minutes=rng.randint(0, span)) for _ in range(tickets))
    for tid, reported in enumerate(reported_list, start=1):
        ym = reported.strftime("%y%m")
        per_month[ym] = per_month.get(ym, 0) + 1
        no = f"YX{ym}{per_month[ym]:03d}"
        eq = eq_rows[rng.randrange(len(eq_rows))]
        level = rng.choice([1, 2, 2, 3, 3, 4])
        ttype = rng.choice(TYPES)
        cancelled = rng.random() < 0.03
        arrived = reported + _dt.timedelta(minutes=rng.randint(30, 80 * 60)) if level != 4 else None
        completed = (arrived or reported) + _dt.timedelta(minutes=rng.randint(30, 24 * 60))
        status = "cancelled" if cancelled else ("closed" if tid < tickets - 200 else rng.choice(["open", "dispatched"]))
        if status in ("open", "dispatched"):
            arrived = completed = None
        ticket_rows.append((tid, no, ttype, rng.choice(CHANNELS), status, eq[1], eq[0], ts(reported), level,
                            ts(arrived) if arrived else None, ts(completed) if completed else None,
                            "done" if completed and rng.random() < 0.93 else ("not_done" if completed else None),
                            "故障：起升机构异响，制动器打滑", stamp, stamp))
        members = rng.sample(range(3, 21), rng.choice([1, 1, 2]))
        for i, m in enumerate(members):
            team_rows.append((tid, m, int(i == 0)))
        work_rows.append((tid, rng.choice(codes), rng.choice([100, 100, 200, 300])))
    conn.executemany(
        "INSERT INTO tickets (id, no, type, channel, status, customer_id, equipment_id, reported_at, fault_level, "
        "arrived_at, completed_at, result, fault, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        ticket_rows)
    conn.executemany("INSERT INTO ticket_technicians (ticket_id, technician_id, is_leader) VALUES (?,?,?)", team_rows)
    conn.executemany("INSERT INTO ticket_work (ticket_id, code, quantity_x100) VALUES (?,?,?)", work_rows)
    conn.executemany("INSERT OR REPLACE INTO ticket_counters (prefix, last_seq) VALUES (?,?)",
                     [(f"YX{k}", v) for k, v in per_month.items()])
    conn.execute("COMMIT")
    timings["tickets"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_calls = _generate_followups(db, rng, ticket_rows, stamp)
    timings[f"follow-ups ({n_calls} calls)"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_moves = _generate_stock_moves(db, rng, moves, start, span=(days - 3) * 24 * 3600) if moves else 0
    timings[f"stock moves ({n_moves})"] = time.perf_counter() - t0
    if analyze:
        conn.execute("ANALYZE")
    db.close()
    return timings


SATISFACTION = ["very_satisfied"] * 5 + ["satisfied"] * 4 + ["neutral", "dissatisfied"]


def _generate_followups(db, rng: random.Random, ticket_rows: list[tuple], stamp: str) -> int:
    """The first follow-up call of every completed ticket: done and reached
    (so the KPI's satisfaction base is filled every month) when the call fell
    more than a week before END, still pending (the due list) otherwise.
    Returns the number of calls."""
    conn = db.conn
    followups, calls = [], []
    end = ts(END - _dt.timedelta(days=7))
    for row in ticket_rows:
        tid, status, customer_id, equipment_id, completed = row[0], row[4], row[5], row[6], row[10]
        if status == "cancelled" or not completed:
            continue
        done = _dt.datetime.fromisoformat(completed)
        due_from = ts(done + _dt.timedelta(days=1))
        due_at = ts(done + _dt.timedelta(days=3))
        called = ts(done + _dt.timedelta(days=1, minutes=rng.randint(0, 2 * 24 * 60)))
        fid = len(followups) + 1
        if called < end:
            followups.append((fid, "service_first", tid, customer_id, equipment_id, due_from, due_at, "done",
                              called, "bench", stamp, stamp))
            calls.append((fid, called, "bench", 1, rng.choice(SATISFACTION), called))
        else:
            followups.append((fid, "service_first", tid, customer_id, equipment_id, due_from, due_at, "pending",
                              None, "", stamp, stamp))
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO followups (id, kind, ticket_id, customer_id, equipment_id, due_from, due_at, "
                     "status, done_at, done_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     followups)
    conn.executemany("INSERT INTO followup_calls (followup_id, called_at, caller, reached, satisfaction, "
                     "created_at) VALUES (?,?,?,?,?,?)", calls)
    conn.execute("COMMIT")
    return len(calls)


def _generate_stock_moves(db, rng: random.Random, moves: int, start: _dt.datetime, span: int) -> int:
    """500 parts and `moves` ledger lines in time order: receipts, issues to
    tickets, returns, scrap. Balances stay >= 0 and balance_after/parts.balance
    are consistent, exactly as the parts model would have posted them."""
    conn = db.conn
    stamp = ts(END)
    n_parts = 500
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO parts (id, code, name, spec, unit, price_fen, safety_stock, created_at, updated_at) "
        "VALUES (?,?,?,?,?,?,?,?,?)",
        [(i, f"P-{i:04d}", f"配件{i}", f"规格-{i}", "个", rng.randint(5_00, 5000_00), rng.randint(0, 10), stamp, stamp)
         for i in range(1, n_parts + 1)])
    balance = [0] * (n_parts + 1)
    n_tickets = conn.execute("SELECT max(id) FROM tickets").fetchone()[0] or 0
    times = sorted(rng.randint(0, span) for _ in range(moves))
    rows = []
    for sec in times:
        part = rng.randint(1, n_parts)
        at = ts(start + _dt.timedelta(seconds=sec))
        r = rng.random()
        if balance[part] < 3 or r < 0.25:
            kind, qty, ticket = "receipt", rng.randint(5, 30), None
        elif r < 0.90:
            kind, qty, ticket = "issue", -rng.randint(1, min(3, balance[part])), (rng.randint(1, n_tickets) if n_tickets else None)
        elif r < 0.97:
            kind, qty, ticket = "return", 1, None
        else:
            kind, qty, ticket = "scrap", -1, None
        balance[part] += qty
        rows.append((part, at, kind, qty, balance[part], "bench", ticket, at))
        if len(rows) >= 50_000:
            conn.executemany("INSERT INTO stock_moves (part_id, at, kind, qty, balance_after, who, ticket_id, created_at) "
                             "VALUES (?,?,?,?,?,?,?,?)", rows)
            rows.clear()
    if rows:
        conn.executemany("INSERT INTO stock_moves (part_id, at, kind, qty, balance_after, who, ticket_id, created_at) "
                         "VALUES (?,?,?,?,?,?,?,?)", rows)
    conn.executemany("UPDATE parts SET balance = ? WHERE id = ?", [(balance[i], i) for i in range(1, n_parts + 1)])
    conn.execute("COMMIT")
    return moves


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--years", type=int, default=10, help="age of the office (sizes scale with it)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--analyze", action="store_true", help="run ANALYZE (the program's own files have no statistics)")
    ap.add_argument("--customers", type=int)
    ap.add_argument("--tickets", type=int)
    ap.add_argument("--moves", type=int)
    args = ap.parse_args()
    n = sizes(args.years)
    n.update({k: getattr(args, k) for k in n if getattr(args, k) is not None})
    timings = generate(Path(args.db), n["customers"], n["tickets"], n["moves"], seed=args.seed, years=args.years,
                       analyze=args.analyze)
    for k, v in timings.items():
        print(f"generate {k:<28} {v:8.1f} s")
    print(f"file size {Path(args.db).stat().st_size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
