"""Pilot: 考试计划与安排's dates filled in (场次日期从, 到, 预约结果公布日期) are typed over, as 优先预约名额's 0:
Tab or a click in one selects it, and a date typed replaces it (a clerk's 2026-12-10 typed in 场次日期从
went after it: 2026-12-0320, the rest cut by the length limit); once typed in, the next keys go after what
was typed. At 100x30 考试日期's format message breaks between words (「...的格」 / 「式输入考试日期」 was read)."""
from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from kiosk.services import exam_session_rules
from kiosk.ui.widgets.field import FormField
from tests.ui.conftest import screen_text, settle
from tests.ui.counter_helpers import fill_session, press
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open


def _box(app, name: str) -> Input:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#input-{name}", Input)


async def test_a_date_typed_in_a_date_filled_in_replaces_it(env):
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, app)
        today = env.clock.now().date()
        assert _box(app, "date_from").value == f"{today}"
        _box(app, "date_from").focus()
        await settle(pilot)
        await pilot.press(*f"{today + timedelta(days=1)}", "tab")  # Tab on to 到: its date selected too
        await settle(pilot)
        assert app.focused is _box(app, "date_to")
        await pilot.press(*f"{today + timedelta(days=9)}", "enter")  # Enter: 查询场次
        await settle(pilot)
        typed = (f"{today + timedelta(days=1)}", f"{today + timedelta(days=9)}")
        assert (_box(app, "date_from").value, _box(app, "date_to").value) == typed
        assert app.screen.queried == typed  # the list is of the dates typed, not refused


async def test_a_click_in_a_date_filled_in_then_typing_replaces_it(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        day = f"{env.clock.now().date() + timedelta(days=2)}"
        box = _box(app, "alloc_date")
        box.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        assert await pilot.click(box)
        await settle(pilot)
        assert app.focused is box
        await pilot.press(*day)
        await settle(pilot)
        assert box.value == day
        await pilot.press("backspace", "5")  # typed in now: an edit of what was typed, as in any field
        await settle(pilot)
        assert box.value == day[:-1] + "5"


async def test_the_exam_date_format_message_breaks_between_words_at_100x30(env):
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, app)
        today = env.clock.now().date()
        example = exam_session_rules.example_plan(today)["exam_date"]
        fill_session(app, "明年六月", opens_on=f"{today}", publish_on=f"{example - timedelta(days=2)}")
        await press(pilot, "save")
        message = app.screen.query_one("#field-exam_date", FormField)
        assert message.said == f"请按 {example} 的格式输入考试日期"
        error = message.query_one(".field-error")
        error.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        rows = screen_text(app).splitlines()[error.region.y:error.region.bottom]
        assert [row.strip() for row in rows] == [f"请按 {example} 的", "格式输入考试日期"], rows
