"""Pilot: 备案非本人机动车's 号牌号码 filled at a kiosk keyboard with no Chinese input method (tester:
渝 could not be typed, so no plate could be): the province is chosen from a list that opens on the
kiosk's own (渝), the rest is typed, upper case; keys and taps both; a plate typed whole still counts.
On the open list a letter goes to the next abbreviation of that pinyin initial (粤 was 22 Downs from 渝).
Enter on the closed list moves on to the box, as in every other field (it opened the list: tester);
Space opens it, and a line under the field says the keys (the letters were not explained: tester)."""
from __future__ import annotations

from textual.widgets import Input, Static
from textual.widgets._select import SelectCurrent, SelectOverlay

from kiosk.domain.plates import PROVINCES
from kiosk.ui.widgets.plate_field import PlateField, ProvinceList
from tests.ui.conftest import (choose_option, click_in_view, field_error, press_in_view, screen_text, set_input, settle,
                               sign_in)


def _plate(app) -> PlateField:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#field-plate", PlateField)


async def _keys(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_keyboard_only_province_listed_rest_typed(kiosk_app, env, people):
    p = people["driver_normal"]  # 刘洋 records 赵磊's 渝B5K821
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        field = _plate(kiosk_app)
        provinces = field.query_one(ProvinceList)
        assert field.province == "渝" and field.value == ""  # the kiosk's own province, from its offices
        await choose_option(pilot, "plate_kind", "小型汽车")
        await _keys(pilot, "enter")  # on from the kind: to the province list
        assert kiosk_app.screen.focused is provinces
        await _keys(pilot, "b", "5", "k", "8", "2", "1")  # typed on the list: into the box, upper case
        box = kiosk_app.screen.query_one("#input-plate", Input)
        assert kiosk_app.screen.focused is box and box.value == "B5K821" and field.value == "渝B5K821"
        await _keys(pilot, "shift+tab")
        assert kiosk_app.screen.focused is provinces
        await _keys(pilot, "enter")  # on to the box with 渝, as Enter in any other field moves on
        assert not provinces.expanded and kiosk_app.screen.focused is box and field.province == "渝"
        await _keys(pilot, "shift+tab", "space")  # opens the list on 渝
        assert provinces.expanded
        await _keys(pilot, "down", "enter")  # the next one, chosen: the focus goes on to the box
        assert not provinces.expanded and field.province == PROVINCES[PROVINCES.index("渝") + 1]
        assert kiosk_app.screen.focused is box and field.value == f"{field.province}B5K821"
        await _keys(pilot, "tab")  # on to 验证方式
        assert kiosk_app.screen.focused is kiosk_app.screen.query_one("#choice-proof")
        await _keys(pilot, "shift+tab", "shift+tab")
        assert kiosk_app.screen.focused is provinces
        set_input(kiosk_app, "plate", "渝b5k821")  # typed whole where an input method exists, or pasted
        await settle(pilot)
        assert field.province == "渝" and box.value == "B5K821" and field.value == "渝B5K821"
        set_input(kiosk_app, "vin6", "582157")
        await press_in_view(pilot, "next")
        assert "号牌号码：渝B5K821" in screen_text(kiosk_app)


async def test_tapped_at_80x24_cross_border_plate_without_its_suffix(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        await choose_option(pilot, "plate_kind", "香港入出境车")
        field = _plate(kiosk_app)
        set_input(kiosk_app, "plate", "za123")  # 渝 still chosen
        set_input(kiosk_app, "vin6", "582157")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "plate") == "香港入出境车号牌以粤Z开头，请选择省份简称粤"
        provinces = field.query_one(ProvinceList)
        await click_in_view(pilot, provinces)  # a tap opens the list
        assert provinces.expanded
        overlay = provinces.query_one(SelectOverlay)
        index = PROVINCES.index("粤")
        overlay.scroll_to(y=index, animate=False, immediate=True)
        await settle(pilot)
        row = overlay.content_region.y + index - round(overlay.scroll_offset.y)
        await pilot.click(offset=(overlay.content_region.x + 1, row))  # a tap on 粤
        await settle(pilot)
        assert not provinces.expanded and field.province == "粤" and field.value == "粤ZA123"
        assert field_error(kiosk_app, "plate") == ""  # said of the plate as it was
        assert kiosk_app.screen.focused is kiosk_app.screen.query_one("#input-plate", Input)
        await press_in_view(pilot, "next")
        assert "号牌号码：粤ZA123港" in screen_text(kiosk_app)  # 港 from the kind: no input method types it


async def test_a_letter_on_the_open_list_goes_to_the_next_province_of_that_initial(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await press_in_view(pilot, "menu-other_vehicle")
        field = _plate(kiosk_app)
        provinces = field.query_one(ProvinceList)
        overlay = provinces.query_one(SelectOverlay)
        provinces.focus()
        said = " ".join(str(line.render()) for line in field.query(".hint").results(Static))  # under the field
        assert "按空格键打开列表" in said and "按Y" in said and "按拼音首字母跳转" in screen_text(kiosk_app)
        await _keys(pilot, "space")  # opens on 渝
        assert provinces.expanded and overlay.highlighted == PROVINCES.index("渝")

        def on() -> str:
            return PROVINCES[overlay.highlighted] if overlay.highlighted is not None else ""

        seen = []
        for _ in range(4):
            await _keys(pilot, "y")
            seen.append(on())
        assert seen == ["豫", "云", "粤", "渝"]  # the list's order after 渝, round again
        await _keys(pilot, "J")
        assert on() == "冀" and provinces.expanded  # either case; the list stays open
        await _keys(pilot, "a", "5")  # no abbreviation's initial, a digit: the bar stays
        assert on() == "冀" and provinces.expanded and field.input.value == ""
        await _keys(pilot, "y", "y", "enter")  # from 冀: 豫, 云
        assert not provinces.expanded and field.province == "云"
        box = kiosk_app.screen.query_one("#input-plate", Input)
        assert kiosk_app.screen.focused is box
        await _keys(pilot, "shift+tab", "down", "y")  # opens on 云: y goes to 粤
        assert on() == "粤" and "粤 Y" in screen_text(kiosk_app)  # each option shows its letter
        await _keys(pilot, "enter")
        assert field.province == "粤" and "粤 Y" not in screen_text(kiosk_app)
        shown = provinces.query_one(SelectCurrent).query_one("#label", Static)
        assert str(shown.render()) == "粤"  # the closed list: the abbreviation alone
        await _keys(pilot, "z", "a", "1", "2", "3")  # the list closed: typed into the box
        assert box.value == "ZA123" and field.value == "粤ZA123"


async def test_enter_on_the_list_with_none_chosen_opens_it():
    """No abbreviation chosen (a kiosk whose offices name no province): Enter has nothing to move on
    with, so it opens the list, as Space does; with one chosen it moves on to the box."""
    from textual.app import App

    class Form(App):
        def compose(self):  # type: ignore[no-untyped-def]
            yield PlateField("plate", "号牌号码", province="")

    app = Form()
    async with app.run_test(size=(100, 30)) as pilot:
        field = app.query_one(PlateField)
        provinces = field.query_one(ProvinceList)
        provinces.focus()
        await _keys(pilot, "enter")
        assert provinces.expanded and field.province == ""
        await _keys(pilot, "down", "enter")  # the first abbreviation, chosen: on to the box
        assert not provinces.expanded and field.province == PROVINCES[0] and app.focused is field.input
        await _keys(pilot, "shift+tab", "enter")  # closed, one chosen: on to the box, the list shut
        assert not provinces.expanded and app.focused is field.input
