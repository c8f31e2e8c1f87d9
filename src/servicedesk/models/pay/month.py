"""Technician pay (DOMAIN §4): from work done on tickets to an approved, locked month.

Every yuan on a slip is traceable to a ticket line or a rule:

- Work: a ticket's work lines (catalog code x quantity, valued with the rate
  in force at the ticket's completion, see catalog.py) give its standard
  hours. They count in the month the ticket is completed with result 完成
  (status completed/reviewed/closed). A 未完成 ticket has no completion time
  yet, so its work counts in the month it is finally completed; a cancelled
  ticket earns nothing.
- Team split (setting pay.team_split): "equal" by default, or
  "leader_weighted" (the leader counts pay.leader_weight_bp / 10000 shares).
  Hours stay exact in hundredths. The parts always add up to the whole: each
  member gets the floor of his exact share and the hundredths left over go,
  one each, to the largest fractional parts, ties to the leader first and then
  to the members in dispatch order (13.5 h / 2 = 6.75 + 6.75; 10 h / 3 =
  3.34 (leader) + 3.33 + 3.33).
- Money is integer fen: a line's performance pay = its hours x the hourly rate,
  rounded half-up ONCE per line (one line = one technician's share of one
  ticket). Month pay = living allowance (6 yuan x (days worked - long-trip
  days)) + base salary (register; a supervisor with no base in the register
  gets pay.supervisor_base_fen) + performance - deductions + reimbursed
  round-trip tickets (own line). Deductions come out of performance pay; they
  are not capped at it (a negative net performance shows as such).
- Deductions (考核扣款) are attached to a ticket with a reason and the persons
  charged; the amount per person is fixed when recorded (settings may change
  later), except a major accident whose amount is the person's performance
  pay for that job.
- Disputes: a technician may dispute a line before approval; a month with an
  open dispute cannot be approved. An upheld dispute of a deduction waives it
  for that person.
- Approval: the manager's PIN (salted scrypt, set on first use) locks the
  month; the computed figures are stored as a snapshot (a locked month always
  shows what was approved) and the tickets behind them are listed, so
  `ensure_ticket_editable` refuses changes to them. A correction after the
  lock is an adjustment line in a later (open) month. Unlocking needs the PIN
  and a reason and is logged with the figures that were unlocked.

This module is the pay area's public API: callers import from here (or use
`from servicedesk.models.pay import month as P`). The code lives in sibling
modules, each one cohesive and importing only downward:

- records.py: vocabularies and dataclasses (pay line, technician's month, ...);
- months.py: month names and bounds, the lock checks, the pay log;
- rules.py: the pure arithmetic (team shares, money for hours, allowance);
- lookups.py: tickets and technicians as the pay dialogs pick them;
- compute.py: computing a month, or reading its approved snapshot;
- attendance.py: days worked and long trips, with the attendance sheet;
- corrections.py: deductions, adjustments, reimbursed round-trip tickets;
- disputes.py: raising and resolving disputes;
- approval.py: the manager's PIN, approving and unlocking a month.
"""

from __future__ import annotations

from servicedesk.models.core.errors import LockedError  # callers catch P.LockedError
from servicedesk.models.pay.approval import hash_pin, approve_month, pin_is_set, set_pin, unlock_month, verify_pin
from servicedesk.models.pay.attendance import ATTENDANCE_SHEET, ATTENDANCE_SPEC, attendance_grid, set_attendance
from servicedesk.models.pay.compute import compute_month, month_pay
from servicedesk.models.pay.corrections import (
    add_adjustment, add_deduction, add_reimbursement, delete_adjustment, delete_reimbursement, get_deduction,
    list_deductions, void_deduction,
)
from servicedesk.models.pay.disputes import get_dispute, list_disputes, raise_dispute, resolve_dispute
from servicedesk.models.pay.lookups import active_technicians, find_technician_id, find_ticket
from servicedesk.models.pay.months import (
    _log, current_month, days_in_month, ensure_month_open, ensure_ticket_editable, free_text, is_locked,
    list_log, locked_months, month_bounds, month_state, next_month, parse_month,
)
from servicedesk.models.pay.records import (
    COUNTED_STATUSES, DEDUCTION_KINDS, DEFECT_SOURCES, DISPUTE_STATUS, DOCUMENTS, LINE_KINDS, ROLE_LABELS,
    STATE_LABELS, TYPE_LABELS, AttendanceRow, Deduction, DeductionInput, Dispute, LogEntry, MonthPay,
    MonthState, PayLine, TechnicianPay, TicketRef,
)
from servicedesk.models.pay.rules import (
    allowance_fen, fen_to_yuan, hours_text, money_for_hours, qty_text, split_shares, team_shares,
)

# The names callers use. `_log` (billing writes to the pay log) is private to the
# area but shared within it; `hash_pin` (a test checks the salt) is core.pin's.
__all__ = [
    # records
    "COUNTED_STATUSES", "DEDUCTION_KINDS", "DEFECT_SOURCES", "DISPUTE_STATUS", "DOCUMENTS", "LINE_KINDS",
    "ROLE_LABELS", "STATE_LABELS", "TYPE_LABELS", "AttendanceRow", "Deduction", "DeductionInput", "Dispute",
    "LogEntry", "MonthPay", "MonthState", "PayLine", "TechnicianPay", "TicketRef",
    # months, lock, log
    "parse_month", "month_bounds", "next_month", "days_in_month", "free_text", "current_month",
    "month_state", "is_locked", "locked_months", "ensure_month_open", "ensure_ticket_editable",
    "list_log", "_log", "LockedError",
    # rules
    "split_shares", "team_shares", "money_for_hours", "allowance_fen", "qty_text", "hours_text", "fen_to_yuan",
    # lookups
    "find_technician_id", "find_ticket", "active_technicians",
    # computing
    "compute_month", "month_pay",
    # attendance
    "set_attendance", "attendance_grid", "ATTENDANCE_SPEC", "ATTENDANCE_SHEET",
    # corrections
    "add_deduction", "get_deduction", "list_deductions", "void_deduction", "add_adjustment",
    "delete_adjustment", "add_reimbursement", "delete_reimbursement",
    # disputes
    "raise_dispute", "resolve_dispute", "get_dispute", "list_disputes",
    # PIN and approval
    "pin_is_set", "set_pin", "verify_pin", "approve_month", "unlock_month", "hash_pin",
]
