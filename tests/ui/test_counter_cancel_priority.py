"""Pilot: 窗口取消所选预约 of a priority booking tells the clerk, before confirming, that the subject's
one priority chance stays used up (the citizen's kiosk says 科目二已使用过优先预约（已取消），每个科目只能
优先预约1次 afterwards); a normal booking's question says nothing of it. It fits at 80x24, with the
ranking time it says as a normal booking's does."""
from __future__ import annotations

import pytest

from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, set_input
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press, priority_booked

WARNING = "注意：这是优先预约，取消后科目二不能再优先预约（每个科目只能优先预约1次，已取消的也算），请告知考生。"


def flat(text: str) -> str:
    """The text without spaces, line ends and the dialog's border."""
    return "".join(c for c in text if not c.isspace() and c not in "█▀▄▌▐▔▁")


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_cancelling_a_priority_booking_warns_its_chance_is_used_up(env, people, size):
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        set_input(app, "cancel_reason", "考生本人申请取消")
        await press(pilot, "cancel-booking")
        assert isinstance(app.screen, ConfirmDialog)
        assert WARNING in str(app.screen.query_one("#question").render())
        shown = flat(screen_text(app))
        assert flat(WARNING) + "确认取消暂不办理" in shown  # whole and in view, its answers under it
        ranking = "科目二考试预约的排序时间将变为确认取消的时间"
        assert flat("确认为") in shown and flat(ranking) in shown  # its first line and the ranking in view too


async def test_a_normal_booking_says_nothing_of_priority(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-20")
    book(env, p, BookingRequest(3, "self", (rows[0].id,)))
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        set_input(app, "cancel_reason", "考生本人申请取消")
        await press(pilot, "cancel-booking")
        assert isinstance(app.screen, ConfirmDialog)
        assert "优先预约" not in screen_text(app)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_counters_list_of_applications_says_paid_as_the_kiosk_does(env, people, size):
    """网办进度 at the counter: a paid booking reads 预约成功（已缴费）, as on the citizen's screens (was 已缴费)."""
    from kiosk.services import fees
    from tests.booking_helpers import account_id

    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-04", "2026-12-06", priority=True)[0]
    fees.pay(env, account_id(env, p), book(env, p, BookingRequest(3, "priority", (row.id,))).booking_id)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        cells = [str(c) for c in app.screen.query_one("#apps").get_row_at(0)]
        assert "预约成功（已缴费）" in cells
