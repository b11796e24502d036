"""Pilot: 服从系统安排 over one day, as the tester saw it at 确认并提交 and on the result page
(预约时间段：2026年12月4日至2026年12月4日): the day alone now."""
from __future__ import annotations

from tests.conftest import last_sms_code
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_small_screen import press
from tests.ui.test_booking_wizard import query, to_sessions


async def test_one_day_reads_as_that_day_at_confirm_and_on_the_result_page(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 2)
        kiosk_app.screen.query_one("#mode").query("RadioButton").last().value = True  # 服从系统安排
        await settle(pilot)
        await query(pilot, "2026-12-04", "2026-12-04")
        await press(pilot, "next-sessions")
        assert kiosk_app.screen.step == "step-confirm"
        text = screen_text(kiosk_app)
        assert "预约时间段：2026年12月4日" in text and "至2026年12月4日" not in text
        await press(pilot, "send-code")
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await press(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "受理中" in text
        assert "预约时间段：2026年12月4日" in text and "至2026年12月4日" not in text
