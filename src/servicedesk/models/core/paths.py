"""File names made from the office's own words (office, customer, dealer names).

Windows refuses \\ / : * ? " < > | and control characters in a file name,
names ending in a dot or a space, and the device names CON, PRN, AUX, NUL,
COM1-9 and LPT1-9 (with any extension). A default name offered in a save
dialog or written by the CLI must never hit one of those, whatever a clerk
typed as the office name.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\..*)?$", re.IGNORECASE)


def safe_file_part(text: str, fallback: str = "") -> str:
    """`text` with what Windows forbids in a file name and white space removed
    (default names stay one word), or `fallback` when nothing usable is left."""
    cleaned = _FORBIDDEN.sub("", re.sub(r"\s+", "", text or "")).strip(". ")
    if not cleaned or _RESERVED.match(cleaned):
        return fallback
    return cleaned[:80]
