"""Pilot: the 业务中心's 下方还有更多业务 line (#home-more, beside 退出登录) is a tap target, as the
wizards' 下方还有内容 line is: it said 请向下滚动或按方向键查看, of no help on a touch screen. At 80x24
with an SMS shown the menu does not fit; a tap on the line pages it down, and on 上方还有更多业务 back
up, the focus staying on its entry; the line stays one row beside 退出登录."""
from __future__ import annotations

from rich.cells import cell_len

from kiosk.ui.screens.home import MORE_ABOVE, MORE_BELOW, HomeMenu
from kiosk.ui.widgets.phone import show_sms
from kiosk.ui.widgets.plain import Plain
from tests.ui.conftest import sign_in
from tests.ui.test_home_fits import SMS, hint, wait_for


async def test_the_wording_says_to_tap_it():
    assert MORE_BELOW == "下方还有更多业务：请点这里向下翻页（或按方向键）"
    assert MORE_ABOVE == "上方还有更多业务：请点这里向上翻页（或按方向键）"


async def test_a_tap_on_the_line_pages_the_menu(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        show_sms(kiosk_app, SMS)
        page = kiosk_app.screen.query_one(HomeMenu)
        assert await wait_for(pilot, lambda: page.max_scroll_y > 0)
        page.scroll_home(animate=False)
        assert await wait_for(pilot, lambda: hint(kiosk_app) == MORE_BELOW)
        line = kiosk_app.screen.query_one("#home-more", Plain)
        assert line.region.height == 1 and line.content_region.width >= cell_len(MORE_BELOW)
        focused = kiosk_app.focused
        await pilot.click("#home-more")
        expected = min(page.scrollable_content_region.height, page.max_scroll_y)
        assert await wait_for(pilot, lambda: page.scroll_y == expected)
        for _ in range(5):
            if hint(kiosk_app) != MORE_BELOW:
                break
            await pilot.click("#home-more")
            await pilot.pause(0.1)
        assert page.scroll_y == page.max_scroll_y
        assert await wait_for(pilot, lambda: hint(kiosk_app) == MORE_ABOVE)
        assert kiosk_app.focused is focused
        await pilot.click("#home-more")
        assert await wait_for(pilot, lambda: page.scroll_y < page.max_scroll_y)
        assert kiosk_app.focused is focused
