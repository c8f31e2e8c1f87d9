"""Repair tickets tab and its dialogs."""
