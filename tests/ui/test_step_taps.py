"""Pilot, with taps as the terminal driver sends them: a wizard's step change holds taps for the
same moment as a screen just opened (kiosk.ui.pointer.FreshScreenTaps.hold_taps), so the second tap of
a double-tap does not press the button the new step shows at the same spot (tester: a double tap on
考试预约's 阅读并同意 pressed 选择场次's 下一步, 请先输入时间段并点击【查询】 in red). Keys are never held back."""
from __future__ import annotations

import asyncio

from textual.widgets import Static

from kiosk.ui.screens.booking.session_text import NOT_QUERIED
from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import click_in_view, double_tap, driver_tap, set_input, settle, sign_in
from tests.ui.test_full_score_flow import _open as open_full_score
from tests.ui.test_booking_wizard import choose_subject, open_wizard, read_to_end, step

OPENED = 0.6  # seconds: longer than the taps dropped after a step or a screen opens


def _query_error(app) -> str:  # type: ignore[no-untyped-def]
    """The red line under 查询 (下一步 refused: 请先输入时间段并点击【查询】)."""
    return str(app.screen.query_one("#query-error", Static).content)


def _bottom_left(app, selector: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    r = app.screen.query_one(selector).region
    return r.x + 3, r.bottom - 1


async def test_a_double_tap_on_agree_does_not_press_next_on_sessions(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await open_wizard(pilot, env, people["k2_ready"])
        await choose_subject(pilot, 2)
        await pilot.click("#next-subject")
        await settle(pilot)
        await read_to_end(pilot)
        assert step(kiosk_app)[0] == "step-notice"
        await asyncio.sleep(OPENED)
        agree = kiosk_app.screen.query_one("#agree").region  # its middle row: where 选择场次's 下一步 comes,
        x, y = agree.x + 3, agree.y + agree.height // 2  # a row higher since the table waits for 查询
        await double_tap(pilot, x, y)
        assert step(kiosk_app)[0] == "step-sessions"
        assert screen.query_one("#next-sessions").region.contains(x, y)  # 下一步 under the finger
        assert _query_error(kiosk_app) == ""
        assert kiosk_app.focused is not screen.query_one("#query")
        await pilot.press("tab")  # keys straight after: taken
        await asyncio.sleep(OPENED)
        await double_tap(pilot, x, y)  # once the step has been on view: a tap is taken
        assert _query_error(kiosk_app) == NOT_QUERIED





async def _next_then_tap_back(pilot, next_id: str, back_id: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """下一步 tapped, and 0.15 s later a tap where the next step has its 上一步 (learnt by going there
    and back first): the steps shown after each tap."""
    app = pilot.app
    await click_in_view(pilot, app.screen.query_one(f"#{next_id}"))
    back = _bottom_left(app, f"#{back_id}")
    await click_in_view(pilot, app.screen.query_one(f"#{back_id}"))
    assert app.screen.query_one(f"#{next_id}").region.height  # back on the first step, in view
    await asyncio.sleep(OPENED)
    tapped = driver_tap(app, *_bottom_left(app, f"#{next_id}"))
    await asyncio.sleep(0.15)
    first = step(app)[0]
    driver_tap(app, *back, at=tapped + 0.15)  # the finger's time, whenever the loop woke this test
    await settle(pilot)
    return first, step(app)[0]


async def test_a_tap_just_after_a_service_forms_next_is_dropped(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
        set_input(kiosk_app, "address", "重庆市渝北区新南路2号")
        assert await _next_then_tap_back(pilot, "next", "prev") == ("step-confirm", "step-confirm")
        await asyncio.sleep(OPENED)
        await click_in_view(pilot, kiosk_app.screen.query_one("#prev"))  # once on view: taken
        assert step(kiosk_app)[0] == "step-form"


async def test_a_tap_just_after_full_scores_next_is_dropped(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_full_score(pilot, env, people["full_score"])
        set_input(kiosk_app, "on_site_days", "3")
        set_input(kiosk_app, "online_days", "3")
        await settle(pilot)
        assert await _next_then_tap_back(pilot, "next", "prev-form") == ("step-sessions", "step-sessions")
