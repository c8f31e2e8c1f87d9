"""Business settings (rates, limits, office identity) stored in the data file.

Data-driven: each field names its settings key, how it is shown (yuan for
fen, hours and minutes for minutes, percent for basis points) and its group tab. Values
are converted back exactly (integers) and saved through models.settings, so
the rules travel with the data file. Saving is all-or-nothing: the first bad
value is shown beside its field and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QDoubleSpinBox, QHBoxLayout, QLineEdit, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget,
)

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.settings import get_settings, protected_changes, save_settings
from servicedesk.ui.settings.pin_dialogs import ask_manager_pin
from servicedesk.ui.common import ValidatedForm, show_error
from servicedesk.ui.context import AppContext
from servicedesk.ui.form_dialog import EditDialog

CTX = "SettingsDialog"


class DurationEdit(QWidget):
    """A time limit as hours and minutes: a 10-minute limit reads "0 h 10 min",
    never "0.17 h" (the stored value is whole minutes)."""

    def __init__(self, minutes: int = 0, parent: QWidget | None = None, *, max_hours: int = 1000):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.hours_box = QSpinBox(self)
        self.hours_box.setMaximum(max_hours)
        self.hours_box.setSuffix(QCoreApplication.translate(CTX, " h"))
        self.minutes_box = QSpinBox(self)
        self.minutes_box.setRange(0, 59)
        self.minutes_box.setSuffix(QCoreApplication.translate(CTX, " min"))
        lay.addWidget(self.hours_box)
        lay.addWidget(self.minutes_box)
        lay.addStretch(1)
        self.setFocusProxy(self.hours_box)
        self.setMinutes(minutes)

    def setMinutes(self, minutes: int) -> None:  # noqa: N802 - Qt naming
        self.hours_box.setValue(minutes // 60)
        self.minutes_box.setValue(minutes % 60)

    def minutes(self) -> int:
        return self.hours_box.value() * 60 + self.minutes_box.value()

    def text(self) -> str:
        """As the clerk reads it: "2 小时", "10 分钟", "1 小时 30 分钟"."""
        h, m = divmod(self.minutes(), 60)
        hours = QCoreApplication.translate(CTX, "%1 hours").replace("%1", str(h))
        mins = QCoreApplication.translate(CTX, "%1 minutes").replace("%1", str(m))
        return " ".join(p for p, n in ((hours, h), (mins, m)) if n) or mins


@dataclass(frozen=True)
class SettingField:
    group: str
    key: str
    label: str
    kind: str = "int"        # text | int | yuan (fen) | duration (minutes) | percent (bp) | choice
    maximum: int = 100_000
    choices: tuple[str, ...] = ()


FIELDS: tuple[SettingField, ...] = (
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Office"), "office.name", QT_TRANSLATE_NOOP("SettingsDialog", "Office name (printed on forms)"), "text"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Office"), "office.department_code", QT_TRANSLATE_NOOP("SettingsDialog", "Department code (ticket number prefix)"), "text"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Office"), "office.area_code", QT_TRANSLATE_NOOP("SettingsDialog", "Area code for local phone numbers (0571)"), "text"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Office"), "warranty.months", QT_TRANSLATE_NOOP("SettingsDialog", "Warranty period (months)"), "int", 120),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Office"), "equipment.earliest_year", QT_TRANSLATE_NOOP("SettingsDialog", "Earliest year of equipment dates"), "int", 2100),
    *(SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Fault levels"), f"level.{lv}.{what}_minutes", label, "duration", 1000)
      for lv, what, label in (
          (1, "response", QT_TRANSLATE_NOOP("SettingsDialog", "Level 1: respond within")),
          (1, "onsite", QT_TRANSLATE_NOOP("SettingsDialog", "Level 1: on site within")),
          (2, "response", QT_TRANSLATE_NOOP("SettingsDialog", "Level 2: respond within")),
          (2, "onsite", QT_TRANSLATE_NOOP("SettingsDialog", "Level 2: on site within")),
          (3, "response", QT_TRANSLATE_NOOP("SettingsDialog", "Level 3: respond within")),
          (3, "onsite", QT_TRANSLATE_NOOP("SettingsDialog", "Level 3: on site within")),
          (4, "response", QT_TRANSLATE_NOOP("SettingsDialog", "Level 4: respond within")),
          (4, "onsite", QT_TRANSLATE_NOOP("SettingsDialog", "Level 4: remote fix within")),
      )),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Fault levels"), "ticket.default_onsite_minutes", QT_TRANSLATE_NOOP("SettingsDialog", "No level: on site within"), "duration", 1000),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Fault levels"), "ticket.due_soon_minutes", QT_TRANSLATE_NOOP("SettingsDialog", "Mark as due soon (before the deadline)"), "duration", 1000),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Fault levels"), "ticket.repeat_fault_days", QT_TRANSLATE_NOOP("SettingsDialog", "Repeat fault window (days)"), "int", 365),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Paid service"), "quote.lodging_per_day_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Lodging per day (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Paid service"), "quote.meals_per_day_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Meals per day (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Paid service"), "quote.labour_per_day_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Labour per day (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Paid service"), "quote.tax_bp", QT_TRANSLATE_NOOP("SettingsDialog", "Tax (%)"), "percent"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Paid service"), "quote.management_bp", QT_TRANSLATE_NOOP("SettingsDialog", "Management fee (%)"), "percent"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Pay"), "pay.rate_per_hour_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Performance pay per work hour (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Pay"), "pay.living_allowance_per_day_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Living allowance per day (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Pay"), "pay.supervisor_base_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Supervisor base salary (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Pay"), "pay.team_split", QT_TRANSLATE_NOOP("SettingsDialog", "Team split of work hours"), "choice", choices=("equal", "leader_weighted")),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Pay"), "pay.missing_document_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Deduction per missing document (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Pay"), "pay.defect_per_item_fen", QT_TRANSLATE_NOOP("SettingsDialog", "Deduction per defect item (yuan)"), "yuan"),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Follow-ups"), "followup.satisfaction_hours", QT_TRANSLATE_NOOP("SettingsDialog", "Satisfaction call within (hours after closing)"), "int", 240),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Follow-ups"), "followup.service.first_min_days", QT_TRANSLATE_NOOP("SettingsDialog", "After a service: first call from (days)"), "int", 365),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Follow-ups"), "followup.service.first_max_days", QT_TRANSLATE_NOOP("SettingsDialog", "After a service: first call by (days)"), "int", 365),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Follow-ups"), "followup.install.first_min_days", QT_TRANSLATE_NOOP("SettingsDialog", "After an installation: first call from (days)"), "int", 365),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Follow-ups"), "followup.install.first_max_days", QT_TRANSLATE_NOOP("SettingsDialog", "After an installation: first call by (days)"), "int", 365),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "Follow-ups"), "followup.inspection_interval_days", QT_TRANSLATE_NOOP("SettingsDialog", "Inspection interval (days)"), "int", 3650),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "KPI"), "kpi.grade.excellent", QT_TRANSLATE_NOOP("SettingsDialog", "Grade 优秀 from (%)"), "int", 100),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "KPI"), "kpi.grade.good", QT_TRANSLATE_NOOP("SettingsDialog", "Grade 良好 from (%)"), "int", 100),
    SettingField(QT_TRANSLATE_NOOP("SettingsDialog", "KPI"), "kpi.grade.pass", QT_TRANSLATE_NOOP("SettingsDialog", "Grade 合格 from (%)"), "int", 100),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


class SettingsDialog(EditDialog):
    """The business settings by group; fits the screen and asks before typed changes are dropped."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Business settings"))
        self.resize(560, 480)
        self.widgets: dict[str, QWidget] = {}
        self.forms: dict[str, ValidatedForm] = {}
        values = get_settings(ctx.db)
        tabs = QTabWidget(self)
        for f in FIELDS:
            form = self.forms.get(f.group)
            if form is None:
                form = self.forms[f.group] = ValidatedForm()
                tabs.addTab(form, _t(f.group))
            widget = self._editor(f, values.get(f.key))
            form.add_row(f.key, _t(f.label), widget)
            self.widgets[f.key] = widget
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(buttons)

    @staticmethod
    def _editor(f: SettingField, value) -> QWidget:
        if f.kind == "text":
            w = QLineEdit(str(value or ""))
        elif f.kind == "choice":
            w = QComboBox()
            w.addItems(list(f.choices))
            w.setCurrentText(str(value))
        elif f.kind == "duration":
            w = DurationEdit(int(value or 0), max_hours=f.maximum)
        elif f.kind in ("yuan", "percent"):
            w = QDoubleSpinBox()
            w.setDecimals(2)
            w.setMaximum(f.maximum)
            divisor = {"yuan": 100, "percent": 100}[f.kind]
            w.setValue(int(value or 0) / divisor)
        else:
            w = QSpinBox()
            w.setMaximum(f.maximum)
            w.setValue(int(value or 0))
        return w

    def values(self) -> dict[str, object]:
        """Widget values converted back to the stored integers (exact: round to whole units)."""
        out: dict[str, object] = {}
        for f in FIELDS:
            w = self.widgets[f.key]
            if f.kind == "text":
                text = w.text().strip()
                out[f.key] = text.upper() if f.key == "office.department_code" else text
            elif f.kind == "choice":
                out[f.key] = w.currentText()
            elif f.kind == "duration":
                out[f.key] = w.minutes()
            elif f.kind in ("yuan", "percent"):
                factor = {"yuan": 100, "percent": 100}[f.kind]
                out[f.key] = int(round(w.value() * factor))
            else:
                out[f.key] = int(w.value())
        return out

    def save(self) -> None:
        for form in self.forms.values():
            form.clear_errors()
        values = self.values()
        pin = month = None
        protected = protected_changes(self.ctx.db, values)
        if protected:  # a pay rate changed: the manager PIN and the month it takes effect
            got = ask_manager_pin(self.ctx, self, self.tr("Pay rates are protected by the manager PIN (经理密码) "
                                                          "and take effect from a month: %1")
                                  .replace("%1", ", ".join(protected)), with_month=True)
            if got is None:
                return
            pin, month = got
        try:
            save_settings(self.ctx.db, values, pin=pin, effective_month=month)
        except DomainError as exc:
            for f in FIELDS:
                if f.key == exc.field:
                    self.forms[f.group].show_error(f.key, exc.message)
                    return
            show_error(self, exc)
            return
        self.ctx.status(self.tr("Settings saved"))
        self.ctx.data_changed("settings")
        self.accept()
