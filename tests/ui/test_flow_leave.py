"""Pilot: the generic flow's 返回 asks before it drops a form the citizen has typed in or chosen
in (a tester pressed 返回 by mistake and found the 补换领 form empty again); nothing typed, or the
application submitted: it leaves at once."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.home import HomeScreen
from tests.ui.conftest import choose_option, press_in_view, screen_text, settle, sign_in


async def _open(pilot, env, person, service: str) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationFlowScreen)


async def test_back_with_nothing_typed_leaves_at_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")
        await press_in_view(pilot, "back")
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_back_after_typing_asks_and_the_safe_answer_keeps_the_form(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")
        await choose_option(pilot, "kind", "renew")
        kiosk_app.screen.query_one("#input-cert_no").focus()
        await pilot.press(*"TJ99")
        await press_in_view(pilot, "back")
        dialog = kiosk_app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "填写的内容尚未保存" in screen_text(kiosk_app) and "确定放弃并返回吗" in screen_text(kiosk_app)
        assert dialog.focused is not None and dialog.focused.id == "no"
        assert str(dialog.query_one("#no", Button).label) == "继续填写"
        await pilot.press("enter")  # the safe answer has the focus
        await settle(pilot)
        flow = kiosk_app.screen
        assert isinstance(flow, ApplicationFlowScreen)
        assert flow.query_one("#input-cert_no").value == "TJ99"
        assert flow.query_one("#choice-kind").pressed_button.name == "renew"
        await press_in_view(pilot, "back")
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_a_choice_alone_counts_as_filled_in(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["two_cars"], "vehicle_licence_reissue")
        await choose_option(pilot, "plate", "渝AD12345")  # the address follows the vehicle: nothing typed
        await press_in_view(pilot, "back")
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        await choose_option(pilot, "plate", "渝A8D2Q7")  # back to what the form opened with
        await press_in_view(pilot, "back")
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_after_submitting_the_citizen_leaves_at_once(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"], "vehicle_licence_reissue")
        await choose_option(pilot, "reason", "遗失")
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "submit")
        assert "业务流水号" in screen_text(kiosk_app)
        assert not kiosk_app.screen.unsaved()
        await press_in_view(pilot, "home")
        assert isinstance(kiosk_app.screen, HomeScreen)
