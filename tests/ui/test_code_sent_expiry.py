"""Pilot: the line 验证码已发送至 ...，5分钟内有效。 goes once the code has expired, on every screen
with a 发送验证码 button (tester: at 登录 it stood above 验证码已过期，请重新获取)."""
from __future__ import annotations

from kiosk.ui.widgets.code_button import CodeButton
from tests.conftest import last_sms_code
from tests.ui.conftest import ask_for_a_code, field_error, set_input, settle


def _sent_line(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#code-sent").render()).strip()


async def test_an_expired_code_at_sign_in_no_longer_says_it_was_sent_and_valid(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        assert _sent_line(kiosk_app) == "验证码已发送至 139****0055，5分钟内有效。"
        code = last_sms_code(env, p.phone)
        env.clock.advance(minutes=4)
        await pilot.pause(1.2)  # a tick of the button: still valid, the line stays
        assert "5分钟内有效" in _sent_line(kiosk_app)
        env.clock.advance(minutes=2)
        kiosk_app.screen.query_one(CodeButton).start_countdown(0)  # its 60 s resend wait, real time, is over
        set_input(kiosk_app, "code", code)
        await pilot.click("#submit")
        await settle(pilot)
        await pilot.pause(1.2)
        assert field_error(kiosk_app, "code") == "验证码已过期，请重新获取"
        assert _sent_line(kiosk_app) == ""
        assert kiosk_app.focused is kiosk_app.screen.query_one(CodeButton)  # 重新发送: Enter asks again
        await pilot.press("enter")
        await settle(pilot)
        assert last_sms_code(env, p.phone) != code and "5分钟内有效" in _sent_line(kiosk_app)


async def test_a_code_dead_while_the_wait_runs_gives_the_focus_to_the_button_once_it_is_over(kiosk_app, env, people):
    """Tester: five wrong codes at once left the focus in the emptied code field, the button still
    counting down; once it read 重新发送, Enter in the field only said the refusal again."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        code = last_sms_code(env, p.phone)
        wrong = "000000" if code != "000000" else "111111"
        for _ in range(5):
            set_input(kiosk_app, "code", wrong)
            await pilot.click("#submit")
            await settle(pilot)
        assert field_error(kiosk_app, "code").startswith("验证码错误次数过多，已失效")
        button = kiosk_app.screen.query_one(CodeButton)
        assert button.disabled and kiosk_app.focused is kiosk_app.screen.query_one("#input-code")
        env.clock.advance(seconds=61)  # the server's resend wait over too
        button.start_countdown(0)  # and the button's, in real time
        await settle(pilot)
        assert not button.disabled and kiosk_app.focused is button
        await pilot.press("enter")
        await settle(pilot)
        assert last_sms_code(env, p.phone) != code
