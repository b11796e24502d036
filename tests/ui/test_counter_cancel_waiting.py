"""Pilot: 为群众办理 shows what a booking still waiting for allocation (受理中（等待安排考试）) asked for:
the sessions chosen (date, time and site of each) for 自主选择场次, the range and site for 服从系统安排,
in its row when that fits, in the line naming the booking 窗口取消所选预约 would cancel, and in the
question before it (it said 待安排 - and 考试时间：待安排  考场：-). At 80x24 too."""
from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Static

from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.booking_helpers import book, sessions
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_cancel_priority import flat
from tests.ui.counter_helpers import look_up, press

SIZES = [(120, 40), (80, 24)]


def _text(app, wid: str) -> str:
    return str(app.screen.query_one(wid, Static).render())


def _row(app) -> list[str]:
    table = app.screen.query_one("#bookings", DataTable)
    return [str(cell) for cell in table.get_row_at(table.cursor_row)]


async def _ask_to_cancel(pilot, app) -> str:
    """窗口取消所选预约 for the booking under the cursor; the question's text."""
    set_input(app, "cancel_reason", "考生本人申请取消")
    await press(pilot, "cancel-booking")
    assert isinstance(app.screen, ConfirmDialog)
    return str(app.screen.query_one("#question").render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_sessions_chosen_show_in_the_row_the_target_and_the_question(env, people, size):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-25")
    first, second = rows[0], next(r for r in rows if r.site_id != rows[0].site_id and r.exam_date > rows[0].exam_date)
    book(env, p, BookingRequest(3, "self", (first.id, second.id)))
    chosen = [f"{r.when} {r.site_name}" for r in (first, second)]
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        assert app.focused is table and app.screen.selected_booking().status == "pending"
        assert f"待安排：{first.exam_date:%m-%d} {first.start_time:%H:%M}等2场" in _row(app)
        assert f"{first.site_name}等2处" in _row(app)
        assert table.max_scroll_x == 0  # it fits, 80x24 too
        target = _text(app, "#cancel-target")
        assert "所选场次（2场）：" + "；".join(chosen) in target and "考试时间 待安排" not in target
        question = await _ask_to_cancel(pilot, app)
        assert "考试时间：待安排（自主选择场次，所选2场）\n" + "\n".join(f"  {c}" for c in chosen) in question
        assert "考场：-" not in question
        assert flat("取消后将以短信和消息通知本人。确认取消暂不办理") in flat(screen_text(app))  # all of it in view


@pytest.mark.parametrize("size", SIZES)
async def test_the_range_and_site_of_system_arrangement_show(env, people, size):
    p = people["k3_ready"]
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-28")
    book(env, p, BookingRequest(3, "system", (), date(2026, 12, 14), date(2026, 12, 28), rows[0].site_id))
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert app.screen.selected_booking().status == "pending"
        assert ["待安排：12-14至12-28", rows[0].site_name] == _row(app)[-2:]
        assert app.screen.query_one("#bookings", DataTable).max_scroll_x == 0
        said = f"预约时间段：2026-12-14至2026-12-28  考场：{rows[0].site_name}"
        assert f"服从系统安排，{said}" in _text(app, "#cancel-target")
        question = await _ask_to_cancel(pilot, app)
        assert f"考试时间：待安排（服从系统安排）\n  {said}" in question


async def test_any_site_names_the_city_and_many_sessions_are_counted_in_the_question(env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 3, "2026-12-14", "2026-12-25")
    book(env, p, BookingRequest(3, "self", tuple(r.id for r in rows[:8])))
    q = people["k3_ready"]
    book(env, q, BookingRequest(3, "system", (), date(2026, 12, 14), date(2026, 12, 28)))
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        target = _text(app, "#cancel-target")
        assert all(flat(f"{r.when} {r.site_name}") in flat(target) for r in rows[:8])  # every one on the page
        question = await _ask_to_cancel(pilot, app)
        assert "所选8场" in question and "另有3场，全部场次见页面上的所选场次" in question
        assert f"  {rows[4].when} {rows[4].site_name}" in question and f"{rows[5].when} {rows[5].site_name}" not in question
        assert flat("确认取消暂不办理") in flat(screen_text(app))
        await pilot.click("#no")
        await settle(pilot)
        set_input(app, "id_number", q.id_number)
        await press(pilot, "lookup")
        assert "考场：不限考场（重庆）" in _text(app, "#cancel-target")


async def test_at_80x24_a_row_too_wide_says_only_waiting_and_the_line_under_it_says_the_rest(env, people):
    p = people["permit_expiring"]
    rows = sorted(sessions(env, p, 3, "2026-12-14", "2026-12-25"), key=lambda r: -len(r.site_name))
    longest = [rows[0], next(r for r in rows if r.site_id != rows[0].site_id)]
    book(env, p, BookingRequest(3, "self", tuple(r.id for r in longest)))
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#bookings", DataTable)
        assert _row(app)[-2:] == ["待安排", "-"] and table.max_scroll_x == 0  # not cut, not sideways
        target = flat(_text(app, "#cancel-target"))
        assert all(flat(f"{r.when} {r.site_name}") in target for r in longest)
        await pilot.resize_terminal(120, 40)
        await pilot.pause(0.2)
        assert _row(app)[-1] == f"{longest[0].site_name}等2处"
