"""Pilot: 在用车选号 by keys pressed faster than the screen follows (tester, 周杰 at 100x30: Tab, Down x3
to 自编自选, Tab, D12345, Enter, 0.4 s apart, while the 50 numbers of 随机选号 were laid out the first
time). Tab is read at once (kiosk.ui.bindings) while the arrows waited until they had passed the
list's ancestors: Tab went on from 随机选号 to the random set, and the Down before it then ticked the
set's first number (渝AD05611), a plate never chosen; or past the 自编 box, not yet shown, to 【返回】,
where the typing went nowhere and Enter asked to discard the form. Now a list's keys are read in
their turn with Tab (kiosk.ui.widgets.choice), and Tab goes on in the form's order among the fields
the choice just made shows (ApplicationFlowScreen.focus_next)."""
from __future__ import annotations

import asyncio
import time

from textual import events

from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import field_error, press_in_view, screen_text, settle, sign_in

KEYS = ["tab", "down", "down", "down", "tab", *"D12345", "enter"]  # 车辆 -> 选号方式 -> 自编自选 -> 自编号牌号码


def _key(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """A key as the terminal driver hands it to the app (not Pilot's press, which waits for the app)."""
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app.post_message(event)


def _chosen(app, field: str) -> str | None:  # type: ignore[no-untyped-def]
    pressed = app.screen.query_one(f"#choice-{field}").pressed_button
    return pressed.name if pressed is not None else None


async def _open(pilot, env, people) -> None:  # type: ignore[no-untyped-def]
    p = people["two_cars"]  # 周杰: 渝AD12345 may choose (its fields are pick_1, own_1)
    await sign_in(pilot, env, p.id_number, p.phone)
    await press_in_view(pilot, "menu-plate_used")
    assert isinstance(pilot.app.screen, ApplicationFlowScreen)
    assert pilot.app.screen.focused is pilot.app.screen.query_one("#choice-plate")


def _typed_into_own_number(app) -> None:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ApplicationFlowScreen) and screen.query_one("#step-form").display
    assert _chosen(app, "way") == "自编自选"
    assert _chosen(app, "pick_1") is None  # nothing the citizen did not pick
    assert not any(b.value for b in screen.query("#choice-pick_1 RadioButton"))
    assert not screen.query_one("#box-pick_1").display and screen.query_one("#field-own_1").display
    assert screen.query_one("#input-own_1").value == "D12345"
    # Enter in the box: 下一步, which says D12345 is the car's own number (渝AD12345), next to the box
    assert field_error(app, "own_1").startswith("渝AD12345是该车现用号牌")
    assert screen.focused is screen.query_one("#input-own_1")


async def test_keys_in_one_burst_choose_self_composed_and_type_into_its_box(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people)
        for key in KEYS:  # all read before the screen is drawn again (a busy machine, tmux)
            _key(kiosk_app, key)
        await settle(pilot)
        _typed_into_own_number(kiosk_app)


async def test_keys_while_the_random_set_is_first_laid_out_do_not_pick_a_number(kiosk_app, env, people, monkeypatch):
    """The keys 0.4 s apart, the screen held up 1 s as it first shows the random set (its 50
    options laid out the first time): the keys meanwhile come in together when it is done."""
    slow = {"once": True}
    show_wanted = ApplicationFlowScreen._show_wanted

    def laid_out_slowly(self: ApplicationFlowScreen) -> None:
        show_wanted(self)
        if slow["once"] and self.query_one("#box-pick_1").display:
            slow["once"] = False
            time.sleep(1.0)

    monkeypatch.setattr(ApplicationFlowScreen, "_show_wanted", laid_out_slowly)
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people)
        loop = asyncio.get_running_loop()

        def typist() -> None:  # the terminal's keys come from another thread, the screen busy or not
            for key in KEYS:
                loop.call_soon_threadsafe(_key, kiosk_app, key)
                time.sleep(0.4)

        await asyncio.to_thread(typist)
        await settle(pilot)
        assert not slow["once"]  # the random set was shown, slowly
        _typed_into_own_number(kiosk_app)


async def test_a_number_picked_by_keys_in_one_burst_is_the_one_sent(kiosk_app, env, people):
    """随机选号, Tab into the set, Down (the first number), Right (the second), Enter: the second is
    chosen, and Enter goes on to 确认并提交 (read as it comes, Enter saw no choice yet: 请选择号牌号码)."""
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people)
        for key in ["tab", "down", "down", "tab", "down", "right", "enter"]:
            _key(kiosk_app, key)
        await settle(pilot)
        second = kiosk_app.screen.prepared.choices["pick_1"][1][1]
        assert _chosen(kiosk_app, "way") == "随机选号" and _chosen(kiosk_app, "pick_1") == second
        assert f"号牌号码：{second}" in screen_text(kiosk_app)
        assert kiosk_app.screen.focused is kiosk_app.screen.query_one("#submit")
