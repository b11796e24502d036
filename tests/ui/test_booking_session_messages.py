"""Pilot: 选择场次's lines as an elderly citizen met them: a refused 下一步 is said in view, next to
what it is about, with the focus where it is put right; a message goes when what it was about
changes; two messages never read as one; a long one wraps between clauses; 服从系统安排 has no 选择
column; 优先预约 says what it is on the first visit."""
from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Button, DataTable, RadioSet, Select, Static
from textual.widgets._select import SelectOverlay

from kiosk.ui.screens.booking.session_step import CHANGED
from kiosk.ui.widgets.stepbar import StepBar
from tests.ui.conftest import field_error, press_enter_in, set_input, settle
from tests.ui.test_booking_small_screen import in_view, press, small_query
from tests.ui.test_booking_wizard import mark_rows, shown, step, to_sessions

SIZES = [(80, 24), (120, 40)]
WRAP_SIZES = [(80, 24), (100, 30), (120, 40)]  # the date messages broken between clauses (cjk_wrap.clauses)
NONE_CHOSEN = "请至少选择一个考试场次（在场次上按回车键或点击该行）"
FIRST = "2026-12-02"  # 开始日期's example on the tests' 2026-12-01: the first bookable day


def lines_of(app, widget) -> list[str]:
    """The rows ``widget`` takes on screen, as the citizen reads them."""
    region = widget.region
    strips = app.screen._compositor.render_strips()  # noqa: SLF001
    return [strips[y].crop(region.x, region.right).text.rstrip() for y in range(region.y, region.bottom)]


