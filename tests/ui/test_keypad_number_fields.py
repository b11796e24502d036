"""Pilot: the number pad beside a service form's fields of digits only (FieldSpec kind ``number``), at
100x30 (tester: none beside 申请新车临时号牌's 有效天数（1-30天）, a form with no other field of digits).
A date (延期审验's 延期至, 2028-06-30) is no such field: its 「-」 is not on the pad, so a form whose only
field is a date shows none."""
from __future__ import annotations

from tests.ui.conftest import field_error, settle
from tests.ui.test_keypad_steps import tap_digits
from tests.ui.test_keypad_x_key import x_shown
from tests.ui.test_vehicle_documents import _open

SIZE = (100, 30)


def pad_shown(app) -> bool:  # type: ignore[no-untyped-def]
    box = app.screen.query_one(".keypad-box")
    return bool(box.display and box.region.height > 0)


async def test_the_pad_types_the_days_of_a_temporary_plate(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await _open(pilot, env, people["points_study"], "temp_plate")
        await pilot.pause(0.1)
        assert pad_shown(kiosk_app)
        days = kiosk_app.screen.query_one("#input-days")
        days.value = ""
        days.focus()
        await settle(pilot)
        await tap_digits(pilot, "15")
        assert days.value == "15"
        # digits only: an X and a letter typed are refused and said under the field (tester: 16Xa)
        assert not x_shown(kiosk_app)  # no X on the pad beside it: typed, it is refused
        await pilot.press("x")
        await settle(pilot)
        assert days.value == "15"
        assert field_error(kiosk_app, "days") == "有效天数（1-30天）只能输入数字"
        await pilot.press("a")
        await settle(pilot)
        assert days.value == "15"


async def test_no_pad_beside_a_date(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await _open(pilot, env, people["lorry_driver"], "licence_delay_review")
        await pilot.pause(0.1)
        assert kiosk_app.screen.query_one("#field-until").display
        assert not pad_shown(kiosk_app)


def test_fields_of_digits_only_are_numbers() -> None:
    """有效天数 and the invoice's 发票代码 and 发票号码 take digits only; 延期至 and 开票日期 are dates, 车价合计
    may be written 68,000元: text."""
    from kiosk.services import licence_delay, temp_plate, vehicle_transfer

    kinds = {spec.name: spec.kind for spec in (*temp_plate.FIELDS, *vehicle_transfer.FIELDS, *licence_delay.FIELDS)}
    assert {name for name, kind in kinds.items() if kind == "number"} == {"days", "invoice_code", "invoice_no"}
