"""The first start of a data file: a QWizard before the main window.

Pages: the office (name, department code), the clerks (记录人: one or more
names, the one working now), the manager's PIN (optional), the backup
folder, and how to begin: import the office's Excel sheets (the import runs
once the window is open), load the demo data, or start empty. Each page is
checked with models/core/first_start.setup_errors (the same checks as
`servicedesk init`) before Next; nothing is written until Finish, and then
in one transaction (apply_setup), so Cancel leaves the file as it was and
the wizard comes again at the next start.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import sqlite_utils
from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QProgressDialog, QPushButton, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from servicedesk.models.core import first_start as FS
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.ui.common import FieldError, FitsScreen, show_error
from servicedesk.ui.form_dialog import DiscardGuard

# How the clerk begins (FirstStartWizard.start_choice).
IMPORT, DEMO, EMPTY, KEEP = "import", "demo", "empty", "keep"


class DemoWorker(QThread):
    """The demo data, written with its own connection (half a minute: the wizard shows progress)."""

    failed = Signal(str)

    def __init__(self, db_path: Path):
        super().__init__()
        self.db_path = db_path

    def run(self) -> None:
        from servicedesk.demo import build_demo
        from servicedesk.models.core.db import open_db

        try:
            db = open_db(self.db_path)
            try:
                build_demo(db)
            finally:
                db.close()
        except Exception as exc:  # noqa: BLE001 - told to the clerk, logged
            from servicedesk.applog import log_exception

            log_exception(type(exc), exc, exc.__traceback__, where="demo data")
            self.failed.emit(str(exc))


class _Page(QWizardPage):
    """A page of fields, each with its message line below it."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(title)
        self.lay = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.lay.addWidget(text)
        self.form = QFormLayout()
        self.lay.addLayout(self.form)
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}

    def add(self, key: str, label: str, widget: QWidget, field: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(widget)
        error = FieldError(box)
        lay.addWidget(error)
        self.form.addRow(label, box)
        self.errors[key] = error
        self.fields[key] = field or widget
        return widget

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        wizard: FirstStartWizard = self.wizard()
        problems = {k: e.message for k, e in FS.setup_errors(wizard.setup()).items() if k in self.errors}
        problems.update(wizard.page_problems(self))
        for key, error in self.errors.items():
            error.show_message(problems.get(key, ""))
        if problems:
            self.fields[next(iter(problems))].setFocus()
        return not problems


class FirstStartWizard(DiscardGuard, FitsScreen, QWizard):
    """首次启动: the office's own values, then how to begin. See the module docstring."""

    def __init__(self, db: sqlite_utils.Database, db_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        from servicedesk.models.core.backup import default_backup_folder
        from servicedesk.models.pay.month import pin_is_set

        self.db, self.db_path = db, Path(db_path)
        self.setObjectName("first_start")
        self.setWindowTitle(self.tr("ServiceDesk — first start"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.CancelButton, self.tr("Cancel"))
        start = FS.current_setup(db)
        self.has_records = FS.holds_records(db)
        self.had_pin = pin_is_set(db)

        office = _Page(self.tr("Your office"), self.tr(
            "The office name is printed on every form; the department code starts every ticket number "
            "(e.g. YX2612001)."))
        self.office = office.add("office", self.tr("Office name"), QLineEdit(start.office))
        self.office.setObjectName("office")
        self.dept = office.add("dept", self.tr("Department code"), QLineEdit(start.dept))
        self.dept.setObjectName("dept")
        self.dept.setMaxLength(4)
        self.dept.setPlaceholderText(self.tr("1–4 capital letters, e.g. YX"))
        self.addPage(office)

        clerks = _Page(self.tr("Clerk (记录人)"), self.tr(
            "The clerk's name is printed on the forms and written to the logs and history instead of "
            "the computer's login. Several clerks can share the office PC: give every name, separated "
            "by 、 or commas; the program asks at start who is working."))
        self.clerks = clerks.add("clerks", self.tr("Clerk names"), QLineEdit("、".join(start.clerks)))
        self.clerks.setObjectName("clerks")
        self.clerks.setPlaceholderText(self.tr("e.g. 林芳、何静"))
        self.clerk = QComboBox()
        self.clerk.setObjectName("clerk")
        clerks.form.addRow(self.tr("Working now"), self.clerk)
        self.clerks.textChanged.connect(self._fill_clerks)
        self._fill_clerks()
        if start.clerk:
            self.clerk.setCurrentText(start.clerk)
        self.addPage(clerks)

        pin = _Page(self.tr("Manager PIN"), self.tr(
            "The manager (经理) approves the monthly pay with this PIN and needs it to unlock an approved "
            "month. Optional now: set it later under 设置 ▸ 修改经理密码…"))
        self.pin = pin.add("pin", self.tr("PIN (4–12 digits)"), QLineEdit())
        self.pin.setObjectName("pin")
        self.pin_again = pin.add("pin_again", self.tr("PIN again"), QLineEdit())
        self.pin_again.setObjectName("pin_again")
        for edit in (self.pin, self.pin_again):
            edit.setEchoMode(QLineEdit.Password)
            edit.setMaxLength(12)
        if self.had_pin:
            for edit in (self.pin, self.pin_again):
                edit.setEnabled(False)
            pin.lay.addWidget(QLabel(self.tr("This data file already has a manager PIN.")))
        self.addPage(pin)

        backups = _Page(self.tr("Backups"), self.tr(
            "A verified copy of the data file is made at every start and close and every few hours. "
            "Another disk or a USB stick is safer than the same disk; leave it empty for the default."))
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        self.backup_folder = QLineEdit(start.backup_folder)
        self.backup_folder.setObjectName("backup_folder")
        self.backup_folder.setPlaceholderText(str(default_backup_folder()))
        self.backup_folder.setMinimumWidth(self.backup_folder.fontMetrics().horizontalAdvance(
            self.backup_folder.placeholderText()) + 24)
        choose = QPushButton(self.tr("Choose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_folder)
        rl.addWidget(self.backup_folder, 1)
        rl.addWidget(choose)
        backups.add("backup_folder", self.tr("Backup folder"), row, self.backup_folder)
        default = QLabel(self.tr("Default: %1").replace("%1", str(default_backup_folder())))
        default.setWordWrap(True)
        default.setStyleSheet("color: #6b6b6b;")
        backups.lay.addWidget(default)
        self.addPage(backups)

        begin = _Page(self.tr("How to begin"), self.tr(
            "Start with the office's existing Excel sheets, try the program with demo data, or start "
            "with an empty file."))
        self.choices = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        options = ((IMPORT, self.tr("Import existing Excel sheets (customers and equipment first)")),
                   (DEMO, self.tr("Load demo data (a made-up office with two years of work; manager PIN "
                                  "1234 unless you set one)")),
                   (EMPTY, self.tr("Start empty")))
        if self.has_records:
            options = ((KEEP, self.tr("Go on with the records already in this data file")),)
        for key, text in options:
            button = QRadioButton(text)
            button.setObjectName(f"start_{key}")
            self.choices.addButton(button)
            self.choice_buttons[key] = button
            begin.lay.addWidget(button)
        next(iter(self.choice_buttons.values())).setChecked(True)
        begin.lay.addStretch(1)
        self.addPage(begin)

    # ---- values ---------------------------------------------------------------
    def _fill_clerks(self) -> None:
        current = self.clerk.currentText()
        try:
            names = FS.clean_clerks(self.clerks.text())
        except ValidationError:
            names = []
        self.clerk.blockSignals(True)
        self.clerk.clear()
        self.clerk.addItems(names)
        if current in names:
            self.clerk.setCurrentText(current)
        self.clerk.blockSignals(False)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the automatic backups"),
                                                  self.backup_folder.text() or self.backup_folder.placeholderText())
        if folder:
            self.backup_folder.setText(folder)

    def setup(self) -> FS.OfficeSetup:
        try:
            clerks = FS.clean_clerks(self.clerks.text())
        except ValidationError:
            clerks = []
        return FS.OfficeSetup(office=self.office.text(), dept=self.dept.text(), clerks=clerks,
                              clerk=self.clerk.currentText(),
                              pin=None if self.had_pin else (self.pin.text().strip() or None),
                              backup_folder=self.backup_folder.text().strip())

    def page_problems(self, page: QWizardPage) -> dict[str, str]:
        """What only the wizard checks: the PIN typed twice alike."""
        if "pin_again" in getattr(page, "errors", {}) and not self.had_pin \
                and self.pin.text().strip() != self.pin_again.text().strip():
            return {"pin_again": self.tr("The two PINs differ; type the same PIN twice.")}
        return {}

    def start_choice(self) -> str:
        return next(key for key, button in self.choice_buttons.items() if button.isChecked())

    # ---- finish -----------------------------------------------------------------
    def accept(self) -> None:
        """Everything written at once; with demo data the office comes first, the PIN last."""
        setup = self.setup()
        try:
            if self.start_choice() == DEMO:
                from servicedesk.demo.pay import DEMO_PIN
                from servicedesk.models.pay.month import set_pin

                FS.apply_setup(self.db, replace(setup, pin=None))
                if not self._build_demo():
                    return
                if setup.pin:
                    set_pin(self.db, setup.pin, old_pin=DEMO_PIN, who=setup.current_clerk)
            else:
                FS.apply_setup(self.db, setup)
        except DomainError as exc:
            show_error(self, exc)
            return
        super().accept()

    def _build_demo(self) -> bool:
        """The demo data in a worker; a progress window meanwhile. False when it failed."""
        from PySide6.QtCore import QEventLoop, Qt

        worker = DemoWorker(self.db_path)
        failures: list[str] = []
        worker.failed.connect(failures.append)
        progress = QProgressDialog(self.tr("Writing the demo data (about half a minute)…"), "", 0, 0, self)
        progress.setCancelButton(None)
        progress.setWindowTitle(self.tr("Demo data"))
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        loop = QEventLoop()
        worker.finished.connect(loop.quit)
        worker.start()
        loop.exec()
        worker.wait()
        progress.close()
        if failures:
            show_error(self, DomainError(self.tr("The demo data could not be written: %1").replace(
                "%1", failures[0])))
            return False
        return True


def run_first_start(db: sqlite_utils.Database, db_path: Path) -> str | None:
    """Show the wizard; how the clerk chose to begin (IMPORT, DEMO, EMPTY, KEEP), or None when cancelled."""
    wizard = FirstStartWizard(db, db_path)
    if wizard.exec() != QWizard.Accepted:
        return None
    QApplication.processEvents()
    return wizard.start_choice()
