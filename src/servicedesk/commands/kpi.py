"""CLI sub-commands of the kpi area."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common) -> None:
    """Add this area's sub-commands (none yet)."""
