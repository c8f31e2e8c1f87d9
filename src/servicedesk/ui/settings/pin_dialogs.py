"""设置 ▸ 修改经理密码… and the prompt for the manager PIN before a protected change.

The manager PIN (经理密码) is models/core/pin.py's: the change dialog asks
the current PIN once one is set and the new one twice; the prompt asks the
PIN (and, for pay rates, the month the change takes effect) and leaves the
checking to the model, which counts wrong PINs towards the lockout.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from servicedesk.models.core.errors import ValidationError
from servicedesk.models.core.pin import pin_is_set, set_pin
from servicedesk.models.core.settings import earliest_effective_month
from servicedesk.ui.context import AppContext
from servicedesk.ui.pay.dialog_common import PayFormDialog


class _PinForm(PayFormDialog):
    def secret(self, key: str, label: str) -> QLineEdit:
        edit = self.line(key, label)
        edit.setEchoMode(QLineEdit.Password)
        return edit


class ChangePinDialog(_PinForm):
    """Set the manager PIN the first time, or change it (current PIN required)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Change manager PIN"), parent)
        self.setObjectName("changePinDialog")
        self.had_pin = pin_is_set(ctx.db)
        self.set_intro(self.tr("The manager PIN (4 to 12 digits) protects pay approval, pay rates and "
                               "restoring a backup.") if self.had_pin else
                       self.tr("No manager PIN is set yet. Choose one (4 to 12 digits): it protects pay "
                               "approval, pay rates and restoring a backup."))
        self.old = self.secret("old_pin", self.tr("Current manager PIN")) if self.had_pin else None
        self.new = self.secret("pin", self.tr("New manager PIN"))
        self.new2 = self.secret("pin2", self.tr("Repeat the new PIN"))
        (self.old or self.new).setFocus()

    def save(self) -> None:
        if self.new.text().strip() != self.new2.text().strip():
            raise ValidationError(self.tr("The two PINs differ."), "pin2")
        try:
            set_pin(self.ctx.db, self.new.text(), self.old.text() if self.old else None)
        except ValidationError as exc:
            if exc.field == "pin" and self.old is not None and "Wrong PIN" in exc.english:
                raise ValidationError(exc.message, "old_pin") from exc
            raise
        self.ctx.status(self.tr("Manager PIN changed") if self.had_pin else self.tr("Manager PIN set"))


class ManagerPinPrompt(_PinForm):
    """Ask the manager PIN (and the effective month of a pay-rate change); the caller checks it."""

    def __init__(self, ctx: AppContext, text: str, parent: QWidget | None = None, *, with_month: bool = False):
        super().__init__(ctx, self.tr("Manager PIN"), parent)
        self.setObjectName("managerPinPrompt")
        self.set_intro(text)
        self.pin = self.secret("pin", self.tr("Manager PIN"))
        self.month = self.line("effective_month", self.tr("Takes effect from (month)"), "2026-03",
                               earliest_effective_month(ctx.db)) if with_month else None
        self.pin.setFocus()

    def save(self) -> tuple[str, str | None]:
        if not self.pin.text().strip():
            raise ValidationError(self.tr("Type the manager PIN."), "pin")
        return self.pin.text().strip(), (self.month.text().strip() if self.month else None)


def ask_manager_pin(ctx: AppContext, parent: QWidget | None, text: str,
                    with_month: bool = False) -> tuple[str, str | None] | None:
    """(PIN, effective month or None), or None when cancelled."""
    prompt = ManagerPinPrompt(ctx, text, parent, with_month=with_month)
    if prompt.exec() != ManagerPinPrompt.Accepted:
        return None
    return prompt.result_value


def confirm_restore_pin(ctx: AppContext, parent: QWidget | None, backup) -> bool:
    """文件 ▸ 恢复备份: the manager PIN before the swap (restore.check_restore_pin); False = stop."""
    from servicedesk.models.core.restore import check_restore_pin
    from servicedesk.ui.common import show_error

    got = ask_manager_pin(ctx, parent, QCoreApplication.translate(
        "PinDialogs", "Restoring a backup is a manager action: type the manager PIN (经理密码)."))
    if got is None:
        return False
    try:
        check_restore_pin(ctx.db_path, backup, got[0])
    except Exception as exc:  # noqa: BLE001 - wrong PIN, lockout, no PIN set: said, nothing restored
        show_error(parent, exc)
        return False
    return True
