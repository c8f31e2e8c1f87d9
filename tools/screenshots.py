"""Render every tab and every dialog offscreen to PNG at a chosen screen size.

    python tools/screenshots.py --db P --out DIR [--screen 1366x768] [--scale 1.5]
                                [--lang zh_CN] [--manifest FILE] [--only NAME,…] [--no-png]

P is a data file with demo data (made with `servicedesk demo --db P` when it
is missing); it is copied first, so the tool never changes it. The window and
each dialog are shown as the program shows them (the main window without a
saved geometry, each dialog over it) on Qt's offscreen platform, whose screen
is configured to be the *work area* of the named screen: the screen less a
Windows taskbar (TASKBAR logical pixels at the bottom). `--scale 1.5` is
Windows' 150 % display scaling: `--screen 1920x1080 --scale 1.5` gives the
logical 1280×720 screen of such a laptop, fonts drawn at 1.5×.

The manifest (JSON, `--manifest`, default DIR/manifest.json) lists for each
window its geometry, the frame Windows would add around it (title bar and
borders, WINDOW_FRAME in ui/common.py), its default button's rectangle and,
for the form dialogs, the focus chain against the visual order of the input
fields: tests/ui/test_screenshots.py reads it. PNG names: main-<tab>.png and
dialog-<name>.png.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

# Windows' taskbar at the bottom, in logical pixels (Windows 11: 48; Windows 10: 40).
TASKBAR = 48


def offscreen_platform(width: int, height: int, scale: float, folder: Path) -> str:
    """The QT_QPA_PLATFORM value for an offscreen screen: this screen's work area.

    Qt's offscreen plugin reads a JSON description of its screens
    (`offscreen:configfile=…`) in device pixels; the scale is its logical
    DPI over a base of 96, which is how Windows' display scaling reaches
    Qt (1920×1080 at 144 DPI is a logical 1280×720 screen).
    """
    config = folder / "offscreen-screen.json"
    work_height = height - round(TASKBAR * scale)
    config.write_text(json.dumps({"screens": [{
        "name": f"{width}x{height}@{scale:g}", "x": 0, "y": 0, "width": width, "height": work_height,
        "logicalDpi": round(96 * scale), "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


# ---- finding demo records for the dialogs ---------------------------------------
def _find_ticket(ctx, status: str, predicate=None):
    from servicedesk.models.tickets import lifecycle as T
    from servicedesk.models.tickets.queries import TicketFilter, list_tickets

    for row in list_tickets(ctx.db, TicketFilter(status=status), limit=200):
        detail = T.get_ticket(ctx.db, row.id)
        if detail.status == status and (predicate is None or predicate(detail)):
            return detail
    return None


# How a ticket reaches a later state from the one before it (on the scratch copy only).
_EARLIER = {"completed": "dispatched", "reviewed": "completed", "closed": "reviewed"}


def _advance(ctx, ticket, status: str):
    import datetime as _dt

    from servicedesk.models.tickets import lifecycle as T

    stamp = (_dt.datetime.now() - _dt.timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M")
    if status == "completed":
        arrived = None if ticket.type == "consult" else stamp
        return T.record_visit(ctx.db, ticket.id, T.VisitInput(
            arrived, diagnosis="现场检查属实", cause="部件磨损", measures="更换并调试", result="done",
            repair_from=arrived, repair_to=arrived, completed_at=stamp), "截图")
    if status == "reviewed":
        T.record_signoff(ctx.db, ticket.id, "满意", "王立新", stamp, who="截图",
                         complaint_accepted=True if ticket.type == "complaint" else None)
        return T.review_ticket(ctx.db, ticket.id, "周主管", "报告完整")
    return T.close_ticket(ctx.db, ticket.id, "截图")


def _ticket(ctx, status: str, predicate=None):
    """A demo ticket in `status`; when the demo has none today (its states follow
    the clock), one is walked there from the state before it."""
    found = _find_ticket(ctx, status, predicate)
    if found is None and status in _EARLIER:
        earlier = _ticket(ctx, _EARLIER[status])
        found = _advance(ctx, earlier, status)
        if predicate is not None and not predicate(found):
            found = None
    if found is None:
        raise LookupError(f"no {status} ticket in the demo data")
    return found


def _month_with_lines(ctx):
    from servicedesk.models.pay import month as P
    from servicedesk.models.pay.months import month_state  # noqa: F401 (exists: the pay area is built)

    import datetime as _dt

    month = _dt.date.today().strftime("%Y-%m")
    pay = P.month_pay(ctx.db, month)
    for tech in pay.technicians:
        for line in tech.lines:
            if line.kind == "work":
                return month, tech, line
    raise LookupError("no pay line this month")


def _followup(ctx, inspection: bool):
    from servicedesk.models.followups import calls as F

    for view in ("due", "upcoming", "all"):
        for row in F.list_followups(ctx.db, view, limit=200):
            if (row.kind == "inspection") == inspection and row.status not in ("done", "cancelled"):
                return row
    raise LookupError("no follow-up to record")


def _dialogs():
    """(name, factory(ctx, window) -> dialog) for every dialog the clerk can open."""
    from servicedesk.models.core.backup import backup_plan
    from servicedesk.models.parts import ledger as P
    from servicedesk.models.parts import stockcount as SC
    from servicedesk.models.pay import catalog as K
    from servicedesk.models.pay import month as PM
    from servicedesk.models.tickets import technicians as TM

    def new_ticket(ctx, w):
        from servicedesk.ui.tickets.new_dialog import NewTicketDialog
        return NewTicketDialog(ctx, w)

    def edit_ticket(ctx, w):
        from servicedesk.ui.tickets.new_dialog import NewTicketDialog
        return NewTicketDialog(ctx, w, ticket=_ticket(ctx, "open"))

    def quick_customer(ctx, w):
        from servicedesk.ui.tickets.new_dialog import QuickCustomerDialog
        return QuickCustomerDialog(ctx, w, guess="王先生")

    def step(cls_name, status, *args, predicate=None):
        def make(ctx, w):
            from servicedesk.ui.tickets import step_dialogs as S
            return getattr(S, cls_name)(ctx, _ticket(ctx, status, predicate), *args, w)
        return make

    def customer(ctx, w):
        from servicedesk.models.archive import customers as C
        from servicedesk.ui.customers.customer_dialog import CustomerDialog
        return CustomerDialog(ctx, C.list_customers(ctx.db, limit=1)[0], w)

    def equipment(ctx, w):
        from servicedesk.models.archive import customers as C
        from servicedesk.ui.customers.equipment_dialog import EquipmentDialog
        first = C.list_customers(ctx.db, limit=1)[0]
        return EquipmentDialog(ctx, C.get_customer(ctx.db, first.id), None, w)

    def move(kind):
        def make(ctx, w):
            from servicedesk.ui.parts.move_dialog import MoveDialog
            return MoveDialog(ctx, kind, P.list_parts(ctx.db, limit=1)[0].code, parent=w)
        return make

    def part(ctx, w):
        from servicedesk.ui.parts.part_dialog import PartDialog
        return PartDialog(ctx, P.get_part(ctx.db, P.list_parts(ctx.db, limit=1)[0].id), w)

    def old_part(ctx, w):
        from servicedesk.ui.parts.move_dialog import OldPartDialog
        return OldPartDialog(ctx, P.old_parts_pending(ctx.db)[0], w)

    def start_count(ctx, w):
        from servicedesk.ui.parts.count_dialog import StartCountDialog
        return StartCountDialog(ctx, w)

    def count(ctx, w):
        from servicedesk.ui.parts.count_dialog import CountDialog
        return CountDialog(ctx, SC.list_counts(ctx.db, limit=1)[0].id, w)

    def call(ctx, w):
        from servicedesk.ui.followups.call_dialog import RecordCallDialog
        return RecordCallDialog(ctx, _followup(ctx, False), w)

    def inspection(ctx, w):
        from servicedesk.ui.followups.inspection_dialog import RecordInspectionDialog
        return RecordInspectionDialog(ctx, _followup(ctx, True), w)

    def plan_inspection(ctx, w):
        from servicedesk.models.followups import calls as F
        from servicedesk.ui.followups.inspection_dialog import MoveInspectionDialog
        row = F.inspection_plan(ctx.db, limit=1)[0]
        return MoveInspectionDialog(ctx, row.equipment_id, f"{row.equipment_model} {row.equipment_serial}",
                                    row.next_due_at, w)

    def pin(mode):
        def make(ctx, w):
            from servicedesk.ui.pay.pin_dialog import PinDialog
            return PinDialog(ctx, _month_with_lines(ctx)[0], mode, w)
        return make

    def deduction(ctx, w):
        from servicedesk.ui.pay.deduction_dialog import DeductionDialog
        month, _tech, line = _month_with_lines(ctx)
        return DeductionDialog(ctx, month, line.ticket_no, w)

    def void_deduction(ctx, w):
        from servicedesk.ui.pay.deduction_dialog import VoidDeductionDialog
        month = _month_with_lines(ctx)[0]
        ded = (PM.list_deductions(ctx.db, month) or [None])[0]
        return VoidDeductionDialog(ctx, ded.id if ded else 1, "YX0000001 资料未按时交内勤", w)

    def dispute(ctx, w):
        from servicedesk.ui.pay.dispute_dialog import DisputeDialog
        month, tech, line = _month_with_lines(ctx)
        return DisputeDialog(ctx, month, tech.name, line, w)

    def resolve(ctx, w):
        from servicedesk.models.pay.disputes import list_disputes
        from servicedesk.models.pay.months import current_month
        from servicedesk.ui.pay.dispute_dialog import ResolveDisputeDialog
        for item in list_disputes(ctx.db, current_month()):
            return ResolveDisputeDialog(ctx, item, w)
        raise LookupError("no dispute this month")

    def adjustment(ctx, w):
        from servicedesk.ui.pay.lines_dialog import AdjustmentDialog
        month, tech, _line = _month_with_lines(ctx)
        return AdjustmentDialog(ctx, month, tech.technician_id, parent=w)

    def reimbursement(ctx, w):
        from servicedesk.ui.pay.lines_dialog import ReimbursementDialog
        month, tech, _line = _month_with_lines(ctx)
        return ReimbursementDialog(ctx, month, tech.technician_id, parent=w)

    def dealer_travel(ctx, w):
        from servicedesk.ui.pay.lines_dialog import DealerTravelDialog
        return DealerTravelDialog(ctx, _ticket(ctx, "closed").id, w)

    def catalog_item(mode):
        def make(ctx, w):
            from servicedesk.ui.pay.catalog_dialog import CatalogItemDialog
            return CatalogItemDialog(ctx, mode, None if mode == "add" else K.list_catalog(ctx.db)[0], w)
        return make

    def catalog_editor(ctx, w):
        from servicedesk.ui.pay.catalog_dialog import CatalogEditor
        return CatalogEditor(ctx, w)

    def technicians(ctx, w):
        from servicedesk.ui.settings.technicians_dialog import TechniciansDialog
        return TechniciansDialog(ctx, w)

    def technician(ctx, w):
        from servicedesk.ui.settings.technicians_dialog import TechnicianEditDialog
        return TechnicianEditDialog(ctx, TM.list_technicians(ctx.db)[0], w)

    def settings(ctx, w):
        from servicedesk.ui.settings.settings_dialog import SettingsDialog
        return SettingsDialog(ctx, w)

    def print_settings(ctx, w):
        from servicedesk.ui.printing.settings_dialog import PrintSettingsDialog
        return PrintSettingsDialog(w, ctx, ["Office printer"])

    def preview(ctx, w):
        from servicedesk.ui.printing.dialogs import preview_ticket
        dialog = preview_ticket(w, ctx, _ticket(ctx, "closed").no)
        if dialog is not None:
            dialog.hide()
        return dialog

    def rollup(ctx, w):
        from servicedesk.ui.kpi.rollup_dialog import RollupDialog
        return RollupDialog(ctx, w)

    def guide(ctx, w):
        from servicedesk.ui.help.dialogs import UserGuideDialog
        return UserGuideDialog(w)

    def about(ctx, w):
        from servicedesk.ui.help.dialogs import AboutDialog
        return AboutDialog(ctx.db_path, w, backup_dir=w.plan.folder)

    def restore(ctx, w):
        from servicedesk.ui.data.backups import RestoreDialog
        return RestoreDialog(backup_plan(ctx.db, ctx.db_path), w)

    def damaged(ctx, w):
        from servicedesk.ui.data.backups import DamagedFileDialog
        return DamagedFileDialog("The data file is damaged: database disk image is malformed.", None, w)

    def import_options(ctx, w):
        from servicedesk.ui.import_export import ImportOptionsDialog
        return ImportOptionsDialog("customers", "客户档案.xlsx", w)

    def problems(ctx, w):
        from servicedesk.ui.import_export import ProblemsDialog
        details = "\n".join(f"第 {r} 行，联系电话：号码位数不对" for r in range(2, 40))
        return ProblemsDialog("导入客户档案", "38 行有问题，什么也没有导入。", details, w)

    def first_start(ctx, w):
        from servicedesk.ui.setup.first_start import FirstStartWizard
        return FirstStartWizard(ctx.db, ctx.db_path)

    def clerk_picker(ctx, w):
        from servicedesk.ui.setup.clerk_picker import ClerkPicker
        return ClerkPicker(["林芳", "何静", "内勤小王"], "林芳", w)

    return [
        ("new-ticket", new_ticket), ("edit-ticket", edit_ticket), ("quick-customer", quick_customer),
        ("dispatch", step("DispatchDialog", "open")), ("visit", step("VisitDialog", "dispatched")),
        ("review", step("ReviewDialog", "completed")), ("signoff", step("SignoffDialog", "reviewed")),
        ("cancel-ticket", step("ReasonDialog", "open", "cancel")),
        ("reopen-ticket", step("ReasonDialog", "closed", "reopen")),
        ("customer", customer), ("equipment", equipment),
        ("part", part), ("receipt", move("receipt")), ("issue", move("issue")), ("return", move("return")),
        ("exchange", move("exchange")), ("scrap", move("scrap")), ("old-part", old_part),
        ("start-count", start_count), ("count", count),
        ("call", call), ("inspection", inspection), ("plan-inspection", plan_inspection),
        ("approve-pin", pin("approve")), ("unlock-pin", pin("unlock")), ("deduction", deduction),
        ("void-deduction", void_deduction), ("dispute", dispute), ("resolve-dispute", resolve),
        ("adjustment", adjustment), ("reimbursement", reimbursement), ("dealer-travel", dealer_travel),
        ("catalog-editor", catalog_editor), ("catalog-add", catalog_item("add")),
        ("catalog-rename", catalog_item("rename")), ("catalog-rerate", catalog_item("rerate")),
        ("technicians", technicians), ("technician", technician), ("settings", settings),
        ("print-settings", print_settings), ("print-preview", preview), ("rollup", rollup),
        ("guide", guide), ("about", about), ("restore", restore), ("damaged", damaged),
        ("import-options", import_options), ("problems", problems),
        ("first-start", first_start), ("clerk-picker", clerk_picker),
    ]


# ---- measuring ------------------------------------------------------------------
def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def default_button(window):
    """The button Enter presses (or the dialog's accept button; a viewer's Close)."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWizard

    if isinstance(window, QWizard):
        for which in (QWizard.NextButton, QWizard.FinishButton):
            button = window.button(which)
            if button.isVisible():
                return button
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
    for b in buttons:
        if b.isDefault():
            return b
    for box in window.findChildren(QDialogButtonBox):
        for role in (QDialogButtonBox.AcceptRole, QDialogButtonBox.YesRole, QDialogButtonBox.ApplyRole,
                     QDialogButtonBox.RejectRole):
            for b in box.buttons():
                if box.buttonRole(b) == role and b.isVisibleTo(window):
                    return b
    return None


