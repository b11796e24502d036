"""Refusals that point to 网办进度 carry the application they are about (tester's finding 2): a
second 驾驶证补换领, or a vehicle document for a vehicle whose last one is still 受理中, is
refused with StillPending (its 业务流水号), as the education services already were; the vehicle
form says which vehicle has one (context ``pending``). And a 业务类型 of 驾驶证补换领 refused whatever
is typed (期满换证 before its window) is given to the form to say as soon as it is chosen (context
``notes``, tester's finding 3), in the words 下一步 uses."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from kiosk.db.models import Vehicle
from kiosk.domain.errors import DomainError, StillPending
from kiosk.services import applications
from kiosk.services.env import Env
from kiosk.services.vehicle_reissue import InspectionMarkReissue, PlateReissue, VehicleLicenceReissue
from tests.integration.licence_helpers import ADDRESS, REPLACE, account_id

HOME = "重庆市渝中区解放碑街道民族路100号"
FORM = {"plate": "渝A8D2Q7", "plates": "前后号牌", "reason": "遗失", "delivery": "邮寄", "address": HOME}


def test_a_second_licence_replacement_is_still_pending_with_its_serial(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, REPLACE, aid, {"kind": "damaged", "delivery": "mail", "address": ADDRESS})
    with pytest.raises(StillPending) as e:
        applications.prepare(env, REPLACE, aid)
    assert e.value.serial_no == done.serial_no and f"业务流水号{done.serial_no}" in e.value.message


def test_every_vehicle_refused_one_with_an_open_application_is_still_pending(env: Env, people) -> None:
    """周杰: 渝A8D2Q7's mark is being made, 渝AD12345's 交强险 has expired: both said, and 网办进度
    opens on the one application."""
    aid = account_id(env, people["two_cars"])
    done = applications.submit(env, InspectionMarkReissue(), aid, FORM)
    with pytest.raises(StillPending) as e:
        applications.prepare(env, InspectionMarkReissue(), aid)
    assert e.value.serial_no == done.serial_no and len(e.value.message.split("\n")) == 2


def test_every_vehicle_refused_with_none_open_is_a_plain_refusal(env: Env, people) -> None:
    with pytest.raises(DomainError) as e:
        applications.prepare(env, InspectionMarkReissue(), account_id(env, people["truck_driver"]))
    assert not isinstance(e.value, StillPending)


@pytest.mark.parametrize("service", [VehicleLicenceReissue(), PlateReissue(), InspectionMarkReissue()])
def test_the_form_knows_which_vehicle_has_an_open_application(env: Env, people, service) -> None:
    aid = account_id(env, people["two_cars"])
    with env.db.write() as s:  # the other car may have each document (its 交强险 renewed)
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one().insurance_due = datetime(2027, 11, 21).date()
    assert applications.prepare(env, service, aid).context["pending"] == {"plate": {}}
    done = applications.submit(env, service, aid, FORM)
    prepared = applications.prepare(env, service, aid)
    assert prepared.initial["plate"] == "渝AD12345"  # the form opens on the vehicle that may
    assert prepared.context["pending"] == {"plate": {"渝A8D2Q7": done.serial_no}}


def test_a_renewal_not_yet_open_is_said_for_the_kind_in_the_words_of_next(env: Env, people) -> None:
    """刘洋's licence runs to 2036: 期满换证 is refused whatever is typed; the other kinds are open."""
    prepared = applications.prepare(env, REPLACE, account_id(env, people["driver_normal"]))
    notes = prepared.context["notes"]["kind"]
    assert list(notes) == ["renew"]  # said as a sentence, with its 。 (tester)
    assert notes["renew"].endswith("有效期满前90日内方可申请期满换证，请于2036-07-24起申请。")
    form = {"kind": "renew", "cert_no": "TJ20261120", "cert_date": "2026-11-20", "delivery": "mail",
            "address": ADDRESS}
    with pytest.raises(DomainError) as e:
        applications.check(REPLACE, form, prepared)
    assert e.value.field == "kind" and e.value.message == notes["renew"]


def test_a_held_licence_says_no_reissue_for_the_kind(env: Env, people) -> None:
    """孙丽 (暂扣) may not 补领 but may 换领: only 补领 has a line."""
    notes = applications.prepare(env, REPLACE, account_id(env, people["suspended"])).context["notes"]["kind"]
    assert "lost" in notes and not {"damaged", "changed", "transfer"} & set(notes)
