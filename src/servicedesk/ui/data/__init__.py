"""Dialogs about the data file itself: restore a backup, a damaged file at start, unexpected errors."""