def measure(name: str, window, kind: str) -> dict:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QScrollArea

    from servicedesk.ui.common import WINDOW_FRAME, focus_order, visual_order

    screen = window.screen()
    entry = {"name": name, "kind": kind, "class": type(window).__name__,
             "geometry": _rect(window.geometry()),
             "frame": _rect(window.geometry().marginsAdded(WINDOW_FRAME)),
             "maximized": window.isMaximized(),
             "work_area": _rect(screen.availableGeometry()),
             "size_hint": [window.sizeHint().width(), window.sizeHint().height()],
             "minimum_size": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
             "scrolls": bool(window.findChildren(QScrollArea))}
    button = default_button(window)
    if button is not None:
        top_left = button.mapTo(window, QPoint(0, 0))
        entry["default_button"] = {"text": button.text(), "rect": _rect(QRect(top_left, button.size())),
                                   "visible": button.isVisible(),
                                   "in_scroll_area": any(isinstance(p, QScrollArea) for p in _parents(button))}
    if kind == "dialog":
        entry["guarded"] = bool(getattr(window, "asks_before_discarding", False))
        entry["focus_chain"] = [_describe(window, w) for w in focus_order(window)]
        entry["visual_order"] = [_describe(window, w) for w in visual_order(window)]
    return entry


def _parents(widget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def _describe(window, widget) -> str:
    from PySide6.QtCore import QPoint

    pos = widget.mapTo(window, QPoint(0, 0))
    return f"{type(widget).__name__}:{widget.objectName() or '-'}@{pos.x()},{pos.y()}"


def settle(app, ms: int = 150) -> None:
    """Let queued work (lazy loads, layout, timers) run."""
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    from servicedesk.ui.workers import wait_for_workers

    wait_for_workers(10_000)
    app.processEvents()


def _quiet(_kind, _context, message: str) -> None:
    """Qt's own chatter, less what the offscreen platform says about itself."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


# ---- the run --------------------------------------------------------------------
def run(args: argparse.Namespace, scratch: Path) -> dict:
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QDialog

    from servicedesk.config import choose_language
    from servicedesk.models.core.db import open_db
    from servicedesk.models.core.messages import set_display_language
    from servicedesk.ui.app import install_translator, make_application
    from servicedesk.ui.context import AppContext
    from servicedesk.ui.main_window import TAB_KEYS, MainWindow

    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(scratch / "qsettings"))
    qInstallMessageHandler(_quiet)
    app = make_application()
    language = choose_language(args.lang)
    install_translator(app, language)
    set_display_language(language)
    db_copy = scratch / Path(args.db).name
    shutil.copy2(args.db, db_copy)
    db = open_db(db_copy)
    ctx = AppContext(db=db, db_path=db_copy)
    only = set(filter(None, (args.only or "").split(",")))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"screen": {"size": list(args.screen), "scale": args.scale, "taskbar": TASKBAR},
                "language": language, "windows": [], "errors": []}

    window = MainWindow(ctx)
    window.show()
    settle(app, 300)
    for index, key in enumerate(TAB_KEYS):
        name = f"main-{key}"
        if only and name not in only:
            continue
        window.tabs.setCurrentIndex(index)
        settle(app, 300)
        if not args.no_png:
            window.grab().save(str(out / f"{name}.png"))
        manifest["windows"].append(measure(name, window, "main"))
    for name, factory in _dialogs():
        if only and name not in only:
            continue
        if args.verbose:
            print(name, flush=True)
        try:
            dialog = factory(ctx, window)
            if dialog is None:
                raise LookupError("the dialog was not made")
            dialog.show()
            settle(app)
            if not args.no_png:
                dialog.grab().save(str(out / f"dialog-{name}.png"))
            manifest["windows"].append(measure(name, dialog, "dialog"))
            QDialog.done(dialog, QDialog.Rejected)
            dialog.deleteLater()
            settle(app, 20)
        except Exception as exc:  # noqa: BLE001 - reported in the manifest; the run goes on
            import traceback

            manifest["errors"].append(f"{name}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}")
    window.close()
    app.processEvents()
    db.close()
    QApplication.processEvents()
    return manifest


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="data file with demo data (made when missing)")
    parser.add_argument("--out", required=True, help="folder for the PNG files and manifest.json")
    parser.add_argument("--screen", type=_size, default=(1366, 768), help="screen size, e.g. 1366x768")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling, e.g. 1.5 for 150 %%")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    parser.add_argument("--manifest", help="where to write the JSON manifest (default: OUT/manifest.json)")
    parser.add_argument("--only", help="comma-separated window names (main-tickets, visit, …)")
    parser.add_argument("--no-png", action="store_true", help="measure only")
    parser.add_argument("--verbose", action="store_true", help="name each window as it is shown")
    args = parser.parse_args(argv)
    db = Path(args.db)
    if not db.exists():
        from servicedesk.demo import build_demo
        from servicedesk.models.core.db import open_db

        print(f"making demo data in {db} …", flush=True)
        demo = open_db(db)
        build_demo(demo)
        demo.close()
    with tempfile.TemporaryDirectory(prefix="servicedesk-screens-", ignore_cleanup_errors=True) as tmp:
        scratch = Path(tmp)
        width, height = args.screen
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(width, height, args.scale, scratch)
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
        os.environ["SERVICEDESK_LOG_DIR"] = str(scratch / "log")
        os.environ.setdefault("XDG_CONFIG_HOME", str(scratch / "config"))
        manifest = run(args, scratch)
    path = Path(args.manifest) if args.manifest else Path(args.out) / "manifest.json"
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    for error in manifest["errors"]:
        print(error, file=sys.stderr)
    print(f"{len(manifest['windows'])} windows, {len(manifest['errors'])} errors; manifest {path}")
    return 1 if manifest["errors"] else 0


if __name__ == "__main__":
    code = main()
    # Everything is written and closed. After ~50 dialogs made and deleted in
    # one process, the interpreter's final garbage collection sometimes frees
    # a PySide6 wrapper after its QApplication and crashes (exit -11, depending
    # on the build's layout); this measuring tool leaves without that teardown.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
