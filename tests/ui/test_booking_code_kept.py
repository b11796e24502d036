"""Pilot: back to 确认并提交 with an SMS code still in its field (上一步 or Escape, then 下一步), the
focus is in the code field and 上一步/预约 are in view above the phone bar that shows the SMS
(tester, 100x32: only the buttons' top edge showed, their labels under the notice); the line over
the code says 【重新发送】, as the button does, not 点击【发送验证码】."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.widgets.phone import PhoneBar
from tests.conftest import last_sms_code
from tests.ui.conftest import click_in_view, set_input, settle
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_wizard import choose_subject, mark_rows, query, step, to_confirm_with_one
from tests.ui.test_booking_small_screen import press


async def test_the_buttons_are_in_view_with_the_kept_code(kiosk_app, env, people):
    p = people["permit_expiring"]  # 王芳: 优先预约
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 1)
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        await click_in_view(pilot, kiosk_app.screen.query_one("#send-code"))
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await pilot.press("escape")  # 上一步
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions"
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        await settle(pilot)
        screen = kiosk_app.screen
        assert step(kiosk_app)[0] == "step-confirm" and screen.focused.id == "input-code"
        hint = str(screen.query_one("#code-hint").render())  # the button reads 重新发送 now
        assert "【重新发送】" in hint and "点击【发送验证码】" not in hint
        bars = [b for b in screen.query(PhoneBar) if b.display and b.region.height]
        bottom = bars[0].region.y if bars else screen.size.height
        for button in ("#prev-confirm", "#submit", "#input-code"):
            region = screen.query_one(button).region
            assert region.height and region.y >= 1 and region.bottom <= bottom, (button, region, bottom)


async def test_a_code_typed_for_another_subject_is_not_kept(kiosk_app, env, people):
    """王芳 types a code on 科目二's 确认并提交, goes back to 科目确认 and on with 科目三: its 确认并提交
    opens with the code field empty (kept, with the focus in it, one Enter booked 科目三 with the
    code typed for 科目二: tester). Back to 科目二 and on again, the same booking's code would stay."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_with_one(pilot, env, p, subject=2)
        set_input(kiosk_app, "code", "123456")
        for _ in range(2):  # 确认并提交 > 选择场次 > 科目确认 (the notice agreed to is skipped)
            await pilot.press("escape")
            await settle(pilot)
        assert step(kiosk_app)[0] == "step-subject"
        await choose_subject(pilot, 3)
        await press(pilot, "next-subject")
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 1)
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-confirm"
        assert kiosk_app.screen.query_one("#input-code").value == ""
