"""Follow-up words in the interface language: kinds, satisfaction marks, levels.

Apart from the call dialog so the dashboard (the first page, on the start-up
path) can name the kinds without importing the dialog and the follow-up
model behind it (issue 15). Stored values stay keys; Qt context "Followups".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

SATISFACTION_ORDER = ("very_satisfied", "satisfied", "neutral", "dissatisfied")


def kind_text(kind: str) -> str:
    """Follow-up kinds in the interface language (stored values stay keys)."""
    return {
        "install_first": QCoreApplication.translate("Followups", "1st call after installation"),
        "install_second": QCoreApplication.translate("Followups", "2nd call after installation (3 months)"),
        "install_third": QCoreApplication.translate("Followups", "3rd call after installation (6 months)"),
        "service_first": QCoreApplication.translate("Followups", "1st call after service"),
        "service_second": QCoreApplication.translate("Followups", "2nd call after service"),
        "satisfaction": QCoreApplication.translate("Followups", "Satisfaction call after closing"),
        "inspection": QCoreApplication.translate("Followups", "On-site inspection"),
        "extra": QCoreApplication.translate("Followups", "Other call"),
    }.get(kind, kind)


def satisfaction_text(key: str | None) -> str:
    return {
        "very_satisfied": QCoreApplication.translate("Followups", "Very satisfied"),
        "satisfied": QCoreApplication.translate("Followups", "Satisfied"),
        "neutral": QCoreApplication.translate("Followups", "Neutral"),
        "dissatisfied": QCoreApplication.translate("Followups", "Dissatisfied"),
    }.get(key or "", "")


def level_text(level: int) -> str:
    return {
        1: QCoreApplication.translate("Followups", "Level 1"),
        2: QCoreApplication.translate("Followups", "Level 2"),
        3: QCoreApplication.translate("Followups", "Level 3"),
        4: QCoreApplication.translate("Followups", "Level 4"),
    }[level]
