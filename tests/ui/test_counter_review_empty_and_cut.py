"""Pilot: 审核队列 with nothing to review shows a line that says so, not the list's headers (tester:
at 80x24 an empty queue still showed 提交时间 ... 照片来源 with no rows under them, and 不通过原因);
审核通过 and 审核不通过 stay disabled, the focus on 刷新. A photo coming in brings the list back.
With three photos at 100x30 the page's edge no longer cuts the buttons: their top edge showed above
the 下方还有内容 line, a half-drawn row of buttons. They are now whole in view, or wholly below it."""
from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable

from kiosk.ui.widgets.more_below import MORE_BELOW_TEXT, MoreBelow
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import screen_text, settle
from tests.ui.counter_helpers import open_review
from tests.ui.test_counter import counter_app
from tests.ui.test_counter_review_live import EMPTY, send_photo

BUTTONS = ("approve", "reject", "reload", "back")


def cut(app, widget_id: str) -> bool:  # type: ignore[no-untyped-def]
    """Part of ``widget_id`` (not all of it) in the page's view."""
    widget = app.screen.query_one(f"#{widget_id}")
    view = app.screen.query_one(Page).scrollable_content_region
    shown = view.intersection(widget.region)
    return 0 < shown.height < widget.outer_size.height


def in_view(app, widget_id: str) -> bool:  # type: ignore[no-untyped-def]
    return app.screen.query_one(Page).scrollable_content_region.contains_region(app.screen.query_one(f"#{widget_id}").region)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_an_empty_queue_shows_a_line_not_the_list(env, size):
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        text = screen_text(app)
        assert EMPTY in text
        for header in ("业务流水号", "身份证号", "照片来源", "不通过原因（不通过时必选）"):  # 提交时间 is in the hint
            assert header not in text, header
        assert not app.screen.query_one("#queue", DataTable).display
        assert app.screen.query_one("#approve", Button).disabled and app.screen.query_one("#reject", Button).disabled
        assert app.focused is app.screen.query_one("#reload", Button)
        assert MORE_BELOW_TEXT not in text


async def test_a_photo_coming_into_the_empty_queue_brings_the_list_back(env, people):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        serial = send_photo(env, people["no_photo"])
        app.screen._live()  # what the timer does
        await settle(pilot)
        text = screen_text(app)
        assert EMPTY not in text and serial in text and "提交时间" in text and "申请人：吴霞" in text
        assert app.focused is app.screen.query_one("#queue", DataTable)


@pytest.mark.parametrize("size, photos", [((100, 30), 3), ((100, 30), 4), ((100, 30), 5), ((80, 24), 2), ((80, 24), 3)])
async def test_the_page_edge_does_not_cut_the_buttons(env, people, size, photos):
    everyone = ("no_photo", "driver_normal", "lorry_driver", "two_cars", "renew_soon")
    for person in everyone[:photos]:
        send_photo(env, people[person])
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        assert app.screen.query_one(Page).scroll_y == 0
        assert not any(cut(app, b) for b in BUTTONS), [app.screen.query_one(f"#{b}").region for b in BUTTONS]
        last = screen_text(app).splitlines()[app.screen.query_one(Page).scrollable_content_region.bottom - 1]
        assert not last.lstrip().startswith("\u2594"), last  # the page's last row: no button's top edge alone
        if all(in_view(app, b) for b in BUTTONS):  # they fit
            assert MORE_BELOW_TEXT not in screen_text(app)
            return
        assert MORE_BELOW_TEXT in screen_text(app)  # else wholly below the line, which says so
        await pilot.pause(0.6)  # a tap this soon after the screen opened is dropped (kiosk.ui.pointer)
        await pilot.click(MoreBelow)
        await settle(pilot)
        assert all(in_view(app, b) for b in BUTTONS)


async def test_nor_when_a_photo_comes_in_or_the_terminal_is_resized(env, people):
    """Two photos fit at 100x30; a third read in by the live read, then a resize from 120x40 and back."""
    for person in ("no_photo", "driver_normal"):
        send_photo(env, people[person])
    app = counter_app(env)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        assert all(in_view(app, b) for b in BUTTONS) and MORE_BELOW_TEXT not in screen_text(app)
        send_photo(env, people["lorry_driver"])
        app.screen._live()
        await settle(pilot)
        assert not any(cut(app, b) for b in BUTTONS) and MORE_BELOW_TEXT in screen_text(app)
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert all(in_view(app, b) for b in BUTTONS) and MORE_BELOW_TEXT not in screen_text(app)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert not any(cut(app, b) for b in BUTTONS) and MORE_BELOW_TEXT in screen_text(app)
