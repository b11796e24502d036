"""Pilot: a code asked for again within the 60 s resend wait while the one sent is still valid.

Tester: 登录, the ID number, 发送验证码 (the code on the demo phone bar), 返回 to the start screen,
登录 again within the wait and 发送验证码: no new code (the resend rule holds), and the code was
nowhere to be seen any more; the citizen was stuck until the wait ended. The code sent still works,
and a phone would still have it: the line under the button says where it went, that it is still
valid and the seconds left before a new one may be asked for (in step with the button's count), the
cursor goes to the code field, and the phone bar shows that SMS again. The same on 考试预约's and a
service's 确认并提交 (变更驾驶证联系方式: the code goes to the new number)."""
from __future__ import annotations

from sqlalchemy import func, select
from textual.widgets import Button, Static

from kiosk.db.models import Message
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.code_button import CodeButton
from kiosk.ui.widgets.phone import PhoneBar
from tests.conftest import last_sms_code
from tests.ui.conftest import ask_for_a_code, field_error, set_input, settle, sign_in
from tests.ui.test_booking_wizard import choose_subject, mark_rows, query, read_to_end, step

NEW_PHONE = "13800138000"


def sms_count(env, phone: str) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Message).where(Message.phone == phone)) or 0


def sent_line(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#code-sent", Static).render())


def button(app) -> CodeButton:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#send-code", CodeButton)


def count(b: CodeButton) -> int:
    """The seconds 重新发送（N秒） reads."""
    return int(str(b.label).removeprefix("重新发送（").removesuffix("秒）"))


async def bar_text(pilot) -> str:  # type: ignore[no-untyped-def]
    """The SMS on the current screen's phone bar ("" with none shown)."""
    await settle(pilot)
    await pilot.pause(0.2)
    bars = [b for b in pilot.app.screen.query(PhoneBar) if b.display]
    return bars[0].sms if bars else ""


def says_still_valid(line: str, masked: str, seconds: int) -> bool:
    return (f"发送至 {masked}" in line and "前仍然有效" in line and "请输入短信中的验证码" in line
            and f"{seconds}秒后可重新获取" in line)


async def test_sign_in_again_within_the_wait_shows_the_code_still_valid(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        code = last_sms_code(env, p.phone)
        assert code in await bar_text(pilot)
        await pilot.click("#back")
        await settle(pilot)
        env.clock.advance(seconds=20)
        await ask_for_a_code(pilot, p.id_number)  # a new 登录 screen, 20 s into the wait
        assert sms_count(env, p.phone) == 1  # no new code: the resend rule holds
        assert button(kiosk_app).disabled and 37 <= count(button(kiosk_app)) <= 40
        assert says_still_valid(sent_line(kiosk_app), "139****0055", count(button(kiosk_app))), sent_line(kiosk_app)
        assert "09:05前仍然有效" in sent_line(kiosk_app)  # the demo clock: sent 09:00, 5 minutes
        assert field_error(kiosk_app, "code") == ""  # no error: the code is there to be used
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-code")
        bar = await bar_text(pilot)
        assert code in bar and "139****0055" in bar and "您正在办理登录" in bar  # the phone's SMS, again
        await pilot.press(*code, "enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_the_line_counts_with_the_button_and_goes_with_the_code(kiosk_app, env, people):
    """Tester (earlier): 请41秒后重新获取 stood still under 重新发送（37秒）. The line's seconds are the
    button's, tick by tick; once the wait is over it says 重新发送 may be pressed; past the code's
    five minutes the line goes (验证码已过期 would follow)."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        await pilot.click("#back")
        await settle(pilot)
        env.clock.advance(seconds=19)
        await ask_for_a_code(pilot, p.id_number)
        left = count(button(kiosk_app))  # 41, or less on a slow machine: the count runs in real time
        assert 38 <= left <= 41 and f"{left}秒后可重新获取" in sent_line(kiosk_app)
        button(kiosk_app)._until -= 5  # 5 s on, and the next tick
        button(kiosk_app)._tick()
        later = count(button(kiosk_app))
        assert later <= left - 4 and f"{later}秒后可重新获取" in sent_line(kiosk_app)
        button(kiosk_app).start_countdown(0)  # the wait is over
        line = sent_line(kiosk_app)
        assert "秒" not in line and "前仍然有效" in line and "【重新发送】" in line
        assert str(button(kiosk_app).label) == "重新发送"
        env.clock.advance(seconds=300)
        button(kiosk_app)._tick()
        assert sent_line(kiosk_app) == ""


async def test_another_id_number_takes_the_line_away(kiosk_app, env, people):
    first, second = people["driver_normal"], people["two_cars"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await ask_for_a_code(pilot, first.id_number)
        await pilot.click("#back")
        await settle(pilot)
        await ask_for_a_code(pilot, first.id_number)
        assert "139****0055" in sent_line(kiosk_app)
        set_input(kiosk_app, "id_number", second.id_number)
        await settle(pilot)
        assert sent_line(kiosk_app) == "" and str(button(kiosk_app).label) == "发送验证码"


async def _booking_to_confirm(pilot) -> None:  # type: ignore[no-untyped-def]
    """From the 业务中心: 考试预约, 科目二, the notice if asked, the first session of a week, 确认并提交."""
    await pilot.click("#menu-exam_booking")
    await settle(pilot)
    await choose_subject(pilot, 2)
    await pilot.click("#next-subject")
    await settle(pilot)
    if step(pilot.app)[0] == "step-notice":
        await read_to_end(pilot)
        await pilot.click("#agree")
        await settle(pilot)
    await query(pilot, "2026-12-04", "2026-12-10")
    await mark_rows(pilot, 1)
    pilot.app.screen.query_one("#next-sessions", Button).press()
    await settle(pilot)
    assert step(pilot.app)[0] == "step-confirm"


async def test_booking_confirm_again_within_the_wait(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await _booking_to_confirm(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        code = last_sms_code(env, p.phone)
        sent = sms_count(env, p.phone)
        await kiosk_app.pop_screen()  # back to the 业务中心, and into 考试预约 again
        await settle(pilot)
        env.clock.advance(seconds=30)
        await _booking_to_confirm(pilot)
        await pilot.click("#send-code")
        assert sms_count(env, p.phone) == sent
        bar = await bar_text(pilot)
        assert code in bar and "您正在办理考试预约" in bar
        assert 27 <= count(button(kiosk_app)) <= 30
        assert says_still_valid(sent_line(kiosk_app), "139****0042", count(button(kiosk_app))), sent_line(kiosk_app)
        assert field_error(kiosk_app, "code") == ""
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-code")


async def test_licence_contact_again_within_the_wait(kiosk_app, env, people):
    """The code goes to the new number: that phone's SMS is the one shown again."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        for attempt in (1, 2):
            await pilot.click("#menu-licence_contact")
            await settle(pilot)
            set_input(kiosk_app, "phone", NEW_PHONE)
            await pilot.click("#next")
            await settle(pilot)
            await pilot.click("#send-code")
            await settle(pilot)
            if attempt == 1:
                code = last_sms_code(env, NEW_PHONE)
                await kiosk_app.pop_screen()
                await settle(pilot)
                env.clock.advance(seconds=10)
        assert sms_count(env, NEW_PHONE) == 1
        bar = await bar_text(pilot)
        assert code in bar and "138****8000" in bar
        assert 47 <= count(button(kiosk_app)) <= 50
        assert says_still_valid(sent_line(kiosk_app), "138****8000", count(button(kiosk_app))), sent_line(kiosk_app)
        assert field_error(kiosk_app, "code") == ""
