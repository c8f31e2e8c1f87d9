"""Domain exceptions: a message in plain words, naming the field.

The UI shows `message` beside `field` (or in a message box); the CLI prints it
and exits 1. Raising one of these inside a transaction rolls everything back,
so nothing is half-saved.
"""

from __future__ import annotations

from servicedesk.models.core.messages import _entries, display_language, fill_template, localize


class DomainError(Exception):
    """A problem the user can fix (bad input, a rule refused the action).

    `english` is the message as written in the code (CLI, logs, tests);
    `message` is what a person reads: the same in the display language the
    GUI chose (see models/messages.py), English when no translation exists.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.english = message
        self.message = localize(message, display_language())
        self.field = field

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(DomainError):
    """One field's value is not acceptable."""


class NotFound(DomainError):
    """A record named by the user does not exist."""


class StateError(DomainError):
    """The record's state does not allow this action (e.g. closing without a result)."""


class LockedError(StateError):
    """The data belongs to an approved (locked) pay month or a sent KPI month."""


class DatabaseError(DomainError):
    """The database file cannot be used (newer version, corrupt, not SQLite)."""


def _localize_listing(error: DomainError, listing: str, items: list[str]) -> None:
    """Show `error` with the slot `listing` (items joined by ", ") localized item by item.

    A catalog template cannot match a list of any length, so each item
    ("3 tickets") is looked up on its own and the Chinese joins them with 、.
    """
    lang = display_language()
    if not lang or lang == "en":
        return
    joined = "、".join(localize(item, lang) for item in items)
    found = fill_template(_entries(lang), error.english,
                          lambda v: joined if v == listing else localize(v, lang))
    if found is not None:
        error.message = found


class ConflictError(DomainError):
    """Someone (another window, the command line, an import) changed the record after it was loaded.

    Raised by a save that compares the version its dialog loaded, so one
    window never silently sets back what another one stored. Nothing was
    written; the GUI offers to reload. `changes` names the fields that differ.
    """

    def __init__(self, what: str, who: str, at: str, changes: list[str]):
        listing = ", ".join(changes)
        if changes:
            super().__init__(f"{what} was changed by {who} at {at} after you opened it ({listing}); "
                             "nothing was saved: reload it and enter your changes again.", "version")
        else:
            super().__init__(f"{what} was changed by {who} at {at} after you opened it; "
                             "nothing was saved: reload it and enter your changes again.", "version")
        self.what, self.who, self.at, self.changes = what, who, at, changes
        _localize_listing(self, listing, changes)


class InUseError(StateError):
    """A record other records refer to (history): deleting it is refused, naming each reference.

    `uses` are the counted references ("1 planned inspection", "3 tickets");
    the way out is to deactivate the record, which keeps its history.
    """

    def __init__(self, what: str, uses: list[str], field: str | None = None):
        listing = ", ".join(uses)
        super().__init__(f"{what} has {listing}: it cannot be deleted, deactivate it instead.", field)
        self.what, self.uses = what, uses
        _localize_listing(self, listing, uses)
