"""Pilot: 审核队列 reads the queue again by itself (LIVE_SECONDS, as 为群众办理 does): a photo sent at a
kiosk meanwhile comes in (the reviewer's screen said 审核队列已清空 until 刷新), the reviewer's cursor
stays on its application when an earlier one comes in above it, one decided elsewhere goes. At 80x24
the list's columns are the same however it was loaded (审核内容 went on 刷新), and the decision
buttons are reached with Tab, in view."""
from __future__ import annotations

import time

from textual.containers import VerticalScroll
from textual.widgets import Button, DataTable, Select

from kiosk.config import ASSETS
from kiosk.services import elicence, elicence_review
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter import review
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import SIZE, open_review, press, queued_photo

NARROW = (80, 24)
EMPTY = review.EMPTY


def send_photo(env, person) -> str:  # type: ignore[no-untyped-def]
    """``person`` sends a camera photo for the e-licence at a kiosk: its serial in 审核队列."""
    return elicence.apply_with_photo(env, account_id(env, person), "camera",
                                     ASSETS / "photos" / "camera_1.png").serial_no


def two_photos(env, people) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """吴霞's photo, then 刘洋's ten minutes later: their serials, in the queue's order."""
    first = send_photo(env, people["no_photo"])
    env.clock.advance(minutes=10)
    return first, send_photo(env, people["driver_normal"])


def cursor_serial(app) -> str:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#queue", DataTable)
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#queue", DataTable)
    return [table.coordinate_to_cell_key((r, 0)).row_key.value for r in range(table.row_count)]


def columns(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.label.plain for c in app.screen.query_one("#queue", DataTable).ordered_columns]


async def test_a_photo_sent_meanwhile_comes_in_within_the_live_interval(env, people, monkeypatch):
    monkeypatch.setattr(review, "LIVE_SECONDS", 0.3)  # the timer itself, sooner
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        assert EMPTY in screen_text(app)
        approve = app.screen.query_one("#approve", Button)
        assert approve.disabled  # nothing to approve (tester: drawn green, Enter did nothing visible)
        serial = send_photo(env, people["no_photo"])  # 吴霞 at a kiosk
        deadline = time.monotonic() + 5
        while serial not in screen_text(app) and time.monotonic() < deadline:
            await pilot.pause(0.1)
        await settle(pilot)
        text = screen_text(app)
        assert serial in text and "吴霞" in text and "\u2580" in text  # the row, and its photo beside the checks
        assert EMPTY not in text and screen_error(app) == "" and not approve.disabled
        assert app.screen.selected().serial_no == serial


