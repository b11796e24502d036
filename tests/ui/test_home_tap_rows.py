"""Pilot: the 业务中心's entries are taller tap targets where the page has room (tester, by taps only
at 100x30: 考试预约, 考试预约结果公布, 备案非本人机动车 were one row high, a tap one row under the
label did nothing, and rows 22-26 were empty). Each entry is its label over its lower edge (two
rows: kiosk.ui.widgets.menu_grid ``padded``); at 100x30 every one, 网办进度 too (a row short, it was
one line with no edge right above the 消息 title, and read as a label: tester), 退出登录 as they are
(two rows) to give the menu that row. At 80x24 the menu is as compact as before: every entry on the
page, one line each, nothing to scroll; at 120x40 each entry two rows too."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.ui.screens.home import HomeMenu, HomeScreen
from kiosk.ui.widgets.menu_grid import menu_rows
from tests.ui.conftest import screen_text, settle, sign_in


def header(app) -> str:
    return screen_text(app).split("\n")[0]


@pytest.mark.parametrize("key, label", [("exam_booking", "考试预约"), ("exam_results", "考试预约结果公布"),
                                        ("other_vehicle", "备案非本人机动车")])
async def test_at_100x30_a_tap_one_row_under_the_label_opens_the_entry(kiosk_app, env, people, key, label):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.pause(0.2)
        button = kiosk_app.screen.query_one(f"#menu-{key}", Button)
        region = button.region
        assert str(button.label) == label
        assert label in screen_text(kiosk_app).split("\n")[region.y]  # the label on the button's first row
        # the row under the label: the button's own lower edge (before: a blank line between two rows)
        await pilot.click(offset=(region.x + region.width // 2, region.y + 1))
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, HomeScreen)
        assert label in header(kiosk_app)


@pytest.mark.parametrize("size, look", [((100, 30), "-padded"), ((120, 40), "-roomy")])
async def test_every_entry_is_two_rows_with_its_edge_and_all_on_the_page(kiosk_app, env, people, size, look):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.pause(0.2)
        page = kiosk_app.screen.query_one(HomeMenu)
        assert page.has_class(look)
        buttons = [b for row in menu_rows(kiosk_app.screen) for b in row]
        assert {b.region.height for b in buttons} == {2}  # 网办进度 too, not one line over the 消息 title
        assert not kiosk_app.screen.query(".group.-flat")
        progress = kiosk_app.screen.query_one("#menu-progress", Button)
        assert progress.styles.border_bottom[0] == "tall"  # its lower edge, as every entry's
        assert page.max_scroll_y == 0
        assert all(page.scrollable_content_region.contains_region(b.region) for b in buttons)
        inbox = kiosk_app.screen.query_one("#menu-inbox", Button)  # the last: 退出登录 right under its edge
        sign_out = kiosk_app.screen.query_one("#sign-out", Button)
        assert inbox.region.height == 2 and sign_out.region.height == 2
        assert sign_out.region.bottom == size[1]  # on the screen's last rows, all of it
        await pilot.click(offset=(progress.region.x + 2, progress.region.y + 1))  # the row under its label
        await settle(pilot)
        assert "网办进度" in header(kiosk_app)


async def test_at_80x24_every_entry_is_one_line_on_the_page_and_opens(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.pause(0.2)
        page = kiosk_app.screen.query_one(HomeMenu)
        assert page.has_class("-tight")
        buttons = [b for row in menu_rows(kiosk_app.screen) for b in row]
        assert len(buttons) == 29 and {b.region.height for b in buttons} == {1}
        assert page.max_scroll_y == 0
        assert all(page.scrollable_content_region.contains_region(b.region) for b in buttons)
        inbox = kiosk_app.screen.query_one("#menu-inbox", Button)
        await pilot.click(offset=(inbox.region.x + inbox.region.width // 2, inbox.region.y))
        await settle(pilot)
        assert "消息" in header(kiosk_app)
