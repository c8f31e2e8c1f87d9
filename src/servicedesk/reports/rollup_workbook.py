"""Head office: read the branches' monthly workbooks, write the company roll-up.

Reading (openpyxl, read-only) takes the figures from the sheets a person
sees — 汇总, 技术员, 经销商, laid out by reports/kpi_workbook.py — rebuilds
the canonical text (models/kpi/checksum.py) and compares its SHA-256 with
the one the workbook carries in its hidden sheet 校验. A file is refused,
with its name and why, when it is not an Excel workbook, not a ServiceDesk
monthly workbook, when its figures (or a rate shown beside them) no longer
match the checksum, or when its checksum record itself was changed. The
checks across files (month, a second workbook of an office) and the sums
are models/kpi/rollup.py.

Writing: 汇总 (company figures from the summed numerators and denominators,
grade), 分公司 (one row per branch, rank, a total row), 技术员 (every
technician, branch named), 经销商 (summed over the branches), 趋势 (company
figures per month with a line chart, when the folders hold several months),
来源 (each file, its checksums, when it was read). The company workbook
carries a hidden marker so that a folder rolled up again skips it.
"""

from __future__ import annotations

import json
import math
import os
import zipfile
from pathlib import Path
from typing import Any, Callable, Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.transactions import now_iso
from servicedesk.models.kpi import checksum as C
from servicedesk.models.kpi.figures import DealerKpi, MonthKpi, TechnicianKpi
from servicedesk.models.kpi.month import file_sha256
from servicedesk.models.kpi.rates import DASH, Rate, mean_percent
from servicedesk.models.kpi.rollup import BranchInput, CompanyRollup, FileProblem, SourceFile
from servicedesk.reports.files import save_workbook
from servicedesk.reports.kpi_workbook import (
    CHECK_LABELS, CHECK_SHEET, DEALER_HEADERS, MEAN_LABEL, PROPERTY_PREFIX, STAMP_LABELS, SUMMARY_FIGURES,
    TECHNICIAN_HEADERS, add_rate_chart, summary_sheet,
)
from servicedesk.reports.xlsx_style import (
    BOLD, NOTE_FONT, PERCENT, TOTAL_FILL, dt_value, fit_columns, print_setup, table, table_sheet,
)

ROLLUP_FORMAT_NAME = "ServiceDesk 售后服务月报公司汇总"
ROLLUP_SHEETS = ("汇总", "分公司", "技术员", "经销商", "趋势", "来源")

Progress = Callable[[int, int, str], bool | None]   # (done, total, file name) -> False to stop


class NotBranchWorkbook(DomainError):
    """The file is a company roll-up this program wrote: skipped inside a folder."""

    def __init__(self, name: str):
        super().__init__(f"{name}: a company roll-up, not a branch's monthly workbook", "file")


# ---------------------------------------------------------------- reading one branch
def _rows(ws) -> list[tuple]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class _Sheets:
    """The visible figures of one workbook, with every inconsistency noted."""

    def __init__(self, name: str):
        self.name = name
        self.details: list[str] = []

    def count(self, value: Any, where: str) -> int:
        if isinstance(value, bool) or value is None:
            self.details.append(f"{where} 为空或不是整数")
            return 0
        if isinstance(value, (int, float)) and float(value).is_integer():
            return int(value)
        text = _text(value)
        if text.isdigit():
            return int(text)
        self.details.append(f"{where} “{text}” 不是整数")
        return 0

    @staticmethod
    def percent(value: Any) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return f"{float(value) * 100:.2f}%"
        return _text(value) or "空"

    def rate(self, value: Any, rate: Rate, where: str) -> None:
        """A rate cell must be num / den (or — when den is 0): a rate typed over is caught too."""
        expected = rate.fraction
        if expected is None:
            if _text(value) not in (DASH, ""):
                self.details.append(f"{where} {_text(value)} ≠ {rate.num}/{rate.den}（应为 —）")
            return
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isclose(
                float(value), expected, rel_tol=1e-9, abs_tol=1e-12):
            self.details.append(f"{where} {self.percent(value)} ≠ {rate.num}/{rate.den}（{rate.text}）")

    @staticmethod
    def grade(value: Any) -> str | None:
        text = _text(value)
        return None if text in ("", DASH) else text


