"""The manager PIN on the command line, the same way for every command that takes one.

`--pin PIN`, else the environment variable SERVICEDESK_PIN, else (only when
stdin is a terminal) a prompt without echo: a script can pass the PIN
without it appearing in the shell history or in `ps`, and a person types it
unseen. Nothing given and no terminal: None, and the model refuses with its
own message ("Set the manager PIN first" / "Wrong PIN").
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

ENV = "SERVICEDESK_PIN"


def add_pin_argument(parser: argparse.ArgumentParser, help_text: str = "manager PIN") -> None:
    parser.add_argument("--pin", help=f"{help_text} (else ${ENV}, else asked without echo on a terminal)")


def resolve_pin(given: str | None, prompt: str = "Manager PIN: ") -> str | None:
    """The PIN from --pin, $SERVICEDESK_PIN or a no-echo prompt, in that order."""
    if given:
        return given
    env = os.environ.get(ENV, "").strip()
    if env:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        from servicedesk.commands.i18n import tr

        return getpass.getpass(tr(prompt))
    return None
