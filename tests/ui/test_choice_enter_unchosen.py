"""Pilot: Enter on a list of choices where nothing is chosen chooses nothing.

Tester's finding: in 补换领机动车号牌 (周杰) five Enters from 号牌号码 reached 确认并提交 with
补换领的号牌：前后号牌 and 申请原因：遗失 that nobody picked; in 驾驶证补换领 the same keys picked
补领（驾驶证遗失）, which voids the old licence. Now the list keeps the focus and the line under it
says what to choose and how (请选择补换领的号牌：请按上下方向键或点击选项进行选择; it
said 尚未选择：..., not what was missing); the arrow keys still choose, and Enter on a list with a choice moves on."""
from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher, RadioSet

from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.widgets.choice import nothing_chosen
from tests.ui.conftest import screen_text, settle
from tests.ui.test_vehicle_documents import _open

PLATES_NOT_CHOSEN = "请选择补换领的号牌：请按上下方向键或点击选项进行选择"
KIND_NOT_CHOSEN = "请选择业务类型：请按上下方向键或点击选项进行选择"


def chosen(app, name: str) -> str:  # type: ignore[no-untyped-def]
    pressed = app.screen.query_one(f"#choice-{name}", RadioSet).pressed_button
    return (pressed.name or "") if pressed else ""


def focused_id(app) -> str:  # type: ignore[no-untyped-def]
    return app.focused.id if app.focused is not None else ""


def note(app, name: str) -> str:  # type: ignore[no-untyped-def]
    line = app.screen.query_one(f"#error-{name}")
    return str(line.render()) if line.display else ""


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_enter_five_times_in_plate_reissue_picks_neither_plates_nor_reason(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["two_cars"], "plate_reissue")
        screen = kiosk_app.screen
        assert focused_id(kiosk_app) == "choice-plate" and chosen(kiosk_app, "plate") != ""
        await press(pilot, "enter")  # the plate is chosen (the form opens on one): on to 补换领的号牌
        assert focused_id(kiosk_app) == "choice-plates" and chosen(kiosk_app, "plates") == ""
        await press(pilot, "enter", "enter", "enter", "enter")
        assert chosen(kiosk_app, "plates") == "" and chosen(kiosk_app, "reason") == ""
        assert focused_id(kiosk_app) == "choice-plates"  # stays on the list with nothing chosen
        assert note(kiosk_app, "plates") == PLATES_NOT_CHOSEN  # names the list (it said 尚未选择)
        assert PLATES_NOT_CHOSEN in screen_text(kiosk_app)
        assert screen.query_one(ContentSwitcher).current == "step-form"
        assert "前后号牌" not in screen.query_one("#summary").render().plain  # type: ignore[union-attr]
        await press(pilot, "down")  # the arrow keys still choose the option moved to
        assert chosen(kiosk_app, "plates") != "" and note(kiosk_app, "plates") == ""  # the note goes
        await press(pilot, "enter")  # with a choice, Enter moves on
        assert focused_id(kiosk_app) == "choice-reason" and chosen(kiosk_app, "reason") == ""
        await press(pilot, "enter")
        assert chosen(kiosk_app, "reason") == "" and note(kiosk_app, "reason") == "请选择申请原因：请按上下方向键或点击选项进行选择"
        assert focused_id(kiosk_app) == "choice-reason"


async def test_enter_in_licence_replace_does_not_pick_the_reissue_that_voids_the_licence(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_replace")
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        assert focused_id(kiosk_app) == "choice-kind" and chosen(kiosk_app, "kind") == ""
        await press(pilot, "enter", "enter", "enter", "enter", "enter")
        assert chosen(kiosk_app, "kind") == "" and focused_id(kiosk_app) == "choice-kind"
        assert note(kiosk_app, "kind") == KIND_NOT_CHOSEN
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-form"
        await press(pilot, "down")  # nothing chosen: the first arrow key chooses the first option
        options = kiosk_app.screen.query_one("#choice-kind", RadioSet).query("RadioButton")
        assert chosen(kiosk_app, "kind") == options.first().name and note(kiosk_app, "kind") == ""
        await press(pilot, "down")  # then the arrows move and choose
        assert chosen(kiosk_app, "kind") == options[1].name


async def test_a_click_chooses_and_clears_the_note(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_replace")
        await press(pilot, "enter")
        assert note(kiosk_app, "kind") == KIND_NOT_CHOSEN
        button = kiosk_app.screen.query_one("#choice-kind", RadioSet).query("RadioButton").last()
        await pilot.click(button)
        await settle(pilot)
        assert chosen(kiosk_app, "kind") == button.name and note(kiosk_app, "kind") == ""


@pytest.mark.parametrize(("label", "said"), [
    ("预约科目", "请选择预约科目"), ("申请原因", "请选择申请原因"),
    ("请选择学习方式", "请选择学习方式"),  # no 请选择请选择
    ("号牌号码（系统随机产生20个，请选择一个）", "请选择号牌号码"),  # the note in brackets left out
    ("广州市的教育场次（选择一天）", "请选择广州市的教育场次"),
    ("领取网点（新驾驶证制作地重庆市的车管所）", "请选择领取网点"),
    ("转入地（省）", "请选择转入地（省）"),  # a short qualifier is part of the name
    ("", "尚未选择")])
def test_the_line_names_the_list_by_its_label(label, said):
    assert nothing_chosen(label) == f"{said}：请按上下方向键或点击选项进行选择"
