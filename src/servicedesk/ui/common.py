"""Small widgets and helpers every tab uses, so they look and behave alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractScrollArea, QAbstractSpinBox, QBoxLayout, QComboBox, QCompleter,
    QDialog, QFormLayout, QFrame, QGridLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QMessageBox,
    QPlainTextEdit, QScrollArea, QSizePolicy, QStackedWidget, QTableView, QTabWidget, QTextEdit, QVBoxLayout,
    QWidget,
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


def ask(parent: QWidget | None, name: str, icon: QMessageBox.Icon, title: str, text: str,
        buttons: list[tuple[str, str, QMessageBox.ButtonRole]], default: str, escape: str,
        details: str = "") -> str | None:
    """A question with one button per (key, label, role); the key clicked (None: closed otherwise).

    `default` is the button Enter presses, `escape` the one Esc presses;
    `name` is the box's object name (tests find the box by it).
    """
    box = QMessageBox(icon, title, text, QMessageBox.NoButton, parent)
    box.setObjectName(name)
    if details:
        box.setInformativeText(details)
    keys = {}
    by_key = {}
    for key, label, role in buttons:
        button = box.addButton(label, role)
        keys[button], by_key[key] = key, button
    box.setDefaultButton(by_key[default])
    box.setEscapeButton(by_key[escape])
    box.exec()
    return keys.get(box.clickedButton())


class EmptyState(QLabel):
    """Grey centred hint that says what to do next, shown when a list is empty."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: #6b6b6b; font-size: 14px; padding: 24px;")


# What Windows adds around a window's client area at 100 %: the title bar and
# the resize borders. A window "fits" when its client area grown by this lies
# inside the screen's work area (the screen less the taskbar).
WINDOW_FRAME = QMargins(8, 31, 8, 8)


def work_room(win: QWidget) -> QRect:
    """The largest client rectangle of a window on its screen: the work area less the frame."""
    screen = win.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().marginsRemoved(WINDOW_FRAME)


def fit_to_screen(win: QWidget) -> None:
    """Size a window about to be shown to its layout's wish, but never beyond the screen.

    Qt sizes a new window to its size hint (at most 2/3 of the screen) and
    never below its layout's minimum, so a tall form opened its buttons off
    a 1366×768 screen. This takes the size hint (or the size the dialog set
    itself, when larger), bounded by the work area less the title bar and
    borders; a window that still cannot fit (its minimum is larger) is for
    the caller to give a scrolling body (ScrollBody).
    """
    room = work_room(win)
    win.ensurePolished()
    layout = win.layout()
    if layout is not None:
        layout.activate()
    hint = win.sizeHint().expandedTo(win.minimumSizeHint())
    if layout is not None and layout.hasHeightForWidth():
        hint.setHeight(max(hint.height(), layout.totalHeightForWidth(min(hint.width(), room.width()))))
    # the size it asked for itself (resize() before showing) counts as a wish too
    wished = hint.expandedTo(win.size()) if win.testAttribute(Qt.WA_Resized) else hint
    size = wished.boundedTo(room.size()).expandedTo(win.minimumSize())
    if size != win.size():
        win.resize(size)


def keep_inside(win: QWidget, top_left: QPoint | None = None) -> None:
    """Move a window (its client area to `top_left`, or where it is) wholly into the work area.

    Positions are of the client area (geometry()); move() takes the frame's,
    so the difference between the two is carried over.
    """
    room = work_room(win)
    current = win.geometry()
    rect = QRect(top_left if top_left is not None else current.topLeft(), current.size())
    rect.moveLeft(max(room.left(), min(rect.left(), room.right() - rect.width() + 1)))
    rect.moveTop(max(room.top(), min(rect.top(), room.bottom() - rect.height() + 1)))
    if rect.topLeft() != current.topLeft():
        win.move(win.pos() + (rect.topLeft() - current.topLeft()))


