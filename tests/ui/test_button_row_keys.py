"""Pilot: Left and Right move along a row of buttons (登录/注册, 上一步/下一步, a dialog's answers), as
they do in the 业务中心 menu; before, only Tab moved and the arrows did nothing. The arrows keep
their own work in an input, a table, a choice and the menu grid."""
from __future__ import annotations

from kiosk.ui.dialogs.choose import ChooseDialog
from kiosk.ui.dialogs.confirm import ConfirmDialog
from tests.ui.conftest import set_input, settle, sign_in


def focused_id(app) -> str | None:
    return app.focused.id if app.focused is not None else None


async def test_start_screen_and_a_wizard_step(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        assert focused_id(kiosk_app) == "sign-in"
        await pilot.press("right")
        assert focused_id(kiosk_app) == "register"
        await pilot.press("right")  # the row's end: the focus stays
        assert focused_id(kiosk_app) == "register"
        await pilot.press("left")
        assert focused_id(kiosk_app) == "sign-in"
        await pilot.press("right", "enter")
        await settle(pilot)
        # 注册, step 填写信息: 返回 | 下一步
        kiosk_app.screen.query_one("#back").focus()
        await pilot.press("right")
        assert focused_id(kiosk_app) == "to-face"
        await pilot.press("left")
        assert focused_id(kiosk_app) == "back"
        # in a field the arrows still move the cursor
        set_input(kiosk_app, "name", "张三")
        name = kiosk_app.screen.query_one("#input-name")
        name.focus()
        await pilot.pause()
        await pilot.press("left")
        assert kiosk_app.focused is name and name.cursor_position == 1


async def test_dialogs(kiosk_app, env):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        answers: list[object] = []
        kiosk_app.push_screen(ConfirmDialog("确定吗？", "确认取消"), callback=answers.append)
        await settle(pilot)
        assert focused_id(kiosk_app) == "no"  # the safe answer
        await pilot.press("left")
        assert focused_id(kiosk_app) == "yes"
        await pilot.press("left")
        assert focused_id(kiosk_app) == "yes"
        await pilot.press("right")
        assert focused_id(kiosk_app) == "no"
        await pilot.press("enter")
        await settle(pilot)
        assert answers == [False]
        kiosk_app.push_screen(ChooseDialog("怎么办？", ("甲", "乙")), callback=answers.append)
        await settle(pilot)
        kiosk_app.screen.query_one("#answer-1").disabled = True  # a button that cannot be pressed is passed over
        await pilot.press("left")
        assert focused_id(kiosk_app) == "answer-0"
        await pilot.press("right")
        assert focused_id(kiosk_app) == "no"
        await pilot.press("left", "enter")
        await settle(pilot)
        assert answers == [False, "甲"]


async def test_the_menu_grid_keeps_its_arrows(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        first = kiosk_app.focused
        await pilot.press("right")
        second = kiosk_app.focused
        assert second is not first and second.parent is first.parent
        await pilot.press("left")
        assert kiosk_app.focused is first
