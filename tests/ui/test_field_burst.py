"""Pilot: digits typed in a burst past a code field's limit (a citizen's quick fingers, or a
barcode reader) still say 最多可输入6位, and the message stays until the next edit. The Changed
message of the sixth digit came after the refused seventh and took the message away at once."""
from __future__ import annotations

from textual import events

from tests.ui.conftest import field_error, settle


async def burst(pilot, keys: str) -> None:
    """The keys as a terminal sends them when typed fast: all queued before any is handled
    (Pilot's press waits for the app to be idle after each key)."""
    driver = pilot.app._driver
    for key in keys:
        event = events.Key(key, key)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause(0.2)


async def test_eight_digits_in_a_burst_say_the_limit_and_it_stays(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        code = kiosk_app.screen.query_one("#input-code")
        code.focus()
        await pilot.pause()
        await burst(pilot, "12345678")
        assert code.value == "123456"
        assert field_error(kiosk_app, "code") == "最多可输入6位，超出部分未输入"
        await pilot.pause(0.3)  # nothing late takes it away
        assert field_error(kiosk_app, "code") == "最多可输入6位，超出部分未输入"
        await pilot.press("backspace")  # the next edit: the message goes
        await pilot.pause()
        assert code.value == "12345" and field_error(kiosk_app, "code") == ""
        await burst(pilot, "9")  # back at six: nothing refused, nothing said
        assert code.value == "123459" and field_error(kiosk_app, "code") == ""
        await burst(pilot, "0")
        assert field_error(kiosk_app, "code") == "最多可输入6位，超出部分未输入"


async def test_a_burst_into_a_text_field_says_its_limit_too(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        id_input = kiosk_app.screen.query_one("#input-id_number")
        id_input.focus()
        await burst(pilot, "5001121988082405569")
        assert id_input.value == "500112198808240556"
        assert field_error(kiosk_app, "id_number") == "最多可输入18位，超出部分未输入"
