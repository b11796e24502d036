"""One open application per vehicle for its 检验合格标志, whichever service made it (tester's
finding: 免检车申领检验标志 then 补领检验合格标志 for the same car were both accepted, 受理中): the
second is refused, in either order, before the form and inside the write, naming the open one
(its service and 业务流水号) as the refusals of one service already do. On SQLite with the demo
data (test clock 2026-12-01): 刘洋's only car 渝A12345 may have either."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kiosk.db.models import Account, Application
from kiosk.domain.errors import StillPending
from kiosk.services import applications
from kiosk.services.env import Env
from kiosk.services.vehicle_exempt import ExemptInspectionMark
from kiosk.services.vehicle_reissue import InspectionMarkReissue, VehicleLicenceReissue
from tests.integration.licence_helpers import account_id

EXEMPT, REISSUE = ExemptInspectionMark(), InspectionMarkReissue()
HOME = "重庆市渝中区解放碑街道民族路100号"
FORM = {"plate": "渝A12345", "reason": "遗失", "delivery": "邮寄", "address": HOME}
ORDERS = pytest.mark.parametrize("first, second", [(EXEMPT, REISSUE), (REISSUE, EXEMPT)],
                                 ids=["exempt-then-reissue", "reissue-then-exempt"])


def _refusal(first, second, serial_no: str) -> str:  # type: ignore[no-untyped-def]
    return (f"渝A12345已有一笔{first.title}申请正在办理（业务流水号{serial_no}），制作的同为检验合格标志，"
            f"办结后方可申请{second.title}。可在【网办进度】中查询办理情况。")


def _marks(env: Env) -> int:
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Application).where(
            Application.kind.in_([EXEMPT.kind, REISSUE.kind])))


@ORDERS
def test_the_other_service_is_refused_before_the_form_naming_the_open_one(env: Env, people, first, second) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, first, aid, FORM)
    assert done.status == "受理中"
    with pytest.raises(StillPending) as e:  # 查看网办进度 opens on the open one
        applications.prepare(env, second, aid)
    assert e.value.field is None and e.value.serial_no == done.serial_no
    assert e.value.message == _refusal(first, second, done.serial_no)
    assert _marks(env) == 1


@ORDERS
def test_a_form_opened_before_the_other_was_submitted_is_refused_inside_the_write(env: Env, people, first,
                                                                                  second) -> None:
    aid = account_id(env, people["driver_normal"])
    stale = applications.prepare(env, second, aid)  # another kiosk opened the form first
    done = applications.submit(env, first, aid, FORM)
    clean = applications.check(second, FORM, stale).clean
    with env.db.write() as s, pytest.raises(StillPending) as e:
        second.apply(s, env, s.get(Account, aid), clean, stale)
    assert e.value.field == "plate" and e.value.serial_no == done.serial_no
    assert e.value.message == _refusal(first, second, done.serial_no)
    assert _marks(env) == 1


@ORDERS
def test_once_the_open_one_is_turned_back_the_other_may_be_applied_for(env: Env, people, first, second) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, first, aid, FORM)
    with env.db.write() as s:
        s.scalars(select(Application).where(Application.serial_no == done.serial_no)).one().status = \
            applications.TURNED_BACK
    assert applications.submit(env, second, aid, FORM).status == "受理中"


def test_the_same_service_twice_keeps_its_own_wording(env: Env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    done = applications.submit(env, REISSUE, aid, FORM)
    with pytest.raises(StillPending) as e:
        applications.prepare(env, REISSUE, aid)
    assert e.value.message == (f"渝A12345已有一笔补领检验合格标志申请正在办理（业务流水号{done.serial_no}），"
                               "办结后方可再次申请。可在【网办进度】中查询办理情况。")


def test_another_document_of_the_vehicle_does_not_hold_the_mark(env: Env, people) -> None:
    """A 行驶证 being made is another document: the mark may still be applied for."""
    aid = account_id(env, people["driver_normal"])
    applications.submit(env, VehicleLicenceReissue(), aid, FORM)
    assert applications.submit(env, EXEMPT, aid, FORM).status == "受理中"
