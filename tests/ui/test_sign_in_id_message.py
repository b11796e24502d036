"""Pilot: 登录 tells a number typed as an ID number as one, a unit's credit code as one (tester's
finding: 500105200105051abc got 统一社会信用代码校验位不正确 next to 身份证号码)."""
from __future__ import annotations

from tests.ui.conftest import field_error, set_input, settle


async def test_the_message_next_to_the_field_fits_what_was_typed(kiosk_app, env):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        for raw, expected in [("500105200105051abc", "身份证号码前17位必须是数字"),
                              ("500105194912310a3c", "身份证号码前17位必须是数字"),
                              ("91500000MA5U000011", "统一社会信用代码校验位不正确")]:
            set_input(kiosk_app, "id_number", raw)
            kiosk_app.screen.query_one("#send-code").press()
            await settle(pilot)
            assert field_error(kiosk_app, "id_number") == expected, raw
