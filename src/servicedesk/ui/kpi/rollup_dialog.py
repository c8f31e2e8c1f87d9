"""月报 ▸ 汇总各分公司…: head office rolls up the branches' monthly workbooks.

The person picks the folder the branches' workbooks were saved to. Every
file is read off the GUI thread and listed with its figures — or with why it
is refused (not a monthly workbook, figures changed by hand, another month,
a second workbook of an office). The company figures (summed numerators and
denominators, never averaged percentages) are shown above the list, and the
company workbook can be written only when no file is refused: head office
gets every branch right or nothing. The rules are models/kpi/rollup.py; the
reading and writing reports/rollup_workbook.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.settings import get_settings
from servicedesk.models.kpi.rates import DASH, Rate
from servicedesk.models.kpi.rollup import BranchInput, CompanyRollup, FileProblem, RollupRefused, roll_up
from servicedesk.ui.common import record_table, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.table_model import ColumnDef, RecordTableModel
from servicedesk.ui.common import FittedDialog


@dataclass
class FileRow:
    """One file of the folder as the list shows it."""

    file: str
    path: str
    office: str = ""
    month: str = ""
    kpi: Any = None                 # MonthKpi (graded by head office's rule) when the file was read
    rank: int | None = None
    use: str = ""                   # "month" (this roll-up), "trend" (an earlier month) or ""
    problem: str = ""


@dataclass
class ReadResult:
    inputs: list[BranchInput]
    problems: list[FileProblem]
    rollup: CompanyRollup | None


def read_folder(folder: str, settings: dict, exclude: list[str] | None = None) -> ReadResult:
    """Read and roll up (runs in the worker; pure apart from reading the files)."""
    from servicedesk.reports.rollup_workbook import read_branches

    inputs, problems = read_branches([folder], exclude=exclude or [])
    try:
        return ReadResult(inputs, [], roll_up(inputs, settings, problems=problems))
    except RollupRefused as exc:
        return ReadResult(inputs, exc.file_problems, None)


class Job(QThread):
    """Runs one function off the GUI thread and reports its result or its error."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.fn = fn

    def run(self) -> None:
        try:
            self.done.emit(self.fn())
        except DomainError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # a worker must always report back
            self.failed.emit(str(exc))


