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


async def test_a_phone_typed_in_groups_keeps_its_eleven_digits(kiosk_app, env, people):
    """变更驾驶证联系方式 (tester): １３８ 0000-1111 typed kept the -, and the 11-digit limit cut the
    last digit (１３８0000-111). Spaces and hyphens go as they come, full-width digits become ASCII."""
    from tests.ui.conftest import sign_in
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        field = kiosk_app.screen.query_one("#input-phone")
        field.focus()
        await pilot.press("１", "３", "８", "space", *"0000", "minus", *"1111")
        await settle(pilot)
        assert field.value == "13800001111" and field_error(kiosk_app, "phone") == ""
        field.value = ""
        field.post_message(events.Paste("138－0000－1111\n"))  # pasted with full-width hyphens
        await settle(pilot)
        assert field.value == "13800001111" and field_error(kiosk_app, "phone") == ""
