"""Pilot: 登录 at 100x30 with the number pad beside it and the demo phone bar up (tester, by taps only):
after a wrong code, 验证码错误，还可尝试4次 under the code field scrolled the page by one line, its first
line gone with nothing saying so and 重置 re-wrapped as 重 / 置 beside the scrollbar; when the phone bar
went the page scrolled back and 重新发送 moved under the finger. Now the page fits in that state and
nothing moves when the bar goes. At 80x24 a page that does not fit says so (上方/下方还有内容), and no
line of its first text is a single character."""
from __future__ import annotations

from textual.widgets import Static

from kiosk.ui.widgets.more_below import MoreBelow
from kiosk.ui.widgets.page import Page
from kiosk.ui.widgets.phone import PhoneBar, show_sms
from tests.ui.conftest import ask_for_a_code, field_error, set_input, settle

SMS = "139****0055 收到短信：【交管12123】您正在办理登录，验证码304669，5分钟内有效。请勿将验证码告诉他人。"


async def wrong_code(pilot) -> None:
    set_input(pilot.app, "code", "111111")
    await pilot.click("#submit")
    await settle(pilot)
    await pilot.pause(0.2)


async def test_at_100x30_a_wrong_code_fits_the_page_and_nothing_moves_when_the_bar_goes(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        show_sms(kiosk_app, SMS)
        await pilot.pause(0.2)
        await wrong_code(pilot)
        assert "验证码错误" in field_error(kiosk_app, "code")
        page = kiosk_app.screen.query_one(Page)
        assert kiosk_app.screen.query_one(PhoneBar).outer_size.height == 3  # as the demo shows it
        assert page.max_scroll_y == 0 and page.scroll_y == 0
        hint = kiosk_app.screen.query_one(".hint", Static)
        assert page.scrollable_content_region.contains_region(hint.region)
        assert hint.region.y == 2  # its first line on the row under the title bar's blank one
        submit = kiosk_app.screen.query_one("#submit")
        assert page.scrollable_content_region.contains_region(submit.region)
        send = kiosk_app.screen.query_one("#send-code")
        before = send.region
        await kiosk_app.screen.query_one(PhoneBar)._expire()  # its time is up: it goes
        await pilot.pause(0.3)
        assert not kiosk_app.screen.query(PhoneBar)
        assert page.scroll_y == 0
        assert send.region == before  # the 重新发送 target stays where it was


async def test_at_80x24_a_wrong_code_fits_the_page(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await ask_for_a_code(pilot, p.id_number)
        show_sms(kiosk_app, SMS)
        await pilot.pause(0.2)
        await wrong_code(pilot)
        page = kiosk_app.screen.query_one(Page)
        assert page.max_scroll_y == 0 and not kiosk_app.screen.query_one(MoreBelow).display


async def test_a_page_that_does_not_fit_says_so_and_wraps_no_lone_character(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 14)) as pilot:  # 80x15 fits since 登录 has no row under 发送验证码
        await ask_for_a_code(pilot, p.id_number)
        show_sms(kiosk_app, SMS)
        await pilot.pause(0.2)
        await wrong_code(pilot)
        page = kiosk_app.screen.query_one(Page)
        more = kiosk_app.screen.query_one(MoreBelow)
        assert page.max_scroll_y > 0
        page.scroll_to(y=1, animate=False)  # what the tester saw: the first line gone above
        await pilot.pause(0.3)
        for _ in range(3):
            assert more.display
            shown = str(more.render())
            assert ("下方还有内容" in shown) == page.has_more_below
            assert ("上方还有内容" in shown) == (page.has_more_above and not page.has_more_below)
            await pilot.click(MoreBelow)
            await pilot.pause(0.3)
        hint = kiosk_app.screen.query_one(".hint", Static)
        rows = [strip.text.strip() for strip in hint.render_lines(hint.size.region)]
        assert all(len(row) != 1 for row in rows), rows
