"""Pilot: 审核队列's line of what was just done (已审核通过：... / 已退回：...) stays above the item shown
after the decision and goes once another item is shown: a photo coming into the emptied queue, or
the cursor moved to another row (tester: 已退回：梁雪... stayed above a new photo, as if said of it)."""
from __future__ import annotations

from textual.widgets import Button, DataTable, Static

from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_review_live import EMPTY, rows, send_photo
from tests.ui.counter_helpers import SIZE, open_review


def done_line(app) -> str:  # type: ignore[no-untyped-def]
    line = app.screen.query_one("#review-done", Static)
    return str(line.render()) if line.display else ""


async def approve_shown(pilot, app) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one("#approve", Button).press()
    await settle(pilot)
    assert isinstance(app.screen, ConfirmDialog)
    app.screen.dismiss(True)
    await settle(pilot)


async def test_the_line_goes_when_a_new_photo_comes_into_the_emptied_queue(env, people):
    send_photo(env, people["no_photo"])
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        await approve_shown(pilot, app)
        assert done_line(app).startswith("已审核通过：吴霞") and EMPTY in screen_text(app)
        second = send_photo(env, people["driver_normal"])
        screen._live()
        await settle(pilot)
        assert rows(app) == [second] and "申请人：刘洋" in screen_text(app)
        assert done_line(app) == "" and "吴霞" not in screen_text(app)


async def test_the_line_stays_beside_the_next_item_and_goes_with_the_cursor(env, people):
    send_photo(env, people["no_photo"])
    env.clock.advance(minutes=10)
    second = send_photo(env, people["driver_normal"])
    env.clock.advance(minutes=10)
    third = send_photo(env, people["lorry_driver"])
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        await approve_shown(pilot, app)
        assert rows(app) == [second, third] and screen.selected().serial_no == second
        assert done_line(app).startswith("已审核通过：吴霞")  # what was done, the next item under it
        screen._live()  # read again, nothing changed: the same item, the line stays
        await settle(pilot)
        assert done_line(app).startswith("已审核通过：吴霞")
        table = screen.query_one("#queue", DataTable)
        table.focus()
        await pilot.press("down")
        await settle(pilot)
        assert screen.selected().serial_no == third and done_line(app) == ""
