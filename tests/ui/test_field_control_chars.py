"""Pilot: control characters pasted into a text field are dropped as they come, as a BEL typed is
(tester: 重庆市渝中区解放碑<Tab>民族路100号 pasted into 联系地址 showed the Tab as spaces, while the
confirmation page and the saved record, through normalize_text, kept none)."""
from __future__ import annotations

from textual import events

from tests.ui.conftest import field_error, screen_text, settle, sign_in

KEPT = "重庆市渝中区解放碑民族路100号"


async def test_a_pasted_tab_is_not_shown_since_it_is_not_kept(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#input-address")
        field.focus()
        field.value = ""
        field.post_message(events.Paste("重庆市渝中区解放碑\t民族路\x1b100\u202e号"))
        await settle(pilot)
        assert field.value == KEPT and field.cursor_position == len(KEPT)
        field.post_message(events.Paste("\t"))  # nothing kept: nothing changes
        await settle(pilot)
        assert field.value == KEPT
        await pilot.click("#next")
        await settle(pilot)
        assert KEPT in screen_text(kiosk_app)


TESTER = "重庆市渝中区\t解放碑😀街道\x07民族路１００号\n2楼"


async def test_a_pasted_line_break_is_a_space_and_an_emoji_is_refused_next_to_the_field(kiosk_app, env, people):
    """Tester: pasting the address above kept 重庆市渝中区解放碑😀街道民族路１００号: the emoji (sent in
    the SMS) and the full-width digits, and dropped 2楼 after the line break unseen."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#input-address")
        field.focus()
        field.value = ""
        field.post_message(events.Paste(TESTER))
        await settle(pilot)
        assert field.value == "重庆市渝中区解放碑😀街道民族路１００号 2楼"
        await pilot.click("#next")
        await settle(pilot)
        assert field_error(kiosk_app, "address") == "联系地址不能包含表情符号等特殊字符"
        field.value = ""
        field.post_message(events.Paste(TESTER.replace("😀", "") + "\n"))  # a line break at the end: no space
        await settle(pilot)
        assert field.value == "重庆市渝中区解放碑街道民族路１００号 2楼"
        await pilot.click("#next")
        await settle(pilot)
        assert "重庆市渝中区解放碑街道民族路100号 2楼" in screen_text(kiosk_app)  # the confirmation, in ASCII digits
