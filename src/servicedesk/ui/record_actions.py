"""Delete or deactivate (停用) a customer, unit, part or technician: one question, the same everywhere.

A record with history (tickets, ledger lines, planned inspections…) is never
deleted: the question then says what refers to it, in the model's words,
and offers only 停用. A record without history may be deleted (after a
question whose default is Cancel) or deactivated. Deactivated records leave
the pickers and stay in lists, history and search with a mark; the same
action on a deactivated record offers to reactivate it.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.record_guard import deletion_refusal
from servicedesk.ui.common import ask, show_error
from servicedesk.ui.context import AppContext


def choose(parent: QWidget, title: str, text: str, options: list[tuple[str, str]]) -> str | None:
    """A question with one button per (key, label); the key clicked, None for Cancel / Esc (the default)."""
    buttons = [(key, label, QMessageBox.DestructiveRole if key == "delete" else QMessageBox.AcceptRole)
               for key, label in options]
    buttons.append(("cancel", QCoreApplication.translate("RecordActions", "Cancel"), QMessageBox.RejectRole))
    picked = ask(parent, "delete_question", QMessageBox.Question, title, text, buttons,
                 default="cancel", escape="cancel")
    return None if picked == "cancel" else picked


def delete_or_deactivate(parent: QWidget, ctx: AppContext, kind: str, record_id: int, name: str, *,
                         delete: Callable[[], object], deactivate: Callable[[], object],
                         reactivate: Callable[[], object] | None = None,
                         ask: Callable[..., str | None] | None = None) -> str | None:
    """Ask, then delete, deactivate or reactivate; returns "delete", "deactivate",
    "reactivate" or None (cancelled or refused).

    `kind` is "customer", "equipment", "part" or "technician"; `name` what
    the question calls the record. The model refuses a delete again if
    history appeared meanwhile (the message names it). `reactivate`, given
    for a deactivated record, makes the question offer it back (启用) instead.
    """
    if reactivate is not None:
        title = QCoreApplication.translate("RecordActions", "Reactivate %1").replace("%1", name)
        text = QCoreApplication.translate(
            "RecordActions", "%1 is not in use (停用). Use it again in new work?").replace("%1", name)
        options = [("reactivate", QCoreApplication.translate("RecordActions", "Reactivate (启用)"))]
        return _run(parent, (ask or choose)(parent, title, text, options), {"reactivate": reactivate})
    refusal = deletion_refusal(ctx.db, kind, record_id)
    title = QCoreApplication.translate("RecordActions", "Delete %1").replace("%1", name)
    deactivate_label = QCoreApplication.translate("RecordActions", "Deactivate (停用)")
    if refusal is not None:
        text = refusal.message
        options = [("deactivate", deactivate_label)]
    else:
        text = QCoreApplication.translate(
            "RecordActions", "Delete %1? This cannot be undone. Deactivate instead keeps it for the "
                             "records and only hides it from new work.").replace("%1", name)
        options = [("delete", QCoreApplication.translate("RecordActions", "Delete")),
                   ("deactivate", deactivate_label)]
    return _run(parent, (ask or choose)(parent, title, text, options),
                {"delete": delete, "deactivate": deactivate})


def _run(parent: QWidget, picked: str | None, actions: dict[str, Callable[[], object]]) -> str | None:
    """Carry out the answer; a refusal (DomainError) is shown and counts as not done."""
    if picked is None:
        return None
    try:
        actions[picked]()
    except DomainError as exc:
        show_error(parent, exc)
        return None
    return picked
