"""Pilot at 80x24, the tester's size: the booking wizard keeps what has the focus in view.

Clicks need a widget on screen, so buttons are pressed by id here (as Enter on them would)."""
from __future__ import annotations

import re

from textual.containers import VerticalScroll
from textual.widgets import Button

from kiosk.ui.widgets.phone import PhoneBar
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_booking_wizard import choose_subject, mark_rows, open_wizard, read_to_end, step

SMALL = (80, 24)


async def press(pilot, button_id: str) -> None:
    pilot.app.screen.query_one(f"#{button_id}", Button).press()
    await settle(pilot)


async def agree(pilot, button_id: str = "agree") -> None:
    """阅读并同意 once the notice was read to its end."""
    await read_to_end(pilot, button_id)
    await press(pilot, button_id)


async def small_query(pilot, date_from: str, date_to: str) -> None:
    set_input(pilot.app, "date_from", date_from)
    set_input(pilot.app, "date_to", date_to)
    await press(pilot, "query")


def in_view(app, widget_id: str) -> bool:
    """Wholly inside the page's visible part, and not under the phone notification."""
    region = app.screen.query_one(widget_id).region
    page = app.screen.query_one(VerticalScroll).region
    bars = [b.region for b in app.screen.query(PhoneBar)]
    return region.height > 0 and page.contains_region(region) and not any(region.overlaps(b) for b in bars)


async def to_confirm(pilot, env, person) -> None:
    await open_wizard(pilot, env, person)
    await choose_subject(pilot, 2)
    await press(pilot, "next-subject")
    await agree(pilot)
    await small_query(pilot, "2026-12-04", "2026-12-10")
    await mark_rows(pilot, 2)
    await press(pilot, "next-sessions")
    assert step(pilot.app)[0] == "step-confirm"


