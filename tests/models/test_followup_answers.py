"""Follow-up answers as clerks write them (issue 16): 否/无/没有/— in 投诉内容
mean "no complaint" in the import, the model and the call dialog; only real
text opens a complaint ticket, and the import says how many it opened."""

from __future__ import annotations

import pytest

from servicedesk.models.followups import calls as F
from servicedesk.models.followups.sheets import FOLLOWUPS_SHEET
from servicedesk.models.followups.vocabulary import normalise_complaint
from tests import factories as f
from tests.conftest import run_cli


def _closed_ticket(db, no: str) -> int:
    c = f.customer(db, name=f"客户{no}", phone=f"138{int(no[-4:]):08d}")
    e = f.equipment(db, c, serial_no=f"S-{no}")
    t = f.ticket(db, customer_id=c, equipment_id=e, no=no, status="closed",
                 completed_at="2026-10-01 14:00:00", closed_at="2026-10-01 18:00:00", result="done")
    F.schedule_for_ticket(db, t)
    return t


@pytest.mark.parametrize("written", ["", "否", " 无 ", "没有", "没", "—", "-", "－", "——", "无投诉", "\u3000否\u3000"])
def test_no_complaint_words_mean_no_complaint(written):
    assert normalise_complaint(written) == ""


def test_real_text_stays_a_complaint():
    assert normalise_complaint("  维修后仍有异响 ") == "维修后仍有异响"
    assert normalise_complaint("否认维修过") == "否认维修过"     # a word that starts with 否 is text


def test_record_call_with_no_opens_no_ticket_and_an_unreached_no_is_accepted(db):
    t = _closed_ticket(db, "YX2610001")
    fid = db.execute("SELECT id FROM followups WHERE ticket_id = ? AND kind = 'satisfaction'", [t]).fetchone()[0]
    tickets_before = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    F.record_call(db, fid, F.CallInput(reached=False, called_at="2026-10-02 09:00:00", complaint="否"), "林芳")
    out = F.record_call(db, fid, F.CallInput(reached=True, called_at="2026-10-02 15:00:00",
                                             satisfaction="满意", complaint="无"), "林芳")
    assert out.complaint_ticket_no == ""
    assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == tickets_before


def test_import_counts_the_complaint_tickets_it_opened(db, db_path, tmp_path):
    from servicedesk.reports.sheets import write_rows

    for no in ("YX2610011", "YX2610012", "YX2610013", "YX2610014"):
        _closed_ticket(db, no)
    tickets_before = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    sheet = tmp_path / "calls.xlsx"
    write_rows(FOLLOWUPS_SHEET.spec, [
        {"ticket_no": "YX2610011", "called_at": "2026-10-02 09:00", "reached": "是", "satisfaction": "满意",
         "complaint": "否"},
        {"ticket_no": "YX2610012", "called_at": "2026-10-02 09:10", "reached": "否", "complaint": "无"},
        {"ticket_no": "YX2610013", "called_at": "2026-10-02 09:20", "reached": "是", "satisfaction": "不满意",
         "complaint": "维修后仍有异响"},
        {"ticket_no": "YX2610014", "called_at": "2026-10-02 09:30", "reached": "是", "satisfaction": "一般",
         "complaint": "—"},
    ], sheet)
    code, out, err = run_cli("import", "followups", str(sheet), "--db", str(db_path), "--dry-run")
    assert code == 0, err
    assert "would open 1 complaint ticket(s)" in out
    code, out, err = run_cli("import", "followups", str(sheet), "--db", str(db_path))
    assert code == 0, err
    assert out.strip() == "imported 4 row(s): 4 new, 0 updated; opened 1 complaint ticket(s)"
    complaints = [r[0] for r in db.execute("SELECT fault FROM tickets WHERE type = 'complaint'")]
    assert len(complaints) == 1 and "维修后仍有异响" in complaints[0] and "YX2610013" in complaints[0]
    assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == tickets_before + 1
    # every call went to its ticket's satisfaction follow-up, none to a new 其他回访
    assert db.execute("SELECT count(*) FROM followups WHERE kind = 'extra'").fetchone()[0] == 0