async def test_the_cursor_stays_on_its_application_when_an_earlier_one_comes_in(env, people):
    first, second = two_photos(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        table = screen.query_one("#queue", DataTable)
        table.focus()
        await pilot.press("down")  # the reviewer on the second row: 刘洋's
        await settle(pilot)
        assert cursor_serial(app) == second and table.cursor_row == 1
        screen._live()  # what the timer does; nothing changed: nothing moves
        await settle(pilot)
        assert cursor_serial(app) == second and app.focused is table
        env.clock.advance(minutes=-20)  # sent before both (a kiosk's submission committed late)
        earlier = send_photo(env, people["lorry_driver"])
        screen._live()
        await settle(pilot)
        assert rows(app) == [earlier, first, second]
        assert cursor_serial(app) == second and table.cursor_row == 2  # the same application, not row 1
        assert screen.selected().serial_no == second and "申请人：刘洋" in screen_text(app)
        assert app.focused is table


async def test_an_item_decided_elsewhere_goes_and_is_said(env, people):
    first, second = two_photos(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        screen.query_one("#reason", Select).value = elicence_review.REJECT_REASONS[0]  # for 吴霞's photo
        await settle(pilot)
        elicence_review.approve(env, first)  # another reviewer
        screen._live()
        await settle(pilot)
        assert rows(app) == [second] and cursor_serial(app) == second
        assert f"（业务流水号 {first}）已在其他终端审核，已从队列中移除" in screen_error(app)
        assert screen.query_one("#reason", Select).is_blank()  # it was chosen for the photo that went
        elicence_review.approve(env, second)
        screen._live()
        await settle(pilot)
        assert EMPTY in screen_text(app) and rows(app) == []


async def test_no_live_read_while_a_question_is_open(env, people):
    serial = send_photo(env, people["no_photo"])
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        await press(pilot, "approve")
        assert isinstance(app.screen, ConfirmDialog)
        elicence_review.reject(env, serial, "1")  # decided elsewhere while the question is up
        screen._live()
        await settle(pilot)
        assert screen.selected().serial_no == serial  # the row the question names stays under it
        await pilot.click("#no")
        await settle(pilot)
        screen._live()
        await settle(pilot)
        assert EMPTY in screen_text(app)


async def test_narrow_columns_are_the_same_however_the_list_was_loaded(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=NARROW) as pilot:
        await open_review(pilot, app)
        shown = columns(app)
        table = app.screen.query_one("#queue", DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing cut at the right edge
        await press(pilot, "reload")
        assert columns(app) == shown
        app.screen._live()
        await settle(pilot)
        assert columns(app) == shown
        assert shown == ["提交时间", "业务流水号", "审核内容", "申请人", "身份证号"]  # 照片来源 is beside the photo


async def test_narrow_columns_after_a_resize_and_a_reload(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_review(pilot, app)
        assert "照片来源" in columns(app)
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        shown = columns(app)
        await press(pilot, "reload")
        assert columns(app) == shown and "审核内容" in shown


async def test_narrow_decision_buttons_are_reached_with_tab_and_in_view(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=NARROW) as pilot:
        await open_review(pilot, app)
        page = app.screen.query_one(VerticalScroll)
        reached = []
        for _ in range(12):
            await pilot.press("tab")
            await settle(pilot)
            await pilot.pause(0.3)  # a smooth scroll, if any, has ended
            focused = app.focused
            if isinstance(focused, Button) and focused.id in ("approve", "reject"):
                reached.append(focused.id)
                assert page.scrollable_content_region.contains_region(focused.region), focused.id
                assert str(focused.label) in screen_text(app)
        assert {"approve", "reject"} <= set(reached)


async def test_the_queue_opens_on_its_list_at_the_top_of_the_page(env, people):
    """The opening focus is on the list once it is filled, not on 不通过原因 (the control found
    while the list was still loading: at 80x24 it sat at the page's bottom, and Enter opened the
    reasons), and the page is at its top."""
    serial = queued_photo(env, people)[1]
    for size in (NARROW, SIZE):
        app = counter_app(env)
        async with app.run_test(size=size) as pilot:
            await open_review(pilot, app)
            await settle(pilot)
            await pilot.pause(0.5)  # a smooth scroll, if any, has ended
            assert app.focused is app.screen.query_one("#queue", DataTable), size
            assert app.screen.query_one(VerticalScroll).scroll_y == 0, size
            assert cursor_serial(app) == serial


async def test_a_photo_coming_into_an_empty_queue_takes_the_focus_from_the_decision(env, people):
    """Tester: the last photo approved, the focus stayed on 审核通过; a new one came in by the live
    read and the reviewer's next Enter asked to approve a photo never looked at. The list takes the
    focus, as on first load, so Enter no longer opens the question and the photo shows first."""
    first = send_photo(env, people["no_photo"])
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        screen.query_one("#approve", Button).focus()
        await pilot.press("enter")  # 审核通过, then 确认通过
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        app.screen.dismiss(True)
        await settle(pilot)
        assert EMPTY in screen_text(app)
        screen.query_one("#approve", Button).focus()  # where the tester's focus was left
        await settle(pilot)
        second = send_photo(env, people["driver_normal"])
        screen._live()
        await settle(pilot)
        assert rows(app) == [second] and first not in rows(app)
        assert app.focused is screen.query_one("#queue", DataTable)
        assert "申请人：刘洋" in screen_text(app)
        await pilot.press("enter")  # on the list: no question about the photo
        await settle(pilot)
        assert app.screen is screen
