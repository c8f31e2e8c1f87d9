"""Schema steps for the ticket_search area (append-only; never edit a released step).

Search over 100 000 tickets by number, customer name, phone or serial no.
One row of searchable text per ticket (`ticket_search`) feeds an FTS5 trigram
index (`ticket_fts`) for terms of 3+ characters; 1-2 character terms use LIKE
over the same text (customers.search_clause does both).

The text is maintained by TRIGGERS, not by Python code, because tickets are
written from several places (lifecycle, historical import, demo, test
factories with direct inserts): every one of them stays searchable without
having to remember to call a reindex function. The triggers also follow a
customer's renamed name/phone and an equipment's corrected model/serial.
"""

from __future__ import annotations

from sqlite_utils import Migrations

from servicedesk.models.core.schema_steps import sql_step, text_search_tables

MIGRATIONS = Migrations("ticket_search")


def _text_sql(alias: str) -> str:
    """SQL expression: the searchable text of ticket `alias` (a row or NEW).

    Phones appear as stored (0571-88886666) and as digits only, so a clerk can
    type either form.
    """
    return (
        f"{alias}.no"
        f" || ' | ' || coalesce({alias}.contact, '')"
        f" || ' | ' || coalesce({alias}.phone, '') || ' ' || replace(coalesce({alias}.phone, ''), '-', '')"
        f" || ' | ' || coalesce((SELECT c.name || ' ' || c.phone || ' ' || replace(c.phone, '-', '')"
        f" || ' ' || c.phone2 FROM customers c WHERE c.id = {alias}.customer_id), '')"
        f" || ' | ' || coalesce((SELECT e.model || ' ' || e.serial_no FROM equipment e"
        f" WHERE e.id = {alias}.equipment_id), '')"
    )


sql_step(MIGRATIONS, "0001_ticket_search_index",
    # ticket_search -> ticket_fts
    *text_search_tables("ticket_search", "ticket_id", "tickets(id)", "ticket_fts",
                        update_when="old.text IS NOT new.text"),
    # tickets -> ticket_search
    f"""CREATE TRIGGER tickets_search_ai AFTER INSERT ON tickets BEGIN
            INSERT INTO ticket_search(ticket_id, text) VALUES (new.id, {_text_sql('new')});
        END""",
    f"""CREATE TRIGGER tickets_search_au
        AFTER UPDATE OF no, contact, phone, customer_id, equipment_id ON tickets BEGIN
            UPDATE ticket_search SET text = {_text_sql('new')} WHERE ticket_id = new.id;
        END""",
    """CREATE TRIGGER tickets_search_ad AFTER DELETE ON tickets BEGIN
            DELETE FROM ticket_search WHERE ticket_id = old.id;
        END""",
    # customers / equipment -> the text of their tickets
    f"""CREATE TRIGGER customers_ticket_search_au
        AFTER UPDATE OF name, phone, phone2 ON customers BEGIN
            UPDATE ticket_search SET text = (SELECT {_text_sql('t')} FROM tickets t
                                             WHERE t.id = ticket_search.ticket_id)
            WHERE ticket_id IN (SELECT id FROM tickets WHERE customer_id = new.id);
        END""",
    f"""CREATE TRIGGER equipment_ticket_search_au
        AFTER UPDATE OF model, serial_no ON equipment BEGIN
            UPDATE ticket_search SET text = (SELECT {_text_sql('t')} FROM tickets t
                                             WHERE t.id = ticket_search.ticket_id)
            WHERE ticket_id IN (SELECT id FROM tickets WHERE equipment_id = new.id);
        END""",
    # Tickets written before this step (none in a released file, but keep it honest).
    f"INSERT INTO ticket_search(ticket_id, text) SELECT t.id, {_text_sql('t')} FROM tickets t",
)

