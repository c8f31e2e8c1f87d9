"""Words and small widgets shared by the tickets tab and the ticket dialogs.

Labels are English source strings translated through QCoreApplication.translate
(context "Tickets") so lupdate sees every literal; the stored values stay the
English keys of the schema.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget,
)


def status_text(status: str | None) -> str:
    return {
        "open": QCoreApplication.translate("Tickets", "Received"),
        "dispatched": QCoreApplication.translate("Tickets", "Dispatched"),
        "completed": QCoreApplication.translate("Tickets", "Completed"),
        "reviewed": QCoreApplication.translate("Tickets", "Reviewed"),
        "closed": QCoreApplication.translate("Tickets", "Closed"),
        "cancelled": QCoreApplication.translate("Tickets", "Cancelled"),
    }.get(status or "", status or "")


def status_group_text(group: str) -> str:
    """The status tabs (UI.md): 全部 · 待派工 · 处理中 · 待审核 · 待回访 · 已结案 · 已取消."""
    return {
        "all": QCoreApplication.translate("Tickets", "All"),
        "open": QCoreApplication.translate("Tickets", "To dispatch"),
        "dispatched": QCoreApplication.translate("Tickets", "In progress"),
        "completed": QCoreApplication.translate("Tickets", "To review"),
        "reviewed": QCoreApplication.translate("Tickets", "To call back"),
        "closed": QCoreApplication.translate("Tickets", "Closed"),
        "cancelled": QCoreApplication.translate("Tickets", "Cancelled"),
    }[group]


def type_text(kind: str | None) -> str:
    return {
        "repair": QCoreApplication.translate("Tickets", "Repair"),
        "installation": QCoreApplication.translate("Tickets", "Installation"),
        "inspection": QCoreApplication.translate("Tickets", "Inspection"),
        "technical_service": QCoreApplication.translate("Tickets", "Technical service"),
        "complaint": QCoreApplication.translate("Tickets", "Complaint"),
    }.get(kind or "", kind or "")


def channel_text(channel: str | None) -> str:
    return {
        "hotline": QCoreApplication.translate("Tickets", "Hotline"),
        "regional_manager": QCoreApplication.translate("Tickets", "Regional manager"),
        "dealer": QCoreApplication.translate("Tickets", "Dealer"),
        "online": QCoreApplication.translate("Tickets", "Online"),
        "walk_in": QCoreApplication.translate("Tickets", "Walk-in"),
    }.get(channel or "", channel or "")


def level_text(level: int | None) -> str:
    return {
        1: QCoreApplication.translate("Tickets", "Level 1"),
        2: QCoreApplication.translate("Tickets", "Level 2"),
        3: QCoreApplication.translate("Tickets", "Level 3"),
        4: QCoreApplication.translate("Tickets", "Level 4"),
    }.get(level, "" if level is None else str(level))


def level_meaning(level: int) -> str:
    return {
        1: QCoreApplication.translate("Tickets", "System down, service interrupted"),
        2: QCoreApplication.translate("Tickets", "Main part or function lost or degraded"),
        3: QCoreApplication.translate("Tickets", "Accessory damaged, may affect performance"),
        4: QCoreApplication.translate("Tickets", "Not a system fault (operation or handling): solved remotely"),
    }[level]


def result_text(result: str | None) -> str:
    return {"done": QCoreApplication.translate("Tickets", "Done"), "not_done": QCoreApplication.translate("Tickets", "Not done")}.get(result or "", result or "")


def warranty_text(warranty: str | None) -> str:
    return {"in": QCoreApplication.translate("Tickets", "In warranty"), "out": QCoreApplication.translate("Tickets", "Out of warranty")}.get(warranty or "", "")


def sla_text(sla: str | None) -> str:
    """Never colour alone: every colour of a row has one of these words."""
    return {
        "on_time": QCoreApplication.translate("Tickets", "Within deadline"),
        "due_soon": QCoreApplication.translate("Tickets", "Due soon"),
        "overdue": QCoreApplication.translate("Tickets", "Overdue"),
        "met": QCoreApplication.translate("Tickets", "Arrived on time"),
        "missed": QCoreApplication.translate("Tickets", "Late"),
    }.get(sla or "", "")


def part_kind_text(kind: str | None) -> str:
    return {"warranty": QCoreApplication.translate("Tickets", "Warranty part (free)"), "bought": QCoreApplication.translate("Tickets", "Bought by customer")}.get(
        kind or "", kind or "")


def event_action_text(action: str) -> str:
    """The step that wrote a log line (tickets.log_event action keys)."""
    return {
        "open": QCoreApplication.translate("Tickets", "Intake"),
        "update": QCoreApplication.translate("Tickets", "Edited"),
        "dispatch": QCoreApplication.translate("Tickets", "Dispatch"),
        "reassign": QCoreApplication.translate("Tickets", "Reassigned"),
        "visit": QCoreApplication.translate("Tickets", "Visit recorded"),
        "review": QCoreApplication.translate("Tickets", "Review"),
        "signoff": QCoreApplication.translate("Tickets", "Customer sign-off"),
        "close": QCoreApplication.translate("Tickets", "Close-out"),
        "cancel": QCoreApplication.translate("Tickets", "Cancelled"),
        "reopen": QCoreApplication.translate("Tickets", "Reopened"),
        "import": QCoreApplication.translate("Tickets", "Imported"),
        "print": QCoreApplication.translate("Tickets", "Printed"),
        "reprint": QCoreApplication.translate("Tickets", "Reprinted"),
        "followup_call": QCoreApplication.translate("Tickets", "Follow-up call"),
    }.get(action, action)


TICKET_TYPES = ("repair", "installation", "inspection", "technical_service", "complaint")
CHANNELS = ("hotline", "regional_manager", "dealer", "online", "walk_in")
LEVELS = (1, 2, 3, 4)


def fill_combo(combo: QComboBox, items: list[tuple[str, object]], current: object = None) -> None:
    """Replace the items (text, data) and keep/select `current` data if present."""
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def short_time(value: str | None) -> str:
    """'2026-10-03 14:30:00' -> '2026-10-03 14:30' (seconds are noise in a list)."""
    return (value or "")[:16]


def duration_text(delta: _dt.timedelta) -> str:
    """Whole days, hours and minutes ('2 d 3 h', '45 min') for countdowns."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Tickets", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return QCoreApplication.translate("Tickets", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
    return QCoreApplication.translate("Tickets", "%1 min").replace("%1", str(mins))


def countdown_text(deadline: _dt.datetime | None, now: _dt.datetime | None = None) -> str:
    if deadline is None:
        return ""
    now = now or _dt.datetime.now()
    if deadline >= now:
        return QCoreApplication.translate("Tickets", "in %1").replace("%1", duration_text(deadline - now))
    return QCoreApplication.translate("Tickets", "overdue by %1").replace("%1", duration_text(now - deadline))


class DateTimeField(QWidget):
    """A typed date-time ('2026-10-03 14:30') with a Now button.

    A line edit is quicker than spin boxes for a clerk on the phone and can
    be empty; the model layer parses and names the field if it is wrong.
    The box shows minutes, but a value given to it (or taken by Now) keeps its
    seconds while the text is left as shown: re-saving a form then changes
    nothing, and 'now' is never earlier than a time stamped a moment ago.
    """

    changed = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None, with_now: bool = True):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self._exact = text or ""
        self.edit = QLineEdit(short_time(text))
        # A format hint, not an example value that could pass for a real time.
        self.edit.setPlaceholderText(QCoreApplication.translate("Tickets", "YYYY-MM-DD HH:MM"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        lay.addWidget(self.edit, 1)
        self.now_button = None
        if with_now:
            self.now_button = QPushButton(QCoreApplication.translate("Tickets", "Now"))
            self.now_button.setFocusPolicy(Qt.TabFocus)
            self.now_button.setAutoDefault(False)
            self.now_button.clicked.connect(self.set_now)
            lay.addWidget(self.now_button)
        self.setFocusProxy(self.edit)

    def set_now(self) -> None:
        self.setText(_dt.datetime.now().replace(microsecond=0).isoformat(sep=" "))

    def text(self) -> str:
        return self.edit.text().strip()

    def value(self) -> str | None:
        text = self.text()
        if text and self._exact and text == short_time(self._exact):
            return self._exact
        return text or None

    def setText(self, text: str | None) -> None:  # noqa: N802 - Qt naming
        self._exact = text or ""
        self.edit.setText(short_time(text))


class Badge(QLabel):
    """A small coloured word (status, warranty, SLA): colour plus text, never colour alone."""

    STYLES = {
        "red": ("#FDE2E1", "#B3261E"),
        "amber": ("#FFF1CC", "#8A5A00"),
        "green": ("#E3F4E1", "#1E6B2A"),
        "grey": ("#ECECEC", "#505050"),
        "blue": ("#E3ECFA", "#1D4E9E"),
    }

    def __init__(self, text: str = "", color: str = "grey", parent: QWidget | None = None):
        super().__init__(parent)
        self.set(text, color)

    def set(self, text: str, color: str = "grey") -> None:
        bg, fg = self.STYLES.get(color, self.STYLES["grey"])
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ background: {bg}; color: {fg}; border-radius: 3px; "
                           "padding: 1px 6px; font-weight: 600; }")
        self.setVisible(bool(text))


def alias_field(form, key: str, widget: QWidget, error_of) -> None:
    """Let a ValidatedForm show errors for `key` (a model field name) beside a
    widget that shares a row with others: `error_of` is the key of that row or
    a FieldError placed elsewhere. (ValidatedForm keeps one error label per row.)"""
    form._fields[key] = widget
    form._errors[key] = form._errors[error_of] if isinstance(error_of, str) else error_of
