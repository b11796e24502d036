"""Pilot: a choice list shows its cursor only while it has the focus.

Textual draws the cursor option of an unfocused RadioSet or OptionList on a teal band: an elderly
citizen who has moved on to 下一步 reads it as the option chosen, when (*) says another one is.
Unfocused, every option of a list is drawn alike but for its own mark; focused, the cursor shows."""
from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Button, DataTable, OptionList, RadioSet

from tests.ui.conftest import settle, sign_in
from tests.ui.test_booking_wizard import open_wizard
from tests.ui.test_elicence_photo import _album, _photo_screen

MARKS = ("(*)", "( )")


def option_backgrounds(app, widget: Widget) -> list[set]:
    """For each row of ``widget`` on screen: the background colours under its text (marks left out)."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001
    region = widget.content_region
    rows = []
    for y in range(region.y, region.bottom):
        strip = strips[y].crop(region.x, region.right)
        rows.append({seg.style.bgcolor for seg in strip if seg.text.strip() and seg.text.strip() not in MARKS})
    return [row for row in rows if row]


async def test_an_unfocused_radio_set_shows_only_its_mark(kiosk_app, env, people):
    """考试预约 科目确认: the subjects with the focus show the cursor; after Tab to 返回 the cursor
    option (科目三 here, chosen by moving to it) is drawn on the same background as 科目二 beside it."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_wizard(pilot, env, people["four_fails"])
        radio = kiosk_app.screen.query_one("#subject", RadioSet)
        assert kiosk_app.focused is radio and len(radio.query("RadioButton")) >= 2
        await pilot.press("down", "down")  # nothing chosen: the first Down chooses 科目二, the second 科目三
        await pilot.pause(0.1)
        focused_rows = option_backgrounds(kiosk_app, radio)
        assert len(focused_rows) >= 2 and focused_rows[1] != focused_rows[0]  # the cursor, seen
        await pilot.press("tab")
        await pilot.pause(0.1)
        assert kiosk_app.focused is not radio
        assert radio.pressed_button is not None and radio.pressed_button.name == radio.query("RadioButton")[1].name
        rows = option_backgrounds(kiosk_app, radio)
        assert len(rows) == len(focused_rows) and all(row == rows[0] for row in rows), rows


async def test_an_unfocused_radio_set_in_a_service_form_shows_only_its_mark(kiosk_app, env, people):
    """补换领行驶证: the reasons, left for the next field."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        kiosk_app.screen.query_one("#menu-vehicle_licence_reissue", Button).press()
        await settle(pilot)
        radio = kiosk_app.screen.query_one("#choice-reason", RadioSet)
        radio.focus()
        await pilot.press("down")  # nothing was chosen (no option on the band): the first reason now is
        await settle(pilot)
        assert len({frozenset(r) for r in option_backgrounds(kiosk_app, radio)}) > 1
        await pilot.press("tab")
        await pilot.pause(0.1)
        rows = option_backgrounds(kiosk_app, radio)
        assert len(rows) >= 2 and all(row == rows[0] for row in rows), rows


async def test_an_unfocused_album_list_shows_no_cursor(kiosk_app, env, people):
    """换照片 相册选择: the list of pictures, left for the path field."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _photo_screen(pilot, env, people["no_photo"])
        await _album(pilot)
        album = kiosk_app.screen.query_one("#ph-album-list", OptionList)
        assert album.option_count >= 2 and kiosk_app.focused is album
        focused_rows = option_backgrounds(kiosk_app, album)
        assert focused_rows[0] != focused_rows[1]  # the highlighted picture, seen
        kiosk_app.screen.query_one("#input-photo").focus()
        await pilot.pause(0.1)
        assert album.highlighted == 0  # still where it was for the way back ...
        rows = option_backgrounds(kiosk_app, album)
        assert all(row == rows[0] for row in rows), rows  # ... but not drawn as if chosen


async def test_the_unfocused_session_table_shows_only_what_is_chosen(kiosk_app, env, people):
    """考试预约 选择场次: the sessions marked 已选 are what is chosen; the cursor row is drawn only while
    the table has the focus (Tab on to 下一步 and the row last moved to looks like the others)."""
    from tests.ui.test_booking_wizard import query, to_sessions

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        await query(pilot, "2026-12-04", "2026-12-17")
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        table.focus()
        await pilot.press("down", "down")  # the cursor on the third row, nothing chosen
        await pilot.pause(0.1)
        focused = table_row_backgrounds(kiosk_app, table)
        assert focused[2] != focused[0] and focused[2] != focused[1]  # the cursor, seen
        kiosk_app.screen.query_one("#next-sessions", Button).focus()
        await pilot.pause(0.1)
        rows = table_row_backgrounds(kiosk_app, table)
        assert rows[2] in (rows[0], rows[1]), rows  # like a row of its own stripe: no cursor


def table_row_backgrounds(app, table) -> list[set]:
    """The background colours of the table's data rows on screen (the header left out)."""
    strips = app.screen._compositor.render_strips()  # noqa: SLF001
    region = table.content_region
    return [{seg.style.bgcolor for seg in strips[y].crop(region.x, region.right - 2) if seg.text.strip()}
            for y in range(region.y + 1, min(region.bottom, region.y + 6))]
