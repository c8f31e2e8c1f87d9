"""Domain exceptions: a message in plain words, naming the field.

The UI shows `message` beside `field` (or in a message box); the CLI prints it
and exits 1. Raising one of these inside a transaction rolls everything back,
so nothing is half-saved.
"""

from __future__ import annotations

from servicedesk.models.core.messages import display_language, localize


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
