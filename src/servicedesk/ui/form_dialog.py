"""The save/validate pattern of the dialogs that add or edit one record.

The customer and equipment dialogs (and any like them) behave the same way,
so the clerk learns it once: Save checks every field and marks each problem
beside its field at once, the focus on the first; a field is checked again
when the clerk leaves it; a problem the write still finds goes beside its
field too (any other refusal into a message box); a successful save emits
`saved` with the stored record and closes the dialog. A dialog says only
what differs: its fields' problems, the clerk's words for them, which form
holds a field, and the write.
"""

from __future__ import annotations

from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QDialogButtonBox, QLineEdit, QListWidget, QMessageBox,
    QPlainTextEdit, QPushButton, QTableWidget, QTextEdit, QWidget,
)

from servicedesk.models.core.errors import ConflictError, DomainError, ValidationError
from servicedesk.ui.common import FittedDialog, ask, ValidatedForm, part_of_another_field, show_error


def field_value(widget: QWidget) -> object:
    """What a field holds now, comparable with what it held before (None: not a field)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentIndex(), widget.currentText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QListWidget):  # a list to tick (a dispatch team)
        return tuple(widget.item(i).checkState() == Qt.Checked for i in range(widget.count()))
    if isinstance(widget, QTableWidget):  # lines being gathered (work, parts)
        return tuple(tuple(widget.item(r, c).text() if widget.item(r, c) else ""
                           for c in range(widget.columnCount())) for r in range(widget.rowCount()))
    return None


def _blank(value: object) -> bool:
    return value in ("", False, (), None) or value == (-1, "") or value == (0, "")


def ask_discard(parent: QWidget) -> bool:
    """Ask "放弃未保存的内容？"; True when the clerk chose Discard (Keep editing is the default and Esc)."""
    return ask(parent, "discard_question", QMessageBox.Question,
               QCoreApplication.translate("FormDialog", "Unsaved changes"),
               QCoreApplication.translate("FormDialog", "Discard unsaved changes?"),
               [("discard", QCoreApplication.translate("FormDialog", "Discard"), QMessageBox.DestructiveRole),
                ("keep", QCoreApplication.translate("FormDialog", "Keep editing"), QMessageBox.RejectRole)],
               default="keep", escape="keep") == "discard"


def ask_reload(parent: QWidget, exc: ConflictError) -> bool:
    """Say who changed the record meanwhile; True when the clerk chose Reload.

    Keep my typing (Esc) leaves the form open as typed, so the clerk can copy
    what they wrote; a save stays refused until the record is reloaded.
    """
    return ask(parent, "conflict_question", QMessageBox.Warning,
               QCoreApplication.translate("FormDialog", "Changed meanwhile"), exc.message,
               [("reload", QCoreApplication.translate("FormDialog", "Reload"), QMessageBox.AcceptRole),
                ("keep", QCoreApplication.translate("FormDialog", "Keep my typing"), QMessageBox.RejectRole)],
               default="reload", escape="keep",
               details=QCoreApplication.translate(
                   "FormDialog", "Reload shows what is stored now; what you typed here is replaced. "
                                 "Keep my typing leaves this form as it is, so you can copy from it.")) == "reload"


def offer_reload(dialog: QWidget, exc: ConflictError, reload: Callable[[], None]) -> None:
    """A save refused because someone changed the record: ask, and reload when the clerk says so.

    The dialog stays open either way. `dialog.confirm_reload(exc)` asks
    (ask_reload by default), so a test can answer without a message box.
    """
    ask = getattr(dialog, "confirm_reload", None) or (lambda e: ask_reload(dialog, e))
    if ask(exc):
        reload()
        if isinstance(dialog, DiscardGuard):
            dialog.mark_unchanged()


class DiscardGuard:
    """Mixin for a dialog the clerk types into: Esc or closing asks before typed data is thrown away.

    What the fields hold when the dialog is first shown is remembered; Esc,
    Cancel or the window's close button then close at once when nothing
    changed since, and ask "放弃未保存的内容？" (Keep editing is the default)
    when something did. Saving closes with accept(), which never asks. A
    dialog that fills fields itself after it is shown calls mark_unchanged().
    """

    asks_before_discarding = True

    _start: list[tuple[QWidget, object]] | None = None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._start is None:
            self.mark_unchanged()

    def _fields(self) -> list[QWidget]:
        return [w for w in self.findChildren(QWidget)
                if field_value(w) is not None and not part_of_another_field(w, self)]

    def mark_unchanged(self) -> None:
        """What the fields hold now is what "unchanged" means."""
        self._start = [(w, field_value(w)) for w in self._fields()]

    def has_unsaved_changes(self) -> bool:
        if self._start is None:
            return False
        before = {}
        for widget, value in self._start:
            if shiboken6.isValid(widget):
                before[widget] = value
        for widget in self._fields():
            value = field_value(widget)
            if widget in before:
                if before[widget] != value:
                    return True
            elif not _blank(value):  # a field that appeared since, with something in it
                return True
        return False

    def confirm_discard(self) -> bool:
        """放弃未保存的内容？ — True when the clerk chose to discard."""
        return ask_discard(self)

    def reject(self) -> None:
        if self.asks_before_discarding and self.isVisible() and self.has_unsaved_changes() \
                and not self.confirm_discard():
            return
        super().reject()


class EditDialog(DiscardGuard, FittedDialog):
    """The base of every form dialog: fits the screen, Tab in visual order, asks before discarding."""

    def attempt_save(self, write: Callable[[], Any], reload: Callable[[], None],
                     form: ValidatedForm | None = None) -> tuple[bool, Any]:
        """One save, the same in every dialog: `write` calls the one model function.
        Someone else saved the record meanwhile (ConflictError): say who and what
        and offer 重新载入, keeping the typed form. A refusal (DomainError) is shown
        beside its field on `form`, else in a message box. Nothing is half-saved
        either way (the model's one transaction). `write` returns None when the
        clerk cancelled on the way (a PIN prompt). Returns (saved?, what was stored)."""
        try:
            stored = write()
        except ConflictError as exc:
            offer_reload(self, exc, reload)
            return False, None
        except DomainError as exc:
            if form is None or not form.show_error(exc.field, exc.message):
                show_error(self, exc)
            return False, None
        return stored is not None, stored


class FormDialog(EditDialog):
    """Base of a record dialog; `saved` carries the stored record after a successful save."""

    saved = Signal(object)
    # The field a ValidationError without a field of its own is shown beside.
    fallback_field = ""

    stored_record: Any = None

    # ---- what a dialog gives ---------------------------------------------------
    def field_errors(self) -> dict[str, ValidationError]:
        """Every problem of the values typed now, keyed by field ({} when they can be saved)."""
        raise NotImplementedError

    def message_for(self, key: str, exc: DomainError) -> str:
        """The clerk's words for a field problem (the model's message by default)."""
        return exc.message

    def forms(self) -> list[ValidatedForm]:
        """The forms that hold the fields."""
        raise NotImplementedError

    def form_for(self, key: str) -> ValidatedForm | None:
        """The form that holds field `key` (None: the problem has no field)."""
        return next((f for f in self.forms() if f.field_for(key) is not None), None)

    def write(self) -> Any:
        """Store the values (add or update); returns the stored record."""
        raise NotImplementedError

    def ready_to_write(self) -> bool:
        """Last step before the write, once every field is fine; False stops the save."""
        return True

    def check_while_typing(self, key: str, exc: ValidationError) -> bool:
        """Whether a problem is shown as soon as the clerk leaves the field (else on Save)."""
        return True

    def show_unplaced(self, exc: ValidationError) -> None:
        """A problem with no field of its own: a message box unless the dialog has a place for it."""
        show_error(self, exc)

    def clear_unplaced(self) -> None:
        """Hide what `show_unplaced` showed, when the dialog shows it inline."""

    def reload_record(self) -> None:
        """Show the record as stored now (after a ConflictError); the next save compares that version."""

    def confirm_reload(self, exc: ConflictError) -> bool:
        """Ask whether to reload after someone else changed the record (Reload / Keep my typing)."""
        return ask_reload(self, exc)

    # ---- the shared pattern ----------------------------------------------------
    def add_save_buttons(self) -> QDialogButtonBox:
        """Save and Cancel, Save bound to `save` (`self.buttons`, `self.save_button`)."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _check_field(self, key: str) -> None:
        """Check one field when the clerk leaves it."""
        if not self.isVisible():  # focus leaving a closing dialog is not the clerk moving on
            return
        exc = self.field_errors().get(key)
        if exc is not None and not self.check_while_typing(key, exc):
            exc = None
        form = self.form_for(key)
        if form is not None:
            form.set_message(key, self.message_for(key, exc) if exc is not None else "")

    def show_errors(self, errors: dict[str, ValidationError]) -> None:
        """Every problem beside its field at once; the focus goes to the first field."""
        for form in self.forms():
            form.clear_errors()
        self.clear_unplaced()
        first = None
        for key, exc in errors.items():
            form = self.form_for(key)
            if form is None or not form.show_error(key, self.message_for(key, exc)):
                self.show_unplaced(exc)
                continue
            first = first or (form, key)
        if first:
            first[0].field_for(first[1]).setFocus()

    def save(self) -> None:
        errors = self.field_errors()
        if errors:
            self.show_errors(errors)
            return
        if not self.ready_to_write():
            return
        try:
            stored = self.write()
        except ConflictError as exc:
            offer_reload(self, exc, self.reload_record)
            return
        except ValidationError as exc:
            self.show_errors({exc.field or self.fallback_field: exc})
            return
        except DomainError as exc:
            show_error(self, exc)
            return
        self.stored_record = stored
        self.saved.emit(stored)
        self.accept()