class ScrollBody(QScrollArea):
    """The fields of a tall dialog, scrolling when the screen is too short.

    The dialog puts its fields in `body` (a QVBoxLayout) and its buttons
    below this, outside it, so Save is always on screen. Its size hint is
    the whole form's, so on a tall screen nothing scrolls; its minimum
    height is a few lines, so fit_to_screen can make the dialog as short as
    the screen. No horizontal scrolling: the form keeps its own width.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scroll_body")
        self.setFocusPolicy(Qt.NoFocus)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        inner = QWidget(self)
        inner.setObjectName("scroll_body_inner")
        self.setWidget(inner)
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 0, 0)

        inner.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # The fields' layout changed (a message appeared): the dialog's layout
        # must ask this again, it is not the fields' parent.
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def _extra_width(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        hint = inner.sizeHint()
        height = hint.height()
        layout = inner.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped labels need more when narrow
            width = max(hint.width(), self.viewport().width() if self.isVisible() else 0)
            height = max(height, layout.totalHeightForWidth(width))
        return QSize(hint.width() + self._extra_width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget().minimumSizeHint()
        return QSize(inner.width() + self._extra_width(), min(inner.height(), 8 * self.fontMetrics().height()))


# ---- tab order ---------------------------------------------------------------
_INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractButton, QListWidget)


def _is_input(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return widget.isCheckable()  # check boxes and radio buttons; push buttons are actions
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly()
    return isinstance(widget, _INPUTS)


def part_of_another_field(widget: QWidget, window: QWidget) -> bool:
    """Inside another field (a spin box's line edit, an editable combo's) or a list (a cell editor)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if _is_input(parent) or isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _focusable(widget: QWidget, window: QWidget) -> bool:
    return (widget.isVisibleTo(window) and bool(widget.focusPolicy() & Qt.TabFocus)
            and not part_of_another_field(widget, window))


def input_widgets(window: QWidget) -> list[QWidget]:
    """The fields the clerk types into or picks in, shown now, in creation order."""
    return [w for w in window.findChildren(QWidget) if _is_input(w) and _focusable(w, window)]


def tab_stops(window: QWidget) -> list[QWidget]:
    """Everything Tab stops at, shown now: the fields, buttons, lists; not scroll areas themselves."""
    return [w for w in window.findChildren(QWidget) if _focusable(w, window)
            and (not isinstance(w, QAbstractScrollArea) or isinstance(w, (QAbstractItemView, QPlainTextEdit,
                                                                           QTextEdit)))]


def _reading(widget: QWidget, out: list[QWidget]) -> None:
    """`widget` and what is inside it, in reading order (see visual_order)."""
    out.append(widget)
    if _is_input(widget) or isinstance(widget, QAbstractItemView):
        return  # a field's own parts are that field
    if isinstance(widget, QTabWidget):
        out.append(widget.tabBar())
        if widget.currentWidget() is not None:
            _reading(widget.currentWidget(), out)
        return
    if isinstance(widget, QStackedWidget):
        if widget.currentWidget() is not None:
            _reading(widget.currentWidget(), out)
        return
    if isinstance(widget, QScrollArea) and widget.widget() is not None:
        _reading(widget.widget(), out)
        return
    if widget.layout() is not None:
        _reading_layout(widget.layout(), out)
    else:
        for child in widget.findChildren(QWidget, options=Qt.FindDirectChildrenOnly):
            _reading(child, out)


def _reading_layout(layout, out: list[QWidget]) -> None:
    items = []
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            for role in (QFormLayout.LabelRole, QFormLayout.FieldRole, QFormLayout.SpanningRole):
                item = layout.itemAt(row, role)
                if item is not None:
                    items.append(item)
    elif isinstance(layout, QGridLayout):
        cells = []
        for index in range(layout.count()):
            row, column, _rows, _columns = layout.getItemPosition(index)
            cells.append((row, column, index))
        items = [layout.itemAt(index) for _r, _c, index in sorted(cells)]
    else:
        items = [layout.itemAt(index) for index in range(layout.count())]
        if isinstance(layout, QBoxLayout) and layout.direction() in (QBoxLayout.RightToLeft,
                                                                      QBoxLayout.BottomToTop):
            items.reverse()
    for item in items:
        if item.widget() is not None:
            _reading(item.widget(), out)
        elif item.layout() is not None:
            _reading_layout(item.layout(), out)


def visual_order(window: QWidget, widgets: list[QWidget] | None = None) -> list[QWidget]:
    """The fields (or `widgets`) in the order the eye reads the dialog.

    That is the order of its layouts: a column top to bottom, a row (a form
    row: label then field; a line of widgets) left to right, a grid row by
    row; two forms side by side are read one column after the other, as
    two groups. Anything not placed by a layout comes last, top to bottom.
    """
    wanted = input_widgets(window) if widgets is None else widgets
    seen: list[QWidget] = []
    _reading(window, seen)
    position = {}
    for index, widget in enumerate(seen):
        position.setdefault(widget, index)
    placed = sorted((w for w in wanted if w in position), key=position.__getitem__)
    rest = sorted((w for w in wanted if w not in position),
                  key=lambda w: (w.mapTo(window, QPoint(0, 0)).y(), w.mapTo(window, QPoint(0, 0)).x()))
    return placed + rest


