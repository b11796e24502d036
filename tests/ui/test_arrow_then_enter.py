"""Pilot: an arrow key and the Enter sent with it (one tmux send-keys, a fast hand) press the button
the arrow moved to (tester: Left Enter on the counter's 办结 question, which opens on 暂不办理,
answered 暂不办理; Right Enter on 确定退出登录吗？, which opens on 退出登录, signed the citizen out).
Textual's ``Widget.focus`` moved the focus only after the keys already queued, so the Enter went to
the button being left. Pilot.press waits for the app to be idle after each key and never sees
this: the keys are sent here as the terminal driver sends them, one after the other."""
from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button

from kiosk.config import HIGH_CONTRAST
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.elicence import ElicenceScreen, PhotoScreen
from kiosk.ui.screens import home as home_module
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.register import RegisterScreen
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import settle, sign_in
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_citizen_message import message
from tests.ui.counter_helpers import look_up, press
from tests.ui.test_elicence_photo_keys import _take_page

CHARACTERS = {"enter": "\r"}


async def at_once(pilot: Pilot, *keys: str) -> None:
    """``keys`` queued together, as the terminal driver reads them, then the app settles."""
    driver = pilot.app._driver  # noqa: SLF001
    assert driver is not None
    for key in keys:
        event = events.Key(key, CHARACTERS.get(key))
        event.set_sender(pilot.app)
        driver.send_message(event)
    await settle(pilot)


async def test_left_enter_on_the_counter_finish_question_answers_posted(env, people, document_service):
    p = people["driver_normal"]
    serial = apply_for(env, document_service, account_id(env, p), "邮寄")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        await press(pilot, "finish-app")
        assert app.focused is app.screen.query_one("#no")  # 暂不办理, the safe answer
        await at_once(pilot, "left", "enter")  # 已邮寄
        assert message(app).startswith(f"业务流水号{serial}已办结"), message(app)


async def test_right_enter_on_the_sign_out_question_stays_signed_in(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        home.query_one("#sign-out", Button).press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog) and kiosk_app.focused.id == "yes"  # 退出登录
        await at_once(pilot, "right", "enter")  # 暂不退出
        assert kiosk_app.screen is home and kiosk_app.citizen is not None


async def test_the_start_screen_right_enter_registers_and_down_enter_switches_the_look(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        welcome = kiosk_app.screen
        assert kiosk_app.focused.id == "sign-in"
        await at_once(pilot, "down", "enter")  # 高对比度显示, under 登录 and 注册
        assert kiosk_app.look == HIGH_CONTRAST and kiosk_app.screen is welcome
        await at_once(pilot, "up", "right", "enter")  # back to 登录, along to 注册
        assert isinstance(kiosk_app.screen, RegisterScreen)


async def test_down_enter_on_the_photo_page_goes_back_without_a_photo(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen: PhotoScreen = await _take_page(pilot, env, people["driver_normal"])
        await at_once(pilot, "down", "enter")  # 返回, under 拍照 (提交审核 is still disabled)
        assert screen.source is None and screen.path is None
        assert isinstance(kiosk_app.screen, ElicenceScreen)


async def test_an_arrow_and_enter_in_the_menu_open_the_entry_moved_to(kiosk_app, env, people, monkeypatch):
    """The menu already moved at once (MenuGrid): kept so, through the same focus_now."""
    opened: list[str] = []
    original = home_module.open_entry

    def open_entry(key: str):  # type: ignore[no-untyped-def]
        opened.append(key)
        return original(key)

    monkeypatch.setattr(home_module, "open_entry", open_entry)
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        assert isinstance(home, HomeScreen)
        first, second = home.query_one("#menu-licence_replace").parent.children[:2]
        assert kiosk_app.focused is first
        await at_once(pilot, "right", "enter")
        assert ["menu-" + key for key in opened] == [second.id] and kiosk_app.screen is not home