def _table_rows(ws, headers: tuple[str, ...], sheet: str, problems: _Sheets) -> list[dict[str, Any]]:
    """Rows of a one-table sheet keyed by header (columns found by their header text)."""
    rows = _rows(ws)
    if not rows:
        problems.details.append(f"{sheet} 表为空")
        return []
    index = {_text(h): i for i, h in enumerate(rows[0])}
    missing = [h for h in headers if h not in index]
    if missing:
        problems.details.append(f"{sheet} 缺少列 {'、'.join(missing)}")
        return []
    out = []
    for row in rows[1:]:
        values = {h: (row[index[h]] if index[h] < len(row) else None) for h in headers}
        if all(values[h] is None for h in headers[1:]):
            continue   # the "无技术员" / "无经销商" note, or an empty row
        out.append(values)
    return out


def _summary(ws, sheets: _Sheets) -> tuple[dict[str, str], MonthKpi]:
    rows = _rows(ws)
    stamp: dict[str, str] = {}
    for row in rows[:4]:
        for col in range(0, len(row) - 1, 2):
            key = STAMP_LABELS.get(_text(row[col]))
            if key:
                stamp[key] = _text(row[col + 1])
    counts: dict[str, int] = {}
    seen: dict[str, str] = {}
    labels = {_text(r[0]): r for r in rows if r}
    for label, (num_key, den_key) in SUMMARY_FIGURES.items():
        row = labels.get(label)
        if row is None or len(row) < 4:
            sheets.details.append(f"汇总 缺少 {label} 行")
            continue
        for key, value, part in ((num_key, row[1], "分子"), (den_key, row[2], "分母")):
            n = sheets.count(value, f"汇总 {label} {part}")
            if key in counts and counts[key] != n:
                sheets.details.append(f"汇总 {label} {part} {n} ≠ {seen[key]} {counts[key]}")
            counts.setdefault(key, n)
            seen.setdefault(key, f"{label} {part}")
        sheets.rate(row[3], Rate(counts.get(num_key, 0), counts.get(den_key, 0)), f"汇总 {label} 比率")
    kpi = MonthKpi(stamp.get("month", ""), stamp.get("office", ""), counts.get("repairs", 0),
                   counts.get("on_time", 0), counts.get("successful", 0), counts.get("calls_reached", 0),
                   counts.get("satisfied", 0), counts.get("parts_counted", 0), counts.get("parts_matching", 0), None)
    mean_row = labels.get(MEAN_LABEL)
    if mean_row is None or len(mean_row) < 6:
        sheets.details.append(f"汇总 缺少 {MEAN_LABEL} 行")
    else:
        kpi.grade = sheets.grade(mean_row[5])
        mean = mean_percent(kpi.rates)
        value = mean_row[3]
        if mean is None and _text(value) not in (DASH, ""):
            sheets.details.append(f"汇总 {MEAN_LABEL} {_text(value)} ≠ —")
        elif mean is not None and not (isinstance(value, (int, float)) and math.isclose(
                float(value), mean / 100, rel_tol=1e-9)):
            sheets.details.append(f"汇总 {MEAN_LABEL} {sheets.percent(value)} ≠ {mean:.2f}%")
    return stamp, kpi


def _technicians(ws, sheets: _Sheets) -> list[TechnicianKpi]:
    out = []
    for i, r in enumerate(_table_rows(ws, TECHNICIAN_HEADERS, "技术员", sheets), start=1):
        name = _text(r["技术员"])
        where = f"技术员 {name}"
        t = TechnicianKpi(-i, name, sheets.count(r["维修数"], f"{where} 维修数"),
                          sheets.count(r["及时数"], f"{where} 及时数"), sheets.count(r["成功数"], f"{where} 成功数"),
                          sheets.count(r["回访接通数"], f"{where} 回访接通数"),
                          sheets.count(r["满意数"], f"{where} 满意数"), sheets.grade(r["等级"]))
        sheets.rate(r["维修及时率"], t.on_time_rate, f"{where} 维修及时率")
        sheets.rate(r["维修成功率"], t.success_rate, f"{where} 维修成功率")
        sheets.rate(r["客户满意度"], t.satisfaction, f"{where} 客户满意度")
        out.append(t)
    return out


