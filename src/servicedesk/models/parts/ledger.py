"""Parts master and stock ledger (配件台账, DOMAIN §3).

Every movement of stock is one append-only line in `stock_moves`; the part's
book stock (`parts.balance`) is kept in the same transaction, so a balance is
one row read even with 500 000 lines. Rules this module guarantees:

- Book stock never goes negative. A move that would is refused with a
  DomainError naming the part, the balance and the quantity asked, and nothing
  is written. Every move runs inside `transaction()` (BEGIN IMMEDIATE), so the
  balance read and the write cannot interleave with another connection.
- Lines are never edited or deleted (triggers refuse it): a correction is a
  new line — `reverse_move` for a wrong receipt/issue/return/scrap, an
  adjustment after a stock count, or the reversal `sync_ticket_parts` posts
  when a visit is edited or a ticket cancelled.
- Backdated lines (a historical import at a ticket's completion time) are
  allowed, but refused if they would make the stock at ANY later point in
  time negative. `balance_after` records the book stock right after the line
  was posted (posting order); the stock at a point in time is the sum of
  lines dated up to then (`balance_as_of`), and `part_history` shows that
  running figure in date order.
- Old-for-new exchange (以旧换新): the new part goes out (negative line, kind
  'exchange') and the faulty part is pending (旧件待返) until `book_old_part`
  posts a zero-quantity 'old_in' line referring to the exchange. The old part
  is due back `parts.old_part_return_hours` (16 h) after the later of the
  exchange and the end of the ticket's repair (the technician's return).

This module is the parts area's public API: every name callers use is
importable from here (`from servicedesk.models.parts import ledger as P`).
The code lives in cohesive modules beside it:

- `part_master`  — the parts master (配件档案): PartInput/Part, checks, lists.
- `moves`        — the ledger core: `_post` (the one writer), receipt, issue,
                   return, scrap, adjustment, reversal, balances, ledger queries.
- `old_parts`    — old-for-new exchange and the faulty parts pending (旧件待返).
- `reorder`      — parts below safety stock and the purchase suggestion.
- `ticket_parts` — a ticket's parts kept in step with the ledger; its parts cost.
- `sheets`       — workbook sheets: low stock, old parts, ledger, parts import.

Dependencies run one way (part_master <- moves <- old_parts, reorder,
ticket_parts <- sheets), so there is no import circle; this module only
re-imports, and none of those modules imports it back (stockcount, which
builds on the ledger, imports it like any caller).
"""

from __future__ import annotations

from servicedesk.models.parts.moves import (
    KIND_LABELS, MOVE_ORDER, MOVE_SELECT, REVERSIBLE_KINDS, STOCK_AT, TICKET_KINDS, LedgerFilter, Move, adjust,
    balance_as_of, balance_of, count_moves, get_move, issue, list_moves, lowest_balance_from, part_history,
    receive, return_to_stock, reverse_move, scrap,
)
from servicedesk.models.parts.old_parts import (
    OldPart, book_old_part, exchange, old_part_return_hours, old_parts_pending, old_parts_summary,
)
from servicedesk.models.parts.part_master import (
    PART_ORDER, Part, PartInput, _part_row, add_part, clean_part, count_parts, delete_part, find_part, get_part,
    list_parts, part_choices, set_part_active, technician_choices, update_part,
)
from servicedesk.models.parts.reorder import LowStockRow, count_low_stock, low_stock
from servicedesk.models.parts.sheets import (
    LEDGER_SPEC, LOW_STOCK_SPEC, OLD_PARTS_SPEC, PARTS_SHEET, PARTS_SPEC, ledger_rows, low_stock_rows,
    old_parts_rows, yuan,
)
from servicedesk.models.parts.ticket_parts import (
    TicketCostLine, TicketPartsCost, sync_ticket_parts, ticket_moves, ticket_parts_cost,
)

# The parts area's public API (plus `_part_row`, which stockcount reads parts with).
__all__ = [
    # part master
    "PartInput", "Part", "PART_ORDER", "clean_part", "add_part", "update_part", "set_part_active", "delete_part", "get_part",
    "find_part", "list_parts", "count_parts", "part_choices", "technician_choices", "_part_row",
    # ledger core
    "KIND_LABELS", "TICKET_KINDS", "REVERSIBLE_KINDS", "STOCK_AT", "MOVE_SELECT", "MOVE_ORDER", "Move",
    "LedgerFilter", "balance_of", "lowest_balance_from", "balance_as_of", "get_move", "receive", "issue",
    "return_to_stock", "scrap", "adjust", "reverse_move", "list_moves", "count_moves", "part_history",
    # old-for-new exchange
    "OldPart", "exchange", "book_old_part", "old_part_return_hours", "old_parts_pending", "old_parts_summary",
    # low stock
    "LowStockRow", "low_stock", "count_low_stock",
    # tickets
    "TicketCostLine", "TicketPartsCost", "sync_ticket_parts", "ticket_moves", "ticket_parts_cost",
    # workbook sheets
    "LOW_STOCK_SPEC", "OLD_PARTS_SPEC", "LEDGER_SPEC", "PARTS_SPEC", "PARTS_SHEET", "yuan", "low_stock_rows",
    "old_parts_rows", "ledger_rows",
]
