"""The month's figures counted by SQLite (kpi.counts, issue 15) say what the
per-ticket and per-call lines say (tickets.rules in Python): the office, every
technician and every dealer, on a generated year with dealers on some
customers and units. Real SQLite file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from servicedesk.models.core.db import open_db
from servicedesk.models.kpi import month as K

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("kpi") / "one_year.sqlite3"
    module.generate(path, customers=300, tickets=2000, moves=100, years=1)
    db = open_db(path)
    with db.conn:
        db.execute("UPDATE customers SET dealer = CASE id % 3 WHEN 0 THEN '绍兴华达' WHEN 1 THEN '' ELSE '宁波东方' END")
        db.execute("UPDATE equipment SET dealer = '温州恒通' WHERE id % 4 = 0")
        # some repairs left without arrival or result: late / unsuccessful by rule
        db.execute("UPDATE tickets SET arrived_at = NULL WHERE id % 17 = 0 AND fault_level != 4")
        db.execute("UPDATE tickets SET result = 'not_done' WHERE id % 23 = 0 AND result = 'done'")
    yield db
    db.close()


def _months(db) -> list[str]:
    last = db.execute("SELECT substr(max(completed_at), 1, 7) FROM tickets").fetchone()[0]
    return [K.shift_month(last, -i) for i in range(6)]


def _figures(kpi: K.MonthKpi) -> tuple:
    return (kpi.repairs, kpi.on_time, kpi.successful, kpi.calls_reached, kpi.satisfied, kpi.grade,
            [(t.technician_id, t.name, t.repairs, t.on_time, t.successful, t.calls_reached, t.satisfied, t.grade)
             for t in kpi.technicians],
            [(d.name, d.calls_reached, d.satisfied) for d in kpi.dealers])


def test_sql_counts_match_the_lines(office):
    seen_late = seen_unsuccessful = False
    for month in _months(office):
        decisions = K.ticket_decisions(office, month)
        calls = K.reached_calls(office, month)
        by_sql = K.month_kpi(office, month)
        by_lines = K.month_kpi(office, month, decisions=decisions, calls=calls)
        assert _figures(by_sql) == _figures(by_lines), month
        office_only = K.month_kpi(office, month, detail=False)
        assert _figures(office_only)[:6] == _figures(by_lines)[:6], month
        seen_late |= 0 < by_sql.on_time < by_sql.repairs
        seen_unsuccessful |= 0 < by_sql.successful < by_sql.repairs
        assert {d.name for d in by_sql.dealers} == {"绍兴华达", "宁波东方", "温州恒通"}
    assert seen_late and seen_unsuccessful   # the comparison saw both outcomes


def test_a_trend_counted_together_matches_each_month_alone(office):
    months = list(reversed(_months(office)))
    trend = K.kpi_trend(office, months[-1], months=len(months))
    assert [t.month for t in trend] == months
    for t in trend:
        alone = K.month_kpi(office, t.month, detail=False)
        assert _figures(t)[:6] == _figures(alone)[:6], t.month
    assert K.kpi_report(office, months[-1]).trend[-len(months):-1] == trend[:-1]   # twelve months there
