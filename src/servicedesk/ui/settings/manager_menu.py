"""设置 ▸ 修改经理密码… and 设置 ▸ 操作日志… (issue 17), kept apart from the
dialogs: the menu is built at start-up, the dialogs (and the pay forms they
are built on) are imported when first opened (issue 15: cold start)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from servicedesk.ui.context import AppContext


def add_manager_menu(menu, window: QWidget, ctx: AppContext) -> None:
    menu.addSeparator()
    change = QAction(QCoreApplication.translate("PinDialogs", "Change &manager PIN…"), window)
    change.setObjectName("action_change_pin")
    change.triggered.connect(lambda: change_pin(ctx, window))
    menu.addAction(change)
    audit = QAction(QCoreApplication.translate("PinDialogs", "&Audit log…"), window)
    audit.setObjectName("action_audit_log")
    audit.triggered.connect(lambda: show_audit_log(ctx, window))
    menu.addAction(audit)


def change_pin(ctx: AppContext, window: QWidget) -> None:
    from servicedesk.ui.settings.pin_dialogs import ChangePinDialog

    ChangePinDialog(ctx, window).exec()


def show_audit_log(ctx: AppContext, window: QWidget) -> None:
    from servicedesk.ui.settings.audit_dialog import AuditLogDialog

    AuditLogDialog(ctx, window).exec()
