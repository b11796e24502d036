"""Pilot: 提交 refused because the same application was made meanwhile (on another kiosk with the
same account, or at the counter) offers 查看网办进度 on it, as opening the service with one does
(StillPending): the whole service (驾驶证补换领) goes back to its first step with the message and
the button, focused, the form gone; a vehicle of several (补领行驶证) stays choosable, the message
under it and the button beside 下一步."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from textual.widgets import Button

from kiosk.db.models import Vehicle
from kiosk.services import applications
from kiosk.services.vehicle_reissue import VehicleLicenceReissue
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.stepbar import StepBar
from tests.booking_helpers import account_id
from tests.integration.licence_helpers import REPLACE
from tests.ui.conftest import choose_option, press_in_view, settle
from tests.ui.test_flow_pending import FORM, HOME, _newer, _progress_opens_on
from tests.ui.test_licence_flow import _choose as choose
from tests.ui.test_vehicle_documents import _open, choice_error


def _flat(app) -> str:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import screen_text

    return "".join(screen_text(app).split())


async def _submit(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one("#submit", Button).press()
    await settle(pilot)


async def test_the_same_service_applied_for_meanwhile_offers_it(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, REPLACE.kind)
        await choose(pilot, "kind", "damaged")
        await choose(pilot, "delivery", "mail")
        pilot.app.screen.query_one("#input-address").value = HOME
        kiosk_app.screen.query_one("#next", Button).press()
        await settle(pilot)
        screen = kiosk_app.screen
        assert screen.query_one("#step-confirm").display
        # the other kiosk: the same application, submitted first
        serial = applications.submit(env, REPLACE, account_id(env, p),
                                     {"kind": "damaged", "delivery": "mail", "address": HOME}).serial_no
        newer = _newer(env, p)
        await _submit(pilot)
        assert screen.query_one("#step-form").display and not screen.query_one("#fields").display
        assert f"业务流水号{serial}" in _flat(kiosk_app)
        assert not screen.query_one("#next").display and not screen.query_one(StepBar).display
        progress = screen.query_one("#pending-progress", Button)
        assert progress.display and kiosk_app.focused is progress
        assert not screen.unsaved()  # nothing left to lose: 返回 asks nothing
        with env.db.read() as s:  # no second one was made
            assert len(applications.waiting(s, account_id(env, p), REPLACE.kind)) == 1
        await pilot.press("enter")
        await settle(pilot)
        await _progress_opens_on(pilot, serial, newer)
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)


async def test_a_vehicle_applied_for_meanwhile_offers_it_and_another_may_be_chosen(kiosk_app, env, people):
    p = people["two_cars"]
    with env.db.write() as s:  # 渝AD12345 may have one too
        car = s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one()
        car.insurance_due = datetime(2027, 11, 21).date()
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "vehicle_licence_reissue")
        screen = kiosk_app.screen
        await choose_option(pilot, "plate", "渝A8D2Q7")
        await choose_option(pilot, "reason", "遗失")
        await press_in_view(pilot, "next")
        assert screen.query_one("#step-confirm").display
        serial = applications.submit(env, VehicleLicenceReissue(), account_id(env, p), FORM).serial_no
        newer = _newer(env, p)
        await _submit(pilot)
        assert screen.query_one("#step-form").display and screen.query_one("#fields").display
        assert screen.query_one(StepBar).current == 0
        assert serial in choice_error(kiosk_app, "plate")
        progress = screen.query_one("#pending-progress", Button)
        assert progress.display and kiosk_app.focused is progress
        await choose_option(pilot, "plate", "渝AD12345")  # the other car: no way to an application
        assert not progress.display
        await choose_option(pilot, "plate", "渝A8D2Q7")  # back on this one: the way is there again
        assert progress.display
        await press_in_view(pilot, "pending-progress")
        await _progress_opens_on(pilot, serial, newer)
