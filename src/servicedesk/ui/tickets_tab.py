"""TicketsTab (to be built)."""

from __future__ import annotations

from servicedesk.ui.placeholder import PlaceholderTab


class TicketsTab(PlaceholderTab):
    pass