class RollupDialog(FittedDialog):
    # Emitted once the company workbook is written: its path.
    written = Signal(str)
    # Emitted when a folder has been read (rows shown).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.result: ReadResult | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Roll up the branches' monthly workbooks"))
        lay = QVBoxLayout(self)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Folder")))
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("The folder the branches' monthly workbooks are saved in"))
        bar.addWidget(self.folder_edit, 1)
        self.choose_btn = QPushButton(self.tr("Choose folder…"))
        self.choose_btn.clicked.connect(self.choose_folder)
        bar.addWidget(self.choose_btn)
        self.reload_btn = QPushButton(self.tr("Read again"))
        self.reload_btn.clicked.connect(lambda: self.read(self.folder_edit.text()))
        self.reload_btn.setEnabled(False)
        bar.addWidget(self.reload_btn)
        lay.addLayout(bar)

        self.banner = QLabel(self.tr("Choose the folder with the branches' monthly workbooks (售后服务月报_….xlsx). "
                                     "Each file is checked against its checksum; the company figures are "
                                     "recomputed from the summed numerators and denominators."))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #ECECEC; color: #4A4A4A; padding: 6px;")
        lay.addWidget(self.banner)

        figures = QFrame()
        figures.setObjectName("company_figures")
        figures.setStyleSheet("#company_figures { background: #FAFAFA; border: 1px solid #D0D0D0; }")
        grid = QGridLayout(figures)
        self.figure_labels: dict[str, QLabel] = {}
        names = (("on_time", self.tr("On-time rate")), ("success", self.tr("Success rate")),
                 ("satisfaction", self.tr("Customer satisfaction")), ("stock", self.tr("Stock accuracy")),
                 ("grade", self.tr("Company grade")))
        for col, (key, title) in enumerate(names):
            head = QLabel(title)
            head.setStyleSheet("color: #4A4A4A;")
            value = QLabel(DASH)
            value.setStyleSheet("font-size: 18px; font-weight: bold;")
            grid.addWidget(head, 0, col)
            grid.addWidget(value, 1, col)
            self.figure_labels[key] = value
        lay.addWidget(figures)

        self.model = RecordTableModel([
            ColumnDef("rank", self.tr("Rank"), display=lambda r: "" if not r.kpi or r.use != "month"
                      else (DASH if r.rank is None else str(r.rank)), width=50),
            ColumnDef("office", self.tr("Branch office"), width=110),
            ColumnDef("month", self.tr("Month"), width=70),
            ColumnDef("repairs", self.tr("Repairs"), display=lambda r: str(r.kpi.repairs) if r.kpi else "",
                      align=Qt.AlignRight | Qt.AlignVCenter, width=60),
            ColumnDef("on_time", self.tr("On-time rate"), display=lambda r: self._rate(r, "on_time_rate"), width=105),
            ColumnDef("success", self.tr("Success rate"), display=lambda r: self._rate(r, "success_rate"), width=105),
            ColumnDef("satisfaction", self.tr("Satisfaction"), display=lambda r: self._rate(r, "satisfaction"),
                      width=105),
            ColumnDef("stock", self.tr("Stock accuracy"), display=lambda r: self._rate(r, "stock_accuracy"),
                      width=105),
            ColumnDef("grade", self.tr("Grade"), display=lambda r: (r.kpi.grade or DASH) if r.kpi else "", width=60),
            ColumnDef("file", self.tr("File"), tooltip=lambda r: r.path, width=200),
            ColumnDef("problem", self.tr("Problem / use"), display=self._state, tooltip=self._state, width=300),
        ], self, row_color=lambda r: "red" if r.problem else ("grey" if r.use == "trend" else None))
        self.table = record_table(self.model, "rollup_table")
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_detail(current.row()))
        lay.addWidget(self.table, 1)
        # the whole problem of the selected file, however long (the column cuts it)
        self.detail = QLabel()
        self.detail.setObjectName("rollup_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.detail)

        buttons = QDialogButtonBox()
        self.write_btn = buttons.addButton(self.tr("Write company workbook…"), QDialogButtonBox.AcceptRole)
        self.write_btn.setEnabled(False)
        self.write_btn.clicked.connect(self.choose_output)
        close = buttons.addButton(QDialogButtonBox.Close)
        close.clicked.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(1240, 580)

    # ---------------------------------------------------------------- display helpers
    @staticmethod
    def _rate(row: FileRow, attr: str) -> str:
        if not row.kpi:
            return ""
        rate: Rate = getattr(row.kpi, attr)
        return f"{rate.text}  ({rate.num}/{rate.den})"

    def _state(self, row: FileRow) -> str:
        if row.problem:
            return row.problem
        if row.use == "trend":
            return self.tr("Earlier month: used for the trend only")
        return self.tr("OK — checksum matches")

    def _show_detail(self, index: int) -> None:
        if not 0 <= index < self.model.rowCount():
            self.detail.setText("")
            return
        row = self.model.row(index)
        self.detail.setStyleSheet("color: #B3261E;" if row.problem else "color: #4A4A4A;")
        self.detail.setText(f"{row.file}: {self._state(row)}")

    def rows(self) -> list[FileRow]:
        return list(self.model.rows())

    # ---------------------------------------------------------------- reading
    def choose_folder(self) -> None:
        settings = QSettings()
        start = self.folder_edit.text() or str(settings.value("kpi/rollup_folder", str(Path.home())))
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of the branches' monthly workbooks"), start)
        if folder:
            settings.setValue("kpi/rollup_folder", folder)
            self.read(folder)

    def read(self, folder: str) -> Job | None:
        """Read every workbook of `folder` in a worker (tests call this directly)."""
        if not folder or (self.job is not None and self.job.isRunning()):
            return self.job
        self.folder_edit.setText(folder)
        settings = get_settings(self.ctx.db, "kpi.")
        self.result = None
        self.write_btn.setEnabled(False)
        self.choose_btn.setEnabled(False)
        self.reload_btn.setEnabled(False)
        self.banner.setStyleSheet("background: #ECECEC; color: #4A4A4A; padding: 6px;")
        self.banner.setText(self.tr("Reading the workbooks…"))
        self.setCursor(Qt.BusyCursor)
        job = Job(lambda: read_folder(folder, settings), self)
        job.done.connect(self._show)
        job.failed.connect(self._failed)
        job.finished.connect(self._job_finished)
        self.job = job
        job.start()
        return job

    def _job_finished(self) -> None:
        self.unsetCursor()
        self.choose_btn.setEnabled(True)
        self.reload_btn.setEnabled(bool(self.folder_edit.text()))

    def _failed(self, message: str) -> None:
        self._banner("red", message)
        self.loaded.emit()

    def _banner(self, color: str, text: str) -> None:
        styles = {"red": "background: #FDE2E1; color: #B3261E;", "green": "background: #E3F4E1; color: #1E6B2A;",
                  "grey": "background: #ECECEC; color: #4A4A4A;"}
        self.banner.setStyleSheet(styles[color] + " padding: 6px;")
        self.banner.setText(text)

    def _show(self, result: ReadResult) -> None:
        self.result = result
        rollup = result.rollup
        by_path: dict[str, list[str]] = {}
        general: list[str] = []
        for p in result.problems:
            if p.file:
                by_path.setdefault(p.file, []).append(p.message)
            else:
                general.append(p.message)
        ranked = {b.source.path: b for b in rollup.branches} if rollup else {}
        used = {id(i) for i in rollup.sources} if rollup else set()
        rows: list[FileRow] = []
        seen: set[str] = set()
        for item in result.inputs:
            path, name = item.source.path, item.source.name
            seen.add(path)
            branch = ranked.get(path)
            rows.append(FileRow(
                name, path, item.figures.office, item.figures.month,
                branch.kpi if branch else item.figures.kpi, branch.rank if branch else None,
                "month" if branch else ("trend" if id(item) in used else ""),
                "; ".join(self._without_name(m, name) for m in by_path.get(path, []))))
        for path, messages in by_path.items():
            if path not in seen:
                name = Path(path).name
                rows.append(FileRow(name, path, problem="; ".join(self._without_name(m, name) for m in messages)))
        order = {"month": 0, "trend": 1, "": 2}
        # refused files first (they are what needs doing), then the month's branches by rank, then the trend
        rows.sort(key=lambda r: (not r.problem, order[r.use], r.rank is None, r.rank or 0, r.month, r.office, r.file))
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self._show_detail(0)
        self._show_company(rollup)
        refused = sum(1 for r in rows if r.problem)
        if rollup is not None:
            trend = len(rollup.trend)
            text = (self.tr("%1: %2 branches rolled up; company grade %3.")
                    .replace("%1", rollup.month).replace("%2", str(len(rollup.branches)))
                    .replace("%3", rollup.company.grade or DASH))
            if trend > 1:
                text += " " + self.tr("%1 months for the trend.").replace("%1", str(trend))
            self._banner("green", text)
            self.write_btn.setEnabled(True)
        elif refused or general:
            text = self.tr("%1 file(s) refused: correct or remove them and read the folder again. "
                           "Nothing can be written until every file is accepted.").replace("%1", str(refused))
            self._banner("red", " ".join([text, *general]))
        else:
            self._banner("grey", self.tr("No monthly workbooks in this folder."))
        self.loaded.emit()

    @staticmethod
    def _without_name(message: str, name: str) -> str:
        """The list names the file already: drop the 'name: ' in front of its problem."""
        for sep in (": ", "："):
            if message.startswith(name + sep):
                return message[len(name) + len(sep):]
        return message

    def _show_company(self, rollup: CompanyRollup | None) -> None:
        if rollup is None:
            for label in self.figure_labels.values():
                label.setText(DASH)
                label.setToolTip("")
            return
        k = rollup.company
        for key, rate in (("on_time", k.on_time_rate), ("success", k.success_rate),
                          ("satisfaction", k.satisfaction), ("stock", k.stock_accuracy)):
            self.figure_labels[key].setText(f"{rate.text}  ({rate.num}/{rate.den})")
            self.figure_labels[key].setToolTip(self.tr("Summed over the branches, not an average of percentages"))
        mean = k.mean
        self.figure_labels["grade"].setText(k.grade or DASH)
        self.figure_labels["grade"].setToolTip(self.tr("Mean of the rates: %1")
                                               .replace("%1", DASH if mean is None else f"{mean:.2f}%"))

    # ---------------------------------------------------------------- writing
    def choose_output(self) -> None:
        if self.result is None or self.result.rollup is None:
            return
        from servicedesk.reports.rollup_workbook import default_rollup_name

        folder = self.folder_edit.text() or str(Path.home())
        suggested = str(Path(folder) / default_rollup_name(self.result.rollup.month))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Write the company workbook"), suggested,
                                                    self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.write_to(Path(path))

    def write_to(self, path: Path) -> Job | None:
        """Write the company workbook in a worker (tests call this directly)."""
        if self.result is None or self.result.rollup is None or (self.job is not None and self.job.isRunning()):
            return None
        from servicedesk.reports.rollup_workbook import write_rollup_workbook

        rollup = self.result.rollup
        self.write_btn.setEnabled(False)
        self.setCursor(Qt.BusyCursor)
        job = Job(lambda: str(write_rollup_workbook(rollup, path)), self)
        job.done.connect(self._written)
        job.failed.connect(lambda message: (self.write_btn.setEnabled(True), show_error(self, DomainError(message))))
        job.finished.connect(self._job_finished)
        self.job = job
        job.start()
        return job

    def _written(self, path: str) -> None:
        self.write_btn.setEnabled(True)
        self.ctx.status(self.tr("Company workbook written to %1").replace("%1", path))
        self._banner("green", self.tr("Company workbook written to %1").replace("%1", path))
        self.written.emit(path)

    # ---------------------------------------------------------------- closing
    def done(self, code: int) -> None:  # noqa: D401 - Qt override
        if self.job is not None:
            self.job.wait()   # never destroy a running worker with the dialog
        super().done(code)
