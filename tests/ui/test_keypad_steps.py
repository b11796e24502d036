"""Pilot: the on-screen number pad beside a service form (新手机号码, the code of 确认并提交) and
考试预约's 确认并提交, at 120x40: a touch screen with no keyboard completes them by taps on the pad
only. At 80x24 it is not shown (the keyboard does the same job), as on 登录."""
from __future__ import annotations

from textual.widget import Widget

from kiosk.ui.screens.booking.wizard import BookingWizardScreen
from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import press_in_view, screen_text, set_input, settle, sign_in
from tests.ui.test_booking_wizard import step, to_confirm_with_one

NEW_PHONE = "13800138000"


async def tap_digits(pilot, digits: str) -> None:
    """Each digit tapped on the pad, as a finger would: one tap, then the next once it is done
    ("del": 删除)."""
    for digit in ([digits] if digits == "del" else digits):
        await pilot.click(f"#key-{digit}")
        await settle(pilot)


def pad(app) -> Widget:
    return app.screen.query_one(".keypad-box")


def beside(app, button_id: str) -> None:
    """The pad is on view and covers not ``button_id`` (nor does the button cover it)."""
    box, button = pad(app), app.screen.query_one(f"#{button_id}")
    assert box.display and box.region.height > 0
    assert not box.region.overlaps(button.region)


async def test_a_contact_change_by_taps_on_the_pad(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, ApplicationFlowScreen)
        beside(kiosk_app, "next")  # 新手机号码 to type: the pad is there
        await pilot.click("#input-phone")  # the citizen touches the field, then the digits
        await tap_digits(pilot, NEW_PHONE)
        assert screen.query_one("#input-phone").value == NEW_PHONE
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await press_in_view(pilot, "next")
        assert step(kiosk_app)[0] == "step-confirm" and "138****8000" in screen_text(kiosk_app)
        beside(kiosk_app, "submit")
        # the step opens with the focus on 发送验证码, no field: a tap goes into the code, the one field
        # of digits on view, not into 新手机号码 of the step left (where it went unseen: 138000138000)
        assert kiosk_app.focused is screen.query_one("#send-code")
        await tap_digits(pilot, "1")
        assert screen.query_one("#input-code").value == "1"
        assert screen.query_one("#input-phone").value == NEW_PHONE
        await tap_digits(pilot, "del")
        await press_in_view(pilot, "send-code")
        code = last_sms_code(env, NEW_PHONE)
        await tap_digits(pilot, code)
        assert screen.query_one("#input-code").value == code
        assert screen.query_one("#input-phone").value == NEW_PHONE
        assert kiosk_app.focused is screen.query_one("#input-code")  # no key of the pad took the focus
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "已办结" in text
        assert not pad(kiosk_app).display  # 办理结果: nothing to type, no pad


async def test_an_exam_booking_code_by_taps_on_the_pad(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_with_one(pilot, env, p)
        screen = kiosk_app.screen
        assert isinstance(screen, BookingWizardScreen)
        beside(kiosk_app, "submit")
        # a tap before 发送验证码 (the focus on it, no field) goes into the code, not into 开始日期
        # of 选择场次, the step left
        date_from = screen.query_one("#input-date_from").value
        await tap_digits(pilot, "1")
        assert screen.query_one("#input-code").value == "1"
        assert screen.query_one("#input-date_from").value == date_from
        await tap_digits(pilot, "del")
        await press_in_view(pilot, "send-code")
        code = last_sms_code(env, p.phone)
        await tap_digits(pilot, code[:5] + "9")
        await pilot.click("#key-del")  # the last one was wrong: 删除 takes it back
        await settle(pilot)
        await tap_digits(pilot, code[5])
        assert screen.query_one("#input-code").value == code
        await press_in_view(pilot, "submit")
        assert step(kiosk_app)[0] == "step-done" and "提交成功" in screen_text(kiosk_app)


async def test_no_pad_on_a_small_screen(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        kiosk_app.screen.query_one("#menu-licence_contact").press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        assert not pad(kiosk_app).display
        # the form has the whole width, as before
        assert kiosk_app.screen.query_one("VerticalScroll").region.width == 80


async def test_full_score_days_by_taps_on_the_pad(kiosk_app, env, people):
    """满分学习考试's 现场教育天数 and 网络教育天数 at 100x30 had no pad: a touch screen could not change
    the days it opens with (tester). The pad is beside them, and gone on the sessions step."""
    from kiosk.ui.screens.full_score import FullScoreScreen
    from tests.ui.test_full_score_flow import _open, _press

    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, FullScoreScreen)
        beside(kiosk_app, "next")
        field = screen.query_one("#input-online_days")
        field.value = ""
        await pilot.click("#input-online_days")
        await tap_digits(pilot, "4")
        assert field.value == "4"
        set_input(kiosk_app, "online_days", "3")  # the days the form opened with, for 下一步
        await _press(pilot, "#next")
        await settle(pilot)
        assert screen.query_one("#step-sessions").display and not pad(kiosk_app).display
