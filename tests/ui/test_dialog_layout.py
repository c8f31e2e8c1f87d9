"""Messages that appear in a dialog get the room they need: the dialog grows,
no error is cut off and the notes box is never squashed."""

from __future__ import annotations

from servicedesk.models.archive import customers as C
from servicedesk.ui.common import FieldError
from servicedesk.ui.customers.customer_dialog import CustomerDialog
from servicedesk.ui.customers.equipment_dialog import EquipmentDialog
from tests import factories as F


def _shown_errors(dialog) -> list[FieldError]:
    return [e for e in dialog.findChildren(FieldError) if e.isVisible()]


def _assert_fits(dialog) -> None:
    dialog.layout().activate()
    hint = dialog.sizeHint()
    assert dialog.height() >= hint.height(), (dialog.size(), hint)
    errors = _shown_errors(dialog)
    assert errors
    for err in errors:
        # every line of the wrapped message is on screen
        assert err.height() >= err.heightForWidth(err.width()), (err.text(), err.size())
        assert err.height() >= err.sizeHint().height(), (err.text(), err.size(), err.sizeHint())
    notes = dialog.notes
    assert notes.height() >= notes.minimumSizeHint().height() >= 3 * notes.fontMetrics().lineSpacing()


def test_customer_dialog_grows_for_a_long_phone_message_and_the_duplicate_warning(qtbot, ctx):
    F.customer(ctx.db, name="张三", phone="13812345678")
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.size()
    dialog.name.setText("张三")
    dialog.phone.setText("12a")
    dialog.phone2.setText("13812345678")
    dialog.save()
    assert dialog.form.message("phone")
    _assert_fits(dialog)
    assert dialog.height() > before.height() and dialog.width() >= before.width()

    dialog.refresh_duplicates()  # the warning appears under the form
    assert dialog.duplicates.isVisible()
    _assert_fits(dialog)
    assert dialog.duplicates.height() >= dialog.duplicates.heightForWidth(dialog.duplicates.width())


def test_equipment_dialog_grows_for_wrapped_date_messages(qtbot, ctx):
    customer = C.get_customer(ctx.db, F.customer(ctx.db, name="张三"))
    dialog = EquipmentDialog(ctx, customer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.factory_date.setText("2026-05-01")
    dialog.purchase_date.setText("2025-01-01")   # before the factory date: a long, wrapped message
    dialog.acceptance_date.setText("abc")
    dialog.save()
    texts = [e.text() for e in _shown_errors(dialog)]
    assert any("is before" in t for t in texts) and any("Not a date" in t for t in texts)
    _assert_fits(dialog)


def test_a_message_never_shrinks_a_dialog_the_clerk_made_bigger(qtbot, ctx):
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(700, 580)
    dialog.phone.setText("12a")
    dialog.save()
    assert dialog.width() == 700 and dialog.height() >= 580
