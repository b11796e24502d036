"""Pilot: Escape pressed several times in one burst (a held key, an impatient hand) goes back once
per screen: each press is the screen's own 返回 again, and a screen already leaving ignores the
rest (Pilot's press waits for the app to be idle after each key: ``burst`` sends them as the
terminal does). The presses that came before it had gone used to pop the screens under it (the 业务中心, then
Textual's ScreenStackError on the start screen: the kiosk restarted and the citizen was signed out)."""
from __future__ import annotations

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.conftest import set_input, settle, sign_in
from tests.ui.test_typed_in_a_burst import burst

BURST = ("escape",) * 6


async def test_a_burst_of_escapes_in_a_service_goes_back_to_the_menu_only(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        assert isinstance(home, HomeScreen)
        for count in (3, 6):
            await pilot.press("enter")  # 驾驶证补换领
            await settle(pilot)
            assert isinstance(kiosk_app.screen, ApplicationFlowScreen)
            await burst(pilot, *("escape",) * count)
            assert kiosk_app.screen is home and kiosk_app.citizen is not None
            assert [type(s) for s in kiosk_app.screen_stack] == [WelcomeScreen, HomeScreen]


async def test_a_burst_of_escapes_on_sign_in_and_register_goes_back_to_the_start(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        for button in ("#sign-in", "#register"):
            await pilot.click(button)
            await settle(pilot)
            await burst(pilot, *BURST)
            assert isinstance(kiosk_app.screen, WelcomeScreen) and len(kiosk_app.screen_stack) == 1


async def test_a_burst_of_escapes_on_a_filled_form_asks_once(kiosk_app, env, people):
    """Something typed: the first press asks (放弃并返回?), the next one is that question's 继续填写,
    and so on; no press reaches the 业务中心, and the form is never left behind a second question."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        form = kiosk_app.screen
        set_input(kiosk_app, "phone", "13800138000")
        await burst(pilot, *BURST)
        assert kiosk_app.screen_stack[:3] == [kiosk_app.screen_stack[0], home, form]
        assert len([s for s in kiosk_app.screen_stack if isinstance(s, ConfirmDialog)]) <= 1
        assert kiosk_app.citizen is not None


async def test_a_screen_or_dialog_closes_only_itself(kiosk_app, env, people):
    """Textual's own dismiss pops whatever is on top: a second answer of a dialog already closed (a
    check's late result after its 取消, a queued press) closed the screen under it. And the 业务中心
    and the start screen are never closed by a screen's own way back."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        form = kiosk_app.screen
        dialog = ConfirmDialog("确定吗？", "确定", "取消")
        await kiosk_app.push_screen(dialog)
        form.dismiss()  # under the dialog: not closed
        dialog.dismiss(False)
        dialog.dismiss(False)
        await settle(pilot)
        assert kiosk_app.screen is form and kiosk_app.screen_stack[1] is home
        form.dismiss()
        form.dismiss()
        await settle(pilot)
        assert kiosk_app.screen is home
        home.dismiss()
        await settle(pilot)
        assert kiosk_app.screen is home and kiosk_app.citizen is not None


async def test_a_burst_of_escapes_at_the_counter_goes_back_to_its_home(env):
    from kiosk.ui.screens.staff_home import StaffHomeScreen
    from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
    from tests.ui.test_counter import _sign_in, counter_app

    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        staff_home = app.screen
        assert isinstance(staff_home, StaffHomeScreen)
        for item in [b.id for b in staff_home.query("#staff-menu Button")]:
            staff_home.query_one(f"#{item}").press()
            await settle(pilot)
            assert app.screen is not staff_home, item
            await burst(pilot, *BURST)
            assert app.screen is staff_home and app.staff is not None, item
            assert [type(s) for s in app.screen_stack] == [StaffSignInScreen, StaffHomeScreen], item