def _dealers(ws, sheets: _Sheets) -> list[DealerKpi]:
    out = []
    for r in _table_rows(ws, DEALER_HEADERS, "经销商", sheets):
        name = _text(r["经销商"])
        d = DealerKpi(name, sheets.count(r["回访接通数"], f"经销商 {name} 回访接通数"),
                      sheets.count(r["满意数"], f"经销商 {name} 满意数"))
        sheets.rate(r["客户满意度"], d.satisfaction, f"经销商 {name} 客户满意度")
        out.append(d)
    return out


def _check_record(wb, name: str) -> tuple[dict[str, Any], str]:
    """(label -> value, canonical text) of the hidden sheet; refuses a file without one."""
    if CHECK_SHEET not in wb.sheetnames:
        raise DomainError(f"{name}: not a ServiceDesk monthly workbook (it has no sheet {CHECK_SHEET} with a "
                          "checksum; export it again with ServiceDesk)", "file")
    rows = _rows(wb[CHECK_SHEET])
    marker = _text(rows[0][0]) if rows and rows[0] else ""
    if marker == ROLLUP_FORMAT_NAME:
        raise NotBranchWorkbook(name)
    if marker != C.FORMAT_NAME:
        raise DomainError(f"{name}: not a ServiceDesk monthly workbook (sheet {CHECK_SHEET} is not ours)", "file")
    values: dict[str, Any] = {}
    text_parts: list[str] = []
    label_keys = {v: k for k, v in CHECK_LABELS.items()}
    in_text = False
    for row in rows[1:]:
        label = label_keys.get(_text(row[0]) if row else "")
        if label == "text":
            in_text = True
        if in_text:
            if len(row) > 1 and row[1] is not None:
                text_parts.append(str(row[1]))
        elif label:
            values[label] = row[1] if len(row) > 1 else None
    return values, "".join(text_parts)


def read_branch_workbook(path: str | os.PathLike, *, explicit: bool = True,
                         read_at: str | None = None) -> BranchInput:
    """One branch's figures, verified against its checksum, or a DomainError
    whose message names the file and why it is refused."""
    path = Path(path)
    name = path.name
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise DomainError(f"{name}: no such file", "file") from None
    except OSError as exc:
        raise DomainError(f"{name}: cannot be read ({exc.strerror or exc})", "file") from exc
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as exc:
        raise DomainError(f"{name}: not an Excel workbook (.xlsx) that can be read", "file") from exc
    try:
        values, text = _check_record(wb, name)
        try:
            version = int(values.get("format_version") or 0)
        except (TypeError, ValueError):
            version = 0
        if version > C.FORMAT_VERSION:
            raise DomainError(f"{name}: written by a newer ServiceDesk (workbook format {version}); "
                              "install the newer version to roll it up", "file")
        stored = _text(values.get("checksum")).lower()
        props = {p.name: p.value for p in getattr(wb, "custom_doc_props", None) or []}
        prop = str(props.get(PROPERTY_PREFIX + "figures_sha256", stored) or "").lower()
        if not stored or C.text_checksum(text) != stored or prop != stored:
            raise DomainError(f"{name}: the checksum record in sheet {CHECK_SHEET} was changed or is damaged; "
                              "ask the branch to export the month again", "file")
        try:
            recorded = json.loads(text)
        except ValueError:
            recorded = {}
        missing = [s for s in ("汇总", "技术员", "经销商") if s not in wb.sheetnames]
        if missing:
            raise DomainError(f"{name}: not a ServiceDesk monthly workbook (no sheet {'、'.join(missing)})",
                              "file")
        sheets = _Sheets(name)
        stamp, kpi = _summary(wb["汇总"], sheets)
        kpi.technicians = _technicians(wb["技术员"], sheets)
        kpi.dealers = _dealers(wb["经销商"], sheets)
    finally:
        wb.close()
    fig = C.BranchFigures(C.WorkbookStamp(stamp.get("office", ""), stamp.get("department_code", ""),
                                          stamp.get("month", ""), stamp.get("program_version", "")), kpi)
    details = (C.differences(recorded, fig) if C.figures_checksum(fig) != stored else []) + sheets.details
    if details:
        raise DomainError(f"{name}: the figures do not match the workbook's checksum (changed by hand?): "
                          + "; ".join(details[:6]), "file")
    source = SourceFile(str(path), name, file_sha256(path), stored, read_at or now_iso(), explicit)
    return BranchInput(source, fig)


