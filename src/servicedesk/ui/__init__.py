"""PySide6 user interface. No SQL here: every read and write calls models/."""
