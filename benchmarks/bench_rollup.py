"""Head-office roll-up speed (not a test): 50 branch workbooks rolled up <= 5 s.

Builds one demo office (a year of data, ~20 s, not timed), computes its last
full month once and writes it as 50 branches' monthly workbooks with the
program's own writer — each with its own office name and department code and
slightly different on-time counts, so each carries its own checksum. Then times
what `servicedesk rollup FOLDER --out F.xlsx` does: read and verify every
workbook, roll up, write the company workbook.

    python benchmarks/bench_rollup.py [--branches 50] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from servicedesk.demo import build_demo  # noqa: E402
from servicedesk.models.core.db import open_db  # noqa: E402
from servicedesk.models.kpi import month as K  # noqa: E402
from servicedesk.models.kpi.rates import grade_for, shift_month  # noqa: E402
from servicedesk.models.kpi.rollup import roll_up  # noqa: E402
from servicedesk.reports.kpi_workbook import write_kpi_workbook  # noqa: E402
from servicedesk.reports.rollup_workbook import read_branches, write_rollup_workbook  # noqa: E402


def make_branches(folder: Path, n: int) -> str:
    """n monthly workbooks in `folder`; returns their month."""
    db = open_db(folder / "demo.sqlite3")
    build_demo(db, seed=2026, years=1)
    month = shift_month(K.current_month(), -1)
    base = K.kpi_report(db, month, prepared_by="内勤")
    db.close()
    out = folder / "branches"
    for i in range(n):
        report = copy.deepcopy(base)
        report.kpi.office = f"第{i + 1:02d}分公司"
        report.department_code = "".join(chr(65 + (i // 26 ** k) % 26) for k in (1, 0)) + "X"
        report.kpi.on_time = max(0, report.kpi.on_time - i % 7)
        report.kpi.grade = grade_for(report.kpi.rates, {})
        write_kpi_workbook(report, out / K.default_workbook_name(report.kpi.office, month))
    return month


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--branches", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="build the files in this folder and keep them")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_rollup_"))
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    month = make_branches(folder, args.branches)
    size = sum(p.stat().st_size for p in (folder / "branches").glob("*.xlsx")) / args.branches / 1024
    print(f"built {args.branches} branch workbooks of {month} ({size:.0f} KB each) in "
          f"{time.perf_counter() - t0:.1f} s (not timed)")
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        inputs, problems = read_branches([folder / "branches"])
        rollup = roll_up(inputs, {}, problems=problems)
        read = time.perf_counter() - start
        write_rollup_workbook(rollup, folder / "公司汇总.xlsx")
        total = time.perf_counter() - start
        times.append(total)
        print(f"  read+check {read:.2f} s, roll-up written {total:.2f} s "
              f"({len(rollup.branches)} branches, company on-time {rollup.company.on_time_rate.text})")
    best = min(times)
    verdict = "OK" if best <= 5 else "SLOW"
    print(f"rollup of {args.branches} workbooks: best {best:.2f} s, median {statistics.median(times):.2f} s "
          f"(target <= 5 s) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