def focus_order(window: QWidget) -> list[QWidget]:
    """The fields in the order Tab visits them, from the first field in visual order."""
    fields = visual_order(window)
    if not fields:
        return []
    wanted = set(fields)
    order, widget = [], fields[0]
    for _ in range(10_000):
        if widget in wanted and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is fields[0]:
            break
    return order


def set_visual_tab_order(window: QWidget) -> None:
    """Make Tab follow the visual order of everything it stops at (a "now" button after its field)."""
    stops = visual_order(window, tab_stops(window))
    for first, second in zip(stops, stops[1:]):
        QWidget.setTabOrder(first, second)


class FitsScreen:
    """Mixin for a dialog (or wizard) that opens inside the screen, with Tab following the eye.

    At its first showing it is sized to fit the screen's work area
    (fit_to_screen) and Tab visits its fields in visual order
    (set_visual_tab_order), whatever order the code created them in.
    """

    _fitted = False
    # False: the dialog sets its own tab order (still visual for its fields: tests check).
    visual_tab_order = True

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        # Sized before Qt shows it (resizing inside showEvent crashed Qt at
        # 150 % scaling); Qt then centres it over its parent within the screen.
        first = visible and not self._fitted
        if first:
            self._fitted = True
            fit_to_screen(self)
        super().setVisible(visible)
        if first:
            keep_inside(self)
            if self.visual_tab_order:
                set_visual_tab_order(self)


class FittedDialog(FitsScreen, QDialog):
    """A QDialog that fits the screen (FitsScreen): the base of the viewers."""


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
    for body in win.findChildren(ScrollBody):
        body.updateGeometry()
    layout.activate()
    hint = win.sizeHint().expandedTo(win.minimumSizeHint())
    width = max(win.width(), hint.width())
    height = hint.height()
    if layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    room = work_room(win).size()
    width = min(width, max(win.width(), room.width()))
    height = min(height, max(win.height(), room.height()))
    if width > win.width() or height > win.height():
        win.resize(max(width, win.width()), max(height, win.height()))
        keep_inside(win)  # grown downwards: its buttons must not leave the screen


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


class _PopupInsideScreen(QObject):
    """Moves a completer's popup left when its width took it past the screen's right edge."""

    def eventFilter(self, popup, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Show:
            screen = popup.screen() or QGuiApplication.primaryScreen()
            room = screen.availableGeometry()
            geometry = popup.geometry()
            if geometry.right() > room.right():
                popup.move(max(room.left(), room.right() - geometry.width() + 1), geometry.top())
        return False


def widen_completer(completer: QCompleter, texts: Iterable[str]) -> None:
    """The completer's list as wide as its longest entry, not as the (narrow) box it completes.

    "P-1001 — 液压油滤芯 HF6177  (库存 12)" in a part-code box a third of
    the dialog wide was cut after the name; the popup now shows whole lines,
    never wider than the screen and never past its edge.
    """
    popup = completer.popup()
    metrics = popup.fontMetrics()
    longest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
    width = longest + popup.verticalScrollBar().sizeHint().width() + 2 * popup.frameWidth() + 24
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        width = min(width, screen.availableGeometry().width() - 16)
    popup.setMinimumWidth(width)
    fitter = _PopupInsideScreen(popup)
    popup.installEventFilter(fitter)


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


class RowKeys(QObject):
    """Enter edits and Delete deletes the current row of a table (installed as its event filter)."""

    def __init__(self, on_enter, on_delete, parent: QObject):
        super().__init__(parent)
        self.on_enter, self.on_delete = on_enter, on_delete

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() == Qt.NoModifier:
                self.on_enter()
                return True
            if event.key() == Qt.Key_Delete and event.modifiers() == Qt.NoModifier:
                self.on_delete()
                return True
        return False


def group_digits(n: int) -> str:
    """3402 -> '3 402' (the office's way of writing counts, UI.md)."""
    return f"{n:,}".replace(",", " ")