# ---------------------------------------------------------------- reading many
def branch_files(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()
                 ) -> tuple[list[tuple[Path, bool]], list[FileProblem]]:
    """(file, named one by one) for each argument: a file as it is, a folder's
    *.xlsx files (not its sub-folders; Excel's ~$ lock files left out). The same
    file met twice is read once; `exclude` (the output file) is never read."""
    skip = {Path(p).resolve() for p in exclude}
    seen: dict[Path, int] = {}
    out: list[tuple[Path, bool]] = []
    problems: list[FileProblem] = []
    for arg in paths:
        p = Path(arg)
        if p.is_dir():
            found = [(f, False) for f in sorted(p.iterdir(), key=lambda f: f.name)
                     if f.is_file() and f.suffix.lower() == ".xlsx" and not f.name.startswith(("~$", "."))]
        elif p.exists():
            found = [(p, True)]
        else:
            problems.append(FileProblem(str(p), DomainError(f"{p}: no such file or folder").message))
            continue
        for f, explicit in found:
            key = f.resolve()
            if key in skip:
                continue
            if key in seen:
                i = seen[key]
                out[i] = (out[i][0], out[i][1] or explicit)
                continue
            seen[key] = len(out)
            out.append((f, explicit))
    return out, problems


def read_branches(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = (),
                  progress: Progress | None = None) -> tuple[list[BranchInput], list[FileProblem]]:
    """Every branch workbook named or found, and every file refused (all of
    them, so the person fixes them in one go). A company roll-up found in a
    folder is skipped; named one by one it is refused."""
    files, problems = branch_files(paths, exclude)
    inputs: list[BranchInput] = []
    for i, (path, explicit) in enumerate(files):
        if progress is not None and progress(i, len(files), path.name) is False:
            break
        try:
            inputs.append(read_branch_workbook(path, explicit=explicit))
        except NotBranchWorkbook as exc:
            if explicit:
                problems.append(FileProblem(str(path), exc.message))
        except DomainError as exc:
            problems.append(FileProblem(str(path), exc.message))
    if progress is not None:
        progress(len(files), len(files), "")
    return inputs, problems


# ---------------------------------------------------------------- writing the company workbook
def _rate(rate: Rate) -> Any:
    return DASH if rate.fraction is None else rate.fraction


def _mean_cell(kpi: MonthKpi) -> Any:
    mean = kpi.mean
    return DASH if mean is None else mean / 100


def _summary_sheet(wb: Workbook, r: CompanyRollup, written_at: str) -> None:
    k = r.company
    info = [("月份", r.month, "分公司数", len(r.branches)), ("制表时间", dt_value(written_at))]
    rows = [(label, getattr(k, num), getattr(k, den), _rate(Rate(getattr(k, num), getattr(k, den))),
             "各分公司分子之和", "各分公司分母之和") for label, (num, den) in SUMMARY_FIGURES.items()]
    notes = ["公司比率由各分公司的分子、分母分别相加后重新计算，不是各分公司百分比的平均。",
             "分母为 0 的比率记为“—”，不计入等级；等级规则与分公司月报相同（已有比率的平均）。",
             "每个分公司文件都已按其校验值核对，手工改动过数字的文件不会被汇总。"]
    summary_sheet(wb, f"售后服务月报 公司汇总（{r.month}）", info,
                  ("指标", "分子", "分母", "比率", "分子来源", "分母来源"), rows, k, notes)


BRANCH_HEADERS = ("排名", "服务部", "部门代码", "维修数", "及时数", "维修及时率", "成功数", "维修成功率",
                  "回访接通数", "满意数", "客户满意度", "盘点品种数", "账实相符品种数", "配件库存准确率",
                  "综合", "等级", "分公司月报中的等级", "文件")


def _figure_cells(k: MonthKpi) -> tuple:
    return (k.repairs, k.on_time, _rate(k.on_time_rate), k.successful, _rate(k.success_rate), k.calls_reached,
            k.satisfied, _rate(k.satisfaction), k.parts_counted, k.parts_matching, _rate(k.stock_accuracy),
            _mean_cell(k), k.grade or DASH)


def _branches_sheet(wb: Workbook, r: CompanyRollup) -> None:
    rows = [(DASH if b.rank is None else b.rank, b.office, b.stamp.department_code, *_figure_cells(b.kpi),
             b.branch_grade or DASH, b.source.name) for b in r.branches]
    rows.append(("", "公司合计", "", *_figure_cells(r.company), "", ""))
    ws = table_sheet(wb, "分公司", BRANCH_HEADERS, rows,
                     {6: PERCENT, 8: PERCENT, 11: PERCENT, 14: PERCENT, 15: PERCENT})
    total = len(rows) + 1
    for col in range(1, len(BRANCH_HEADERS) + 1):
        ws.cell(row=total, column=col).fill = TOTAL_FILL
        ws.cell(row=total, column=col).font = BOLD


