"""Pilot, with taps as the terminal driver sends them: a tap that comes just after a screen or a
question opened is dropped (kiosk.ui.pointer.FreshScreenTaps), so the second tap of a double-tap
does not answer what the first one opened, unseen (tester). Keys are never held back."""
from __future__ import annotations

import asyncio
import time

from textual.widgets import Input

from kiosk.services import elicence
from kiosk.ui.screens.elicence import ElicenceScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.sign_in import SignInScreen
from tests.conftest import last_sms_code
from tests.ui.conftest import double_tap, driver_tap, screen_text, set_input, settle, sign_in

OPENED = 0.6  # seconds: longer than the taps dropped after a screen opens


def _bottom_left(app, selector: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    r = app.screen.query_one(selector).region
    return r.x + 3, r.bottom - 1


async def test_double_tap_on_the_start_screens_sign_in(kiosk_app):
    """The second tap put the focus in 短信验证码 (under 登录 on the next screen)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await asyncio.sleep(OPENED)
        await double_tap(pilot, *_bottom_left(kiosk_app, "#sign-in"), new_screen=True)
        assert isinstance(kiosk_app.screen, SignInScreen)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-id_number", Input)
        await pilot.press(*"5001")  # keys straight after: typed, none dropped
        assert kiosk_app.screen.query_one("#input-id_number", Input).value == "5001"


async def test_double_tap_on_sign_in_opens_the_service_centre_only(kiosk_app, env, people):
    """The second tap of 登录 opened 网办进度 in the 业务中心."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", p.id_number)
        await pilot.click("#send-code")
        await settle(pilot)
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await asyncio.sleep(OPENED)
        await double_tap(pilot, *_bottom_left(kiosk_app, "#submit"), new_screen=True)
        assert isinstance(kiosk_app.screen, HomeScreen)  # not 网办进度 over it


async def test_a_tap_as_the_question_appears_does_not_answer_it(kiosk_app, env, people, monkeypatch):
    """驾驶证电子版 opens on 是否继续申领？ once the licence has been read. Read slowly (after the taps
    dropped as the screen opened), a tap landing on its 申领 just as it appeared (a finger resting,
    the menu's double-tap) applied for the e-licence unseen; it is dropped. A tap once the question
    has been on view answers it."""
    p = people["driver_normal"]
    read = elicence.overview

    def slow_read(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(OPENED + 0.6)  # past the taps dropped as the screen opened
        return read(*args, **kwargs)

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        account = kiosk_app.citizen.account_id
        monkeypatch.setattr(elicence, "overview", slow_read)
        await pilot.click("#menu-elicence_mine")
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            screen = kiosk_app.screen
            if isinstance(screen, ElicenceScreen) and screen.query_one("#el-confirm").region.area:
                break
            await asyncio.sleep(0.01)
        confirm = kiosk_app.screen.query_one("#el-confirm").region
        driver_tap(kiosk_app, confirm.x + 3, confirm.y + 1)  # as 申领 comes into view
        await settle(pilot)
        assert "是否继续申领？" in screen_text(kiosk_app)
        assert read(env, account).can_apply  # nothing applied for
        await asyncio.sleep(OPENED)
        driver_tap(kiosk_app, confirm.x + 3, confirm.y + 1)
        await settle(pilot)
        assert "业务流水号" in screen_text(kiosk_app) and not read(env, account).can_apply
