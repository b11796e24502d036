"""Pilot: 工作人员账户, the 所选账户 line says （当前登录） for the account signed in at this counter, as
the list's 状态 does (正常（当前登录）); another account's line does not."""
from __future__ import annotations

import pytest

from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, press
from tests.ui.test_counter_staff_admin import SIZE
from tests.ui.test_counter_staff_pick import chosen


@pytest.mark.parametrize("size", [(80, 24), SIZE])
async def test_the_chosen_line_says_the_account_signed_in_here(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "A0001")
        line = chosen(app).replace("\n", "")  # wrapped where it is too long for a line (ClauseLine)
        assert line.startswith("所选账户：A0001") and line.endswith("正常）（当前登录）")
        app.screen.query_one("#chosen").scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        shown = [row.strip() for row in screen_text(app).splitlines()]
        if size == (80, 24):  # too long for one line: （当前登录） whole on the next
            at = shown.index("所选账户：A0001 孙管理（管理员、窗口民警/辅警、审核、考试管理，正常）")
            assert shown[at + 1] == "（当前登录）"
        else:
            assert line in shown  # on one line
        await choose_staff(pilot, "J1001")
        assert chosen(app) == "所选账户：J1001 王警官（窗口民警/辅警，正常）"
