"""Pilot: every 业务中心 entry can be seen (tester's finding: at 120x40 the 消息 button, with its 未读
count, was below the fold, only its top border showing above 退出登录; at 80x24 the same with the
demo SMS bar shown). At 120x40 and 100x32 the whole menu fits the page; at 80x24 with an SMS shown
it does not, so the page says there is more below and the focused entry is scrolled into view."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.ui.screens.home import MORE_ABOVE, MORE_BELOW, HomeMenu
from kiosk.ui.widgets.menu_grid import menu_rows
from kiosk.ui.widgets.phone import PhoneBar, show_sms
from kiosk.ui.widgets.plain import Plain
from tests.ui.conftest import screen_text, sign_in

SMS = "【交管12123】您正在注册交管12123账户，验证码：123456，5分钟内有效。请勿将验证码告知他人。"


def visible(app, button: Button) -> bool:
    """Wholly inside the page's part on screen (under the header, above 退出登录 and the phone bar)."""
    page = app.screen.query_one(HomeMenu)
    region = button.region
    bars = [bar.region for bar in app.screen.query(PhoneBar) if bar.display]
    return (region.height > 0 and page.scrollable_content_region.contains_region(region)
            and not any(region.overlaps(bar) for bar in bars))


def hint(app) -> str:
    more = app.screen.query_one("#home-more", Plain)
    return str(more.render()) if more.display and not more.has_class("hidden") else ""


async def wait_for(pilot, check) -> bool:
    for _ in range(40):
        await pilot.pause(0.05)
        if check():
            return True
    return check()


@pytest.mark.parametrize("size", [(120, 40), (100, 32), (80, 24)])
async def test_every_entry_of_the_menu_is_on_screen(kiosk_app, env, people, size):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.pause(0.2)
        buttons = [b for row in menu_rows(kiosk_app.screen) for b in row]
        assert [b.id for b in buttons[-4:]] == ["menu-my_licence", "menu-elicence_mine", "menu-progress",
                                                "menu-inbox"]
        hidden = [str(b.label) for b in buttons if not visible(kiosk_app, b)]
        assert hidden == []  # 我的驾驶证, 网办进度, 消息 (with its count) included
        assert kiosk_app.screen.query_one(HomeMenu).max_scroll_y == 0
        assert hint(kiosk_app) == ""
        # a wide terminal: each button its label over its lower edge, two rows (the framed 3-line
        # buttons took 38 rows where 36 are; test_home_tap_rows), at 120x40 with a blank line before
        # each group; 80x24: one line each, no blank lines
        look = {(120, 40): "-roomy", (100, 32): "-padded", (80, 24): "-tight"}[size]
        assert kiosk_app.screen.query_one(HomeMenu).has_class(look)
        assert {b.outer_size.height for b in buttons} == ({1} if size == (80, 24) else {2})


async def test_at_80x24_with_an_sms_the_page_says_there_is_more_and_follows_the_focus(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        show_sms(kiosk_app, SMS)
        page = kiosk_app.screen.query_one(HomeMenu)
        assert await wait_for(pilot, lambda: page.max_scroll_y > 0)
        page.scroll_home(animate=False)  # the greeting again: only below is more
        assert await wait_for(pilot, lambda: hint(kiosk_app) == MORE_BELOW)
        assert MORE_BELOW in screen_text(kiosk_app)
        inbox = kiosk_app.screen.query_one("#menu-inbox", Button)
        assert not visible(kiosk_app, inbox)
        for _ in range(12):  # Down, row by row, to the last entry: each one reached is in view
            await pilot.press("down")
            await pilot.pause()
            focused = kiosk_app.focused
            if focused is None or focused.id == "sign-out":
                break
            await wait_for(pilot, lambda: visible(kiosk_app, focused))
            assert visible(kiosk_app, focused), focused.id
            if focused.id == "menu-inbox":
                break
        assert kiosk_app.focused is inbox
        assert visible(kiosk_app, inbox)
        assert await wait_for(pilot, lambda: hint(kiosk_app) == MORE_ABOVE)
        await pilot.press(*["up"] * 11)  # 12 rows of 3 at 80x24
        await pilot.pause()
        assert kiosk_app.focused.id == "menu-licence_replace"
        assert visible(kiosk_app, kiosk_app.focused)
        page.scroll_home(animate=False)  # the greeting again: only below is more
        assert await wait_for(pilot, lambda: hint(kiosk_app) == MORE_BELOW)


async def test_when_the_sms_goes_the_whole_menu_is_back_in_view(kiosk_app, env, people, monkeypatch):
    from kiosk.ui.widgets import phone

    monkeypatch.setattr(phone, "SHOW_SECONDS", 1.0)
    monkeypatch.setattr(phone, "page_seconds", lambda page: 0.2)
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        show_sms(kiosk_app, SMS)
        assert await wait_for(pilot, lambda: hint(kiosk_app) == MORE_BELOW)
        await pilot.pause(1.2)
        assert await wait_for(pilot, lambda: not kiosk_app.screen.query(PhoneBar) and hint(kiosk_app) == "")
        assert kiosk_app.screen.query_one(HomeMenu).max_scroll_y == 0
        assert visible(kiosk_app, kiosk_app.screen.query_one("#menu-inbox", Button))
