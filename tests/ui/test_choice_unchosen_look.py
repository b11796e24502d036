"""Pilot: a choice list with nothing chosen draws no option as if chosen, and its arrow keys stop at
its ends.

Tester's finding (周杰, 补换领机动车号牌, 80x24): on 补换领的号牌, with nothing chosen, 前后号牌 was drawn
on the cursor band, so an elderly citizen read it as chosen; Enter then chose nothing and the line
under the list said 尚未选择. Now no option is on the band until one is chosen; the list shows its
focus by its frame; the first Down (or Up), or Space, chooses the first option. Up on the first option chose
the last one (Textual's RadioSet wraps round); now it stays, as Down on the last one does."""
from __future__ import annotations

from textual.app import App
from textual.widgets import RadioSet

from kiosk.ui.widgets.choice import Choice, Choices
from tests.ui.conftest import screen_text, settle
from tests.ui.test_choice_enter_unchosen import PLATES_NOT_CHOSEN, chosen, focused_id, note, press
from tests.ui.test_unfocused_lists import option_backgrounds
from tests.ui.test_vehicle_documents import _open


class _List(App):
    def __init__(self, chosen: int | None = None) -> None:
        super().__init__()
        self.chosen = chosen

    def compose(self):  # type: ignore[no-untyped-def]
        yield Choices(*(Choice(f"option {i}", value=i == self.chosen, name=str(i)) for i in range(4)), id="list")


def _pressed(app: App) -> str | None:
    button = app.query_one("#list", RadioSet).pressed_button
    return button.name if button is not None else None


async def _focused_list(pilot) -> RadioSet:  # type: ignore[no-untyped-def]
    radio = pilot.app.query_one("#list", RadioSet)
    radio.focus()
    await pilot.pause()
    return radio


async def test_nothing_chosen_no_option_is_on_the_band_and_the_first_key_chooses_the_first():
    for key in ("down", "up"):
        async with _List().run_test() as pilot:
            radio = await _focused_list(pilot)
            rows = option_backgrounds(pilot.app, radio)
            assert len(rows) == 4 and all(row == rows[0] for row in rows), rows  # none looks chosen
            assert not radio.query(".-selected")
            await pilot.press(key)
            await pilot.pause()
            assert _pressed(pilot.app) == "0", key
            rows = option_backgrounds(pilot.app, radio)
            assert rows[0] != rows[1] and rows[1] == rows[2]  # the chosen one shows now


async def test_up_on_the_first_option_and_down_on_the_last_stay_there():
    async with _List(chosen=0).run_test() as pilot:
        await _focused_list(pilot)
        await pilot.press("up")
        await pilot.pause()
        assert _pressed(pilot.app) == "0"  # Textual's RadioSet went round to "3"
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert _pressed(pilot.app) == "3"
        await pilot.press("down")
        await pilot.pause()
        assert _pressed(pilot.app) == "3"
        await pilot.press("left")
        await pilot.pause()
        assert _pressed(pilot.app) == "2"


