"""Pilot: 工作人员账户's 重置密码 and 重置PIN码 ask first, as 停用 does, naming the account and what
happens (the old one stops working; the new one, typed by the admin, is told to the clerk in
person); 暂不办理 changes nothing and keeps what was typed. A new password or PIN the service would
refuse is said by its field before any question."""
from __future__ import annotations

import pytest

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from tests.ui.conftest import field_error, press_enter_in, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, press
from tests.ui.test_counter_staff_message import said
from tests.ui.test_counter_staff_reactivate_pin import _audited

CASES = [("reset", "reset_password", "newpass123", "密码", "staff_password_reset"),
         ("reset-pin", "reset_pin", "246810", "PIN码", "staff_pin_reset")]


@pytest.mark.parametrize(("button", "field", "new", "what", "action"), CASES)
async def test_a_reset_asks_first_and_no_changes_nothing(env, button, field, new, what, action):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "J1001")
        name = app.screen.rows["J1001"].name
        set_input(app, field, new)
        await press(pilot, button)
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert f"确认重置账户 J1001 {name}" in text and f"的{what}？" in text
        assert f"原{what}立即失效" in text and f"请将新{what}当面告知本人。" in text
        assert app.focused is app.screen.query_one("#no")
        await pilot.press("enter")  # 暂不办理
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen) and said(app) == ""
        assert app.screen.query_one(f"#input-{field}").value == new  # kept
        assert _audited(env, action) == []
        await press_enter_in(pilot, field)  # Enter presses the button: asked again
        await settle(pilot)
        await press(pilot, "yes")
        assert f"J1001 的{what}已重置" in said(app)
    assert _audited(env, action) == [("staff:A0001", "J1001")]


@pytest.mark.parametrize(("button", "field", "bad", "message"),
                         [("reset", "reset_password", "short", "密码至少8位"), ("reset-pin", "reset_pin", "1234", "PIN码须为6位数字")])
async def test_a_bad_new_secret_is_refused_before_the_question(env, button, field, bad, message):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "J1001")
        set_input(app, field, bad)
        await press(pilot, button)
        assert isinstance(app.screen, StaffAdminScreen)
        assert message in field_error(app, field)
