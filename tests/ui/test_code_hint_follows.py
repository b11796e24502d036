"""Pilot: the line over 发送验证码 (#code-hint) says what the button reads, on 变更驾驶证联系方式's
确认并提交 and on 注册's 短信验证 as on 考试预约's (tests/ui/test_code_button_sent.py): 点击【发送验证码】
before a code is sent, 【重新发送】 once one was, here and when the step comes back (tester: after the
code went out the button read 重新发送 and the line still said 点击【发送验证码】), 已失效 once it is gone,
and 点击【发送验证码】 again for another number."""
from __future__ import annotations

from kiosk.ui.widgets.code_button import CodeButton
from tests.ui.conftest import set_input, settle
from tests.ui.test_contact_flow import _open as open_service
from tests.ui.test_register import _open as open_register


def hint(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#code-hint").render()).replace("\n", "")


def says_send(text: str) -> bool:
    return "点击【发送验证码】" in text and "【重新发送】" not in text


def says_resend(text: str) -> bool:
    return "【重新发送】" in text and "点击【发送验证码】" not in text and "已失效" not in text


async def test_the_contact_change_hint_follows_the_button(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_service(pilot, env, p, "licence_contact")

        async def on_with(phone: str) -> None:
            set_input(kiosk_app, "phone", phone)
            set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
            await pilot.click("#next")
            await settle(pilot)

        await on_with("13800138000")
        text = hint(kiosk_app)
        assert says_send(text) and "更换手机号码需验证新号码" in text and "138****8000" in text
        await pilot.click("#send-code")
        await settle(pilot)
        text = hint(kiosk_app)  # the button reads 重新发送（60秒）, then 重新发送
        assert says_resend(text) and "138****8000" in text and "点击【提交】" in text
        await pilot.click("#prev")
        await settle(pilot)
        await on_with("13800138000")  # the same number: the code sent still counts
        assert says_resend(hint(kiosk_app))
        kiosk_app.screen.query_one("#send-code", CodeButton).code_gone(resend_now=True)  # dead (5 wrong tries)
        await settle(pilot)
        text = hint(kiosk_app)
        assert "已失效" in text and "【重新发送】" in text and "输入发送到" not in text
        await pilot.click("#prev")
        await settle(pilot)
        await on_with("13800138111")  # another number: no code went to it yet
        text = hint(kiosk_app)
        assert says_send(text) and "138****8111" in text


async def test_the_register_hint_follows_the_button(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot, kiosk_app, p, "13800138001")
        await pilot.click("#face-start")
        await settle(pilot)
        text = hint(kiosk_app)
        assert says_send(text) and text.startswith("人脸比对通过。") and "138****8001" in text
        await pilot.click("#send-code")
        await settle(pilot)
        text = hint(kiosk_app)
        assert says_resend(text) and "138****8001" in text and "点击【完成注册】" in text
        await pilot.press("escape")  # back to 人脸识别, and on again to the same number
        await settle(pilot)
        await pilot.click("#face-start")
        await settle(pilot)
        assert says_resend(hint(kiosk_app))
