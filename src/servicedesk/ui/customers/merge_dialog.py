"""Merge a customer registered twice into the selected one (issue 16).

Opened from the archive tab on the customer to KEEP. Its possible duplicates
(same phone, near-same name) are listed first; any other customer can be
found by the search line (name, phone, pinyin). Choosing one shows what
would move; Merge asks once more (a merge is not undone by the clerk, but
needs no PIN) and then moves everything in one transaction
(models/archive/merge.py). `merged` carries the MergePlan afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from servicedesk.models.archive import customers as C
from servicedesk.models.archive.merge import MergePlan, merge_customers, merge_plan
from servicedesk.models.core.errors import DomainError
from servicedesk.models.core.phones import format_phone
from servicedesk.models.core.settings import recorder
from servicedesk.ui.common import FittedDialog, confirm, debounce, line_edit, show_error
from servicedesk.ui.context import AppContext


class MergeCustomersDialog(FittedDialog):
    merged = Signal(object)

    def __init__(self, ctx: AppContext, keep: C.Customer, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.keep = keep
        self.plan: MergePlan | None = None
        self.setObjectName("mergeCustomersDialog")
        self.setWindowTitle(self.tr("Merge customers"))
        self.setMinimumWidth(560)

        head = QLabel(self.tr("Keep: %1").replace("%1", self._words(keep)), self)
        head.setObjectName("keep")
        head.setStyleSheet("font-weight: bold;")
        head.setWordWrap(True)
        hint = QLabel(self.tr("Choose the same customer registered a second time. Its equipment, tickets "
                              "and follow-up calls move to the customer above; its name and phone stay "
                              "as an alias that still finds it."), self)
        hint.setWordWrap(True)
        self.search = line_edit(self.tr("Search another customer: name, phone or pinyin"))
        self.search.setObjectName("mergeSearch")
        self.candidates = QListWidget(self)
        self.candidates.setObjectName("candidates")
        self.preview = QLabel("", self)
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.Cancel, parent=self)
        self.merge_button = QPushButton(self.tr("Merge"), self)
        self.merge_button.setObjectName("merge")
        self.merge_button.setEnabled(False)
        buttons.addButton(self.merge_button, QDialogButtonBox.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.do_merge)

        layout = QVBoxLayout(self)
        for w in (head, hint, self.search, self.candidates, self.preview, buttons):
            layout.addWidget(w)
        # a search typed just before the dialog closed must not run on a closed file
        self.search.textChanged.connect(debounce(self, lambda: self.isVisible() and self._fill()))
        self.candidates.currentItemChanged.connect(lambda *_: self._show_plan())
        self._fill()

    @staticmethod
    def _words(c: C.Customer) -> str:
        phones = " / ".join(format_phone(p) for p in (c.phone, c.phone2) if p)
        return " · ".join(p for p in (f"{c.id}", c.name, c.contact, phones, c.address) if p)

    def _fill(self) -> None:
        text = self.search.text().strip()
        if text:
            found = [C.get_customer(self.ctx.db, h.customer_id) for h in C.search(self.ctx.db, text, limit=50)]
        else:
            found = C.possible_duplicates(self.ctx.db, self.keep, exclude_id=self.keep.id)
        self.candidates.clear()
        for c in found:
            if c.id == self.keep.id:
                continue
            item = QListWidgetItem(self._words(c), self.candidates)
            item.setData(Qt.UserRole, c.id)
        self._show_plan()

    def _show_plan(self) -> None:
        item = self.candidates.currentItem()
        self.plan = None
        if item is not None:
            try:
                self.plan = merge_plan(self.ctx.db, self.keep.id, int(item.data(Qt.UserRole)))
            except DomainError as exc:
                self.preview.setText(exc.message)
        if self.plan is not None:
            self.preview.setText(self.tr("Moves %1 equipment, %2 tickets and %3 follow-up calls to %4.")
                                 .replace("%1", str(self.plan.equipment)).replace("%2", str(self.plan.tickets))
                                 .replace("%3", str(self.plan.followups)).replace("%4", self.keep.name))
        elif item is None:
            self.preview.setText(self.tr("No customer chosen."))
        self.merge_button.setEnabled(self.plan is not None)

    def do_merge(self) -> None:
        plan = self.plan
        if plan is None:
            return
        question = self.tr("Merge %1 into %2? This cannot be undone here.") \
            .replace("%1", plan.drop.name).replace("%2", plan.keep.name)
        if not confirm(self, self.tr("Merge customers"), question):
            return
        try:
            done = merge_customers(self.ctx.db, plan.keep.id, plan.drop.id, who=recorder(self.ctx.db))
        except Exception as exc:  # noqa: BLE001 - shown to the clerk (show_error logs the unexpected)
            show_error(self, exc)
            return
        self.merged.emit(done)
        self.accept()
