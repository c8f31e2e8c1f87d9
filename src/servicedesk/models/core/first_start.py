"""The first start of a data file: office, department code, clerks, manager PIN, backups.

One set of checks for both ways in: the first-start wizard (ui/setup/) and
`servicedesk init` (commands/setup.py). `setup_errors` names every problem
by field before anything is written, so the wizard can show them on their
page; `apply_setup` writes everything in one transaction, so a refused value
(or a cancelled wizard, which never calls it) leaves the file as it was.

A data file is "set up" once it has a clerk (记录人): both ways in require
one, and a file without one (new, or from before clerks were kept) gets the
first start.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from servicedesk.models.core import settings as S
from servicedesk.models.core.errors import DomainError, ValidationError
from servicedesk.models.core.transactions import transaction

# The fields of the setup, in the order the wizard asks them.
FIELDS = ("office", "dept", "clerks", "pin", "backup_folder")
# The settings key behind each field.
KEYS = {"office": "office.name", "dept": "office.department_code", "clerks": S.CLERKS,
        "backup_folder": "backup.folder"}


@dataclass
class OfficeSetup:
    """What the first start asks. `clerk` is the one working now (default: the first name)."""

    office: str
    dept: str
    clerks: list[str] = field(default_factory=list)
    clerk: str = ""
    pin: str | None = None           # None or "": no PIN now (set on the first pay approval)
    backup_folder: str = ""          # "": backups/ in the user data folder

    @property
    def current_clerk(self) -> str:
        names = clean_clerks(self.clerks)
        chosen = (self.clerk or "").strip()
        return chosen if chosen in names else (names[0] if names else chosen)


def clean_clerks(names: list[str] | str) -> list[str]:
    """Clerk names as typed (a list, or text with 、 or commas), trimmed, each once."""
    if isinstance(names, str):
        names = S.parse_setting_value(S.CLERKS, names)
    kept: list[str] = []
    for name in names:
        name = str(name).strip()
        if name and name not in kept:
            kept.append(name)
    return kept


def needs_first_start(db: sqlite_utils.Database) -> bool:
    """True while the data file has no clerk: it was never set up (init or the wizard)."""
    return db.execute("SELECT 1 FROM settings WHERE key = ?", [S.CLERK]).fetchone() is None


def holds_records(db: sqlite_utils.Database) -> bool:
    """Whether the file already holds the office's records (then no demo data goes into it)."""
    for table in ("customers", "tickets", "parts", "technicians"):
        if table in db.table_names() and db.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone():
            return True
    return False


def _pin_problem(pin: str) -> ValidationError | None:
    from servicedesk.models.core.pin import clean_pin

    try:
        clean_pin(pin)
    except ValidationError as exc:
        return ValidationError(exc.english, "pin")
    return None


def setup_errors(setup: OfficeSetup) -> dict[str, ValidationError]:
    """Every problem of the setup, keyed by field (FIELDS); {} when it can be written."""
    errors: dict[str, ValidationError] = {}
    for name, key, value in (("office", "office.name", setup.office),
                             ("dept", "office.department_code", setup.dept)):
        try:
            S.check_setting(key, S.parse_setting_value(key, value or ""))
        except ValidationError as exc:
            errors[name] = ValidationError(exc.english, name)
    try:
        names = clean_clerks(setup.clerks)
    except ValidationError as exc:
        errors["clerks"] = ValidationError(exc.english, "clerks")
    else:
        if not names:
            errors["clerks"] = ValidationError(
                "Give the clerk's name (记录人: printed on forms and written to the logs).", "clerks")
    if setup.pin:
        problem = _pin_problem(setup.pin)
        if problem is not None:
            errors["pin"] = problem
    return errors


def apply_setup(db: sqlite_utils.Database, setup: OfficeSetup, old_pin: str | None = None) -> None:
    """Write the whole setup in one transaction (all or nothing).

    `old_pin` replaces a PIN the file already has (the demo data's); without
    it a file that has a PIN keeps it and a new one is refused.
    """
    errors = setup_errors(setup)
    if errors:
        raise next(iter(errors.values()))
    from servicedesk.models.pay.month import pin_is_set, set_pin

    names = clean_clerks(setup.clerks)
    current = setup.current_clerk
    values = {
        "office.name": S.parse_setting_value("office.name", setup.office),
        "office.department_code": S.parse_setting_value("office.department_code", setup.dept),
        S.CLERK: current,
        S.CLERKS: [current, *(n for n in names if n != current)],
        "backup.folder": (setup.backup_folder or "").strip(),
    }
    with transaction(db):
        S.save_settings(db, values)
        if setup.pin:
            if pin_is_set(db) and old_pin is None:
                raise DomainError("The data file already has a manager PIN; change it in the pay tab.", "pin")
            set_pin(db, setup.pin, old_pin=old_pin, who=current)


def current_setup(db: sqlite_utils.Database) -> OfficeSetup:
    """The file's values as a setup (what the wizard shows to start with)."""
    return OfficeSetup(office=str(S.get_setting(db, "office.name") or ""),
                       dept=str(S.get_setting(db, "office.department_code") or ""),
                       clerks=S.clerk_names(db), clerk=str(S.get_setting(db, S.CLERK, "") or ""),
                       backup_folder=str(S.get_setting(db, "backup.folder") or ""))
