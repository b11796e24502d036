"""Pilot: the priority wizard (切换至优先预约), including losing the last seat to another kiosk."""
from __future__ import annotations

from sqlalchemy import select, update
from textual.containers import VerticalScroll

from kiosk.db.models import Account, Booking, ExamSession, LearnerPermit
from kiosk.ui.widgets.stepbar import StepBar
from tests.conftest import last_sms_code
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_booking_small_screen import agree, press
from tests.ui.test_booking_wizard import choose_subject, mark_rows, open_wizard, query, step, to_sessions


async def to_priority_sessions(pilot, env, p) -> None:
    await to_sessions(pilot, env, p, 2)
    assert pilot.app.screen.query_one("#to-priority").display
    await pilot.click("#to-priority")
    await settle(pilot)
    assert step(pilot.app) == ("step-priority-notice", 3)
    assert pilot.app.screen.query_one(StepBar).steps[2] == "切换优先预约"
    assert "优先预约业务须知" in screen_text(pilot.app)
    await pilot.click("#prev-priority-notice")  # Back leaves priority mode
    await settle(pilot)
    assert step(pilot.app) == ("step-sessions", 2) and not pilot.app.screen.priority
    await pilot.click("#to-priority")
    await settle(pilot)
    await pilot.click("#agree-priority")
    await settle(pilot)
    assert step(pilot.app) == ("step-sessions", 4) and pilot.app.screen.priority
    assert not pilot.app.screen.query_one("#mode").display  # self-select only


