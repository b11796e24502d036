"""Pilot: 为群众办理 says what 取消 and 办结 did in a line of its own under the page, not in a
notification over the page's bottom right, which hid the 网办进度 rows the action had just changed
(「2026▌ 考试预约已取消...」). The line names the booking as its SMS does: 已取消...的科目二优先考试预约
（业务流水号...）, not 考试预约已取消."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import look_up, press, priority_booked

SIZES = [(120, 40), (80, 24)]


def message(app) -> str:  # type: ignore[no-untyped-def]
    """The line under 为群众办理 (also while a dialog is over it); "" when it is not shown."""
    screen = next(s for s in app.screen_stack if isinstance(s, CitizenScreen))
    found = screen.query("#citizen-message")
    return str(found.first().render()) if found and found.first().display else ""


def assert_rows_whole(app) -> None:  # type: ignore[no-untyped-def]
    """Every 网办进度 row on screen reads whole, 更新时间 included: nothing is drawn over it."""
    table = app.screen.query_one("#apps", DataTable)
    text = screen_text(app)
    shown = [row for row in table.rows if row.value in text]
    assert shown, text  # the rows acted on are in view
    for key in shown:
        cells = [str(c) for c in table.get_row(key)]
        assert any(all(c in line for c in cells) for line in text.splitlines()), (cells, text)


@pytest.mark.parametrize("size", SIZES)
async def test_a_cancellation_is_said_under_the_page(env, people, size):
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=size, notifications=True) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        set_input(app, "cancel_reason", "考生本人因病申请取消")
        await press(pilot, "cancel-booking")
        await press(pilot, "yes")
        app.screen.query_one("#apps", DataTable).scroll_visible(animate=False)
        await settle(pilot)
        assert_rows_whole(app)
        assert not app.screen.query("Toast")
        said = message(app)
        assert said.startswith(f"已取消{p.name}的科目二优先考试预约（业务流水号"), said
        assert "）。申请人于" in said
        line = app.screen.query_one("#citizen-message", Static)
        assert line.region.bottom == size[1] and line.region.height > 0  # on screen, at its bottom
        assert "已取消" in screen_text(app)
        set_input(app, "id_number", people["driver_normal"].id_number)  # the next citizen: the line goes
        await settle(pilot)
        assert message(app) == ""


@pytest.mark.parametrize("size", SIZES)
async def test_a_finished_application_is_said_under_the_page(env, people, document_service, size):
    p = people["driver_normal"]
    acc = account_id(env, p)
    serials = [apply_for(env, document_service, acc, "邮寄") for _ in range(3)]
    app = counter_app(env)
    async with app.run_test(size=size, notifications=True) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps", DataTable)
        table.move_cursor(row=table.get_row_index(serials[0]))
        await press(pilot, "finish-app")
        await press(pilot, "answer-0")  # 已邮寄
        table.scroll_visible(animate=False)  # as in the cancellation's test: the focus may have moved on
        await settle(pilot)  # to the next one waiting, below (CI at 80x24, a loaded machine)
        assert_rows_whole(app)
        assert not app.screen.query("Toast")
        assert message(app).startswith(f"业务流水号{serials[0]}已办结，已以短信和消息通知申请人。")
        table.move_cursor(row=table.get_row_index(serials[1]))
        await press(pilot, "finish-app")  # another action: the line of the last one goes
        assert message(app) == ""
        await press(pilot, "no")  # 暂不办理
        assert message(app) == f"未办结，业务流水号{serials[1]}仍为受理中"


async def test_a_registration_and_a_phone_reset_are_said_under_the_page(env, people):
    p = people["new_user"]
    app = counter_app(env)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "面签注册")
        await press(pilot, "register")
        set_input(app, "name", p.name)
        set_input(app, "phone", "13800001111")
        await press(pilot, "submit")
        assert isinstance(app.screen, CitizenScreen) and "12123账户：已注册" in screen_text(app)
        assert message(app) == f"{p.name} 注册成功，已发送注册成功通知"  # kept while the new file is shown
        await press(pilot, "reset-phone")
        set_input(app, "new_phone", "13800009999")
        await press(pilot, "submit")
        assert "13800009999" in str(app.screen.query_one("#question").render())  # asked first, the number read back
        await press(pilot, "yes")
        assert message(app) == "绑定手机号已重置，已向新手机号发送通知短信"
        assert not app.screen.query("Toast")


async def test_the_line_under_the_page_leaves_the_row_under_the_cursor_in_view(env, people, document_service):
    """80x24 (tester): right after a look-up the application's row is the page's last line; 暂不办理
    said 未办结... in the line under the page, which took that row's place, the focus on a row
    the clerk could no longer see. The row is brought back into view."""
    p = people["driver_normal"]
    serial = apply_for(env, document_service, account_id(env, p), "邮寄")
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps", DataTable)
        assert app.focused is table and serial in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")  # 暂不办理, as the tester did
        await settle(pilot)
        assert message(app) == f"未办结，业务流水号{serial}仍为受理中"
        assert serial in screen_text(app).replace(f"业务流水号{serial}仍为", "")  # the row, not only the line
