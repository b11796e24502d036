"""Pilot: a dropdown's arrow is ASCII, v closed and ^ open (kiosk.ui.widgets.dropdown.DropdownCurrent).
Textual's triangles (U+25BC, U+25B2) are East-Asian ambiguous width: two cells in many Chinese
terminals, which pushed the row out of line. Seen on a citizen's 考试场地 (选择场次) and a clerk's
不通过原因 (审核队列)."""
from __future__ import annotations

from textual.widgets import Select

from tests.ui.conftest import screen_text, settle
from tests.ui.counter_helpers import SIZE, open_review, queued_photo
from tests.ui.test_booking_wizard import to_sessions
from tests.ui.test_counter import counter_app

TRIANGLES = ("\u25bc", "\u25b2")


def _row(app, select: Select) -> str:  # type: ignore[no-untyped-def,type-arg]
    """What the screen shows on the dropdown's value line, within the dropdown (cells, not characters)."""
    region = select.region
    strip = app.screen._compositor.render_strips()[region.y + 1]  # noqa: SLF001  # under its top border
    inside = strip.crop(region.x, region.right).text
    return "".join(c for c in inside if not "\u2580" <= c <= "\u259f").rstrip()  # no border (block elements)


async def _arrows_both_ways(pilot, select: Select) -> None:  # type: ignore[no-untyped-def,type-arg]
    app = pilot.app
    assert not any(t in screen_text(app) for t in TRIANGLES)
    assert _row(app, select).endswith("v")  # the closed list's arrow
    select.focus()
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert select.expanded
    assert not any(t in screen_text(app) for t in TRIANGLES)
    assert _row(app, select).endswith("^")  # open: the arrow up


async def test_the_citizens_site_list_has_an_ascii_arrow(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        await _arrows_both_ways(pilot, kiosk_app.screen.query_one("#site", Select))


async def test_the_clerks_reason_list_has_an_ascii_arrow(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        await _arrows_both_ways(pilot, app.screen.query_one("#reason", Select))