def _technicians_sheet(wb: Workbook, r: CompanyRollup) -> None:
    rows = [(ct.office, t.name, t.repairs, t.on_time, _rate(t.on_time_rate), t.successful, _rate(t.success_rate),
             t.calls_reached, t.satisfied, _rate(t.satisfaction), t.grade or DASH)
            for ct in r.technicians for t in (ct.technician,)]
    table_sheet(wb, "技术员", ("服务部", *TECHNICIAN_HEADERS), rows, {5: PERCENT, 7: PERCENT, 10: PERCENT},
                empty="无技术员")


def _dealers_sheet(wb: Workbook, r: CompanyRollup) -> None:
    rows = [(d.name, "、".join(d.offices), d.calls_reached, d.satisfied, _rate(d.satisfaction)) for d in r.dealers]
    table_sheet(wb, "经销商", ("经销商", "分公司", "回访接通数", "满意数", "客户满意度"), rows, {5: PERCENT},
                empty="无经销商")


def _trend_sheet(wb: Workbook, r: CompanyRollup) -> None:
    ws = wb.create_sheet("趋势")
    rows = [(t.month, t.offices, t.kpi.repairs, t.kpi.on_time_rate.fraction, t.kpi.success_rate.fraction,
             t.kpi.satisfaction.fraction, t.kpi.stock_accuracy.fraction, t.kpi.grade or DASH) for t in r.trend]
    last = table(ws, 1, ("月份", "分公司数", "维修数", "维修及时率", "维修成功率", "客户满意度", "配件库存准确率",
                         "等级"), rows, {4: PERCENT, 5: PERCENT, 6: PERCENT, 7: PERCENT})
    ws.cell(row=last + 2, column=1, value="比率为空的月份：分母为 0（图上断开，不是 0%）。各月只含文件夹中该月的分公司月报。"
            ).font = NOTE_FONT
    fit_columns(ws, maximum=14)
    print_setup(ws, "1:1")
    add_rate_chart(ws, "公司考核指标（各月）", 4, 7, last, "J2")


def _sources_sheet(wb: Workbook, r: CompanyRollup) -> None:
    rows = [(i.source.name, i.figures.office, i.figures.stamp.department_code, i.figures.month,
             i.figures.stamp.program_version, "本月汇总" if i.figures.month == r.month else "趋势",
             i.source.figures_sha256, i.source.file_sha256, dt_value(i.source.read_at), i.source.path)
            for i in r.sources]
    table_sheet(wb, "来源", ("文件", "服务部", "部门代码", "月份", "程序版本", "用途", "数据校验值（SHA-256）",
                            "文件 SHA-256", "读取时间", "路径"), rows)


def _marker_sheet(wb: Workbook, r: CompanyRollup, written_at: str) -> None:
    ws = wb.create_sheet("校验")
    ws.sheet_state = "hidden"
    ws["A1"] = ROLLUP_FORMAT_NAME
    ws["A2"], ws["B2"] = "月份", r.month
    ws["A3"], ws["B3"] = "制表时间", written_at
    ws["A4"] = "本文件是公司汇总，再次汇总同一文件夹时会被跳过。"


def build_rollup_workbook(rollup: CompanyRollup, written_at: str | None = None) -> Workbook:
    written_at = written_at or now_iso()
    wb = Workbook()
    _summary_sheet(wb, rollup, written_at)
    _branches_sheet(wb, rollup)
    _technicians_sheet(wb, rollup)
    _dealers_sheet(wb, rollup)
    _trend_sheet(wb, rollup)
    _sources_sheet(wb, rollup)
    _marker_sheet(wb, rollup, written_at)
    return wb


def write_rollup_workbook(rollup: CompanyRollup, out: str | os.PathLike, written_at: str | None = None) -> Path:
    """Write the company workbook (atomically: never half a file under its name)."""
    return save_workbook(build_rollup_workbook(rollup, written_at), out)


def default_rollup_name(month: str) -> str:
    return f"售后服务月报公司汇总_{month}.xlsx"
