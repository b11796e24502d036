"""Pilot: 审核队列 asks before it decides (ConfirmDialog, on its safe answer), naming the citizen
(masked) and the business; a line then says what was done. At 80x24 the list's columns fit and a
reason left out is shown, then cleared, by the reason list, which gets the focus."""
from __future__ import annotations

from textual.widgets import Button, DataTable, Select

from kiosk.services import applications, elicence
from kiosk.services.elicence_review import REJECT_REASONS
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_counter import counter_app
from tests.ui.counter_helpers import SIZE, open_review, press, queued_photo
from tests.ui.test_counter_review_live import send_photo

NARROW = (80, 24)


def question(app) -> str:  # type: ignore[no-untyped-def]
    assert isinstance(app.screen, ConfirmDialog), f"no question asked: {app.screen!r}"
    return str(app.screen.query_one("#question").render())


def done_line(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#review-done").render())


async def answer(pilot, button_id: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.click(f"#{button_id}")
    await settle(pilot)


async def test_approve_asks_first_and_then_says_what_was_done(env, people):
    aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        await press(pilot, "approve")
        asked = question(app)
        assert "吴霞" in asked and "5001**********1124" in asked and serial in asked
        assert "不通过原因" not in asked
        assert app.focused is app.screen.query_one("#no")  # the safe answer
        await answer(pilot, "no")
        assert applications.list_for(env, aid)[0].status != elicence.DONE  # nothing decided
        assert serial in screen_text(app) and done_line(app) == ""
        await press(pilot, "approve")
        await answer(pilot, "yes")
        assert applications.list_for(env, aid)[0].status == elicence.DONE
        line = done_line(app)
        assert line.startswith("已审核通过：") and serial in line and "吴霞" in line and "5001**********1124" in line
        assert "暂无待审核" in screen_text(app) and line in screen_text(app)


async def test_approve_with_a_reason_chosen_says_so_in_the_question(env, people):
    aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        app.screen.query_one("#reason", Select).value = REJECT_REASONS[0]
        await settle(pilot)
        await press(pilot, "approve")
        assert f"已选择不通过原因「{REJECT_REASONS[0]}」，确定审核通过吗？" in question(app)
        await answer(pilot, "no")
        assert applications.list_for(env, aid)[0].status != elicence.DONE


async def test_reject_asks_first_and_then_says_what_was_done(env, people):
    aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        app.screen.query_one("#reason", Select).value = REJECT_REASONS[2]
        await settle(pilot)
        await press(pilot, "reject")
        asked = question(app)
        assert "吴霞" in asked and "5001**********1124" in asked and serial in asked and REJECT_REASONS[2] in asked
        assert app.focused is app.screen.query_one("#no")
        await pilot.press("escape")  # as 暂不办理
        await settle(pilot)
        assert applications.list_for(env, aid)[0].status == elicence.PENDING
        assert serial in screen_text(app)
        await press(pilot, "reject")
        await answer(pilot, "yes")
        assert applications.list_for(env, aid)[0].status == elicence.REJECTED
        line = done_line(app)
        assert line.startswith("已退回：") and serial in line and "吴霞" in line and f"原因：{REJECT_REASONS[2]}" in line


def assert_columns_whole(app) -> None:  # type: ignore[no-untyped-def]
    """Every column of the queue is drawn whole: none runs past the table's right edge."""
    table = app.screen.query_one("#queue", DataTable)
    assert table.virtual_size.width <= table.size.width, [c.label.plain for c in table.ordered_columns]
    header = next(line for line in screen_text(app).splitlines() if "提交时间" in line and "申请人" in line)
    for column in table.ordered_columns:
        assert column.label.plain in header


async def test_narrow_queue_columns_fit_before_and_after_the_last_item(env, people):
    _aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=NARROW) as pilot:
        await open_review(pilot, app)
        assert_columns_whole(app)
        await press(pilot, "approve")
        await answer(pilot, "yes")
        assert "暂无待审核" in screen_text(app)
        assert not app.screen.query_one("#queue", DataTable).display  # no headers over no rows
        send_photo(env, people["driver_normal"])
        app.screen._live()  # the next photo, read in by the live read
        await settle(pilot)
        assert_columns_whole(app)


async def test_narrow_reason_missing_focuses_the_list_and_goes_once_chosen(env, people):
    queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=NARROW) as pilot:
        await open_review(pilot, app)
        reject = app.screen.query_one("#reject", Button)
        reject.focus()
        await pilot.press("enter")  # as the clerk does, with the keyboard
        await settle(pilot)
        assert "请选择不通过的原因" in screen_error(app)
        reason = app.screen.query_one("#reason", Select)
        assert app.focused is reason
        assert "请选择不通过的原因" in screen_text(app)  # in view, not below the screen
        reason.value = REJECT_REASONS[1]
        await settle(pilot)
        assert screen_error(app).strip() == ""