@pytest.mark.parametrize("size", SIZES)
async def test_no_session_chosen_is_said_above_the_table_with_the_focus_on_it(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await press(pilot, "next-sessions")
        await pilot.pause(0.1)
        screen = kiosk_app.screen
        assert step(kiosk_app)[0] == "step-sessions"
        alert = screen.query_one("#sessions-alert", Static)
        assert shown(kiosk_app, "#sessions-alert") == NONE_CHOSEN
        assert in_view(kiosk_app, "#sessions-alert")  # it was printed under the buttons, off the screen
        assert alert.region.bottom <= screen.query_one("#sessions").region.y  # above the table
        assert kiosk_app.focused is screen.query_one("#sessions", DataTable)  # where a session is chosen
        assert "".join(" ".join(screen.query_one(".screen-error").render().plain.split()).split()) == ""


@pytest.mark.parametrize("size", SIZES)
async def test_a_changed_range_is_said_under_query_with_the_focus_on_it(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await mark_rows(pilot, 1)
        set_input(kiosk_app, "date_to", "2026-12-10")  # not queried again
        await press(pilot, "next-sessions")
        await pilot.pause(0.1)
        screen = kiosk_app.screen
        assert step(kiosk_app)[0] == "step-sessions"
        assert shown(kiosk_app, "#query-error") == CHANGED
        assert in_view(kiosk_app, "#query-error") and in_view(kiosk_app, "#query")
        line, query = screen.query_one("#query-error"), screen.query_one("#query", Button)
        assert line.region.y == query.region.bottom  # right under 查询
        assert kiosk_app.focused is query
        set_input(kiosk_app, "date_to", "2026-12-12")  # the range changed again: the message goes
        await pilot.pause()
        assert shown(kiosk_app, "#query-error") == ""


async def test_the_none_chosen_message_goes_once_a_session_is_chosen(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await press(pilot, "next-sessions")
        assert shown(kiosk_app, "#sessions-alert") == NONE_CHOSEN
        await mark_rows(pilot, 2)
        assert "已选2个" in shown(kiosk_app, "#sessions-hint")
        assert shown(kiosk_app, "#sessions-alert") == "" and not kiosk_app.screen.query_one("#sessions-alert").region.height
        await press(pilot, "next-sessions")
        assert step(kiosk_app)[0] == "step-confirm"


async def test_a_new_date_message_takes_the_range_message_away(kiosk_app, env, people):
    """A reversed range, then 「abcd」 as 开始日期 and 查询 (Enter in 结束日期): the dates are no longer
    compared, so 结束日期不能早于开始日期 goes (it read 「请按 2026-12-05 的格式输入日期结束日期不能早于开始日期」)."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-20", "2026-12-05")
        assert field_error(kiosk_app, "date_to") == "结束日期不能早于开始日期"
        set_input(kiosk_app, "date_from", "abcd")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        assert field_error(kiosk_app, "date_from").startswith(f"请按 {FIRST} 的格式输入日期")
        assert field_error(kiosk_app, "date_to") == ""


async def test_editing_the_start_takes_the_range_message_away(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-20", "2026-12-05")
        assert field_error(kiosk_app, "date_to") == "结束日期不能早于开始日期"
        kiosk_app.screen.query_one("#input-date_from").focus()
        await pilot.press("backspace")  # the citizen corrects the start: the two dates are not compared yet
        await pilot.pause()
        assert field_error(kiosk_app, "date_to") == ""


@pytest.mark.parametrize("size", SIZES)
async def test_two_date_messages_stand_apart(kiosk_app, env, people, size):
    """Side by side, the two fields' messages are set apart by a clear gap, never read as one line."""
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        screen = kiosk_app.screen
        first, second = (screen.query_one(f"#field-{n}") for n in ("date_from", "date_to"))
        first.set_error("请按 2026-12-05 的格式输入日期（年-月-日）")
        second.set_error("结束日期不能早于开始日期")
        await pilot.pause()
        left = first.query_one(".field-error").region
        right = second.query_one(".field-error").region
        assert left.y == right.y
        text = max(cell_len(line) for line in lines_of(kiosk_app, first.query_one(".field-error")))
        assert right.x - (left.x + text) >= 4


@pytest.mark.parametrize("size", WRAP_SIZES)
async def test_a_long_range_message_wraps_after_its_comma(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-04", "2027-03-20")
        line = kiosk_app.screen.query_one("#field-date_to").query_one(".field-error")
        rows = [row.strip() for row in lines_of(kiosk_app, line)]
        assert "".join(rows) == "查询时间段不能超过3个月，请缩短时间段"
        assert all(row.endswith("，") for row in rows[:-1]), rows  # was 「…请缩」 / 「短时间段」


@pytest.mark.parametrize("size", WRAP_SIZES)
async def test_the_format_message_keeps_its_bracket_whole(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "abcd", "2026-12-17")
        line = kiosk_app.screen.query_one("#field-date_from").query_one(".field-error")
        rows = [row.strip() for row in lines_of(kiosk_app, line)]
        assert "".join(rows) == f"请按 {FIRST} 的格式输入日期（年-月-日）"  # the field's example
        assert len(rows) == 1 or rows == [f"请按 {FIRST} 的格式输入日期", "（年-月-日）"], rows  # not 「（年-」 / 「月-日）」


@pytest.mark.parametrize("size", SIZES)
async def test_system_mode_has_no_choice_column_and_enter_shows_why(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        screen = kiosk_app.screen
        screen.query_one("#mode", RadioSet).query("RadioButton").last().value = True  # 服从系统安排
        await settle(pilot)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        table = screen.query_one("#sessions", DataTable)
        headers = [c.label.plain for c in table.ordered_columns]
        assert "选择" not in headers and headers[0] == "考试日期"
        table.focus()
        table.move_cursor(row=min(9, table.row_count - 1))
        await pilot.press("enter")
        await settle(pilot)
        assert in_view(kiosk_app, "#sessions-hint") and "无需选择场次" in shown(kiosk_app, "#sessions-hint")
        assert shown(kiosk_app, "#sessions-hint").count("无需选择") == 1
        assert not screen.query_one("#step-sessions").marked
        screen.query_one("#mode", RadioSet).query("RadioButton").first().value = True  # back: 选择 again
        await settle(pilot)
        assert table.ordered_columns[0].label.plain == "选择"


async def test_the_priority_description_shows_on_the_first_visit(kiosk_app, env, people):
    """王芳's first 切换至优先预约: the line that says what 优先预约 is showed only after a 查询."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await press(pilot, "to-priority")
        await press(pilot, "agree-priority")
        assert step(kiosk_app) == ("step-sessions", 4)
        assert shown(kiosk_app, "#query-how").startswith("优先预约：可以选择具有空余优先预约名额的考试场次，预约成功即安排考试")
        assert in_view(kiosk_app, "#query-how") and shown(kiosk_app, "#ranking") == ""  # no ranking for 优先预约


async def test_a_refusal_from_the_service_is_said_above_the_table_too(kiosk_app, env, people):
    """The service refuses what was chosen (more than 20 sessions): said above the table, in view."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        steps = kiosk_app.screen.query_one("#step-sessions")
        steps.marked = [r.id for r in steps.rows[:21]]
        await press(pilot, "next-sessions")
        await pilot.pause(0.1)
        assert step(kiosk_app)[0] == "step-sessions"
        assert shown(kiosk_app, "#sessions-alert") == "最多可选择20个考试场次"
        assert in_view(kiosk_app, "#sessions-alert") and kiosk_app.focused is kiosk_app.screen.query_one("#sessions")


async def test_the_priority_step_bar_names_every_step_at_80x24(kiosk_app, env, people):
    """It read 「1 > 2 > 3 > 4 > 5.选择场次 > 6」 at 80 columns, then 3.优先预约 and 4.优先须知: the seed's
    names (切换优先预约, 优先预约业务须知) now, as at 120x40, without the numbers."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await press(pilot, "to-priority")
        await press(pilot, "agree-priority")
        assert step(kiosk_app) == ("step-sessions", 4)
        bar = kiosk_app.screen.query_one(StepBar)
        line = lines_of(kiosk_app, bar)[0]
        assert "科目确认＞业务须知＞切换优先预约＞优先预约业务须知＞选择场次＞确认并提交" in line, line


async def test_the_site_choice_has_the_80x24_look_and_its_list_stays_above_the_sms(kiosk_app, env, people):
    """考试场地 at 80x24: one line and no frame, as the dates above it; focused, the accent bar down
    its left side (it kept a 3-row frame with a blue focus mark); open, its list stops above the
    demo SMS bar (it was drawn over the SMS)."""
    from tests.ui.test_focus_marks import _accent
    from tests.ui.test_phone_bar import sms

    p = people["four_fails"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, p, 2)
        screen = kiosk_app.screen
        site = screen.query_one("#site", Select)
        assert site.region.height == 1
        site.focus()
        await settle(pilot)
        x, y = site.region.x, site.region.y
        assert _accent(kiosk_app, screen.get_style_at(x, y), "color")
        screen.query_one("#input-date_from").focus()
        await settle(pilot)
        assert not _accent(kiosk_app, screen.get_style_at(x, y), "color")
        bar = await sms(pilot, env, p.phone, "【交管12123】您正在办理考试预约，验证码123456，5分钟内有效。请勿将验证码告诉他人。")
        site.focus()
        await settle(pilot)
        await pilot.press("enter")  # opens the list
        await settle(pilot)
        await pilot.pause(0.1)
        listed = screen.query_one(SelectOverlay)
        assert site.expanded and listed.region.height >= 3
        assert not listed.region.overlaps(bar.region), (listed.region, bar.region)
        assert kiosk_app.focused is listed
        assert _accent(kiosk_app, screen.get_style_at(listed.region.x, listed.region.y), "color")
        await pilot.press("down", "enter")  # 全部考场 to the first site: chosen, the list closed
        await settle(pilot)
        assert not site.expanded and isinstance(site.value, int) and kiosk_app.focused is site


async def test_a_failure_without_a_field_is_said_on_the_step_in_view(kiosk_app, env, people, monkeypatch):
    """系统繁忙 after 下一步 (the check failed unexpectedly) went to the line under the buttons too."""
    from kiosk.services import booking_submit
    from kiosk.ui.base import GENERIC_ERROR

    def broken(*args):
        raise RuntimeError("database gone")

    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await mark_rows(pilot, 1)
        monkeypatch.setattr(booking_submit, "check", broken)
        await press(pilot, "next-sessions")
        await pilot.pause(0.1)
        assert step(kiosk_app)[0] == "step-sessions"
        assert shown(kiosk_app, "#sessions-alert") == "".join(GENERIC_ERROR.split())
        assert in_view(kiosk_app, "#sessions-alert")


async def test_enter_in_the_first_date_goes_to_the_second_and_enter_there_queries(kiosk_app, env, people):
    """As in every form, Enter in 开始日期 goes on to 结束日期; Enter there is 查询. Enter in 开始日期 was
    查询 at once, with the focus then on the sessions, and a second Enter chose the first of them,
    one nobody picked (tester)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["four_fails"], 2)
        step = kiosk_app.screen.query_one("#step-sessions")
        await press_enter_in(pilot, "date_from")
        await settle(pilot)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-date_to") and step.queried is None
        await pilot.press("enter")
        await settle(pilot)
        assert step.queried is not None and step.rows and not step.marked
