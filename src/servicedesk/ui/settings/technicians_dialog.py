"""服务人员档案: the register of technicians and supervisors.

Tickets are dispatched to the people in this register and pay is computed
per person, so on a fresh data file this is the first thing the clerk fills
(by hand or from the technicians sheet). People who leave are deactivated,
never deleted: old tickets and pay months refer to them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from servicedesk.models.core.phones import format_phone
from servicedesk.models.tickets import technicians as TM
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.settings import get_setting
from servicedesk.models.core.validation import fen_to_yuan_str, parse_money_fen, parse_phone
from servicedesk.ui.common import EmptyState, ValidatedForm, confirm, record_table, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.import_export import SheetExchange, sheet_button
from servicedesk.ui.record_actions import delete_or_deactivate
from servicedesk.ui.table_model import ColumnDef, RIGHT, RecordTableModel
from servicedesk.ui.form_dialog import EditDialog
from servicedesk.ui.common import FittedDialog



def role_text(role: str) -> str:
    return {"technician": QCoreApplication.translate("Technicians", "Service technician"),
            "supervisor": QCoreApplication.translate("Technicians", "Service supervisor")}.get(role, role)


def active_text(active: bool) -> str:
    return (QCoreApplication.translate("Technicians", "In service") if active
            else QCoreApplication.translate("Technicians", "Left (inactive)"))


class TechnicianEditDialog(EditDialog):
    """Add or correct one person; problems appear under the field."""

    saved = Signal(object)      # Technician

    def __init__(self, ctx: AppContext, tech: TM.Technician | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.tech = ctx, tech
        self.setWindowTitle(self.tr("Edit technician") if tech else self.tr("New technician"))
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        self.form = ValidatedForm(self)
        lay.addWidget(self.form)
        self.name = self.form.add_row("name", self.tr("Full name"), QLineEdit(tech.name if tech else "", self))
        self.name.setObjectName("name")
        self.phone = self.form.add_row("phone", self.tr("Phone"), QLineEdit(tech.phone if tech else "", self))
        self.phone.setObjectName("phone")
        self.phone.setPlaceholderText(self.tr("mobile (11 digits) or landline"))
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in TM.ROLES:
            self.role.addItem(role_text(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(tech.role if tech else "technician")))
        self.form.add_row("role", self.tr("Role"), self.role)
        self.salary = self.form.add_row(
            "base_salary_fen", self.tr("Base salary (yuan)"),
            QLineEdit(fen_to_yuan_str(tech.base_salary_fen) if tech else "", self))
        self.salary.setObjectName("base_salary")
        self.active = QCheckBox(self.tr("Works here (can be dispatched)"), self)
        self.active.setChecked(tech.active if tech else True)
        self.form.add_row("active", self.tr("In service"), self.active)
        self._supervisor_base = int(get_setting(ctx.db, "pay.supervisor_base_fen", 0) or 0)
        self.role.currentIndexChanged.connect(lambda _i: self._salary_hint())
        self._salary_hint()
        # Checked on leaving the field, without pulling the focus back.
        self.phone.editingFinished.connect(lambda: self._check("phone", lambda: parse_phone(self.phone.text(),
                                                                                            "phone")))
        self.salary.editingFinished.connect(lambda: self._check(
            "base_salary_fen", lambda: parse_money_fen(self.salary.text(), "base_salary_fen")))
        self.name.textChanged.connect(lambda _t: self.form.set_message("name", ""))

        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)
        self.name.setFocus()

    def _salary_hint(self) -> None:
        if self.role.currentData() == "supervisor":
            self.salary.setPlaceholderText(self.tr("blank: the supervisor base salary %1 from the settings")
                                           .replace("%1", fen_to_yuan_str(self._supervisor_base)))
        else:
            self.salary.setPlaceholderText(self.tr("e.g. 3200.00; blank: 0"))

    def _check(self, key: str, parse) -> None:
        try:
            parse()
        except DomainError as exc:
            self.form.set_message(key, exc.message)
            return
        self.form.set_message(key, "")

    def reload_record(self) -> None:
        """The person as stored now (after someone else saved them); the next save compares this version."""
        self.tech = TM.get_technician(self.ctx.db, self.tech.id)
        t = self.tech
        self.name.setText(t.name)
        self.phone.setText(t.phone)
        self.role.setCurrentIndex(max(0, self.role.findData(t.role)))
        self.salary.setText(fen_to_yuan_str(t.base_salary_fen))
        self.active.setChecked(t.active)
        self.form.clear_errors()

    def input_data(self) -> TM.TechnicianInput:
        return TM.TechnicianInput(
            name=self.name.text(), phone=self.phone.text(), role=self.role.currentData(),
            base_salary_fen=parse_money_fen(self.salary.text(), "base_salary_fen"),
            active=self.active.isChecked())

    def save(self) -> None:
        self.form.clear_errors()

        def write() -> TM.Technician | None:
            data = self.input_data()
            if self.tech is None:
                return TM.add_technician(self.ctx.db, data)
            pin = month = None
            if data.base_salary_fen is not None and data.base_salary_fen != self.tech.base_salary_fen:
                from servicedesk.ui.settings.pin_dialogs import ask_manager_pin

                got = ask_manager_pin(self.ctx, self, self.tr(
                    "A base salary is a pay rate: the manager PIN (经理密码) and the month it takes effect."),
                    with_month=True)
                if got is None:
                    return None
                pin, month = got
            return TM.update_technician(self.ctx.db, self.tech.id, data, pin=pin, effective_month=month,
                                        loaded=self.tech, who=self.ctx.user)

        ok, saved = self.attempt_save(write, self.reload_record, self.form)
        if not ok:
            return
        self.tech = saved
        self.saved.emit(saved)
        self.accept()


class TechniciansDialog(FittedDialog):
    """The register: list, add, edit, deactivate/reactivate, import/export."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current_dialog: TechnicianEditDialog | None = None
        self.setWindowTitle(self.tr("Technician register"))
        self.resize(760, 460)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("The people tickets are dispatched to and paid. Someone who leaves is "
                               "deactivated, not deleted: their old tickets and pay stay as they were."), self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #505050;")
        lay.addWidget(intro)

        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add (Ctrl+N)"), self)
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Edit (Enter)"), self)
        self.edit_button.clicked.connect(self.edit)
        self.active_button = QPushButton(self.tr("Deactivate…"), self)
        self.active_button.setObjectName("toggle_active")
        self.active_button.clicked.connect(self.toggle_active)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("delete")
        self.delete_button.setToolTip(self.tr("Only someone no ticket, stock line or pay record names "
                                              "(e.g. a name typed by mistake); others are deactivated."))
        self.delete_button.clicked.connect(self.delete)
        self.sheets = SheetExchange(ctx, self, announce=self._imported)
        self.sheet_button = sheet_button(self, self.sheets, ["technicians"])
        self.show_inactive = QCheckBox(self.tr("Show people who left"), self)
        self.show_inactive.setChecked(True)
        self.show_inactive.toggled.connect(lambda _c: self.reload())
        for w in (self.add_button, self.edit_button, self.active_button, self.delete_button):
            w.setAutoDefault(False)
            bar.addWidget(w)
        bar.addWidget(self.sheet_button)
        bar.addStretch(1)
        bar.addWidget(self.show_inactive)
        lay.addLayout(bar)

        self.model = RecordTableModel([
            ColumnDef("name", self.tr("Full name"), width=120),
            ColumnDef("phone", self.tr("Phone"), display=lambda r: format_phone(r.phone), width=120),
            ColumnDef("role", self.tr("Role"), display=lambda t: role_text(t.role), width=90),
            ColumnDef("base_salary_fen", self.tr("Base salary (yuan)"),
                      display=lambda t: fen_to_yuan_str(t.base_salary_fen), align=RIGHT, width=130),
            ColumnDef("active", self.tr("Status"), display=lambda t: active_text(t.active)),
        ], self, row_color=lambda t: None if t.active else "grey")
        self.table = record_table(self.model, "technicians_table", self, sortable=False)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.activated.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_buttons())
        self.empty = EmptyState(self.tr("Nobody in the register yet. Add the office's technicians and "
                                        "supervisors with “Add”, or import them from Excel "
                                        "(Import / Export ▸ Save an empty template first)."), self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        lay.addWidget(self.stack, 1)
        self.count_label = QLabel(self)
        self.count_label.setStyleSheet("color: #6b6b6b;")
        lay.addWidget(self.count_label)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add)
        self.reload()

    # ---- list -------------------------------------------------------------------------
    def reload(self, keep_id: int | None = None) -> None:
        if keep_id is None and self.current() is not None:
            keep_id = self.current().id
        people = TM.list_technicians(self.ctx.db, active_only=not self.show_inactive.isChecked())
        self.model.set_rows(people)
        self.stack.setCurrentWidget(self.table if people else self.empty)
        row = next((i for i, t in enumerate(people) if t.id == keep_id), 0 if people else -1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        active = sum(1 for t in people if t.active)
        self.count_label.setText(self.tr("%1 active, %2 in the list").replace("%1", str(active))
                                 .replace("%2", str(len(people))))
        self._update_buttons()

    def current(self) -> TM.Technician | None:
        index = self.table.currentIndex()
        if index.isValid() and index.row() < self.model.rowCount():
            return self.model.row(index.row())
        return None

    def _update_buttons(self) -> None:
        tech = self.current()
        self.edit_button.setEnabled(tech is not None)
        self.active_button.setEnabled(tech is not None)
        self.delete_button.setEnabled(tech is not None)
        self.active_button.setText(self.tr("Reactivate…") if tech is not None and not tech.active
                                   else self.tr("Deactivate…"))

    # ---- actions ------------------------------------------------------------------------
    def _open(self, dialog: TechnicianEditDialog) -> None:
        """Window-modal, non-blocking (tests drive `current_dialog`)."""
        self.current_dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _r: setattr(self, "current_dialog", None))
        dialog.open()

    def add(self) -> None:
        self._open(TechnicianEditDialog(self.ctx, None, self))

    def edit(self) -> None:
        tech = self.current()
        if tech is not None:
            self._open(TechnicianEditDialog(self.ctx, tech, self))

    def _saved(self, tech: TM.Technician) -> None:
        self.ctx.status(self.tr("Saved %1").replace("%1", tech.name))
        self.reload(tech.id)
        self.ctx.data_changed("technicians")

    def toggle_active(self) -> None:
        tech = self.current()
        if tech is None:
            return
        if tech.active:
            asked = confirm(self, self.tr("Deactivate"),
                            self.tr("%1 has left the office? They can no longer be dispatched; their tickets "
                                    "and pay stay as they are. You can reactivate them later.")
                            .replace("%1", tech.name))
        else:
            asked = confirm(self, self.tr("Reactivate"),
                            self.tr("%1 works here again and can be dispatched?").replace("%1", tech.name))
        if not asked:
            return
        try:
            changed = TM.set_active(self.ctx.db, tech.id, not tech.active)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.status((self.tr("%1 reactivated") if changed.active else self.tr("%1 deactivated"))
                        .replace("%1", changed.name))
        self.reload(changed.id)
        self.ctx.data_changed("technicians")

    def delete(self) -> None:
        """Delete someone without history; anyone with history can only be deactivated (the question says why)."""
        tech = self.current()
        if tech is None:
            return
        done = delete_or_deactivate(
            self, self.ctx, "technician", tech.id, tech.name,
            delete=lambda: TM.delete_technician(self.ctx.db, tech.id, who=self.ctx.user),
            deactivate=lambda: TM.set_active(self.ctx.db, tech.id, False, who=self.ctx.user))
        if done is None:
            return
        self.ctx.status((self.tr("%1 deleted") if done == "delete" else self.tr("%1 deactivated"))
                        .replace("%1", tech.name))
        self.reload(None if done == "delete" else tech.id)
        self.ctx.data_changed("technicians")

    def _imported(self, kind: str) -> None:
        self.reload()
        self.ctx.data_changed(kind)


def open_technicians(parent: QWidget | None, ctx: AppContext) -> None:
    """Settings ▸ Technicians…"""
    TechniciansDialog(ctx, parent).exec()