async def test_priority_booking_takes_the_seat_at_once(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-06")
        assert "优先名额剩余" in screen_text(kiosk_app)
        await mark_rows(pilot, 2)  # only one may be chosen: the second replaces the first
        chosen = kiosk_app.screen.query_one("#step-sessions").marked
        assert len(chosen) == 1
        await pilot.click("#next-sessions")
        await settle(pilot)
        assert step(kiosk_app) == ("step-confirm", 5) and "优先预约" in screen_text(kiosk_app)
        assert "不能在网上取消" in screen_text(kiosk_app) and "预约结果公布日" not in screen_text(kiosk_app)
        await pilot.click("#send-code")
        await settle(pilot)
        kiosk_app.screen.query_one("#input-code").value = last_sms_code(env, p.phone)
        await pilot.click("#submit")
        await settle(pilot)
        # the words 考试费缴纳 and 网办进度 use for it (tester: this page said 预约成功 alone)
        assert "办理状态：预约成功（未缴费）" in screen_text(kiosk_app)
    with env.db.read() as s:
        b = s.scalars(select(Booking).where(Booking.priority.is_(True))).one()
        session = s.get(ExamSession, chosen[0])
        assert b.status == "placed" and b.session_id == chosen[0]
        assert session.priority_taken == 1 and session.placed == 1


async def test_losing_the_last_priority_seat_lets_the_citizen_pick_another(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:  # the tester's size: the alert must be in view
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        lost = kiosk_app.screen.query_one("#step-sessions").marked[0]
        await pilot.click("#next-sessions")
        await settle(pilot)
        await pilot.click("#send-code")
        await settle(pilot)
        code = last_sms_code(env, p.phone)
        kiosk_app.screen.query_one("#input-code").value = code
        with env.db.write() as s:  # another kiosk takes the last priority seat meanwhile
            s.execute(update(ExamSession).where(ExamSession.id == lost)
                      .values(priority_taken=ExamSession.priority_quota, placed=ExamSession.priority_quota))
        kiosk_app.screen.query_one("#submit").focus()
        await pilot.press("enter")  # 预约
        await settle(pilot)
        await pilot.pause(0.1)
        assert step(kiosk_app)[0] == "step-sessions"
        alert = kiosk_app.screen.query_one("#sessions-alert")
        assert "已被约满" in str(alert.render()) and "已为您重新查询" in str(alert.render())
        scroller = kiosk_app.screen.query_one(VerticalScroll)
        assert scroller.region.contains_region(alert.region)  # said where the citizen looks, not below the buttons
        # the focus where the citizen acts next: on the sessions listed again, not left on 预约 or a date
        assert kiosk_app.focused is kiosk_app.screen.query_one("#sessions")
        assert "请重新查询" not in str(alert.render())  # the kiosk already did
        rows = kiosk_app.screen.query_one("#step-sessions").rows
        assert rows and lost not in [r.id for r in rows]
        # said once: not again under the table as 之前选择的1个场次不在本次查询结果中 (tester)
        assert "不在本次查询结果中" not in screen_text(kiosk_app)
        await mark_rows(pilot, 1)
        await pilot.click("#next-sessions")
        await settle(pilot)
        kiosk_app.screen.query_one("#input-code").value = code  # the code was not used up
        await pilot.click("#submit")
        await settle(pilot)
        # the words 考试费缴纳 and 网办进度 use for it (tester: this page said 预约成功 alone)
        assert "办理状态：预约成功（未缴费）" in screen_text(kiosk_app)
    with env.db.read() as s:
        b = s.scalars(select(Booking).where(Booking.priority.is_(True))).one()
        assert b.session_id != lost


async def test_the_priority_link_stays_in_sight_after_a_long_query(kiosk_app, env, people):
    """At 120x40 the link sits above the session table, not below two weeks of sessions."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-17")
        link = pilot.app.screen.query_one("#to-priority")
        assert link.display and 0 <= link.region.y and link.region.bottom <= 40 and link.region.height > 0
        assert "切换至优先预约" in screen_text(pilot.app)


async def test_a_day_without_priority_sessions_names_both_reasons(kiosk_app, env, people):
    """The 12-02 plans publish today: booking has closed for 12-04, quota or not (tester's finding)."""
    p = people["permit_expiring"]
    env.clock.advance(days=1)  # 2026-12-02
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-04")
        assert "没有可优先预约的考试场次（优先预约名额已满，或考试计划已截止预约）" in screen_text(kiosk_app)


async def test_each_mode_keeps_its_search_and_choice_across_a_switch(kiosk_app, env, people):
    """Out of priority mode to the normal 选择场次 and back by 切换至优先预约: the priority search and
    the session chosen are still there (tester's finding 3a), and so are the normal mode's."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-10")  # normal mode: one session chosen
        await mark_rows(pilot, 1)
        steps = kiosk_app.screen.query_one("#step-sessions")
        normal_rows, normal_marked = list(steps.rows), list(steps.marked)
        await pilot.click("#to-priority")
        await settle(pilot)
        await pilot.click("#agree-priority")
        await settle(pilot)
        assert steps.rows == [] and steps.marked == []  # priority mode starts its own search
        await query(pilot, "2026-12-05", "2026-12-06")
        await mark_rows(pilot, 1)
        chosen, rows = list(steps.marked), list(steps.rows)
        await pilot.click("#next-sessions")
        await settle(pilot)
        for back in ("#prev-confirm", "#prev-sessions", "#prev-priority-notice"):
            await pilot.click(back)
            await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 2) and not kiosk_app.screen.priority
        assert steps.rows == normal_rows and steps.marked == normal_marked  # the normal search is back
        assert kiosk_app.screen.query_one("#input-date_to").value == "2026-12-10"
        assert "当前排名 1 / 计划" in screen_text(kiosk_app)
        await pilot.click("#to-priority")  # the notice was read: straight to the priority sessions
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 4)
        assert steps.rows == rows and steps.marked == chosen
        assert "排序时间" not in str(kiosk_app.screen.query_one("#ranking-rule").render())  # not the normal one's
        assert [kiosk_app.screen.query_one(f"#input-{n}").value for n in ("date_from", "date_to")] == [
            "2026-12-05", "2026-12-06"]
        assert "共" in screen_text(kiosk_app) and "已选1个" in screen_text(kiosk_app)
        await pilot.click("#next-sessions")  # the search is the one shown: no 请点击【查询】
        await settle(pilot)
        assert step(kiosk_app) == ("step-confirm", 5)


async def test_the_priority_link_says_why_it_is_offered(kiosk_app, env, people):
    """One line above 切换至优先预约 (tester's finding 9): the permit's last day, under 6 months, once
    per subject, placed at once, no online cancellation. Not in priority mode, nor for others."""
    p = people["permit_expiring"]
    with env.db.read() as s:
        valid_to = s.scalars(select(LearnerPermit.valid_to).join(Account).where(Account.id_number == p.id_number)).one()
    said = (f"您的学习驾驶证明将于{valid_to.year}年{valid_to.month}月{valid_to.day}日到期（不足6个月），"
            "每个科目可优先预约1次，预约成功即安排考试，不能在网上取消。")
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await open_wizard(pilot, env, p)
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await agree(pilot)
        why = kiosk_app.screen.query_one("#priority-why")
        link = kiosk_app.screen.query_one("#to-priority").region
        assert why.region.height and "".join(str(why.render()).split()) == said
        assert why.region.y == link.y and why.region.x > link.right  # beside it
        await press(pilot, "to-priority")
        await press(pilot, "agree-priority")
        assert step(kiosk_app) == ("step-sessions", 4) and not why.region.height


async def test_no_priority_line_for_a_learner_who_may_not(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        assert not kiosk_app.screen.query_one("#priority-why").region.height
        assert "优先预约1次" not in screen_text(kiosk_app)


async def test_losing_the_last_priority_seat_at_80x24_moves_the_focus_to_the_sessions(kiosk_app, env, people):
    """At the tester's small size too: the alert in view, the focus on the sessions listed again
    (it stayed on 预约, on a step no longer shown)."""
    from tests.ui.test_booking_small_screen import in_view, press, small_query

    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await press(pilot, "to-priority")
        await press(pilot, "agree-priority")
        await small_query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        lost = kiosk_app.screen.query_one("#step-sessions").marked[0]
        await press(pilot, "next-sessions")
        await press(pilot, "send-code")
        kiosk_app.screen.query_one("#input-code").value = last_sms_code(env, p.phone)
        with env.db.write() as s:
            s.execute(update(ExamSession).where(ExamSession.id == lost)
                      .values(priority_taken=ExamSession.priority_quota, placed=ExamSession.priority_quota))
        kiosk_app.screen.query_one("#submit").focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.1)
        assert step(kiosk_app)[0] == "step-sessions"
        assert in_view(kiosk_app, "#sessions-alert")
        table = kiosk_app.screen.query_one("#sessions")
        assert kiosk_app.focused is table and table.row_count


async def test_a_date_typed_wrong_keeps_its_message_into_priority_mode_and_back(kiosk_app, env, people):
    """Tester's finding: 2026-13-40 typed in the normal 选择场次 went into 优先预约 without its message
    (every change of step clears them), so the citizen only learnt of it at 查询."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        set_input(kiosk_app, "date_from", "2026-13-40")
        await pilot.click("#query")
        await settle(pilot)
        assert field_error(kiosk_app, "date_from") == "日期不正确：月份应为1-12"
        await pilot.click("#to-priority")
        await settle(pilot)
        await pilot.click("#agree-priority")
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 4)
        assert kiosk_app.screen.query_one("#input-date_from").value == "2026-13-40"
        assert field_error(kiosk_app, "date_from") == "日期不正确：月份应为1-12"
        assert field_error(kiosk_app, "date_to") == ""  # a date that parses has nothing said
        await pilot.click("#prev-sessions")
        await settle(pilot)
        await pilot.click("#prev-priority-notice")
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 2) and not kiosk_app.screen.priority
        assert field_error(kiosk_app, "date_from") == "日期不正确：月份应为1-12"
