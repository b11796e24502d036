"""Pilot: refusals that point to 网办进度 offer a way there (tester's finding 2). 驾驶证补换领 with an
application still open, and a vehicle document when every vehicle is refused and one has an open
application, say so before the form with 查看网办进度 (focused), as 学法减分 does; a vehicle with
an open application, chosen in the form, brings 查看网办进度 beside 下一步 (下一步 then says the
refusal under the vehicle). Each opens 网办进度 on that application, not on the newest one. And
期满换证 not yet open is said under 业务类型 as soon as it is chosen (tester's finding 3)."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select
from textual.widgets import Button

from kiosk.db.models import Account, Vehicle
from kiosk.services import applications
from kiosk.services.vehicle_reissue import InspectionMarkReissue, VehicleLicenceReissue
from kiosk.ui.screens.records import ProgressScreen
from kiosk.ui.widgets.plain import PlainTable
from kiosk.ui.widgets.stepbar import StepBar
from tests.booking_helpers import account_id
from tests.integration.licence_helpers import REPLACE
from tests.ui.conftest import choose_option, press_in_view, screen_text, settle
from tests.ui.test_elicence_photo import wholly_in_view
from tests.ui.test_flow_errors import _open
from tests.ui.test_vehicle_documents import choice_error

HOME = "重庆市渝中区解放碑街道民族路100号"
FORM = {"plate": "渝A8D2Q7", "reason": "遗失", "delivery": "邮寄", "address": HOME}


def _newer(env, p) -> str:  # type: ignore[no-untyped-def]
    """Another application, made later: on top of 网办进度's list."""
    env.clock.advance(minutes=5)
    with env.db.write() as s:
        return applications.create(s, env, s.get(Account, account_id(env, p)), kind="licence_contact",
                                   title="变更驾驶证联系方式", status="已办结", note="", payload={}).serial_no


async def _progress_opens_on(pilot, serial: str, newer: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    assert isinstance(app.screen, ProgressScreen)
    rows, table = app.screen.rows, app.screen.query_one(PlainTable)
    assert rows[0].serial_no == newer and rows[table.cursor_row].serial_no == serial
    assert f"业务流水号 {serial}" in screen_text(app)  # its 办理过程


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize(("person", "service", "form"), [
    ("driver_normal", REPLACE, {"kind": "damaged", "delivery": "mail", "address": HOME}),
    ("two_cars", InspectionMarkReissue(), FORM),  # and 渝AD12345's 交强险 has expired
])
async def test_a_refusal_before_the_form_offers_the_open_application(kiosk_app, env, people, size, person,
                                                                     service, form):
    p = people[person]
    serial = applications.submit(env, service, account_id(env, p), form).serial_no
    newer = _newer(env, p)
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, p, service.kind)
        screen = kiosk_app.screen
        assert f"业务流水号{serial}" in "".join(screen_text(kiosk_app).split())
        assert not screen.query_one("#next").display and not screen.query_one(StepBar).display
        progress = screen.query_one("#pending-progress", Button)
        assert progress.display and wholly_in_view(kiosk_app, progress) and kiosk_app.focused is progress
        await pilot.press("enter")
        await settle(pilot)
        await _progress_opens_on(pilot, serial, newer)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_vehicle_with_an_open_application_offers_it_beside_next(kiosk_app, env, people, size):
    p = people["two_cars"]
    with env.db.write() as s:  # 渝AD12345 may have one: the form opens on it
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one().insurance_due = datetime(2027, 11, 21).date()
    serial = applications.submit(env, VehicleLicenceReissue(), account_id(env, p), FORM).serial_no
    newer = _newer(env, p)
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, p, "vehicle_licence_reissue")
        screen = kiosk_app.screen
        progress = screen.query_one("#pending-progress", Button)
        assert not progress.display  # 渝AD12345: nothing open
        await choose_option(pilot, "plate", "渝A8D2Q7")
        assert progress.display and serial in choice_error(kiosk_app, "plate")  # under the list, at once
        await choose_option(pilot, "reason", "遗失")
        await press_in_view(pilot, "next")  # refused next to the vehicle; the way to its application stays
        assert serial in choice_error(kiosk_app, "plate") and progress.display
        assert screen.query_one("#step-form").display
        await choose_option(pilot, "plate", "渝AD12345")
        assert not progress.display
        await choose_option(pilot, "plate", "渝A8D2Q7")
        progress.focus()
        await settle(pilot)
        assert wholly_in_view(kiosk_app, progress)
        await pilot.press("enter")
        await settle(pilot)
        await _progress_opens_on(pilot, serial, newer)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_renewal_not_yet_open_is_said_as_soon_as_it_is_chosen(kiosk_app, env, people, size):
    """刘洋: 期满换证 chosen with the arrow keys says why not at once, under 业务类型, in view."""
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, people["driver_normal"], "licence_replace")
        screen = kiosk_app.screen
        assert kiosk_app.focused is screen.query_one("#choice-kind") and choice_error(kiosk_app, "kind") == ""
        for _ in range(4):  # 补领 (the first arrow chooses it), 换领, 换领, 期满换证
            await pilot.press("down")
            await settle(pilot)
            if _ < 3:
                assert choice_error(kiosk_app, "kind") == ""  # the others are open to him
        line = choice_error(kiosk_app, "kind")
        assert "有效期满前90日内方可申请期满换证" in line and line.endswith("起申请。")  # a sentence (tester)
        assert wholly_in_view(kiosk_app, screen.query_one("#error-kind"))
        # said alone: not with the papers of a renewal that cannot be asked for yet (tester)
        assert not screen.query_one("#field-cert_no").display and not screen.query_one("#field-cert_date").display
        await pilot.press("up")  # another kind: the line goes
        await settle(pilot)
        assert choice_error(kiosk_app, "kind") == ""
