"""Pilot: the cursor row of a focused list is drawn as a focused button is (the accent fill, orange
in the standard look, yellow in the high-contrast one), not in the blue of a primary button: in
消息 at 100x30 the cursor row and 返回业务中心 (unfocused, primary) were two identical blue bars, and
an elderly citizen could not tell which one Enter acts on (tester). Unfocused, the list's cursor row
is quieter than the focused button's fill and than the primary button."""
from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets import Button

from kiosk.ui.screens.records import InboxScreen
from kiosk.ui.widgets.plain import PlainTable
from tests.booking_helpers import account_id
from tests.ui.conftest import settle, sign_in
from tests.ui.test_inbox_live import _send
from tests.ui.test_theme_switch import colour_at, near


def cursor_cell(app, table: PlainTable) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A cell of the cursor row as drawn (its first column's text)."""
    box = table.content_region
    return box.x + 2, box.y + table.header_height + table.cursor_row - int(table.scroll_y)


def fill(app, widget) -> Color:  # type: ignore[no-untyped-def]
    """The background a button is drawn on (its label's row)."""
    region = widget.region
    return colour_at(app, region.x + 1, region.y + region.height // 2)[1]


@pytest.mark.parametrize("look", ["standard", "high-contrast"])
async def test_the_focused_list_cursor_is_drawn_as_a_focused_button(kiosk_app, env, people, look):
    p = people["two_cars"]
    for n in range(3):
        _send(env, account_id(env, p), f"变更驾驶证联系方式{n}", f"您的变更驾驶证联系方式申请（第{n}次）已办结。")
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        if look == "high-contrast":
            kiosk_app.screen.query_one("#look", Button).press()
            await settle(pilot)
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-inbox")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, InboxScreen)
        table = screen.query_one(PlainTable)
        back = screen.query_one("#back", Button)
        assert kiosk_app.focused is table
        text, cursor_bg, _dim = colour_at(kiosk_app, *cursor_cell(kiosk_app, table))
        primary_bg = fill(kiosk_app, back)  # 返回业务中心, unfocused
        assert not near(cursor_bg, primary_bg)
        back.focus()
        await settle(pilot)
        focused_text, focused_bg, _ = colour_at(kiosk_app, back.region.x + 2, back.region.y + back.region.height // 2)
        assert near(cursor_bg, fill(kiosk_app, back)) and near(text, focused_text)  # as the focused button
        blurred_bg = colour_at(kiosk_app, *cursor_cell(kiosk_app, table))[1]
        assert not near(blurred_bg, focused_bg) and not near(blurred_bg, primary_bg)  # quieter, and no blue bar
