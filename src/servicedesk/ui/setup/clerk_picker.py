"""Which clerk (记录人) is working: asked at start when several names are kept, and
from 文件 ▸ 切换记录人….

The name goes on every form and into every log and history line instead of the
OS login; models/core/settings.set_clerk keeps it (and every name picked) in
the data file.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from servicedesk.ui.common import FittedDialog


class ClerkPicker(FittedDialog):
    """An editable list of the kept names; a new name typed here is kept too."""

    def __init__(self, names: list[str], current: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("clerk_picker")
        self.setWindowTitle(self.tr("Who is working?"))
        lay = QVBoxLayout(self)
        label = QLabel(self.tr("Clerk (记录人) — printed on the forms and written to the logs:"))
        label.setWordWrap(True)
        lay.addWidget(label)
        self.names = QComboBox(self)
        self.names.setObjectName("clerk")
        self.names.setEditable(True)
        self.names.setInsertPolicy(QComboBox.NoInsert)
        self.names.addItems(names)
        if current:
            index = self.names.findText(current)
            if index >= 0:
                self.names.setCurrentIndex(index)
            else:
                self.names.setEditText(current)
        self.names.setMinimumWidth(self.names.fontMetrics().horizontalAdvance("M") * 18)
        lay.addWidget(self.names)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Start"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.names.setFocus()

    def chosen(self) -> str:
        return self.names.currentText().strip()

    def accept(self) -> None:
        if self.chosen():
            super().accept()


def pick_clerk(ctx, parent: QWidget | None = None) -> bool:
    """Ask who is working and make them ctx.user (and the file's current clerk); False when cancelled."""
    from servicedesk.models.core.settings import clerk_names, set_clerk
    from servicedesk.ui.common import show_error

    dialog = ClerkPicker(clerk_names(ctx.db), ctx.user, parent)
    if dialog.exec() != ClerkPicker.Accepted:
        return False
    name = dialog.chosen()
    try:
        set_clerk(ctx.db, name)
    except Exception as exc:  # noqa: BLE001 - a read-only file: the name still counts for this session
        show_error(parent, exc)
    ctx.user = name
    return True
