"""Pilot: the clerk's 为群众办理 (a walk-in registered, a phone reset, a priority booking cancelled)
and the reviewer's 审核队列."""
from __future__ import annotations

from kiosk.services import applications, elicence, messaging
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.booking_helpers import account_id
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle
from tests.ui.counter_helpers import SIZE, look_up, open_review, press, priority_booked, queued_photo
from tests.ui.test_counter import _sign_in, counter_app


async def test_clerk_registers_a_walk_in_and_resets_a_phone(env, people):
    p = people["new_user"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        assert isinstance(app.screen, CitizenScreen)
        set_input(app, "id_number", p.id_number)
        await press(pilot, "lookup")
        assert "查询事由" in field_error(app, "reason")
        set_input(app, "reason", "面签注册")
        await press(pilot, "lookup")
        assert "尚未注册" in screen_text(app)
        await press(pilot, "register")
        assert app.screen.query_one("#input-id_number").value == p.id_number
        await pilot.press("escape")  # only the number the clerk already looked up: nothing to lose
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        await press(pilot, "register")
        assert app.screen.query_one("#input-name").value == p.name  # as on record, to compare with the card
        set_input(app, "phone", "1380000")
        await pilot.press("escape")  # a number typed in: asked first; 继续填写 keeps it
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        assert app.screen.query_one("#input-phone").value == "1380000"
        set_input(app, "phone", "1380000")
        await press(pilot, "submit")
        assert "手机" in field_error(app, "phone")
        set_input(app, "phone", "13800001111")
        await press(pilot, "submit")
        assert isinstance(app.screen, CitizenScreen)
        await settle(pilot)
        assert p.name in screen_text(app) and "12123账户：已注册（窗口面签）" in screen_text(app)  # 已注册, as others
        await press(pilot, "reset-phone")
        set_input(app, "new_phone", "13800009999")
        await press(pilot, "submit")
        assert "13800009999" in str(app.screen.query_one("#question").render())  # asked first, the number read back
        await press(pilot, "yes")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        assert "变更" in messaging.outbox(env, "13800009999")[0].body
        await press(pilot, "unit")
        set_input(app, "unit_name", "重庆测试运输有限公司")
        set_input(app, "credit_code", "91500000MA5U000011")
        set_input(app, "authorisation_ref", "x")
        set_input(app, "agent_id", "500103198503171232")
        await press(pilot, "submit")
        assert "信用代码" in field_error(app, "credit_code")  # every wrong field at once (tester)
        assert "至少4个" in field_error(app, "authorisation_ref")
        assert "校验位" in field_error(app, "agent_id") and "手机" in field_error(app, "phone")


async def test_clerk_cancels_a_priority_booking(env, people):
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        assert "优先考试预约" in screen_text(app)
        set_input(app, "cancel_reason", "考生本人申请取消")
        await press(pilot, "cancel-booking")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # nothing happens before the clerk confirms
        assert "优先考试预约" in screen_text(app) and "取消事由：考生本人申请取消" in screen_text(app)
        assert app.focused is app.screen.query_one("#no")
        await pilot.click("#no")
        await settle(pilot)
        assert applications.list_for(env, account_id(env, p))[0].status != "已取消"
        await press(pilot, "cancel-booking")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert "已取消" in screen_text(app)
    assert applications.list_for(env, account_id(env, p))[0].status == "已取消"


async def test_reviewer_sees_the_photo_and_approves(env, people):
    aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        text = screen_text(app)
        assert serial in text and "通过：" in text
        assert "\u2580" in text  # the photo, in half blocks
        await press(pilot, "reject")
        assert "原因" in screen_error(app)
        await press(pilot, "approve")
        assert isinstance(app.screen, ConfirmDialog)  # asked first
        await pilot.click("#yes")
        await settle(pilot)
        assert "暂无待审核" in screen_text(app)
    assert applications.list_for(env, aid)[0].status == elicence.DONE
