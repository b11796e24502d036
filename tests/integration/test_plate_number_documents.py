"""在用车选号 and the documents that carry the plate number (号牌, 行驶证, 检验合格标志) wait for each
other. Vehicle tester: 周杰's 补换领机动车号牌 for 渝A8D2Q7 was 受理中 (number unchanged) when 在用车选号
chose the car 渝A8K2B6 (已办结); then 补换领行驶证 and 补领检验合格标志 for 渝A8D2Q7 were accepted too."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.db.models import Account
from kiosk.domain.errors import DomainError
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env
from kiosk.services.plate_used import UsedCarPlate
from tests.booking_helpers import account_id
from tests.conftest import problems_of
from tests.integration.test_plate_used import transfer_in

USED = UsedCarPlate()
MAIL = {"plate": "渝A8D2Q7", "delivery": "邮寄", "address": "重庆市渝北区龙溪街道金龙路1号"}
DOCUMENTS = {  # service kind -> its form for 渝A8D2Q7
    "plate_reissue": {**MAIL, "plates": "前后号牌", "reason": "遗失"},
    "vehicle_licence_reissue": {**MAIL, "reason": "遗失"},
    "inspection_mark_reissue": MAIL,
}
CHOOSE = {"plate": "渝A8D2Q7", "way": "自编自选", "own_0": "8K2B6"}  # 过户 on record: 2026-11-20


@pytest.fixture(autouse=True)
def _sold_to_him(env: Env) -> None:
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))


@pytest.mark.parametrize("kind", ["plate_reissue", "vehicle_licence_reissue"])
def test_no_number_is_chosen_while_the_cars_plates_or_licence_are_being_made(env: Env, people, kind: str) -> None:
    aid = account_id(env, people["two_cars"])  # 周杰
    before = applications.prepare(env, USED, aid)  # the form opened before the document was applied for
    checked = applications.check(USED, CHOOSE, before)
    service = SERVICES[kind]
    made = applications.submit(env, service, aid, DOCUMENTS[kind])
    assert made.status == "受理中"
    why = f"该车有正在办理的{service.title}申请（业务流水号{made.serial_no}），办结后方可申请在用车选号"
    prepared = applications.prepare(env, USED, aid)
    assert [v for _, v in prepared.choices["plate"]] == ["渝AD12345"]
    assert "渝A8D2Q7 吉利牌（小型汽车，登记日期" in prepared.intro and f"：不能选号，{why}" in prepared.intro
    with pytest.raises(DomainError) as exc:  # at 提交, from the form opened before
        with env.db.write() as s:
            USED.apply(s, env, s.get(Account, aid), checked.clean, before)
    assert exc.value.message == f"渝A8D2Q7不能选号：{why}。" and exc.value.field == "plate"


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_no_document_is_made_for_the_old_number_once_a_new_one_is_chosen(env: Env, people, kind: str) -> None:
    aid = account_id(env, people["two_cars"])
    service = SERVICES[kind]
    before = applications.prepare(env, service, aid)  # a form opened before the number was chosen
    checked = applications.check(service, DOCUMENTS[kind], before)
    done = applications.submit(env, USED, aid, CHOOSE)
    assert done.status == "已办结" and "已选定新号牌号码渝A8K2B6" in done.note
    why = "该车已通过在用车选号选定新号牌号码渝A8K2B6，请携带车辆、机动车行驶证和原号牌到车管所换领号牌和行驶证"
    what = {"plate_reissue": "补换领机动车号牌", "vehicle_licence_reissue": "补换领行驶证",
            "inspection_mark_reissue": "补领检验合格标志"}[kind]
    refused = f"渝A8D2Q7不能{what}：{why}。"
    if kind == "inspection_mark_reissue":  # 渝AD12345's 交强险 expired: no car may, said before the form
        with pytest.raises(DomainError) as exc:
            applications.prepare(env, service, aid)
        assert exc.value.message.splitlines()[0] == refused
    else:
        prepared = applications.prepare(env, service, aid)
        assert prepared.context["notes"]["plate"]["渝A8D2Q7"] == refused  # said under the list when chosen
        with pytest.raises(DomainError) as exc:  # at 下一步
            applications.check(service, DOCUMENTS[kind], prepared)
        assert problems_of(exc)["plate"] == refused
    with pytest.raises(DomainError) as exc:  # at 提交, from the form opened before
        with env.db.write() as s:
            service.apply(s, env, s.get(Account, aid), checked.clean, before)
    assert exc.value.message == refused and exc.value.field == "plate"


def test_a_number_kept_holds_no_document_back(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])
    applications.submit(env, USED, aid, {**CHOOSE, "way": "保留原号牌"})
    done = applications.submit(env, SERVICES["plate_reissue"], aid, DOCUMENTS["plate_reissue"])
    assert done.status == "受理中" and "号牌" in done.note
