"""The example under a service form's date field (体检日期, 有效期起始日期, 开票日期) is a date the form
accepts on the day it is shown, and the format message names the same date. Fixed examples
(例如 2026-11-20, 2026-12-05, 2026-11-28) were refused as time passed (a 身体条件证明 is valid 6
months, a temporary plate starts within 7 days, an invoice is used within 30 days): an elderly
user copies the example. Each on two days, the clock moved from the tests' 2026-12-01."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import Vehicle
from kiosk.db.models_transfer import UsedCarInvoice
from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.applications import Prepared
from kiosk.services.demo_newcars import DEMO_VIN
from kiosk.services.env import Env
from kiosk.services.temp_plate import TemporaryPlateService
from kiosk.services.vehicle_transfer import VehicleTransferService
from tests.conftest import problems_of
from tests.integration.licence_helpers import REPLACE, account_id, renewal, set_licence
from tests.integration.test_vehicle_transfer import FORM as TRANSFER_FORM

TEMP, TRANSFER = TemporaryPlateService(), VehicleTransferService()
DAYS = [date(2026, 12, 3), date(2027, 6, 15)]


def _on(env: Env, day: date) -> date:
    env.clock.advance(days=(day - env.clock.now().date()).days)
    assert env.clock.now().date() == day
    return day


def _example(prepared: Prepared, name: str) -> str:
    spec = next(f for f in prepared.fields if f.name == name)
    assert spec.placeholder.startswith("例如 "), spec.placeholder
    return spec.placeholder.removeprefix("例如 ")


def _format_message(service, prepared: Prepared, form: dict[str, str], name: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as exc:
        applications.check(service, {**form, name: "明年六月"}, prepared)
    return problems_of(exc)[name]


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_certificate_date_example_is_accepted(env: Env, people, day: date) -> None:  # type: ignore[no-untyped-def]
    p = people["renew_soon"]  # 梁雪: a licence within its renewal window on the day
    _on(env, day)
    set_licence(env, p, valid_to=day + timedelta(days=60))
    prepared = applications.prepare(env, REPLACE, account_id(env, p))
    example = _example(prepared, "cert_date")
    assert date.fromisoformat(example) < day  # a few days ago
    applications.check(REPLACE, renewal(example), prepared)  # no refusal
    assert _format_message(REPLACE, prepared, renewal(), "cert_date") == f"请按 {example} 的格式输入体检日期"


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_temporary_plate_start_example_is_accepted(env: Env, people, day: date) -> None:  # type: ignore[no-untyped-def]
    aid = account_id(env, people["points_study"])  # 宋佳's new 朗逸, 交强险 to 2027-11-27
    _on(env, day)
    prepared = applications.prepare(env, TEMP, aid)
    example = _example(prepared, "start")
    form = {"vin": DEMO_VIN, "start": example, "days": "3"}
    applications.check(TEMP, form, prepared)  # no refusal
    assert _format_message(TEMP, prepared, form, "start") == f"请按 {example} 的格式输入起始日期"
    applications.submit(env, TEMP, aid, form)  # a plate running: the next one's example starts after it
    again = applications.prepare(env, TEMP, aid)
    later = _example(again, "start")
    assert date.fromisoformat(later) == date.fromisoformat(example) + timedelta(days=3)
    applications.check(TEMP, {**form, "start": later}, again)  # no refusal


@pytest.mark.parametrize("day", DAYS, ids=str)
def test_the_invoice_date_example_is_accepted(env: Env, people, day: date) -> None:  # type: ignore[no-untyped-def]
    aid = account_id(env, people["two_cars"])  # 周杰 sold 渝A8D2Q7 to 林晓 of 连云港
    _on(env, day)
    with env.db.write() as s:  # the vehicle still fit to transfer on the day
        car = s.scalars(select(Vehicle).where(Vehicle.plate == TRANSFER_FORM["plate"])).one()
        car.inspection_due = car.insurance_due = day + timedelta(days=200)
    prepared = applications.prepare(env, TRANSFER, aid)
    example = _example(prepared, "invoice_date")
    assert date.fromisoformat(example) < day  # a recent past date
    with env.db.write() as s:  # the invoice of that day: the form compares the date typed with its record
        s.scalars(select(UsedCarInvoice).where(UsedCarInvoice.invoice_no == TRANSFER_FORM["invoice_no"])).one() \
            .issued_on = date.fromisoformat(example)
    prepared = applications.prepare(env, TRANSFER, aid)
    applications.check(TRANSFER, {**TRANSFER_FORM, "invoice_date": example}, prepared)  # no refusal
    assert (_format_message(TRANSFER, prepared, TRANSFER_FORM, "invoice_date")
            == f"请按 {example} 的格式输入开票日期")
