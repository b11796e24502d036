"""Pilot: the counter resets the bound phone of a citizen who is signed in at a kiosk (tester's
finding): back in the 业务中心 from a service, the greeting names the new phone (「绑定手机 ...」),
and the demo phone bar, which follows the signed-in citizen's phone, shows the SMS that now go
to the new number."""
from __future__ import annotations

from kiosk.domain.ids import mask_phone
from kiosk.services import counter_accounts
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.phone import PhoneBar
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle, sign_in

CLERK = StaffSession("J1001", "王警官", ("counter",))
NEW_PHONE = "13900001234"


async def test_back_in_the_home_screen_the_reset_phone_is_named_and_followed(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert f"绑定手机 {mask_phone(p.phone)}" in screen_text(kiosk_app)
        await pilot.click("#menu-inbox")  # a service open while the counter resets the phone
        await settle(pilot)
        counter_accounts.reset_phone(env, CLERK, account_id(env, p), NEW_PHONE)
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, HomeScreen)
        text = screen_text(kiosk_app)
        assert f"绑定手机 {mask_phone(NEW_PHONE)}" in text and mask_phone(p.phone) not in text
        assert kiosk_app.citizen is not None and kiosk_app.citizen.phone == NEW_PHONE
        # an SMS a service sends now goes to the new number: the bar shows it after that service
        await pilot.click("#menu-inbox")
        await settle(pilot)
        body = "【交管12123】测试短信：发往新绑定的手机号码。"
        with env.db.write() as s:
            env.sms.send(s, NEW_PHONE, body, env.clock.now())
        await pilot.click("#back")
        await settle(pilot)
        await pilot.pause(0.2)
        bars = kiosk_app.screen.query(PhoneBar)
        assert bars and bars.first().sms.endswith(body) and mask_phone(NEW_PHONE) in bars.first().sms
