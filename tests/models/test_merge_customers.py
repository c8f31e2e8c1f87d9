"""Merging a customer registered twice (issue 16): everything moves in one
transaction, the dropped one stays as an alias that still finds the kept one,
the merge is recorded. Real SQLite files; the CLI in-process."""

from __future__ import annotations

import json

import pytest

from servicedesk.models.archive import customers as C
from servicedesk.models.archive.merge import merge_customers, merge_plan, merges_of
from servicedesk.models.core.errors import ValidationError
from tests import factories as F


@pytest.fixture
def twice(db):
    keep = F.customer(db, name="杭州建工集团有限公司", phone="13812345678", contact="王立新")
    drop = F.customer(db, name="杭州建工集团", phone="0571-88886666", contact="曾强")
    e1 = F.equipment(db, drop, model="QTZ80", serial_no="T-1")
    e2 = F.equipment(db, drop, model="QTZ63", serial_no="T-2")
    F.equipment(db, keep, model="SC200", serial_no="S-1")
    t = F.ticket(db, customer_id=drop, equipment_id=e1, no="YX2611001", status="closed",
                 contact="曾强", phone="0571-88886666")
    with db.conn:
        db.execute("INSERT INTO followups (kind, ticket_id, customer_id, equipment_id, due_from, due_at, "
                   "created_at, updated_at) VALUES ('satisfaction', ?, ?, ?, '2026-11-01', '2026-11-08', "
                   "'2026-11-01', '2026-11-01')", [t, drop, e1])
    return {"keep": keep, "drop": drop, "e1": e1, "e2": e2, "t": t}


def test_merge_moves_everything_and_keeps_an_alias(db, twice):
    keep, drop = twice["keep"], twice["drop"]
    plan = merge_plan(db, keep, drop)
    assert (plan.equipment, plan.tickets, plan.followups) == (2, 1, 1)
    merge_customers(db, keep, drop, who="小李")
    assert C.get_customer(db, keep).equipment_count == 3           # S-1 + T-1 + T-2
    assert db.execute("SELECT customer_id FROM tickets WHERE id = ?", [twice["t"]]).fetchone()[0] == keep
    assert db.execute("SELECT customer_id FROM followups").fetchone()[0] == keep
    # the ticket keeps the contact and phone it was taken with (history)
    assert db.execute("SELECT contact, phone FROM tickets").fetchone() == ("曾强", "0571-88886666")
    # DROP is still there, as an alias: not listed, but its name, phone and contact find KEEP
    assert C.get_customer(db, drop).merged_into == keep
    assert [c.id for c in C.list_customers(db)] == [keep] and C.count_customers(db) == 1
    for q in ("0571-88886666", "057188886666", "曾强", "zq", "杭州建工集团"):
        assert [h.customer_id for h in C.search(db, q)] == [keep], q
    # an import naming DROP (by name, by name + phone, by number + name) lands on KEEP
    assert C.find_customer(db, "杭州建工集团").id == keep
    assert C.find_customer(db, "杭州建工集团", "0571-88886666").id == keep
    assert C.customer_numbered(db, drop, "杭州建工集团").id == keep
    # the merge is recorded with what it moved and DROP's fields
    (rec,) = merges_of(db, keep)
    assert (rec["drop_id"], rec["equipment"], rec["tickets"], rec["followups"], rec["recorder"]) == \
        (drop, 2, 1, 1, "小李")
    assert json.loads(rec["dropped"])["phone"] == "0571-88886666"
    # the ticket list's search follows the ticket to KEEP's name
    from servicedesk.models.tickets.queries import TicketFilter, list_tickets
    assert [r.customer_name for r in list_tickets(db, TicketFilter(text="YX2611001"))] == ["杭州建工集团有限公司"]


def test_merge_refuses_itself_and_an_alias(db, twice):
    keep, drop = twice["keep"], twice["drop"]
    with pytest.raises(ValidationError, match="into itself"):
        merge_customers(db, keep, keep)
    merge_customers(db, keep, drop)
    with pytest.raises(ValidationError, match="already merged") as err:
        merge_customers(db, drop, keep)
    assert err.value.field == "keep"


def test_merge_is_one_transaction(db, twice, monkeypatch):
    from servicedesk.models.archive import merge

    def boom(db_, cid):
        raise RuntimeError("disk full")
    monkeypatch.setattr(merge, "reindex_customer", boom)
    with pytest.raises(RuntimeError):
        merge_customers(db, twice["keep"], twice["drop"])
    # nothing moved
    assert C.get_customer(db, twice["drop"]).equipment_count == 2
    assert C.get_customer(db, twice["drop"]).merged_into is None
    assert db.execute("SELECT count(*) FROM customer_merges").fetchone()[0] == 0


def test_merge_customers_cli_asks_for_yes(cli, db, db_path, twice):
    keep, drop = twice["keep"], twice["drop"]
    code, out, _ = cli("merge-customers", str(keep), str(drop), "--db", str(db_path))
    assert code == 1 and "Moves 2 equipment, 1 tickets, 1 follow-up calls" in out
    assert "Nothing merged" in out and C.get_customer(db, drop).merged_into is None
    code, out, _ = cli("merge-customers", str(keep), str(drop), "--db", str(db_path), "--yes")
    assert code == 0 and f"customer {drop} is now an alias of {keep}" in out
    code, out, _ = cli("search", "0571-88886666", "--json", "--db", str(db_path))
    assert [c["id"] for c in json.loads(out)["customers"]] == [keep]
    code, _, err = cli("merge-customers", str(keep), str(drop), "--db", str(db_path), "--yes")
    assert code != 0 and "already merged" in err
