"""Pilot: 新车选号 and 在用车选号 from the 业务中心 (机动车业务) to 办理结果 and 网办进度, the number
shown; nothing chosen, a wrong format and a number taken told next to their fields; the random set
laid out in columns; a second selection refused before the form."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models_newcars import PlateSelection
from kiosk.ui.menu import ENTRIES
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.records import InboxScreen, ProgressScreen
from tests.ui.conftest import (choose_option, field_error, press_in_view, screen_error, screen_text, set_input, settle, sign_in)


def _choice_error(app, field: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#error-{field}").render())


def _shown(app, field: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(app.screen.query_one(f"#box-{field}, #field-{field}").display)


def test_the_two_entries_stand_in_the_seed_order_before_the_temporary_plate() -> None:
    keys = [e.key for e in ENTRIES if e.group == "机动车业务"]
    assert keys.index("plate_new") + 1 == keys.index("plate_used") < keys.index("temp_plate")


async def test_a_new_car_chooses_from_the_random_set_after_the_bad_tries(kiosk_app, env, people):
    p = people["points_study"]  # 宋佳: a new 大众牌 朗逸
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert str(kiosk_app.screen.query_one("#menu-plate_new").label) == "新车选号"
        await press_in_view(pilot, "menu-plate_new")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        assert "大众牌 朗逸（小型汽车，车辆识别代号后6位184356）：可以选号" in screen_text(kiosk_app)
        assert not _shown(kiosk_app, "pick_0") and not _shown(kiosk_app, "own_0")
        await press_in_view(pilot, "next")  # nothing chosen
        assert _choice_error(kiosk_app, "way") == "请选择选号方式：随机选号或自编自选"
        await choose_option(pilot, "way", "自编自选")
        assert _shown(kiosk_app, "own_0") and not _shown(kiosk_app, "pick_0")
        set_input(kiosk_app, "own_0", "8KAB6")  # three letters
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "own_0") == "自编号码最多使用2个字母（现有3个）"
        set_input(kiosk_app, "own_0", "12345")  # 刘洋's 渝A12345
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "own_0") == "号牌号码渝A12345已被使用或已被他人选用，请另选"
        await choose_option(pilot, "way", "随机选号")
        await press_in_view(pilot, "next")
        assert _choice_error(kiosk_app, "pick_0") == "请从随机产生的号码中选择一个号牌号码"
        grid = kiosk_app.screen.query_one("#choice-pick_0")
        buttons = list(grid.query("RadioButton"))
        assert len(buttons) == 50 and len({b.region.y for b in buttons}) == 10  # 5 columns, 10 rows
        number = buttons[12].name
        await choose_option(pilot, "pick_0", number)
        await press_in_view(pilot, "next")
        assert f"号牌号码：{number}" in screen_text(kiosk_app) and "选号方式：随机选号" in screen_text(kiosk_app)
        await press_in_view(pilot, "submit")
        text = screen_text(kiosk_app)
        assert "已办结" in text and f"已选定号牌号码{number}（随机选号）" in text
        with env.db.read() as s:
            assert s.scalars(select(PlateSelection.number)).one() == number
        await press_in_view(pilot, "to-progress")
        assert isinstance(kiosk_app.screen, ProgressScreen)
        assert "新车选号" in screen_text(kiosk_app) and number in screen_text(kiosk_app)
        kiosk_app.pop_screen()
        await settle(pilot)
        await press_in_view(pilot, "menu-plate_new")  # a car chooses once
        error = screen_error(kiosk_app).replace("\n", "")
        assert f"已选定号牌号码{number}，每辆车只能选号一次" in error
        assert not kiosk_app.screen.query_one("#next").display


async def test_a_car_in_use_keeps_its_number_or_is_told_why_not_at_80x24(kiosk_app, env, people):
    """周杰: 渝A8D2Q7 has no 过户 on record (said, not offered); 渝AD12345's 过户 is 2024-11-01, more than
    2 years ago, so it may not keep its number; the 业务类型 and the day are the record's, not typed."""
    from datetime import date

    from tests.integration.test_plate_used import transfer_in
    p = people["two_cars"]
    transfer_in(env, "渝AD12345", date(2024, 11, 1))
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-plate_used")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        assert "该车没有过户或转入记录" in kiosk_app.screen.prepared.intro
        assert not kiosk_app.screen.query("#field-moved_on") and not kiosk_app.screen.query("#box-business")
        await press_in_view(pilot, "next")
        assert _choice_error(kiosk_app, "way") == "请选择选号方式：保留原号牌、随机选号或自编自选"
        await choose_option(pilot, "way", "保留原号牌")
        await press_in_view(pilot, "next")
        assert _choice_error(kiosk_app, "way").startswith("保留原号牌须自过户（转入）之日起2年内申请（最迟2026-11-01当天）")
        await choose_option(pilot, "way", "自编自选")
        set_input(kiosk_app, "own_1", "DB8O88")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "own_1") == "号牌号码不使用字母I和O（易与数字1和0混淆）"
        set_input(kiosk_app, "own_1", "DB8888")
        await press_in_view(pilot, "next")
        assert "号牌号码：渝ADB8888" in screen_text(kiosk_app)
        await press_in_view(pilot, "submit")
        assert "已选定新号牌号码渝ADB8888" in screen_text(kiosk_app).replace("\n", "")
        kiosk_app.pop_screen()
        await settle(pilot)
        kiosk_app.push_screen(InboxScreen())
        await settle(pilot)
        assert "在用车选号" in screen_text(kiosk_app)


async def test_up_and_down_in_the_random_set_move_by_rows_left_and_right_along_one(kiosk_app, env, people):
    """The 50 numbers stand 5 to a row: Down chose the next one to the right (the helper who built it
    left that), now the one below; Left and Right still go one by one."""
    p = people["points_study"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-plate_new")
        await choose_option(pilot, "way", "随机选号")
        grid = kiosk_app.screen.query_one("#choice-pick_0")
        buttons = list(grid.query("RadioButton"))
        grid.focus()
        await settle(pilot)

        async def chosen_after(key: str) -> int:
            await pilot.press(key)
            await settle(pilot)
            return next(i for i, b in enumerate(buttons) if b.value)

        assert await chosen_after("down") == 0  # nothing chosen yet: the first
        assert await chosen_after("down") == 5
        assert await chosen_after("right") == 6
        assert await chosen_after("up") == 1
        assert await chosen_after("up") == 1  # the top row: stays
        assert await chosen_after("left") == 0
        for _ in range(10):
            await pilot.press("down")
        await settle(pilot)
        assert await chosen_after("down") == 45  # the last row: stays


async def test_the_car_option_is_whole_at_80x24(kiosk_app, env, people):
    """Tester (周杰, 80x24): the 车辆 option was cut mid-date (…过户日期2025-10-…)."""
    p = people["two_cars"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-plate_used")
        option = kiosk_app.screen.query_one("#choice-plate").query("RadioButton").first()
        option.scroll_visible(animate=False, immediate=True)
        await settle(pilot)
        row = screen_text(kiosk_app).splitlines()[option.region.y]
        assert "渝AD12345 比亚迪牌（小型新能源汽车，过户日期2025-10-27）" in row and "…" not in row
