"""Finishing a 补换领 that changes what an issued e-licence shows (期满换证: the validity; 驾驶证转入:
the 发证机关) tells the citizen to apply for the e-licence again, in the 办结 SMS and inbox message
(tester: it said only 新驾驶证已邮寄，原驾驶证作废。 and the e-licence page said it later, unannounced)."""
from __future__ import annotations

from kiosk.services import applications, counter_applications, elicence, elicence_card, messaging
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession

from tests.integration.licence_helpers import REPLACE, account_id, office_id, renewal

CLERK = StaffSession("J1001", "王警官", ("counter",))


def _finished_sms(env: Env, p: Person, serial_no: str) -> str:
    (sms,) = [m.body for m in messaging.outbox(env, p.phone, limit=5) if serial_no in m.body and "已办结" in m.body]
    return sms


def test_a_renewal_finished_tells_the_holder_of_an_e_licence_to_apply_again(env: Env,
                                                                          people: dict[str, Person]) -> None:
    p = people["renew_soon"]  # 梁雪: her licence ends in 60 days
    aid = account_id(env, p)
    assert elicence.apply_direct(env, aid).issued
    done = applications.submit(env, REPLACE, aid, renewal())
    handled = counter_applications.finish(env, CLERK, aid, done.serial_no, "已邮寄")
    assert handled.note.endswith("新驾驶证已邮寄，原驾驶证作废。请重新申领电子驾驶证。")
    sms = _finished_sms(env, p, done.serial_no)
    assert sms.endswith("原驾驶证作废。请重新申领电子驾驶证。") and "。。" not in sms
    assert sms.endswith(messaging.inbox(env, aid)[0].body)  # the SMS is the inbox message with its 【交管12123】
    assert elicence.overview(env, aid).state == "needs_reapply"  # marked at once, as the SMS says
    assert elicence_card.display(env, aid).message == "驾驶证准驾车型、有效期或发证机关已变更，需重新申领电子驾驶证。"


def test_a_transfer_finished_tells_it_too(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]  # 刘洋: 驾驶证转入 连云港, a new 发证机关
    aid = account_id(env, p)
    assert elicence.apply_direct(env, aid).issued
    form = {"kind": "transfer", "city": "连云港", "delivery": "counter", "office_to0": office_id(env, "连云港市车管所")}
    done = applications.submit(env, REPLACE, aid, form)
    handled = counter_applications.finish(env, CLERK, aid, done.serial_no, "已在窗口领取")
    assert handled.note.endswith("原驾驶证作废。请重新申领电子驾驶证。")


def test_no_word_of_the_e_licence_to_who_has_none_or_whose_card_did_not_change(env: Env,
                                                                             people: dict[str, Person]) -> None:
    p = people["renew_soon"]  # no e-licence: the note as before
    aid = account_id(env, p)
    done = applications.submit(env, REPLACE, aid, renewal())
    note = counter_applications.finish(env, CLERK, aid, done.serial_no, "已邮寄").note
    assert note.endswith("新驾驶证已邮寄，原驾驶证作废") and "电子驾驶证" not in note
    q = people["driver_normal"]  # an e-licence, and a 换领 of a damaged card: class, validity, authority kept
    qid = account_id(env, q)
    assert elicence.apply_direct(env, qid).issued
    form = {"kind": "damaged", "delivery": "mail", "address": "重庆市渝北区新南路1号"}
    done = applications.submit(env, REPLACE, qid, form)
    note = counter_applications.finish(env, CLERK, qid, done.serial_no, "已邮寄").note
    assert note == "换领的驾驶证已邮寄，原驾驶证作废"
    assert elicence.overview(env, qid).state == "issued"
