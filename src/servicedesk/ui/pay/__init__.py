"""Technician pay tab and its dialogs."""
