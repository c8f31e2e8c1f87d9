"""Small widgets and helpers every tab uses, so they look and behave alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFormLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
    QSizePolicy, QTableView, QVBoxLayout, QWidget,
)

from servicedesk.models.core.errors import DomainError

if TYPE_CHECKING:
    from servicedesk.ui.table_model import RecordTableModel


def tr(context: str, text: str) -> str:
    """Module-level translation (lupdate reads QCoreApplication.translate calls)."""
    return QCoreApplication.translate(context, text)


def show_error(parent: QWidget | None, exc: Exception, title: str | None = None) -> None:
    """A domain error in plain words; anything else as an unexpected error,
    logged with its traceback and worded by what happened (ui/data/errors.py)."""
    if isinstance(exc, DomainError):
        message = exc.message
    else:
        from servicedesk.applog import log_exception
        from servicedesk.ui.data.errors import error_text

        log_exception(type(exc), exc, exc.__traceback__)
        message = error_text(exc)
    QMessageBox.warning(parent, title or QCoreApplication.translate("Common", "Cannot do that"), message)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Destructive actions ask first; No is the default button."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
    return answer == QMessageBox.Yes


class EmptyState(QLabel):
    """Grey centred hint that says what to do next, shown when a list is empty."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #6b6b6b; font-size: 14px; padding: 24px;")


def fit_window(widget: QWidget) -> None:
    """Grow the dialog holding `widget` so what just appeared in it fits.

    A top-level window keeps its size when a message label appears inside
    it, so the layout squeezes every row (a two-line error shows as half a
    line, a notes box is cut). This grows the dialog to the height its
    layout needs at its current width (word-wrapped labels need more when
    narrow) and at least to its size hint — never shrinking it (the clerk
    may have made it bigger) and never beyond the screen. Only dialogs: a
    form inside the main window must not resize the main window.
    """
    win = widget.window()
    if not isinstance(win, QDialog) or not win.isVisible() or win.isMaximized() or win.isFullScreen():
        return
    layout = win.layout()
    if layout is None:
        return
    layout.activate()
    hint = win.sizeHint().expandedTo(win.minimumSizeHint())
    width = max(win.width(), hint.width())
    height = hint.height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    screen = win.screen()
    if screen is not None:
        room = screen.availableGeometry().size()
        width = min(width, max(win.width(), room.width()))
        height = min(height, max(win.height(), room.height()))
    if width > win.width() or height > win.height():
        win.resize(max(width, win.width()), max(height, win.height()))


class FieldError(QLabel):
    """Red message under a form field, naming the problem.

    Showing a message grows the dialog when the message would not fit (see
    fit_window), so a long, wrapped message is never cut off.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet("color: #B3261E;")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignLeft | Qt.AlignTop)  # right under its field, whatever room it gets
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            fit_window(self)


class NotesEdit(QPlainTextEdit):
    """A free-text box a few lines high that a form never squeezes below that.

    (A fixed height lets a crowded layout clip it; this has a real minimum
    of `lines` lines and grows when the dialog is made taller.)
    """

    def __init__(self, parent: QWidget | None = None, lines: int = 3):
        super().__init__(parent)
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def _height(self) -> int:
        frame = self.frameWidth() * 2 + int(self.document().documentMargin() * 2)
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * self._lines + frame + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self._height())


class ValidatedForm(QWidget):
    """A QFormLayout whose rows each have an error label below the field.

    `show_errors({field_key: message})` puts each message beside its field;
    `field_for(key)` returns the widget so dialogs can focus it.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self._fields: dict[str, QWidget] = {}
        self._errors: dict[str, FieldError] = {}

    def add_row(self, key: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        if widget.sizePolicy().verticalPolicy() in (QSizePolicy.Expanding, QSizePolicy.MinimumExpanding):
            # a notes box takes the spare height of a taller dialog, not the message labels
            box.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        err = FieldError(box)
        lay.addWidget(err)
        self.form.addRow(label, box)
        self._fields[key] = widget
        self._errors[key] = err
        self._clear_on_change(key, widget)
        return widget

    # The first of these a field has: editing the field takes its message away
    # (a "须填写故障等级" left standing after the level is picked reads as a
    # second problem). Connected before the dialog's own live checks, which
    # may then show a new message.
    _CHANGE_SIGNALS = ("textEdited", "currentIndexChanged", "textChanged", "changed", "dateChanged",
                       "valueChanged", "toggled")

    def _clear_on_change(self, key: str, widget: QWidget) -> None:
        """Every input in the row (a row may hold several, e.g. level + deadlines)."""
        for target in [widget, *widget.findChildren(QWidget)]:
            for name in self._CHANGE_SIGNALS:
                signal = getattr(target, name, None)
                if signal is not None and hasattr(signal, "connect"):
                    signal.connect(lambda *_args, k=key: self.set_message(k, ""))
                    break

    def field_for(self, key: str) -> QWidget | None:
        return self._fields.get(key)

    def clear_errors(self) -> None:
        for err in self._errors.values():
            err.show_message("")

    def set_message(self, key: str, message: str) -> None:
        """Show (or clear, with '') a field's message without moving the focus.

        For checks while typing: the clerk leaving a field must not be pulled back.
        """
        if key in self._errors:
            self._errors[key].show_message(message)

    def message(self, key: str) -> str:
        """The message shown under a field ('' when none): for tests and dialogs."""
        err = self._errors.get(key)
        return err.text() if err is not None and err.isVisibleTo(self) else ""

    def show_error(self, key: str | None, message: str) -> bool:
        """Show beside the field; False when no such field (caller uses a message box)."""
        if key in self._errors:
            self._errors[key].show_message(message)
            widget = self._fields[key]
            widget.setFocus()
            return True
        return False


def debounce(parent: QWidget, callback: Callable[[], None], ms: int = 150) -> Callable[[], None]:
    """Call `callback` once typing pauses (search-as-you-type without lag)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(callback)
    return timer.start


def line_edit(placeholder: str = "", text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit


def record_table(model: RecordTableModel, name: str = "", parent: QWidget | None = None, *,
                 sortable: bool = True, alternating: bool = False, row_height: int = 24) -> QTableView:
    """A read-only list of records as every tab shows one: whole rows, one at
    a time, no row numbers, the last column stretched, widths from the
    ColumnDefs. A sortable list shows no sort arrow at first because its rows
    arrive already sorted by the query."""
    table = QTableView(parent)
    if name:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    if sortable:
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
    for i, col in enumerate(model.columns):
        if col.width:
            table.setColumnWidth(i, col.width)
    return table
