"""Pilot: 审计日志, the highlighted entry's line under the list names the staff member's roles; at 80x24
an admin's read 「角色：管理员、窗口民」 / 「警/辅警、审核、考试管理」, the role cut in its middle
(kiosk.ui.cjk_wrap keeps a role's name whole)."""
from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import press


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_roles_under_the_list_are_not_cut_inside_a_name(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-audit")
        await settle(pilot)
        detail = str(app.screen.query_one("#audit-detail", Static).render())
        assert "角色：管理员、窗口民警/辅警、审核、考试管理" in detail  # the entry's roles, as one text
        shown = screen_text(app).splitlines()
        assert any("窗口民警/辅警" in line for line in shown), shown  # on one line of the screen
        assert any("考试管理" in line for line in shown), shown
