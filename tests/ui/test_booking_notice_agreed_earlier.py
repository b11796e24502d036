"""Pilot: a notice agreed to on this terminal before is passed by, and says so (tester: the step bar
went from 科目确认 to 选择场次 with no word of 业务须知). The bar shows it done, 2.业务须知（已同意）,
where that fits the bar as it is (its numbers and spacing kept, the same on every step), and
选择场次 says 本终端已阅读并同意【业务须知】，不再重复显示。, naming every notice passed by on
the way (优先预约: 【优先预约业务须知】 too). A notice shown on the way is not said again."""
from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.services import terminals
from kiosk.ui.screens.booking.wizard_steps import NORMAL_STEPS, NOTICE, PRIORITY_NOTICE, PRIORITY_STEPS
from tests.ui.conftest import screen_text
from tests.ui.test_booking_small_screen import agree, press
from tests.ui.test_booking_wizard import choose_subject, open_wizard, step, to_sessions
from tests.ui.test_stepbar import NORMAL_4, WidthBar, drawn

ONE = "本终端已阅读并同意【业务须知】，不再重复显示。"
BOTH = "本终端已阅读并同意【业务须知】和【优先预约业务须知】，不再重复显示。"
PRIORITY_ONLY = "本终端已阅读并同意【优先预约业务须知】，不再重复显示。"


def said(app) -> str:  # type: ignore[no-untyped-def]
    """The line on 选择场次 about the notices passed by ("" when it is not shown)."""
    line = app.screen.query_one("#notice-agreed", Static)
    return str(line.render()) if line.display else ""


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)], ids=["80x24", "100x30", "120x40"])
async def test_a_notice_agreed_before_is_shown_done_and_said(kiosk_app, env, people, size):
    terminals.mark_notice_seen(env, NOTICE)
    async with kiosk_app.run_test(size=size) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        assert step(kiosk_app) == ("step-sessions", 2)  # passed by, as before
        assert said(kiosk_app) == ONE and ONE in screen_text(kiosk_app)
        bar = drawn(kiosk_app)
        assert bar == NORMAL_4.replace("业务须知", "业务须知（已同意）").rstrip()  # the spacing as without it
        await press(pilot, "prev-sessions")  # back on 科目确认: nothing passed by yet
        assert step(kiosk_app) == ("step-subject", 0) and "已同意" not in drawn(kiosk_app)


async def test_a_notice_shown_on_the_way_is_not_said_again(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)  # 业务须知 shown and agreed to
        assert step(kiosk_app) == ("step-sessions", 2)
        assert said(kiosk_app) == "" and "本终端已阅读" not in screen_text(kiosk_app)
        assert "已同意" not in drawn(kiosk_app)
        await press(pilot, "prev-sessions")
        await press(pilot, "next-subject")  # now passed by: agreed to just now, on this terminal
        assert step(kiosk_app) == ("step-sessions", 2) and said(kiosk_app) == ONE


async def test_the_priority_wizard_names_the_notices_it_passed_by(kiosk_app, env, people):
    terminals.mark_notice_seen(env, NOTICE)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await press(pilot, "to-priority")
        assert step(kiosk_app) == ("step-priority-notice", 3)  # shown: never agreed to here
        await agree(pilot, "agree-priority")
        assert step(kiosk_app) == ("step-sessions", 4)
        assert said(kiosk_app) == ONE  # 业务须知 passed by, 优先预约业务须知 just read
        await press(pilot, "prev-sessions")  # back past the notice agreed to: 选择场次, normal
        await press(pilot, "to-priority")  # both passed by now
        assert step(kiosk_app) == ("step-sessions", 4) and said(kiosk_app) == BOTH
        assert BOTH in screen_text(kiosk_app)


async def test_only_the_priority_notice_agreed_before(kiosk_app, env, people):
    terminals.mark_notice_seen(env, PRIORITY_NOTICE)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert said(kiosk_app) == ""
        await press(pilot, "to-priority")
        assert step(kiosk_app) == ("step-sessions", 4) and said(kiosk_app) == PRIORITY_ONLY


def test_the_mark_shows_only_where_the_bar_keeps_its_look() -> None:
    """（已同意） after the step's name in the line the bar shows without it; a bar with no room for it
    reads as without (the 6 priority steps at 100 columns: the same bar on every step)."""
    bar = WidthBar(NORMAL_STEPS)
    bar.current, bar.marks = 2, {1: "（已同意）"}
    for bar.width in (96, 78):
        assert bar.render().plain == " 1.科目确认   >   2.业务须知（已同意）   >   3.选择场次   >   4.确认并提交 "
    bar = WidthBar(PRIORITY_STEPS)
    bar.current = 4
    for bar.width in (200, 96, 76):
        plain = bar.render().plain
        bar.marks = {1: "（已同意）", 3: "（已同意）"}
        marked = bar.render().plain
        bar.marks = {}
        if bar.width == 200:
            assert marked == plain.replace("业务须知", "业务须知（已同意）")
        else:
            assert marked == plain  # no room: the bar as it is
