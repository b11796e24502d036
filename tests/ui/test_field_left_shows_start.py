"""Pilot at 80x24: a long text field, once left, shows its text from the beginning, as a paper form
would (tester: 具体说明 typed past its 60 characters showed 「  要长期在外地因为工作需」 after it, its
start hidden, and so did 联系地址 past its 100). Focused again, the cursor's end is in view, with no
blank at the left edge: Textual scrolls by cells, and cut a wide character in half there."""
from __future__ import annotations

from textual.widgets import RadioButton

from kiosk.ui.widgets.field import FormField
from tests.ui.conftest import set_input, settle
from tests.ui.test_field_enter_check import _open

REASON = "因为工作需要长期在外地"
ADDRESS = "重庆市渝北区龙溪街道新南路1号"


def _line(field) -> str:  # type: ignore[no-untyped-def]
    """The field's row as drawn."""
    return "".join(segment.text for segment in field.render_line(0))


async def test_a_long_reason_left_shows_its_beginning(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_delay_renewal")
        other = next(b for b in kiosk_app.screen.query("#choice-reason RadioButton").results(RadioButton)
                     if b.name == "其他正当理由")
        other.value = True
        await settle(pilot)
        detail = kiosk_app.screen.query_one("#input-detail")
        detail.focus()
        await pilot.press(*(REASON * 20), "enter")
        await settle(pilot)
        assert len(detail.value) == 60 and kiosk_app.focused is detail
        assert not _line(detail).startswith(" ")  # the end in view, its first character whole
        assert _line(detail).rstrip().endswith(detail.value[-5:])
        await pilot.press("tab")
        await settle(pilot)
        assert kiosk_app.focused is not detail
        assert _line(detail).startswith(REASON * 2)
        await pilot.press("shift+tab")  # back: the cursor at the end, in view
        await settle(pilot)
        assert kiosk_app.focused is detail and detail.cursor_position == 60
        assert not _line(detail).startswith(" ") and _line(detail).rstrip().endswith(detail.value[-5:])


async def test_a_long_address_left_shows_its_beginning(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["two_cars"], "vehicle_contact")
        kiosk_app.screen.query_one("#field-address", FormField).value = (ADDRESS * 8)[:100]  # by the screen
        await settle(pilot)
        assert _line(kiosk_app.screen.query_one("#input-address")).startswith(ADDRESS)
        set_input(kiosk_app, "address", "")
        address = kiosk_app.screen.query_one("#input-address")
        address.focus()
        await pilot.press(*(ADDRESS * 8))
        await settle(pilot)
        assert len(address.value) == 100
        await pilot.press("shift+tab")
        await settle(pilot)
        assert kiosk_app.focused is not address and _line(address).startswith(ADDRESS)
        await pilot.click(address, offset=(2 + 8, 0))  # a tap on 北, its 5th character: the cursor before it
        await settle(pilot)
        assert kiosk_app.focused is address and address.cursor_position == 4
        assert _line(address).startswith(ADDRESS)
