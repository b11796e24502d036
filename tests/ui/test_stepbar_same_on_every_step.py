"""The wizard's step bar reads the same on every step (tester: on 优先预约's 确认并提交 at 120x40, where
the number pad is shown, it read 科目确认 > 业务须知 > 切换优先预约 > ... while the other steps read
1.科目确认 > ... > 6.确认并提交; at 100x30 1 > 2 > 3 > 4 > 5 > 6.确认并提交). The bar is over the page
and the pad, as wide on every step; and where it must be shorter, the numbers go last."""
from __future__ import annotations

import pytest

from kiosk.ui.screens.booking.wizard import PRIORITY_SHORT, PRIORITY_STEPS
from kiosk.ui.widgets.keypad_box import KeypadBox
from tests.ui.test_booking_small_screen import press, small_query
from tests.ui.test_booking_wizard import mark_rows, step, to_sessions
from tests.ui.test_stepbar import PRIORITY_100, WidthBar, drawn

PRIORITY_120 = "1.科目确认   >   2.业务须知   >   3.切换优先预约   >   4.优先预约业务须知   >   5.选择场次   >   6.确认并提交"


@pytest.mark.parametrize("size, said", [((120, 40), PRIORITY_120), ((100, 30), PRIORITY_100.strip())],
                         ids=["120x40", "100x30"])
async def test_the_priority_bar_keeps_its_numbers_on_sessions_and_confirm(kiosk_app, env, people, size, said):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await press(pilot, "to-priority")
        await press(pilot, "agree-priority")
        assert step(kiosk_app) == ("step-sessions", 4)
        assert drawn(kiosk_app).strip() == said
        await small_query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        assert drawn(kiosk_app).strip() == said
        await press(pilot, "next-sessions")
        assert step(kiosk_app) == ("step-confirm", 5)
        assert kiosk_app.screen.query_one(KeypadBox).display  # the number pad beside the page, for the code
        assert drawn(kiosk_app).strip() == said
        await press(pilot, "prev-confirm")
        assert step(kiosk_app) == ("step-sessions", 4) and drawn(kiosk_app).strip() == said


def test_the_numbers_go_last() -> None:
    """84 to 90 columns: the space around the steps goes, the numbers stay (they went at 90)."""
    bar = WidthBar(PRIORITY_STEPS, short=PRIORITY_SHORT)
    bar.current = 5
    for bar.width in (90, 84):
        assert bar.render().plain == "1.科目确认＞2.业务须知＞3.切换优先预约＞4.优先预约业务须知＞5.选择场次＞6.确认并提交"
    bar.width = 83  # narrower: the seed's names without numbers, as at 80x24
    assert bar.render().plain == " 科目确认 > 业务须知 > 切换优先预约 > 优先预约业务须知 > 选择场次 > 确认并提交 "
