"""CodeButton.sent: a code went to the number the button is for (sent from here, or a refused
TooSoon: one was sent earlier or elsewhere), until the button is for another number; the booking
wizard's 确认并提交 says 点击【发送验证码】 or 【重新发送】 by it, as the button reads."""
from __future__ import annotations

from textual.widgets import Button, Static

from kiosk.services import booking_submit
from kiosk.ui.widgets.code_button import CodeButton
from tests.booking_helpers import account_id
from tests.ui.conftest import ask_for_a_code, set_input, settle
from tests.ui.test_booking_wizard import to_confirm_with_one

NEW_PHONE = "13800138000"


def button(app) -> CodeButton:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#send-code", CodeButton)


async def test_sent_from_a_code_until_another_number(kiosk_app, env, people):
    p, other = people["driver_normal"], people["learner_new"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        assert not button(kiosk_app).sent
        set_input(kiosk_app, "id_number", p.id_number)
        await pilot.click("#send-code")
        await settle(pilot)
        assert button(kiosk_app).sent
        button(kiosk_app).code_gone(resend_now=True)  # used meanwhile: 重新发送 at once, still for that number
        assert str(button(kiosk_app).label) == "重新发送" and button(kiosk_app).sent
        assert not button(kiosk_app).retarget(p.phone) and button(kiosk_app).sent  # the same number
        set_input(kiosk_app, "id_number", other.id_number)  # another citizen: the screen resets the button
        await settle(pilot)
        assert not button(kiosk_app).sent and str(button(kiosk_app).label) == "发送验证码"
        await pilot.click("#send-code")
        await settle(pilot)
        assert button(kiosk_app).sent
        assert button(kiosk_app).retarget(NEW_PHONE) and not button(kiosk_app).sent  # another number


async def test_a_code_refused_as_too_soon_counts_as_sent(kiosk_app, env, people):
    """The same number's code sent elsewhere a moment ago: 发送验证码 is refused (too soon), the button
    counts down to 重新发送, and it counts as sent (the service says a code went to the number)."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        await pilot.click("#back")
        await settle(pilot)
        await ask_for_a_code(pilot, p.id_number)  # a new sign-in screen: its button sent nothing
        assert "仍然有效" in str(kiosk_app.screen.query_one("#code-sent", Static).render())  # tests/ui/test_code_still_valid.py
        assert button(kiosk_app).disabled and button(kiosk_app).sent


async def test_the_booking_hint_follows_sent(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        hint = str(kiosk_app.screen.query_one("#code-hint", Static).render())
        assert "点击【发送验证码】" in hint and "【重新发送】" not in hint
        booking_submit.send_code(env, account_id(env, p))  # a code for the booking sent meanwhile (another visit)
        await pilot.click("#send-code")  # refused as too soon: the button counts down
        await settle(pilot)
        assert button(kiosk_app).sent
        await pilot.press("escape")  # 上一步
        await settle(pilot)
        kiosk_app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        hint = str(kiosk_app.screen.query_one("#code-hint", Static).render())
        assert "【重新发送】" in hint and "点击【发送验证码】" not in hint
