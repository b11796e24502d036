"""Pilot: on 确认并提交 a code typed before 发送验证码 is told 请先点击【发送验证码】, also when the last
code of this purpose was used for an earlier booking (tester: 陈晨 cancelled and booked again, typed
a code first and read 验证码已失效，请重新获取, which sounds as if a code had been sent here)."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.services import cancellation
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.codes import NONE_SENT
from tests.booking_helpers import account_id, book, sessions
from tests.conftest import last_sms_code
from tests.ui.conftest import click_in_view, field_error, set_input, settle
from tests.ui.test_booking_wizard import step, to_confirm_with_one


async def test_a_code_typed_before_sending_one_here_is_told_to_send_one(kiosk_app, env, people):
    p = people["k2_ready"]  # 陈晨
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))  # its code sent and used
    cancellation.cancel(env, account_id(env, p), done.booking_id)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        set_input(kiosk_app, "code", "123456")
        await click_in_view(pilot, kiosk_app.screen.query_one("#submit", Button))
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-confirm"
        assert field_error(kiosk_app, "code") == NONE_SENT == "请先点击【发送验证码】获取验证码"
        # once a code is sent from here, the service's own answers are said again
        await click_in_view(pilot, kiosk_app.screen.query_one("#send-code", Button))
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await click_in_view(pilot, kiosk_app.screen.query_one("#submit", Button))
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-done"
