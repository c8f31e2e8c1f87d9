"""Repair tickets (维修工单): intake, lifecycle, rules, queries, technicians register and the ticket ledger sheet."""
