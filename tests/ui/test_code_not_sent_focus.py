"""Pilot: 提交 (登录, 预约) pressed before any code was sent says 请先点击【发送验证码】获取验证码 and puts
the focus on 发送验证码, so the next Enter does what it says (tester, keyboard at 100x30, 变更驾驶证联系方式:
the focus went to the code field and Shift+Tab was needed to reach the button). One code path
(KioskScreen.show_error, code_refused) serves every screen with a code: a service's 确认并提交,
登录 and 考试预约 are checked here."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.services.codes import NONE_SENT
from tests.conftest import last_sms_code
from tests.ui.conftest import field_error, set_input, settle, sign_in
from tests.ui.test_booking_wizard import to_confirm_with_one

NEW_PHONE = "13800138000"


def focused_id(app) -> str | None:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else None


async def test_contact_change_submit_before_a_code_focuses_send_code(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        set_input(kiosk_app, "phone", NEW_PHONE)
        kiosk_app.screen.query_one("#next", Button).press()
        await settle(pilot)
        kiosk_app.screen.query_one("#submit", Button).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert field_error(kiosk_app, "code") == NONE_SENT
        assert focused_id(kiosk_app) == "send-code"
        await pilot.press("enter")  # does what the line says
        await settle(pilot)
        assert last_sms_code(env, NEW_PHONE)
        assert focused_id(kiosk_app) == "input-code"  # then the code is typed (code_sent)


async def test_sign_in_before_a_code_focuses_send_code(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", p.id_number)
        kiosk_app.screen.query_one("#submit", Button).press()
        await settle(pilot)
        assert field_error(kiosk_app, "code") == NONE_SENT
        assert focused_id(kiosk_app) == "send-code"


async def test_booking_before_a_code_focuses_send_code(kiosk_app, env, people):
    p = people["k2_ready"]  # 陈晨
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        set_input(kiosk_app, "code", "123456")  # typed before any code was sent
        kiosk_app.screen.query_one("#submit", Button).press()
        await settle(pilot)
        assert field_error(kiosk_app, "code") == NONE_SENT
        assert focused_id(kiosk_app) == "send-code"