async def test_space_with_nothing_chosen_chooses_the_first_option_as_the_first_arrow_does(kiosk_app, env, people):
    """Space on a list with nothing chosen chooses its first option (it said how to choose and chose
    nothing); Enter there still chooses nothing and says how (Enter, Enter ... made choices nobody looked at)."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["two_cars"], "plate_reissue")
        await press(pilot, "enter")
        assert focused_id(kiosk_app) == "choice-plates"
        await press(pilot, "enter")
        assert chosen(kiosk_app, "plates") == "" and note(kiosk_app, "plates") == PLATES_NOT_CHOSEN
        await press(pilot, "space")
        plates = kiosk_app.screen.query_one("#choice-plates", RadioSet)
        first = plates.query("RadioButton").first()
        assert chosen(kiosk_app, "plates") == first.name and note(kiosk_app, "plates") == ""
        assert focused_id(kiosk_app) == "choice-plates"  # Space chooses only: Enter moves on
        await press(pilot, "space")  # again: it stays chosen
        assert chosen(kiosk_app, "plates") == first.name
        await press(pilot, "down", "space")  # the arrow chose the second; Space keeps it
        assert chosen(kiosk_app, "plates") == plates.query("RadioButton")[1].name
        await press(pilot, "enter")
        assert focused_id(kiosk_app) == "choice-reason"


async def test_space_on_a_bare_list_chooses_the_first_option_and_its_bar_shows():
    async with _List().run_test() as pilot:
        radio = await _focused_list(pilot)
        await pilot.press("space")
        await pilot.pause()
        assert _pressed(pilot.app) == "0" and radio._selected == 0
        rows = option_backgrounds(pilot.app, radio)
        assert rows[0] != rows[1] and rows[1] == rows[2]  # the chosen one on the band


async def test_plate_reissue_at_80x24_shows_no_plates_as_chosen_until_one_is(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["two_cars"], "plate_reissue")
        await press(pilot, "enter")  # the car is chosen: on to 补换领的号牌, nothing chosen there
        plates = kiosk_app.screen.query_one("#choice-plates", RadioSet)
        assert kiosk_app.focused is plates and plates.pressed_button is None
        rows = option_backgrounds(kiosk_app, plates)
        assert len(rows) == 3 and all(row == rows[0] for row in rows), rows
        await press(pilot, "enter")
        assert chosen(kiosk_app, "plates") == "" and note(kiosk_app, "plates") == PLATES_NOT_CHOSEN
        rows = option_backgrounds(kiosk_app, plates)
        assert all(row == rows[0] for row in rows), rows  # still none on the band
        await press(pilot, "up")  # the first key, Up too, chooses the first option: 前后号牌
        first = plates.query("RadioButton").first()
        assert plates.pressed_button is first and note(kiosk_app, "plates") == ""
        await press(pilot, "up")  # and Up there stays on it (it went round to 后号牌)
        assert plates.pressed_button is first
        rows = option_backgrounds(kiosk_app, plates)
        assert rows[0] != rows[1] and rows[1] == rows[2]
        await settle(pilot)


async def test_space_on_points_study_way_chooses_then_enter_moves_on(kiosk_app, env, people):
    """学法减分's 学习方式 (网上学习, 公益网点) opens with nothing chosen and the focus on it: Space
    chooses 网上学习 at once, Enter then moves on (to 下一步, the form's only choice)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["points_study"], "points_study")
        assert focused_id(kiosk_app) == "choice-way" and chosen(kiosk_app, "way") == ""
        await press(pilot, "space")
        assert chosen(kiosk_app, "way") == "网上学习" and "(*) 网上学习" in screen_text(kiosk_app)
        await press(pilot, "down")  # the arrows still choose as they move
        assert chosen(kiosk_app, "way") == "公益网点"
        await press(pilot, "enter")
        assert focused_id(kiosk_app) != "choice-way" and chosen(kiosk_app, "way") == "公益网点"


async def test_the_bar_is_on_the_chosen_option_as_soon_as_the_list_is_mounted():
    """Textual's mount put the bar on the first option and the list moved it to the chosen one only
    after the next refresh: a key (or a look) in between found the first option on the band, and Enter
    there chose it. Now the bar is where the (*) is, or nowhere, as soon as the list is mounted."""
    async with App().run_test() as pilot:
        unchosen = Choices(*(Choice(f"option {i}", name=str(i)) for i in range(3)))
        chosen = Choices(*(Choice(f"option {i}", value=i == 2, name=str(i)) for i in range(3)))
        await pilot.app.mount(unchosen)
        await pilot.app.mount(chosen)
        assert unchosen._selected is None and not unchosen.query(".-selected")
        assert chosen._selected == 2
        chosen.action_enter()  # as an Enter typed ahead: keeps the (*) where it is
        await pilot.pause()
        assert chosen.pressed_button is not None and chosen.pressed_button.name == "2"


async def test_the_bar_goes_to_the_chosen_option_when_the_list_gets_the_focus():
    async with _List(chosen=1).run_test() as pilot:
        radio = pilot.app.query_one("#list", Choices)
        pilot.app.set_focus(None)  # the app gave it the focus as it opened
        await pilot.pause()
        radio._selected = 3  # wherever it was left
        radio.focus()
        await pilot.pause()
        assert radio._selected == 1
        await pilot.press("space")
        await pilot.pause()
        assert _pressed(pilot.app) == "1"
