"""Pilot at 80x24: back on 选择场次 from the priority steps (Escape or 上一步 on 优先预约业务须知, 上一步
on the priority sessions), the focus is on 切换至优先预约, the control that opened them, as a dialog
gives it back to its opener (tester: it was on 开始日期)."""
from __future__ import annotations

import pytest

from tests.ui.conftest import settle
from tests.ui.test_booking_small_screen import SMALL, agree, in_view, press, small_query
from tests.ui.test_booking_wizard import choose_subject, open_wizard, step


@pytest.mark.parametrize("queried", [False, True], ids=["开始日期", "场次已查询"])
async def test_back_from_the_priority_notice_focuses_its_opener(kiosk_app, env, people, queried):
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await agree(pilot)
        if queried:  # else the table's focus on the way back
            await small_query(pilot, "2026-12-04", "2026-12-10")
        await press(pilot, "to-priority")
        assert step(kiosk_app) == ("step-priority-notice", 3)
        await pilot.press("escape")
        await settle(pilot)
        link = kiosk_app.screen.query_one("#to-priority")
        assert step(kiosk_app) == ("step-sessions", 2) and kiosk_app.focused is link and in_view(kiosk_app, "#to-priority")
        await press(pilot, "to-priority")
        await agree(pilot, "agree-priority")  # the notice agreed to: 切换至优先预约 goes on to the sessions
        assert step(kiosk_app) == ("step-sessions", 4)
        await press(pilot, "prev-sessions")
        assert step(kiosk_app) == ("step-sessions", 2) and kiosk_app.focused is link


async def test_the_priority_notice_opened_again_after_a_query_is_shown_whole(kiosk_app, env, people):
    """Tester at 120x40: 切换至优先预约, Escape, 查询 (60 sessions), 切换至优先预约 again: the notice sat in a
    short box with a scroll bar above 20 empty rows, measured against the page still laid out for the
    sessions; it fits, so it is shown whole with the focus on 阅读并同意, as the first time."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await agree(pilot)
        await press(pilot, "to-priority")
        notice = kiosk_app.screen.query_one("#step-priority-notice")
        assert notice.box.max_scroll_y == 0  # the first time: whole
        await pilot.press("escape")
        await settle(pilot)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await press(pilot, "to-priority")
        await settle(pilot)
        assert step(kiosk_app) == ("step-priority-notice", 3)
        assert notice.box.max_scroll_y == 0 and kiosk_app.focused is kiosk_app.screen.query_one("#agree-priority")


async def test_the_opener_is_focused_before_the_read_again_ends(kiosk_app, env, people):
    """CI at 80x24: back from the priority notice, the focus went to 开始日期 now and then. The
    opener's focus waited its turn (Widget.focus) while the read again (_reread_done) ended first,
    saw the hidden notice's 阅读并同意 still focused and focused the step's first field. The opener
    is focused at once now, so the read again finds it shown and leaves it."""
    async with kiosk_app.run_test(size=SMALL) as pilot:
        screen = await open_wizard(pilot, env, people["permit_expiring"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await agree(pilot)
        await press(pilot, "to-priority")
        assert step(kiosk_app) == ("step-priority-notice", 3)
        screen._back(reread=False)
        link = screen.query_one("#to-priority")
        assert screen.focused is link  # at once, before any refresh
        await screen._reread_done(screen.loaded)  # the read again, ending before the screen refreshed
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 2) and kiosk_app.focused is link
