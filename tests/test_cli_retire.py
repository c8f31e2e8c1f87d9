"""`servicedesk deactivate|reactivate|delete` (issue 17): history is kept, a refusal names every reference."""

from __future__ import annotations

import json

from servicedesk.models.archive import customers as C
from servicedesk.models.followups import calls as FC
from servicedesk.models.parts import ledger as P
from tests import factories as F


def test_delete_refused_with_every_reference_named_then_deactivate(cli, db, db_path):
    c = F.customer(db)
    e = F.equipment(db, c, model="QTZ80", serial_no="T2025-0101")
    FC.plan_inspection(db, e, "2027-01-10", "内勤")
    code, out, err = cli("--lang", "en", "delete", "equipment", "QTZ80", "T2025-0101", "--db", str(db_path),
                         "--yes")
    assert code == 1 and "FOREIGN KEY" not in err
    assert "Equipment QTZ80 T2025-0101 has 1 planned inspection: it cannot be deleted, deactivate it instead." in err
    assert C.get_equipment(db, e).active is True
    code, out, _ = cli("deactivate", "equipment", str(e), "--db", str(db_path), "--json")
    assert code == 0 and json.loads(out) == {"kind": "equipment", "id": e, "name": "QTZ80 T2025-0101",
                                             "action": "deactivate"}
    assert C.get_equipment(db, e).active is False
    code, out, _ = cli("--lang", "zh_CN", "reactivate", "equipment", str(e), "--db", str(db_path))
    assert code == 0 and out.strip() == "已重新启用设备 QTZ80 T2025-0101。"
    assert C.get_equipment(db, e).active is True


def test_delete_needs_yes_and_deletes_only_without_history(cli, db, db_path):
    part = P.add_part(db, P.PartInput(code="P-9999", name="打错的"))
    code, _, err = cli("--lang", "en", "delete", "part", "P-9999", "--db", str(db_path))
    assert code == 1 and "--yes" in err and P.find_part(db, "P-9999") is not None
    code, out, _ = cli("--lang", "en", "delete", "part", "P-9999", "--db", str(db_path), "--yes")
    assert code == 0 and out.strip() == "Deleted part P-9999."
    assert P.find_part(db, part.code) is None


def test_refusal_in_chinese(cli, db, db_path):
    c = F.customer(db, name="温州城建")
    F.equipment(db, c)
    code, _, err = cli("--lang", "zh_CN", "delete", "customer", "温州城建", "--db", str(db_path), "--yes")
    assert code == 1 and "客户 温州城建 有 1 台设备，不能删除，请改为停用。" in err
