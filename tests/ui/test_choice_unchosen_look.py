"""Pilot: a choice list with nothing chosen draws no option as if chosen, and its arrow keys stop at
its ends.

Tester's finding (周杰, 补换领机动车号牌, 80x24): on 补换领的号牌, with nothing chosen, 前后号牌 was drawn
on the cursor band, so an elderly citizen read it as chosen; Enter then chose nothing and the line
under the list said 尚未选择. Now no option is on the band until one is chosen; the list shows its
focus by its frame; the first Down (or Up) chooses the first option. Up on the first option chose
the last one (Textual's RadioSet wraps round); now it stays, as Down on the last one does."""
from __future__ import annotations

from textual.app import App
from textual.widgets import RadioSet

from kiosk.ui.widgets.choice import Choice, Choices
from tests.ui.conftest import settle
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


async def test_space_with_nothing_chosen_chooses_nothing_and_says_how(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["two_cars"], "plate_reissue")
        await press(pilot, "enter")
        assert focused_id(kiosk_app) == "choice-plates"
        await press(pilot, "space")
        assert chosen(kiosk_app, "plates") == "" and note(kiosk_app, "plates") == PLATES_NOT_CHOSEN


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
