"""Pilot: spaces typed or pasted into a field of digits (ID number, phone, code) are dropped before
the length limit counts them (tester: ' 500103199901301657' pasted at 登录 lost its last digit to
the leading space, and the citizen read 身份证号码应为18位，您输入了17位 with 17 digits in view)."""
from __future__ import annotations

from textual import events

from tests.ui.conftest import field_error, settle

ID = "500103199901301657"


async def test_typed_spaces_do_not_count_towards_the_limit(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        kiosk_app.screen.query_one("#input-id_number").focus()
        await pilot.press("space", *ID[:6], "space", *ID[6:], "space")
        await settle(pilot)
        assert kiosk_app.screen.query_one("#input-id_number").value == ID
        assert field_error(kiosk_app, "id_number") == ""


async def test_a_pasted_number_with_spaces_is_taken_whole(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#input-id_number")
        field.focus()
        field.post_message(events.Paste(f"\u3000{ID[:6]} {ID[6:]} "))  # an ideographic space too
        await settle(pilot)
        assert field.value == ID and field_error(kiosk_app, "id_number") == ""
        await pilot.press("backspace")  # deleting still works
        assert field.value == ID[:-1]
