"""Pilot: the normal exam-booking wizard (科目确认 > 业务须知 > 选择场次 > 确认并提交)."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select
from textual.widgets import Button, DataTable, RadioSet, Static

from kiosk.db.models import Booking, ExamSession
from kiosk.ui.cjk_wrap import NO_LINE_START
from kiosk.ui.screens.booking.wizard import BookingWizardScreen
from kiosk.ui.widgets.phone import PhoneBar
from kiosk.ui.widgets.stepbar import StepBar
from tests.conftest import last_sms_code
from tests.ui.conftest import (click_in_view, field_error, press_enter_in, screen_text, set_input, settle,
                               sign_in)


async def open_wizard(pilot, env, person) -> BookingWizardScreen:
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-exam_booking")
    await settle(pilot)
    assert isinstance(pilot.app.screen, BookingWizardScreen)
    return pilot.app.screen


def step(app) -> tuple[str, int]:
    from textual.widgets import ContentSwitcher

    return app.screen.query_one(ContentSwitcher).current, app.screen.query_one(StepBar).current


async def choose_subject(pilot, subject: int) -> None:
    radio = pilot.app.screen.query_one("#subject", RadioSet)
    for button in radio.query("RadioButton"):
        if button.name == str(subject):
            button.value = True
    await settle(pilot)


async def read_to_end(pilot, agree_id: str = "agree") -> None:
    """The notice of 阅读并同意 ``agree_id`` read to its end (its box scrolled down as far as it goes,
    as the End key does): 阅读并同意 agrees only then when the notice is longer than its box (80x24)."""
    from kiosk.ui.screens.booking.notice_step import NoticeStep

    notice = next(n for n in pilot.app.screen.query(NoticeStep) if n.agree_id == agree_id)
    notice.box.scroll_end(animate=False, immediate=True)
    await settle(pilot)


async def to_sessions(pilot, env, person, subject: int) -> None:
    """Signed in as ``person``, the wizard at 选择场次 for ``subject`` (the notice agreed to)."""
    await open_wizard(pilot, env, person)
    await choose_subject(pilot, subject)
    await pilot.click("#next-subject")
    await settle(pilot)
    await read_to_end(pilot)
    await pilot.click("#agree")
    await settle(pilot)


async def query(pilot, date_from: str, date_to: str) -> None:
    set_input(pilot.app, "date_from", date_from)
    set_input(pilot.app, "date_to", date_to)
    await click_in_view(pilot, pilot.app.screen.query_one("#query"))  # the last 查询 may have scrolled it away


async def mark_rows(pilot, count: int) -> None:
    table = pilot.app.screen.query_one("#sessions", DataTable)
    table.focus()
    for i in range(count):
        table.move_cursor(row=i)
        await pilot.press("enter")
        await settle(pilot)


async def to_confirm_with_one(pilot, env, person, subject: int = 2, date_from: str = "2026-12-04",
                              date_to: str = "2026-12-10") -> None:
    """The wizard on 确认并提交 with the first session listed in the range chosen."""
    await to_sessions(pilot, env, person, subject)
    await query(pilot, date_from, date_to)
    await mark_rows(pilot, 1)
    pilot.app.screen.query_one("#next-sessions", Button).press()
    await settle(pilot)
    assert step(pilot.app)[0] == "step-confirm"


async def test_self_mode_booking_with_back_bad_inputs_and_code(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_wizard(pilot, env, p)
        text = screen_text(kiosk_app)
        assert "王*" in text and "C1（小型汽车）" in text and "5001**********0426" in text
        assert "科目一" in text and "已考试合格" in text  # the reason a subject cannot be booked
        assert kiosk_app.focused is kiosk_app.screen.query_one("#subject", RadioSet)
        await choose_subject(pilot, 2)
        await pilot.click("#next-subject")
        await settle(pilot)
        assert step(kiosk_app) == ("step-notice", 1) and "考试预约业务须知" in screen_text(kiosk_app)
        rows = [row.strip() for row in screen_text(kiosk_app).splitlines()]
        assert "（B2）、" in "".join(rows) and not any(row[:1] in NO_LINE_START for row in rows)  # was 「）、小型…」
        # the keyboard is on this step's main button, not on the hidden 下一步 of the last one
        assert kiosk_app.focused is kiosk_app.screen.query_one("#agree")
        await pilot.click("#prev-notice")  # Back keeps the chosen subject
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-subject"
        assert kiosk_app.screen.query_one("#subject", RadioSet).pressed_button.name == "2"
        await pilot.click("#next-subject")
        await settle(pilot)
        await pilot.click("#agree")
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 2)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-date_from")
        # a reversed range is explained next to the end date, nothing is queried
        await query(pilot, "2026-12-10", "2026-12-05")
        assert "不能早于" in field_error(kiosk_app, "date_to")
        await query(pilot, "2026-12-xx", "2026-12-05")
        assert "格式" in field_error(kiosk_app, "date_from")
        set_input(kiosk_app, "date_from", "2026-12-04")
        set_input(kiosk_app, "date_to", "2026-12-10")
        await press_enter_in(pilot, "date_to")  # Enter after a date queries, as 查询 does
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "当前排名 1 / 计划" in text and "仅供参考" in text and "以受理用户初次申领" in text
        assert "计划为下列考试场次的计划人数之和" in text  # what the second number is
        assert "已申请人数含时间段覆盖该场次的服从系统安排申请" in text  # why the counts add up to more
        # the ranking time on a line of its own: a wrap never splits its date from its hour
        rule = str(kiosk_app.screen.query_one("#ranking-rule", Static).render()).splitlines()
        assert re.fullmatch(r"排序时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}", rule[0]) and rule[1].startswith("依据：")
        # no session chosen
        pilot.app.screen.query_one("#next-sessions", Button).press()  # below the fold at 120x50 (the phone bar covers it)
        await settle(pilot)
        assert "请至少选择一个考试场次" in shown(kiosk_app, "#sessions-alert")  # above the table
        await mark_rows(pilot, 2)
        first_day = kiosk_app.screen.query_one("#step-sessions").rows[0].exam_date
        await query(pilot, f"{first_day + timedelta(days=1)}", "2026-12-10")  # a later range drops them: said
        assert "之前选择的2个场次不在本次查询结果中，已取消选择" in screen_text(kiosk_app)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 2)
        chosen = list(kiosk_app.screen.query_one("#step-sessions").marked)
        assert len(chosen) == 2
        pilot.app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        assert step(kiosk_app) == ("step-confirm", 3)
        assert "场次1" in screen_text(kiosk_app) and "排序时间" in screen_text(kiosk_app)
        # two sessions are not two exams (tester)
        assert "预约模式：自主选择场次（所选2个场次只安排其中一个，按所选顺序）" in screen_text(kiosk_app)
        # the earliest publication day of the chosen sessions' plans (demo plans: two days before the exam)
        publish = min(r.exam_date for r in kiosk_app.screen.query_one("#step-sessions").rows
                      if r.id in chosen) - timedelta(days=2)
        said = f"{publish.year}年{publish.month}月{publish.day}日"
        assert f"预约结果公布日：{said}" in screen_text(kiosk_app)
        await pilot.click("#prev-confirm")  # Back keeps the range and the marks
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-date_to").value == "2026-12-10"
        assert kiosk_app.screen.query_one("#step-sessions").marked == chosen
        pilot.app.screen.query_one("#next-sessions", Button).press()
        await settle(pilot)
        await pilot.click("#submit")  # no code yet
        await settle(pilot)
        assert "验证码" in field_error(kiosk_app, "code")
        await pilot.click("#send-code")
        await settle(pilot)
        real = last_sms_code(env, p.phone)
        set_input(kiosk_app, "code", "000000" if real != "000000" else "111111")
        await pilot.click("#submit")
        await settle(pilot)
        assert "验证码错误" in field_error(kiosk_app, "code")
        set_input(kiosk_app, "code", real)
        await press_enter_in(pilot, "code")  # Enter after the code books, as Enter signs in
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert step(kiosk_app)[0] == "step-done" and "业务流水号" in text and "受理中" in text
        assert f"预约结果将于{said}公布" in text
        # demo: the 受理 SMS the booking sent shows on the phone bar, as the code did before it
        bar = str(kiosk_app.screen.query_one(PhoneBar).render())
        assert "收到短信" in bar and "业务流水号" in bar and real not in bar
    with env.db.read() as s:
        b = s.scalars(select(Booking).where(Booking.status == "pending")).one()
        assert b.mode == "self" and b.choices == chosen and b.subject == 2
        assert [s.get(ExamSession, i).applicants for i in chosen] == [1, 1]


async def test_system_mode_and_notice_skipped_the_second_time(kiosk_app, env, people):
    p = people["k3_ready"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_wizard(pilot, env, p)
        await pilot.click("#next-subject")  # 科目三 is the only bookable subject
        await settle(pilot)
        await pilot.click("#agree")
        await settle(pilot)
        for back in ("#prev-sessions", "#prev-notice", "#back"):  # leave; the notice was read here
            await pilot.click(back)
            await settle(pilot)
        await pilot.click("#menu-exam_booking")
        await settle(pilot)
        await pilot.click("#next-subject")
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 2)
        kiosk_app.screen.query_one("#mode", RadioSet).query("RadioButton").last().value = True
        await settle(pilot)
        await pilot.click("#next-sessions")  # not queried yet
        await settle(pilot)
        assert "查询" in shown(kiosk_app, "#query-error")  # under 查询
        set_input(kiosk_app, "date_to", "")
        kiosk_app.screen.query_one("#input-date_to").focus()
        await pilot.press(*"２０２６年１２月１２日")  # typed: 11 characters fit the field
        await query(pilot, "２０２６／１２／５", kiosk_app.screen.query_one("#input-date_to").value)
        assert [kiosk_app.screen.query_one(f"#input-{n}").value for n in ("date_from", "date_to")] == [
            "2026-12-05", "2026-12-12"]  # shown back in the form the kiosk uses
        assert "服从系统安排" in screen_text(kiosk_app)
        radios = kiosk_app.screen.query_one("#mode", RadioSet).query("RadioButton")
        radios.first().value = True  # 自主选择场次: one session marked
        await settle(pilot)
        await mark_rows(pilot, 1)
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        assert str(table.get_row_at(0)[0]) == "已选1"
        radios.last().value = True  # back to 服从系统安排: no 选择 column under 无需选择场次, the marks kept for later
        await settle(pilot)
        assert table.ordered_columns[0].label.plain == "考试日期" and "已选" not in map(str, table.get_row_at(0))
        assert kiosk_app.screen.query_one("#step-sessions").marked
        set_input(kiosk_app, "date_to", "2026-12-20")  # changed, not queried again: the list goes
        await settle(pilot)  # (下一步 moves up with it: tapped where it is then)
        assert not table.row_count and "已更改" in shown(kiosk_app, "#sessions-hint")
        await pilot.click("#next-sessions")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions" and "已更改" in shown(kiosk_app, "#query-error")
        set_input(kiosk_app, "date_to", "2026年12月12日")  # the queried range again, however written
        await settle(pilot)  # the list back
        assert table.row_count
        await pilot.click("#next-sessions")
        await settle(pilot)
        assert "预约时间段" in screen_text(kiosk_app)
        await pilot.click("#send-code")
        await settle(pilot)
        assert f"验证码已发送至 {p.phone[:3]}****{p.phone[-4:]}，5分钟内有效" in screen_text(kiosk_app)  # as at 登录
        env.clock.advance(minutes=6)  # the code expires
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await pilot.click("#submit")
        await settle(pilot)
        assert "过期" in field_error(kiosk_app, "code")
        kiosk_app.screen.query_one("#send-code").start_countdown(0)  # the 60 s countdown runs in real time
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await pilot.click("#submit")
        await settle(pilot)
        assert "受理中" in screen_text(kiosk_app)
    with env.db.read() as s:
        b = s.scalars(select(Booking).where(Booking.status == "pending")).one()
        assert (b.mode, b.subject, str(b.range_from), str(b.range_to)) == ("system", 3, "2026-12-05", "2026-12-12")


async def test_not_eligible_reasons_are_shown(kiosk_app, env, people):
    p = people["waiting_b2"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_wizard(pilot, env, p)
        text = screen_text(kiosk_app)
        assert "没有可以预约的考试科目" in text
        assert "点击【下一步】" not in text and not kiosk_app.screen.query_one("#next-subject").display
        assert "满20日后预约" in text and "2026年12月16日起可以预约" in text
        assert kiosk_app.screen.query_one("#next-subject").disabled


async def test_new_learner_books_subject_one_without_priority_link(kiosk_app, env, people):
    p = people["learner_new"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_wizard(pilot, env, p)
        assert "须先通过科目一考试" in screen_text(kiosk_app)
        assert "须先通过科目一、科目三考试，才能预约科目四" in screen_text(kiosk_app)  # not 科目一 alone
        await pilot.click("#next-subject")
        await settle(pilot)
        await pilot.click("#agree")
        await settle(pilot)
        assert not kiosk_app.screen.query_one("#to-priority").display


async def test_someone_without_a_licence_application_is_told_why(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_wizard(pilot, env, p)
        assert "没有正在办理的机动车驾驶证申请" in screen_text(kiosk_app)
        assert not kiosk_app.screen.query_one("#next-subject").display  # no 下一步 that does nothing
        await pilot.click("#back")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, BookingWizardScreen)


async def test_a_new_subject_drops_the_last_ranking_and_an_empty_range_has_none(kiosk_app, env, people):
    """Back to 科目确认 and another subject: the last subject's ranking time and rule are not shown
    under the new one before 查询; a range without sessions gives no 「当前排名 1 / 计划 0」."""
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        assert "科目二" in screen_text(kiosk_app) and "当前排名 1 / 计划" in screen_text(kiosk_app)
        pilot.app.screen.query_one("#prev-sessions", Button).press()
        await settle(pilot)
        if step(kiosk_app)[0] == "step-notice":
            await pilot.click("#prev-notice")
            await settle(pilot)
        await choose_subject(pilot, 3)
        await pilot.click("#next-subject")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions"
        text = screen_text(kiosk_app)
        assert "排序时间" not in text and "当前排名" not in text and "点击【查询】" in text
        await query(pilot, "2027-01-20", "2027-01-21")  # no plans that far ahead (the permit runs to 2027-03-30)
        text = screen_text(kiosk_app)
        assert "计划 0" not in text and "暂无排名" in text and "没有可预约的考试场次" in text


async def test_a_refused_query_takes_the_old_list_and_ranking_away(kiosk_app, env, people):
    """A reversed range after a search (tester's finding 7): the date's message, and neither the old
    ranking nor the old sessions stay on screen to be chosen; a good query lists the choices again."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await query(pilot, "2026-12-04", "2026-12-10")
        await mark_rows(pilot, 1)
        steps = kiosk_app.screen.query_one("#step-sessions")
        chosen, count = list(steps.marked), len(steps.rows)
        assert "当前排名1/计划" in shown(kiosk_app, "#ranking")
        await query(pilot, "2026-12-20", "2026-12-10")
        assert "结束日期不能早于开始日期" in field_error(kiosk_app, "date_to")
        assert shown(kiosk_app, "#ranking") == "" and "排序时间" not in shown(kiosk_app, "#ranking-rule")
        assert f"共{count}个场次" not in shown(kiosk_app, "#sessions-hint")
        assert kiosk_app.screen.query_one("#sessions", DataTable).row_count == 0
        kiosk_app.screen.query_one("#mode", RadioSet).query("RadioButton").last().value = True  # 服从系统安排
        await settle(pilot)
        await pilot.click("#next-sessions")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions" and "结束日期不能早于开始日期" in field_error(kiosk_app, "date_to")
        assert shown(kiosk_app, "#query-error") == ""  # said over the table (请先输入时间段并点击【查询】), not twice
        kiosk_app.screen.query_one("#mode", RadioSet).query("RadioButton").first().value = True
        await query(pilot, "2026-12-xx", "2026-12-10")  # a date that does not parse: the same
        assert "格式" in field_error(kiosk_app, "date_from") and not steps.rows
        await query(pilot, "2026-12-04", "2026-12-10")
        assert steps.marked == chosen and "已选1个" in shown(kiosk_app, "#sessions-hint")


def shown(app, selector: str) -> str:
    return "".join(str(app.screen.query_one(selector).render()).split())
