"""Repair-form rendering speed (not a test): one form <= 150 ms, 100 forms <= 5 s.

Builds a throw-away data file with 100 filled tickets, then times
render_ticket_pdf (read from SQLite + draw + PDF bytes, no print logging) for
one ticket and for a batch of 100, in both layouts, with the font this
machine would use and with the built-in CID fallback.

    python benchmarks/bench_forms.py [--db /tmp/bench_forms.sqlite3] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from servicedesk.models.core.db import open_db  # noqa: E402
from servicedesk.reports import fonts  # noqa: E402
from servicedesk.reports.repair_form import FormOptions, page_count, render_ticket_pdf  # noqa: E402
from tests import factories  # noqa: E402

FAULT = "塔吊回转机构异响，起升时有抖动，变幅小车行走不到位，司机反映制动器有时打滑。"


def build(path: Path, n: int = 100) -> list[str]:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_db(path)
    techs = [factories.technician(db, name) for name in ("李师傅", "赵工", "王工")]
    nos = []
    for i in range(n):
        cid = factories.customer(db, name=f"杭州建工集团第{i + 1}分公司", contact="王建国",
                                 phone=f"138{i:08d}", address="浙江省杭州市西湖区文三路123号")
        eid = factories.equipment(db, cid, model="QTZ80", serial_no=f"HZ-{i:05d}",
                                  purchase_date="2025-03-01", invoice_no=f"FP{i:08d}")
        no = f"YX2610{i + 1:03d}"
        factories.ticket(
            db, customer_id=cid, equipment_id=eid, no=no, fault=FAULT * (1 + i % 3), recorder="张内勤",
            requested_at="2026-10-02 08:30:00", diagnosis="减速机齿轮磨损", cause="润滑不足",
            measures="更换齿轮并加注润滑脂，调整限位", result="done",
            repair_from="2026-10-02 09:30:00", repair_to="2026-10-02 16:45:00",
            completed_at="2026-10-02 16:45:00", customer_opinion="满意", customer_signature="王建国",
            team=(techs[i % 3], techs[(i + 1) % 3]),
            parts=({"name": "回转齿轮", "kind": "warranty", "quantity": 1},
                   {"name": "润滑脂", "kind": "bought", "quantity": 2, "unit_price_fen": 4500}))
        nos.append(no)
    db.close()
    return nos


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "bench_forms.sqlite3"))
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    nos = build(Path(args.db))
    db = open_db(args.db)
    fonts_to_try = [("this machine", None), ("built-in CID", ())]
    print(f"{'font':<28} {'layout':<11} {'one form':>10} {'100 forms':>10} {'pages':>6} {'100 x one':>10}")
    ok = True
    for label, candidates in fonts_to_try:
        saved = fonts.CANDIDATES
        if candidates is not None:
            fonts.CANDIDATES = candidates
        fonts.reset_cache()
        choice = fonts.cjk_font("")
        try:
            for layout in ("a4", "continuous"):
                opts = FormOptions(layout=layout)
                render_ticket_pdf(db, nos[:1], options=opts, log=False)          # warm-up: font load
                one, _ = timed(lambda: render_ticket_pdf(db, nos[:1], options=opts, log=False), args.repeat)
                many, res = timed(lambda: render_ticket_pdf(db, nos, options=opts, log=False),
                                  max(1, args.repeat // 3))
                singles, _ = timed(lambda: [render_ticket_pdf(db, [n], options=opts, log=False) for n in nos], 1)
                name = f"{label} ({Path(choice.source).name})"
                print(f"{name:<28} {layout:<11} {one * 1000:>8.0f}ms {many:>9.2f}s "
                      f"{page_count(res.pdf):>6} {singles:>9.2f}s")
                ok &= one <= 0.150 and many <= 5.0
        finally:
            fonts.CANDIDATES = saved
            fonts.reset_cache()
    db.close()
    print("targets: one form <= 150 ms, 100 forms <= 5 s ->", "MET" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
