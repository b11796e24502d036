"""Pilot: a paste that runs past a field's length limit and ends in a line break (a terminal without
bracketed paste sends it as keys, Enter last) no longer moves the form on with the value cut short:
the tester's 160-character 邮寄地址 in 补领检验合格标志 went to 请核对以下信息 without its end 「1号」,
and the message beside the field was gone. That Enter is held once; the next one goes on."""
from __future__ import annotations

from tests.ui.conftest import field_error, set_input, settle
from tests.ui.test_vehicle_documents import _open

ADDRESS = "重庆市渝北区龙溪街道" * 15 + "新南路1号"  # 155 characters; the field takes 100


async def test_enter_after_the_limit_refused_the_rest_stays_on_the_field(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "inspection_mark_reissue")
        set_input(kiosk_app, "address", "")
        field = kiosk_app.screen.query_one("#input-address")
        field.focus()
        await pilot.press(*ADDRESS, "enter")
        await settle(pilot)
        assert len(field.value) == 100 and not field.value.endswith("1号")
        assert kiosk_app.focused is field and kiosk_app.screen.query_one("#step-form").display
        assert field_error(kiosk_app, "address") == "最多可输入100个字，超出部分未输入"
        await pilot.press("enter")  # read, and meant: the form goes on
        await settle(pilot)
        assert kiosk_app.screen.query_one("#step-confirm").display
