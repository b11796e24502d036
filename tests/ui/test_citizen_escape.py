"""Pilot: on a citizen's screen Escape does what its own way back does (返回, a step's 上一步, a
question's 暂不办理), through the same handler: a form with something typed asks first, a wizard
goes back one step and keeps what was filled in. On a dialog Escape is its safe answer. On the start
screen and the 业务中心 it does nothing (never signs out)."""
from __future__ import annotations

from textual.widgets import Button, ContentSwitcher

from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.dialogs.staff_pin import StaffPinDialog
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.register import RegisterScreen
from kiosk.ui.screens.sign_in import SignInScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.booking_helpers import book, sessions
from tests.ui.conftest import set_input, settle, sign_in
from tests.ui.test_booking_records import open_entry
from tests.ui.test_booking_records_confirm import shown
from tests.ui.test_booking_wizard import mark_rows, query, step, to_sessions
from tests.ui.test_register import _open as open_register


async def escape(pilot) -> None:
    await pilot.press("escape")
    await settle(pilot)


async def test_escape_on_the_start_screen_and_the_menu_does_nothing(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await escape(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen) and len(kiosk_app.screen_stack) == 1
        await pilot.click("#sign-in")
        await settle(pilot)
        set_input(kiosk_app, "id_number", p.id_number)
        await escape(pilot)  # 返回: back to the start screen
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        assert isinstance(home, HomeScreen)
        for focus in ("#menu-licence_replace", "#sign-out"):
            home.query_one(focus).focus()
            await escape(pilot)
            assert kiosk_app.screen is home and kiosk_app.citizen is not None  # still signed in
            assert kiosk_app.focused is home.query_one(focus)


async def test_escape_in_a_form_asks_first_and_on_the_question_keeps_the_form(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_contact")
        await settle(pilot)
        form = kiosk_app.screen
        assert isinstance(form, ApplicationFlowScreen)
        set_input(kiosk_app, "phone", "13800138000")
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await escape(pilot)  # as 返回: something typed, so the question first
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await escape(pilot)  # the question's 继续填写
        assert kiosk_app.screen is form and form.query_one("#input-phone").value == "13800138000"
        form.query_one("#next", Button).press()
        await settle(pilot)
        assert form.query_one(ContentSwitcher).current == "step-confirm"
        await escape(pilot)  # 上一步: back to the form, everything kept
        assert kiosk_app.screen is form and form.query_one(ContentSwitcher).current == "step-form"
        assert form.query_one("#input-address").value == "重庆市渝北区新南路1号"
        await escape(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await pilot.click("#yes")  # 放弃并返回
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_escape_in_a_wizard_goes_back_one_step_and_keeps_it_filled_in(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        wizard = kiosk_app.screen
        chosen = list(wizard.query_one("#step-sessions").marked)
        wizard.query_one("#next-sessions", Button).press()  # below the list, out of view at this size
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-confirm"
        await escape(pilot)  # 上一步
        assert kiosk_app.screen is wizard and step(kiosk_app)[0] == "step-sessions"
        assert wizard.query_one("#step-sessions").marked == chosen and chosen
        await escape(pilot)  # 上一步 again: past the notice agreed to just now, as forward
        assert step(kiosk_app)[0] == "step-subject"
        await escape(pilot)  # 返回, with a session chosen: it asks first (tests/ui/test_booking_leave.py)
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await pilot.click("#yes")  # 放弃并返回: out of the wizard
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_escape_in_registration_goes_back_a_step(kiosk_app, env, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_register(pilot, kiosk_app, p, "13800138001")
        screen = kiosk_app.screen
        assert isinstance(screen, RegisterScreen) and screen.query_one(ContentSwitcher).current == "step-face"
        await escape(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-info"
        assert screen.query_one("#input-name").value == p.name
        await escape(pilot)  # 返回 with the form filled in: it asks first (tests/ui/test_register_leave.py)
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await escape(pilot)  # the dialog's Escape is its safe answer: the form stays
        assert kiosk_app.screen is screen and screen.query_one("#input-name").value == p.name
        await escape(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)


async def test_escape_on_a_question_in_the_page_is_its_no(kiosk_app, env, people):
    p = people["permit_expiring"]
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await open_entry(pilot, env, p, "exam_cancel")
        screen = kiosk_app.screen
        await pilot.click("#action")
        await settle(pilot)
        assert shown(kiosk_app, "#confirm-no")
        await escape(pilot)  # 暂不办理: the question goes, nothing cancelled, the screen stays
        assert kiosk_app.screen is screen and not shown(kiosk_app, "#confirm-box") and shown(kiosk_app, "#back")
        assert [r.status for r in screen.rows] == ["pending"]  # not cancelled
        await escape(pilot)  # 返回业务中心
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_escape_on_the_staff_pin_dialog_is_its_cancel(kiosk_app, env):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(kiosk_app.screen, StaffPinDialog)
        await escape(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen) and kiosk_app.is_running
        await pilot.click("#sign-in")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, SignInScreen)
