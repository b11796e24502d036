"""Pilot: every screen opens with the focus on its main control (tester's finding 5).

驾驶证信息 opened with the focus on its hidden table: Enter did nothing, the first Tab stopped on
the page (a bar down the left edge and nothing to scroll) and only the second reached 返回业务中心.
A read-only screen opens on its 返回 button, or on its page when its text does not fit; a page
is a Tab stop only while it has something to scroll."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.config import ASSETS
from kiosk.services import elicence, elicence_card
from kiosk.ui.menu import ENTRIES
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import settle, sign_in

SMALL, LARGE = (80, 24), (120, 40)


def shown(widget) -> bool:
    return all(getattr(node, "display", True) for node in widget.ancestors_with_self)


async def open_entry(pilot, key: str) -> None:
    pilot.app.screen.query_one(f"#menu-{key}", Button).press()
    await settle(pilot)
    await pilot.pause(0.1)


async def back_home(pilot, home) -> None:
    while pilot.app.screen is not home:
        pilot.app.pop_screen()
        await settle(pilot)


@pytest.mark.parametrize("size", [LARGE, SMALL])
async def test_my_licence_opens_on_its_back_button(kiosk_app, env, people, size):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        await open_entry(pilot, "my_licence")
        screen = kiosk_app.screen
        assert "档案编号" in str(screen.query_one("#detail").render())
        page = screen.query_one(Page)
        if page.max_scroll_y:  # the licence does not fit: the page, to read it with the arrow keys
            assert kiosk_app.focused is page
        else:
            assert kiosk_app.focused is screen.query_one("#back")
            assert page not in screen.focus_chain  # no Tab stop with nothing to scroll
        await pilot.press("tab")  # Tab, Tab: back and forth between what there is, never a dead stop
        await pilot.press("tab")
        assert kiosk_app.focused in (page, screen.query_one("#back"))
        kiosk_app.screen.query_one("#back", Button).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert kiosk_app.screen is home


async def test_every_menu_entry_opens_with_a_visible_focus_that_enter_acts_on(kiosk_app, env, people):
    """For someone with nothing to list (no licence, no vehicle, no application): the focus is
    on a shown control, never on an empty table; a screen with only text and 返回 is on 返回."""
    p = people["no_licence"]
    async with kiosk_app.run_test(size=LARGE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        for entry in ENTRIES:
            await open_entry(pilot, entry.key)
            focused = kiosk_app.focused
            name = f"{entry.key}: {type(kiosk_app.screen).__name__} {focused!r}"
            assert focused is not None and shown(focused) and focused.focusable, name
            assert getattr(focused, "row_count", 1) > 0, name  # not an empty table
            if entry.key in ("my_licence", "my_vehicles", "progress", "inbox"):
                assert focused.id == "back", name
            await back_home(pilot, home)


async def test_the_blocked_photo_change_opens_on_back(kiosk_app, env, people):
    """换照片 while the last photo is under review: only the message and 返回 (the tester: the same
    empty Tab stop as 驾驶证信息)."""
    p = people["driver_normal"]
    account = elicence_card.account_for(env, p.id_number)
    elicence.apply_direct(env, account)
    elicence.change_photo(env, account, "camera", ASSETS / "photos" / "camera_1.png")
    async with kiosk_app.run_test(size=LARGE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await open_entry(pilot, "elicence")
        kiosk_app.screen.query_one("#el-change-photo", Button).press()
        await settle(pilot)
        await pilot.pause(0.1)
        screen = kiosk_app.screen
        assert "照片正在审核" in str(screen.query_one("#ph-status").render())
        assert kiosk_app.focused is screen.query_one("#back")
        assert screen.query_one(Page) not in screen.focus_chain
        await pilot.press("enter")
        await settle(pilot)
        assert type(kiosk_app.screen).__name__ == "ElicenceScreen"


async def test_a_list_that_loads_rows_takes_the_focus(kiosk_app, env, people):
    """网办进度 with applications: the table (a row highlighted, its timeline under it)."""
    p = people["driver_normal"]
    elicence.apply_direct(env, elicence_card.account_for(env, p.id_number))
    async with kiosk_app.run_test(size=LARGE) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await open_entry(pilot, "progress")
        table = kiosk_app.screen.query_one("#table")
        assert table.row_count == 1 and kiosk_app.focused is table
