"""Pilot: 工作人员账户, another account picked: what was typed for the account picked before goes. A
tester typed 12 in 新PIN码 with J1009 picked, then clicked A0001's row: ``**`` stayed in 新PIN码, now
under 所选账户：A0001. Its 新密码 and 新PIN码 are emptied with their messages, the screen's line and
what the last action did; the 新建账户 form is no account's and keeps what was typed in it."""
from __future__ import annotations

import pytest

from kiosk.services import counter_staff
from kiosk.services.staff import StaffSession
from tests.ui.conftest import field_error, screen_error, settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import choose_staff, open_staff_admin, press
from tests.ui.test_counter_staff_keys import _on_row
from tests.ui.test_counter_staff_message import said
from tests.ui.test_counter_staff_pick import chosen, click_row

ADMIN = StaffSession("A0001", "孙管理", ("admin",))


def value(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#input-{name}").value


async def type_into(pilot, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#input-{name}").focus()
    await pilot.press(*text)
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_click_on_another_account_empties_the_fields_typed_for_the_one_before(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_staff_admin(pilot, app)
        await type_into(pilot, "new_staff_no", "J2001")  # the 新建账户 form, begun before
        await choose_staff(pilot, "J1001")
        await type_into(pilot, "reset_password", "abc")
        await type_into(pilot, "reset_pin", "12")
        await press(pilot, "reset-pin")  # refused: 6 digits
        assert value(app, "reset_pin") == "12" and field_error(app, "reset_pin")
        await click_row(pilot, "A0001")
        assert chosen(app).startswith("所选账户：A0001")
        assert value(app, "reset_pin") == "" and value(app, "reset_password") == ""
        assert field_error(app, "reset_pin") == "" and field_error(app, "reset_password") == ""
        assert value(app, "new_staff_no") == "J2001"  # not the picked account's: it stays


async def test_the_pick_following_the_cursor_empties_them_too_and_the_refusal_goes(env):
    counter_staff.deactivate(env, ADMIN, "J1002")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_staff_admin(pilot, app)
        await choose_staff(pilot, "J1002")
        await type_into(pilot, "reset_pin", "123456")
        await press(pilot, "reset-pin")  # refused for a deactivated account, in the screen's line
        assert "停用" in screen_error(app)
        await type_into(pilot, "new_name", "赵六")
        table = await _on_row(pilot, "J1002")
        await pilot.press("up")  # the pick follows the cursor
        await settle(pilot)
        assert not chosen(app).startswith("所选账户：J1002") and not chosen(app).startswith("所选账户：未选择")
        assert value(app, "reset_pin") == "" and screen_error(app).strip() == ""
        assert value(app, "new_name") == "赵六"
        assert table.has_focus


async def test_what_was_done_to_an_account_goes_when_another_is_picked_not_on_the_reload(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_staff_admin(pilot, app)
        await choose_staff(pilot, "J1001")
        await type_into(pilot, "reset_pin", "246810")
        await press(pilot, "reset-pin")
        await pilot.click("#yes")
        await settle(pilot)
        assert "J1001 的PIN码已重置" in said(app)  # the list read again: the same account, the line stays
        await type_into(pilot, "reset_password", "abc12345")
        await click_row(pilot, "A0001")
        assert said(app) == "" and value(app, "reset_password") == ""
