"""The ticket list filtered by technician (issue 15): with a month the
month's tickets are tested one by one; alone, a busy technician's list walks
the date index and the tab counts come from the team index. Pages and counts
must be exactly what the plain queries give, on a generated year."""

from __future__ import annotations

import pytest

from servicedesk.models.core.db import open_db
from servicedesk.models.tickets import queries as Q
from tests import factories as F

NOW = "2026-11-30 18:00:00"


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    path = F.generated_office(tmp_path_factory.mktemp("techs") / "one_year.sqlite3",
                              customers=200, tickets=3000, moves=100)
    db = open_db(path)
    yield db
    db.close()


def _plain_page(db, tech: int, month: str | None, offset: int, limit: int) -> list[str]:
    where = "t.id IN (SELECT ticket_id FROM ticket_technicians WHERE technician_id = :tech)"
    params = {"tech": tech, "limit": limit, "offset": offset}
    if month:
        where += " AND t.reported_at >= :a AND t.reported_at < :b"
        params.update(a=f"{month}-01 00:00:00", b=f"{Q_next(month)}-01 00:00:00")
    return [r[0] for r in db.execute(f"SELECT t.no FROM tickets t WHERE {where} "
                                     "ORDER BY t.reported_at DESC, t.id DESC LIMIT :limit OFFSET :offset", params)]


def Q_next(month: str) -> str:
    y, m = int(month[:4]), int(month[5:])
    return f"{y + m // 12}-{m % 12 + 1:02d}"


def _plain_counts(db, tech: int) -> dict[str, int]:
    counts = {g: 0 for g in Q.STATUS_GROUPS}
    for status, n in db.execute("SELECT status, count(*) FROM tickets WHERE id IN "
                                "(SELECT ticket_id FROM ticket_technicians WHERE technician_id = ?) GROUP BY 1",
                                [tech]):
        counts[status] = n
        counts["all"] += n
    return counts


def test_pages_and_counts_match_the_plain_queries(office, monkeypatch):
    monkeypatch.setattr(Q, "_BROAD_COUNT", 50)          # the small office's technicians count as busy
    techs = [r[0] for r in office.execute(
        "SELECT technician_id FROM ticket_technicians GROUP BY 1 ORDER BY count(*) DESC")]
    month = office.execute("SELECT substr(max(reported_at), 1, 7) FROM tickets").fetchone()[0]
    walked = []
    real_broad = Q._is_broad
    monkeypatch.setattr(Q, "_is_broad", lambda *a: walked.append(real_broad(*a)) or walked[-1])
    for tech in (techs[0], techs[len(techs) // 2], techs[-1]):
        assert Q.status_counts(office, Q.TicketFilter(technician_id=tech), now=NOW) == _plain_counts(office, tech)
        for offset in (0, 20, 200):
            got = [r.no for r in Q.list_tickets(office, Q.TicketFilter(technician_id=tech), now=NOW,
                                                offset=offset, limit=20)]
            assert got == _plain_page(office, tech, None, offset, 20), (tech, offset)
            got = [r.no for r in Q.list_tickets(office, Q.TicketFilter(technician_id=tech, month=month), now=NOW,
                                                offset=offset, limit=20)]
            assert got == _plain_page(office, tech, month, offset, 20), (tech, month, offset)
    assert any(walked)   # a busy technician's list was walked
