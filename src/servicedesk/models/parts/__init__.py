"""Parts ledger (配件台账): part master, append-only stock moves, stock counts."""
