"""Pilot: when the focus comes into a field (a message sends it back there, or Tab), the cursor is
at the end of what it holds and nothing is selected: Textual selected the whole value, so one
Backspace, meant to correct the last digit, erased an 18-digit ID number."""
from __future__ import annotations

from tests.ui.conftest import field_error, set_input, settle

WRONG_CHECK_DIGIT = "110108196711301866"


async def test_a_wrong_id_number_gets_the_cursor_at_its_end(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        id_input = kiosk_app.screen.query_one("#input-id_number")
        await pilot.press(*"林晓", "enter", *WRONG_CHECK_DIGIT, "enter", *"13800138001", "enter")
        await settle(pilot)
        assert "校验位" in field_error(kiosk_app, "id_number")
        assert kiosk_app.focused is id_input  # sent back to the wrong field
        assert id_input.selection.is_empty and id_input.cursor_position == 18
        await pilot.press("backspace", "2")
        await pilot.pause()
        assert id_input.value == WRONG_CHECK_DIGIT[:-1] + "2"


async def test_tab_into_a_filled_field_selects_nothing(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        await pilot.press(*"abc", "enter", *WRONG_CHECK_DIGIT)
        await pilot.press("shift+tab")  # back to 姓名
        name = kiosk_app.screen.query_one("#input-name")
        assert kiosk_app.focused is name and name.selection.is_empty and name.cursor_position == 3
        await pilot.press("tab", "backspace")
        await pilot.pause()
        assert kiosk_app.screen.query_one("#input-id_number").value == WRONG_CHECK_DIGIT[:-1]


async def test_a_date_written_back_leaves_the_cursor_at_its_end(kiosk_app, env, people):
    """结束日期 20261206 and Enter, before 开始日期 2026-12-08: the field reads 2026-12-06 under its
    message, with the cursor after it (README tester: it stayed before 06, so Backspace took the
    「-」 and a digit typed went in between)."""
    from tests.ui.test_booking_wizard import to_sessions

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        set_input(kiosk_app, "date_from", "2026-12-08")
        end = kiosk_app.screen.query_one("#input-date_to")
        end.focus()
        end.value = ""
        await pilot.press(*"20261206", "enter")
        await settle(pilot)
        assert "不能早于" in field_error(kiosk_app, "date_to")
        assert kiosk_app.focused is end and end.value == "2026-12-06" and end.cursor_position == 10
        await pilot.press("backspace", "9")
        await pilot.pause()
        assert end.value == "2026-12-09"
