"""A page of a list (a tap on its scrollbar's track, PageDown and PageUp) moves by the rows seen under
the header, in every list of the app (a PlainTable). Textual's page was the table's whole height, its
header row included: at 选择场次 (60 sessions, 11 rows seen) each tap on the track moved 12 rows, and
one session in every 12 was never shown, going down or back up (tester, 陈晨)."""
from __future__ import annotations

import asyncio

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from kiosk.ui.pointer import FreshScreenTaps
from kiosk.ui.widgets.plain import PlainTable
from tests.ui.conftest import driver_tap, press_enter_in, set_input, settle
from tests.ui.test_booking_wizard import query, to_sessions
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_plans_form import _open


def rows_shown(table: DataTable) -> list[int]:
    """The rows drawn in the table, top to bottom, as the screen shows them (each line's row, from
    what a tap on it would choose)."""
    rows: list[int] = []
    for y in range(table.scrollable_content_region.height):
        metas = [seg.style.meta for seg in table.render_line(y) if seg.style and seg.style.meta]
        row = next((m["row"] for m in metas if "row" in m), None)
        if row is not None and row >= 0 and row not in rows:
            rows.append(row)
    return rows


def tap_track(app, table: DataTable, up: bool = False) -> bool:
    """A tap on the table's vertical scrollbar, on its track below the thumb (``up``: above it),
    where the screen draws it; False: the thumb is at that end (no track left to tap)."""
    region, action = table.region, "scroll_up" if up else "scroll_down"
    x = region.right - 1
    ys = [y for y in range(region.y, region.bottom)
          if app.screen.get_style_at(x, y).meta.get("@mouse.down") == action]
    if ys:
        driver_tap(app, x, ys[0] if up else ys[-1])
    return bool(ys)


async def page_through(pilot, table: DataTable) -> int:
    """Down a page at a time and back up, as far as the track is left to tap (the thumb may reach
    an end a little before the view does): no row is left out either way. The taps made."""
    app, taps = pilot.app, 0
    if isinstance(app, FreshScreenTaps):  # the kiosk drops taps for a moment after a screen is drawn:
        await asyncio.sleep(FreshScreenTaps.FRESH)  # on a quiet machine the first tap came within it
    seen = rows_shown(table)
    assert seen[0] == 0 and len(seen) < table.row_count
    while seen[-1] < table.row_count - 1 and tap_track(app, table):
        await moved(pilot)
        now, taps = rows_shown(table), taps + 1
        assert now[0] == seen[-1] + 1 or (now[-1] == table.row_count - 1 and now[0] <= seen[-1] + 1), (seen, now)
        seen = now
    while seen[0] > 0 and tap_track(app, table, up=True):
        await moved(pilot)
        now, taps = rows_shown(table), taps + 1
        assert now[-1] == seen[0] - 1 or (now[0] == 0 and now[-1] >= seen[0] - 1), (seen, now)
        seen = now
    return taps


async def moved(pilot) -> None:
    """The page's slide (an animation) over."""
    await settle(pilot)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


class _List(App):
    CSS = "PlainTable { height: auto; max-height: 12; }"  # as kiosk.tcss: a header and 11 rows

    def __init__(self, cursor_type: str) -> None:
        super().__init__()
        self.cursor_type = cursor_type

    def compose(self) -> ComposeResult:
        yield PlainTable(cursor_type=self.cursor_type)

    def on_mount(self) -> None:
        table = self.query_one(PlainTable)
        table.add_columns("编号", "名称")
        for i in range(60):
            table.add_row(str(i), f"第{i}行", key=str(i))


@pytest.mark.parametrize("cursor_type", ["row", "none"])
async def test_a_tap_on_the_track_moves_by_the_rows_seen(cursor_type):
    app = _List(cursor_type)
    async with app.run_test(size=(40, 20)) as pilot:
        table = app.query_one(PlainTable)
        await settle(pilot)
        assert rows_shown(table) == list(range(11))
        assert await page_through(pilot, table) >= 4


@pytest.mark.parametrize("cursor_type", ["row", "none"])
async def test_pagedown_and_pageup_show_the_next_rows(cursor_type):
    """With a row cursor Textual's own PageDown already left the header out; without one it did not."""
    app = _List(cursor_type)
    async with app.run_test(size=(40, 20)) as pilot:
        table = app.query_one(PlainTable)
        table.focus()
        await settle(pilot)
        await pilot.press("pagedown")
        await moved(pilot)
        assert rows_shown(table)[0] == 11
        await pilot.press("pagedown")
        await moved(pilot)
        assert rows_shown(table)[0] == 22
        await pilot.press("pageup")
        await moved(pilot)
        assert rows_shown(table)[0] == 11


async def test_two_quick_taps_move_two_whole_pages():
    """A second tap while the first page still slides goes on from where that one is going."""
    app = _List("row")
    async with app.run_test(size=(40, 20)) as pilot:
        table = app.query_one(PlainTable)
        await settle(pilot)
        tap_track(app, table)
        await pilot.pause(0.02)
        tap_track(app, table)
        await moved(pilot)
        assert rows_shown(table) == list(range(22, 33))


@pytest.mark.parametrize("size", [(100, 30), (120, 40)])
async def test_every_session_is_seen_tapping_down_the_scrollbar(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await query(pilot, "2026-12-04", "2026-12-31")
        table = kiosk_app.screen.query_one("#sessions", DataTable)
        table.scroll_visible(animate=False)
        await settle(pilot)
        assert table.row_count > 2 * len(rows_shown(table))
        assert await page_through(pilot, table) >= 4


async def test_a_counter_list_pages_by_its_rows_too(env):
    """The counter's lists are the same widget: 考试计划与安排's sessions."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, app)
        set_input(app, "date_from", "2026-12-03")
        set_input(app, "date_to", "2026-12-04")
        await press_enter_in(pilot, "date_to")
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 11
        table.scroll_visible(animate=False)
        await settle(pilot)
        assert await page_through(pilot, table) >= 4
