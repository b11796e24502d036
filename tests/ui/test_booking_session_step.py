"""Pilot: 选择场次 as a tester read it: no empty Tab stop, the subject named, the ranking rule's words
fitting what happened, the range's first day, and why there is no 切换至优先预约."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from kiosk.services import cancellation, counter_bookings
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import field_error, screen_text
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_small_screen import press
from tests.ui.test_booking_wizard import query, shown, to_sessions

CLERK = StaffSession("J1001", "王警官", ("counter",))


async def test_the_empty_table_is_no_tab_stop(kiosk_app, env, people):
    """Tester 1: before 查询 the header-only table took a Tab press and showed no focus."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 0 and table not in kiosk_app.screen.focus_chain
        for _ in range(len(kiosk_app.screen.focus_chain) + 1):  # Tab all the way round: never on the table
            await pilot.press("tab")
            assert kiosk_app.focused is not table
        await query(pilot, "2026-12-04", "2026-12-06")
        assert table.row_count and table in kiosk_app.screen.focus_chain
        await query(pilot, "2027-01-20", "2027-01-21")  # no sessions: a header only again
        assert table.row_count == 0 and table not in kiosk_app.screen.focus_chain


async def test_the_subject_is_named_at_the_top_in_both_modes(kiosk_app, env, people):
    """Tester 2: 选择场次 never said which subject was being booked."""
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, people["permit_expiring"])  # via the normal step first
        assert shown(kiosk_app, "#booked-subject") == "预约科目：科目二（场地驾驶技能）优先预约"
        await press(pilot, "prev-sessions")  # back to 优先预约业务须知, then to the normal step
        await press(pilot, "prev-priority-notice")
        assert shown(kiosk_app, "#booked-subject") == "预约科目：科目二（场地驾驶技能）"
        steps = kiosk_app.screen.query_one("#step-sessions")
        assert steps.children[0].id == "booked-subject"  # the first line of the step


async def test_a_withdrawn_application_is_not_called_a_successful_booking(kiosk_app, env, people):
    """Tester 3: 郭涛 (科目二 exams before) cancels a 受理中 application; the ranking time becomes the
    cancellation's, but 依据 must not explain it as 「考试预约成功后取消预约的」."""
    p = people["four_fails"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    done = book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    cancellation.cancel(env, account_id(env, p), done.booking_id)
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        rule = shown(kiosk_app, "#ranking-rule")
        assert "依据：同时符合第二项、第三项情形的，以最近时间为排序时间。" in rule
        assert "第三项：取消考试预约的，以取消预约时间为排序时间）" in rule and "预约成功" not in rule


async def test_a_start_before_tomorrow_and_empty_dates_are_refused_next_to_the_field(kiosk_app, env, people):
    """Tester 4: 服从系统安排 from a past day went through and the summary showed past days; an empty
    date got the format hint."""
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)  # today is 2026-12-01
        kiosk_app.screen.query_one("#mode").query("RadioButton").last().value = True  # 服从系统安排
        await query(pilot, "2026-11-01", "2026-12-10")
        assert field_error(kiosk_app, "date_from") == "开始日期最早为2026年12月2日"
        await press(pilot, "next-sessions")
        assert kiosk_app.screen.step == "step-sessions"  # no summary of past days
        await query(pilot, "", "2026-12-10")
        assert field_error(kiosk_app, "date_from") == "请输入开始日期"
        await query(pilot, "2026-12-02", "")
        assert field_error(kiosk_app, "date_to") == "请输入结束日期"
        await query(pilot, "2026-12-02", "2026-12-10")
        await press(pilot, "next-sessions")
        assert kiosk_app.screen.step == "step-confirm"
        assert "预约时间段：2026年12月2日至2026年12月10日" in screen_text(kiosk_app)


async def test_why_there_is_no_priority_link_when_the_chance_is_used(kiosk_app, env, people):
    """Tester 5: 王芳's 科目二 priority booking ended (cancelled at the counter): the link went without
    a word though her permit still has under 6 months left."""
    p = people["permit_expiring"]
    row = sessions(env, p, 2, "2026-12-04", "2026-12-06", priority=True)[0]
    done = book(env, p, BookingRequest(2, "priority", (row.id,)))
    counter_bookings.cancel(env, CLERK, account_id(env, p), done.booking_id, "本人申请")
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 2)
        screen = kiosk_app.screen
        assert not screen.query_one("#to-priority").display and screen.query_one("#priority-row").display
        assert shown(kiosk_app, "#priority-why") == "科目二已使用过优先预约（已取消），每个科目只能优先预约1次。"
        assert "切换至优先预约" not in screen_text(kiosk_app)


async def test_no_priority_line_for_one_who_would_not_qualify_anyway(kiosk_app, env, people):
    """郭涛's permit has more than 6 months left: neither the link nor a line about it."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        assert not kiosk_app.screen.query_one("#priority-row").display
        assert shown(kiosk_app, "#priority-why") == ""



@pytest.mark.parametrize("subject", [3, 2])
async def test_the_used_chance_line_has_no_blank_rows_over_it(kiosk_app, env, people, subject):
    """王芳 at 100x30, 科目三 after its priority booking was cancelled at the counter: two blank rows stood
    over 科目三已使用过优先预约（已取消）... (the row the line keeps to stand level with 切换至优先预约's
    caption, with no button beside it, tester); one now parts it from the line above, as between the
    other lines of the page. Beside the button (科目二) the reason still starts level with its caption."""
    p = people["permit_expiring"]
    row = sessions(env, p, 3, "2026-12-06", "2026-12-20", priority=True)[0]
    done = book(env, p, BookingRequest(3, "priority", (row.id,)))
    counter_bookings.cancel(env, CLERK, account_id(env, p), done.booking_id, "本人申请")
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, p, subject)
        screen = kiosk_app.screen
        why = screen.query_one("#priority-why").region
        if subject == 2:
            button = screen.query_one("#to-priority").region
            assert button.height == 3 and why.y == button.y + 1
            return
        assert shown(kiosk_app, "#priority-why") == "科目三已使用过优先预约（已取消），每个科目只能优先预约1次。"
        assert why.y == screen.query_one("#query-how").region.bottom + 1
        lines = screen_text(kiosk_app).splitlines()
        at = next(i for i, line in enumerate(lines) if "科目三已使用过优先预约" in line)
        assert lines[at - 1].strip() == "" and lines[at - 2].strip().startswith("请选择考试日期")
