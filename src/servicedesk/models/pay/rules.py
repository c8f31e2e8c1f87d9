"""Pay's pure rules: exact team shares, money for hours, the living allowance.

No database here: these are the arithmetic of DOMAIN §4 (parts that always
add up to the whole, money rounded half-up once per line), kept apart so they
can be tested and read on their own, plus the text forms of hours used on
slips and in log lines.
"""

from __future__ import annotations

from servicedesk.models.pay.catalog import _div_half_up

# ====================================================================== pure rules
def split_shares(total: int, members: list[tuple[int, int]]) -> dict[int, int]:
    """Split `total` (hundredths or fen) by weights, exactly; parts sum to total.

    members: (key, weight) in priority order (leader first). Each gets the
    floor of his exact share; what is left goes one unit at a time to the
    largest remainders, ties to the earlier member.
    """
    if not members:
        return {}
    weight_sum = sum(w for _, w in members)
    if weight_sum <= 0:
        raise ValueError("weights must be positive")
    shares = {}
    remainders = []
    for i, (key, weight) in enumerate(members):
        q, r = divmod(total * weight, weight_sum)
        shares[key] = q
        remainders.append((-r, i, key))
    left = total - sum(shares.values())
    for _, _, key in sorted(remainders)[:left]:
        shares[key] += 1
    return shares


def team_shares(hours_x100: int, team: list[tuple[int, bool]], rule: str = "equal",
                leader_weight_bp: int = 15000) -> dict[int, int]:
    """A job's hours split over its team: team = [(technician id, is leader)] in dispatch order."""
    ordered = sorted(team, key=lambda m: not m[1])          # leader first, order otherwise kept
    if rule == "leader_weighted":
        members = [(tid, leader_weight_bp if leader else 10000) for tid, leader in ordered]
    else:
        members = [(tid, 1) for tid, _ in ordered]
    return split_shares(hours_x100, members)


def money_for_hours(hours_x100: int, rate_per_hour_fen: int) -> int:
    """Hours (hundredths) x rate (fen per hour) in fen, rounded half-up once."""
    return _div_half_up(hours_x100 * rate_per_hour_fen, 100)


def allowance_fen(days_worked: int, long_trip_days: int, per_day_fen: int) -> int:
    return max(days_worked - long_trip_days, 0) * per_day_fen


def qty_text(quantity_x100: int) -> str:
    """300 -> '3', 150 -> '1.5' (quantities without trailing zeros)."""
    text = hours_text(quantity_x100)
    return text.rstrip("0").rstrip(".") if "." in text else text


def hours_text(hours_x100: int) -> str:
    sign = "-" if hours_x100 < 0 else ""
    v = abs(hours_x100)
    return f"{sign}{v // 100}.{v % 100:02d}"


def fen_to_yuan(fen: int) -> str:
    """Display helper shared by CLI/reports: 12345 -> '123.45'."""
    from servicedesk.models.core.validation import fen_to_yuan_str

    return fen_to_yuan_str(fen)