async def test_the_sms_code_field_stays_in_view_under_the_phone_notification(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await to_confirm(pilot, env, people["four_fails"])
        await press(pilot, "send-code")
        for _ in range(30):  # the page scrolls once the bar has its height (later on a loaded CI machine)
            await pilot.pause(0.1)
            if kiosk_app.screen.query(PhoneBar) and in_view(kiosk_app, "#input-code") and in_view(kiosk_app, "#submit"):
                break
        assert kiosk_app.screen.query(PhoneBar)  # the demo SMS is shown ...
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-code")
        assert in_view(kiosk_app, "#input-code") and in_view(kiosk_app, "#submit")  # ... and takes nothing from view
        await pilot.press(*"123")  # what is typed is seen
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-code").value == "123" and in_view(kiosk_app, "#input-code")
        set_input(kiosk_app, "code", "")
        await press(pilot, "submit")  # the empty code: its message, and 预约 still in view
        assert "请输入" in field_error(kiosk_app, "code")
        assert in_view(kiosk_app, "#field-code") and in_view(kiosk_app, "#submit")


async def test_a_new_query_keeps_the_chosen_sessions_it_still_lists(kiosk_app, env, people):
    """The tester's finding 3b (张伟, 科目一, 80x24): two sessions of 12-09 chosen, 下一步, 上一步, other
    dates, the same again. Choices the new result still lists stay chosen and the hint counts them;
    only those it no longer lists are dropped, and that is said."""
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await open_wizard(pilot, env, people["learner_new"])
        await press(pilot, "next-subject")
        await agree(pilot)
        await small_query(pilot, "2026-12-09", "2026-12-09")
        await mark_rows(pilot, 2)
        steps = pilot.app.screen.query_one("#step-sessions")
        chosen = list(steps.marked)
        await press(pilot, "next-sessions")
        await press(pilot, "prev-confirm")
        for date_from, date_to in (("2026-12-05", "2026-12-12"), ("2026-12-09", "2026-12-09")):
            await small_query(pilot, date_from, date_to)
            assert steps.marked == chosen
            assert f"共{len(steps.rows)}个场次，已选2个" in hint(pilot.app)
        await small_query(pilot, "2026-12-10", "2026-12-12")
        assert steps.marked == [] and "之前选择的2个场次不在本次查询结果中，已取消选择" in hint(pilot.app)


def hint(app) -> str:
    return "".join(str(app.screen.query_one("#sessions-hint").render()).split())


async def test_the_notice_is_read_in_its_box_with_the_buttons_in_view(kiosk_app, env, people):
    """业务须知 at 80x24 (tester's finding 4): the buttons are on screen; the focus starts on the notice
    (it scrolls, and the line above says how), not on an unseen 阅读并同意; Tab then reaches them."""
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await open_wizard(pilot, env, people["four_fails"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await pilot.pause(0.1)
        box = kiosk_app.screen.query_one(".notice-box")
        assert kiosk_app.focused is box and box.max_scroll_y > 0
        assert screen_text(kiosk_app).splitlines()[box.region.y][box.region.x] == "█"  # its focus bar is seen
        assert in_view(kiosk_app, "#agree") and in_view(kiosk_app, "#prev-notice") and in_view(kiosk_app, ".notice-box")
        assert "请阅读全文后点击【阅读并同意】（可按方向键、翻页键或滚动鼠标查看下文）" in read_line(kiosk_app)
        await pilot.press("pagedown")
        assert box.scroll_y > 0 and in_view(kiosk_app, "#agree")  # the notice moves, the buttons stay
        await pilot.press("end")
        assert "六、申请人需携带身份证明" in "".join(screen_text(kiosk_app).split())
        await pilot.press("tab")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#prev-notice")
        await pilot.press("tab")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#agree")
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions"


async def test_a_notice_that_fits_has_its_button_focused_and_follows_a_resize(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["four_fails"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await pilot.pause(0.1)
        box = kiosk_app.screen.query_one(".notice-box")
        assert box.max_scroll_y == 0 and kiosk_app.focused is kiosk_app.screen.query_one("#agree")
        assert read_line(kiosk_app) == "请阅读全文后点击【阅读并同意】。" and not box.can_focus  # no empty Tab stop
        await pilot.resize_terminal(*SMALL)
        await pilot.pause(0.2)
        assert in_view(kiosk_app, "#agree") and box.max_scroll_y > 0 and box.can_focus


def read_line(app) -> str:
    return "".join(str(app.screen.query_one("#step-notice .notice-read").render()).split())


async def test_many_publication_days_read_as_ranges_with_no_date_split(kiosk_app, env, people):
    """胡斌, 服从系统安排 over two weeks at 80x24 (tester's finding 13): 12 publication days were a list
    of full dates, one cut across two lines (2026年12月12 / 日)."""
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await open_wizard(pilot, env, people["k3_ready"])
        await press(pilot, "next-subject")
        await agree(pilot)
        kiosk_app.screen.query_one("#mode").query("RadioButton").last().value = True
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await press(pilot, "next-sessions")
        summary = [line.strip() for line in str(kiosk_app.screen.query_one("#summary").render()).splitlines()]
        said = "".join(summary)
        assert "预约结果公布日：2026年12月2日至12月3日、12月5日至12月10日、12月12日至12月15日（共12天）" in summary
        assert "温馨提示：将在以上公布日依次按排名安排，安排成功后不再参加之后的安排。" in summary  # one line each
        for day in re.findall(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日", said):
            assert any(day in line for line in summary), day


async def test_back_from_the_priority_sessions_skips_the_notice_agreed_to(kiosk_app, env, people):
    """王芳 at 80x24: 优先预约业务须知 fits the screen; agreed to, 上一步 from its sessions goes past it to
    the normal 选择场次, and 切换至优先预约 again past it to the priority sessions: the same steps both
    ways (shown on the way back, the Enter meant for 阅读并同意 went on past it: tester)."""
    async with kiosk_app.run_test(size=SMALL) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])
        await choose_subject(pilot, 2)
        await press(pilot, "next-subject")
        await agree(pilot)
        await press(pilot, "to-priority")
        await pilot.pause(0.1)
        box = kiosk_app.screen.query_one("#step-priority-notice .notice-box")
        assert box.max_scroll_y == 0 and kiosk_app.focused is kiosk_app.screen.query_one("#agree-priority")
        await press(pilot, "agree-priority")
        await small_query(pilot, "2026-12-04", "2026-12-17")
        await press(pilot, "prev-sessions")
        await pilot.pause(0.1)
        assert step(kiosk_app) == ("step-sessions", 2)
        await press(pilot, "to-priority")
        await pilot.pause(0.1)
        assert step(kiosk_app) == ("step-sessions", 4)
