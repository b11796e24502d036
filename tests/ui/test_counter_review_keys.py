"""Pilot: 审核队列 with the keyboard only (tester, at 120x40 and 80x24). Tab goes list, 审核通过,
不通过原因, 审核不通过, 刷新, 返回: a reason chosen after 审核不通过 asked for one (请选择不通过的原因),
Tab went to 审核通过, the opposite of the decision being made. In the emptied queue 审核通过, 审核不通过
and 不通过原因 are disabled, the focus on 刷新 (it stayed on 审核不通过, 审核通过 drawn green, Enter
doing nothing visible); a photo coming in enables them and takes the focus to the list."""
from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, Select

from kiosk.services.elicence_review import REJECT_REASONS
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import open_review, queued_photo
from tests.ui.test_counter_review_live import EMPTY, send_photo

SIZES = [(120, 40), (80, 24)]


async def keys(pilot, *pressed: str) -> None:  # type: ignore[no-untyped-def]
    for key in pressed:
        await pilot.press(key)
        await settle(pilot)


def focused_id(app) -> str | None:  # type: ignore[no-untyped-def]
    focused = app.focused
    while focused is not None and focused.id is None:  # the open list of 不通过原因 is its Select's
        focused = focused.parent
    return focused.id if focused is not None else None


@pytest.mark.parametrize("size", SIZES)
async def test_tab_from_a_reason_asked_for_goes_to_reject(env, people, size):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        assert app.focused is app.screen.query_one("#queue", DataTable)
        await keys(pilot, "enter", "right")
        assert focused_id(app) == "reject"
        await keys(pilot, "enter")
        assert "请选择不通过的原因" in screen_error(app)
        assert focused_id(app) == "reason"
        await keys(pilot, "enter", "down", "down", "enter")
        assert app.screen.query_one("#reason", Select).value == REJECT_REASONS[1] == "照片过度美颜或经过技术处理"
        await keys(pilot, "tab")
        assert focused_id(app) == "reject"
        await keys(pilot, "enter")
        assert isinstance(app.screen, ConfirmDialog)
        assert "照片过度美颜或经过技术处理" in str(app.screen.query_one("#question").render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_tab_order_puts_the_reason_before_reject(env, people, size):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        order = []
        for _ in range(6):
            await keys(pilot, "tab")
            order.append(focused_id(app))
        assert order == ["approve", "reason", "reject", "reload", "back", "queue"]
        await keys(pilot, "shift+tab", "shift+tab", "shift+tab")
        assert focused_id(app) == "reject"
        await keys(pilot, "shift+tab")
        assert focused_id(app) == "reason"


@pytest.mark.parametrize("size", SIZES)
async def test_the_emptied_queue_disables_the_decision_until_a_photo_comes(env, people, size):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, app)
        screen = app.screen
        await keys(pilot, "enter", "right", "enter", "enter", "down", "down", "enter", "tab", "enter")
        assert isinstance(app.screen, ConfirmDialog)
        await keys(pilot, "left", "enter")  # 确认退回
        assert app.screen is screen and EMPTY in screen_text(app)
        decision = [screen.query_one(f"#{w}") for w in ("approve", "reject", "reason")]
        assert all(w.disabled for w in decision)
        assert app.focused is screen.query_one("#reload", Button)
        await keys(pilot, "tab")
        assert focused_id(app) == "back"
        await keys(pilot, "tab", "tab")
        assert focused_id(app) in ("reload", "back")  # never a decision (nor the hidden list) with nothing to decide
        send_photo(env, people["driver_normal"])
        screen._live()  # the live read, as every LIVE_SECONDS
        await settle(pilot)
        assert not any(w.disabled for w in decision)
        assert app.focused is screen.query_one("#queue", DataTable)
        assert "申请人：刘洋" in screen_text(app)


async def test_an_empty_queue_opens_on_reload_with_the_decision_disabled(env, people):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot, app)
        await settle(pilot)
        screen = app.screen
        assert EMPTY in screen_text(app)
        assert all(screen.query_one(f"#{w}").disabled for w in ("approve", "reject", "reason"))
        assert app.focused is screen.query_one("#reload", Button)
