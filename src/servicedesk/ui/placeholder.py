"""A tab that is not built yet says so plainly instead of showing nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from servicedesk.ui.common import EmptyState
from servicedesk.ui.context import AppContext


class PlaceholderTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.addWidget(EmptyState(self.tr("This part of the program is coming in a later version.")))

    def reload(self) -> None:
        pass

    def show_record(self, kind: str, key: object) -> None:
        pass
