"""驾驶证补换领 (补领, 换领, 期满换证, 驾驶证转入) on the generic flow, and ``finish``, which applies a
受理中 application's effect when the counter finishes it. The three 延期 services: test_licence_delay."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import Application, Office
from kiosk.domain.dates import anniversary
from kiosk.domain.errors import DomainError
from kiosk.services import applications, messaging
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from kiosk.services.licence_replace import NOTICE

from tests.integration.licence_helpers import (ADDRESS, DELAY_RENEWAL, DELAY_REVIEW, REPLACE,
                                              account_id, apply_late, finish, licence, office_id, refused,
                                              renewal, set_licence)


# 驾驶证补换领 -----------------------------------------------------------------------------

def test_renewal_ends_accepted_and_finishing_gives_ten_years(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]  # 梁雪: her first licence ends in 60 days
    old = licence(env, p)
    aid = account_id(env, p)
    prepared = applications.prepare(env, REPLACE, aid)
    assert NOTICE in prepared.intro and prepared.initial["address"] == old.address
    checked = applications.check(REPLACE, renewal(), prepared)
    assert checked.phone_to_confirm is None
    assert ("新驾驶证有效期限", f"{old.valid_to:%Y-%m-%d} 至 {old.valid_to.year + 10}{old.valid_to:-%m-%d}（办结后生效）") \
        in checked.summary
    done = applications.submit(env, REPLACE, aid, renewal())
    assert done.status == "受理中" and ADDRESS in done.note
    assert licence(env, p).valid_to == old.valid_to  # nothing changes before the card is made
    (view,) = applications.list_for(env, aid)
    assert view.payload["cert_date"] == "2026-11-20" and view.payload["valid_to"] == old.valid_to.isoformat()
    with pytest.raises(DomainError, match="已邮寄"):
        finish(env, done.serial_no, "已在窗口领取")
    note = finish(env, done.serial_no, "已邮寄")
    new = licence(env, p)
    assert (new.valid_from, new.valid_to) == (old.valid_to, date(old.valid_to.year + 10, old.valid_to.month,
                                                                 old.valid_to.day))
    assert "期满换证" in note and f"{new.valid_to:%Y-%m-%d}" in note and "已邮寄" in note
    with pytest.raises(DomainError, match="有效期已不是申请时"):  # finishing twice does not add 10 more years
        finish(env, done.serial_no, "已邮寄")


def _full_score_finished(env: Env, aid: int, on: date, serial: str) -> None:
    """满分教育 finished at the counter on ``on`` (复核 cleared the points and 超分)."""
    at = datetime.combine(on, time(10))
    with env.db.write() as s:
        s.add(Application(serial_no=serial, account_id=aid, kind="full_score", title="满分学习考试", status="已办结",
                          payload={}, terminal_id="test", created_at=at - timedelta(days=10), updated_at=at))


def test_a_full_score_earlier_in_the_period_keeps_the_next_licence_as_long(env: Env, people: dict[str, Person]) -> None:
    """L162 Art 68: 10 years only if the points never reached 12 while the old licence was valid. A
    满分教育 finished then took 超分 off the status, so the status alone gave 10 years (reviewer)."""
    p = people["renew_soon"]  # 梁雪: her first licence (6 years) ends in 60 days
    old, aid = licence(env, p), account_id(env, p)

    def period() -> str:
        summary = dict(applications.check(REPLACE, renewal(), applications.prepare(env, REPLACE, aid)).summary)
        return summary["新驾驶证有效期限"]

    _full_score_finished(env, aid, old.valid_from - timedelta(days=1), "F0000000000000000001")  # the licence before
    assert period() == f"{old.valid_to:%Y-%m-%d} 至 {anniversary(old.valid_to, 10):%Y-%m-%d}（办结后生效）"
    _full_score_finished(env, aid, old.valid_from + timedelta(days=400), "F0000000000000000002")
    assert licence(env, p).status == "A"  # 超分 was cleared
    assert period() == f"{old.valid_to:%Y-%m-%d} 至 {anniversary(old.valid_to, 6):%Y-%m-%d}（办结后生效）"
    done = applications.submit(env, REPLACE, aid, renewal())
    note = finish(env, done.serial_no, "已邮寄")
    assert (licence(env, p).valid_from, licence(env, p).valid_to) == (old.valid_to, anniversary(old.valid_to, 6))
    assert f"至{anniversary(old.valid_to, 6):%Y-%m-%d}" in note


def test_a_full_score_cleared_after_applying_is_seen_when_the_renewal_is_finished(env: Env,
                                                                                 people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    old, aid = licence(env, p), account_id(env, p)
    set_licence(env, p, status="B", points=12)  # 超分 when she applies: 6 years said
    done = applications.submit(env, REPLACE, aid, renewal())
    assert ("新驾驶证有效期限", f"{old.valid_to:%Y-%m-%d} 至 {anniversary(old.valid_to, 6):%Y-%m-%d}（办结后生效）") \
        in done.summary
    set_licence(env, p, status="A", points=0)  # 满分教育 finished meanwhile
    _full_score_finished(env, aid, date(2026, 12, 1), "F0000000000000000003")
    finish(env, done.serial_no, "已邮寄")
    assert licence(env, p).valid_to == anniversary(old.valid_to, 6)


def test_one_open_application_at_a_time_and_no_delay_while_renewing(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    done = applications.submit(env, REPLACE, account_id(env, p), renewal())
    with pytest.raises(DomainError, match=done.serial_no):
        applications.prepare(env, REPLACE, account_id(env, p))
    with pytest.raises(DomainError) as renewing:
        applications.prepare(env, DELAY_RENEWAL, account_id(env, p))
    assert renewing.value.message == f"您的期满换证申请（业务流水号{done.serial_no}）正在办理，无需延期换证。"
    applications.prepare(env, DELAY_REVIEW, account_id(env, people["lorry_driver"]))  # others' delays stay open


def test_renewal_outside_the_window_is_refused_next_to_the_kind(env: Env, people: dict[str, Person]) -> None:
    err = refused(REPLACE, env, people["driver_normal"], renewal())
    assert err.field == "kind" and "有效期满前90日内" in err.message
    prepared = applications.prepare(env, REPLACE, account_id(env, people["driver_normal"]))
    prepared.context["valid_to"] = date(2025, 11, 30)  # the form was opened before: checked again at 下一步
    with pytest.raises(DomainError) as err:
        applications.check(REPLACE, renewal(), prepared)
    assert err.value.field == "kind" and "超过一年" in err.value.message


@pytest.mark.parametrize("cert_date, message", [("2026-05-20", "6个月内有效"), ("2026-12-02", "不能晚于今天"),
                                                ("2026-13-01", "日期不正确：月份应为1-12"), ("", "请输入体检日期"),
                                                ("abc", "请按 2026-11-28 的格式输入体检日期")])
def test_an_old_or_bad_certificate_is_refused_next_to_its_date(env: Env, people: dict[str, Person], cert_date: str,
                                                               message: str) -> None:
    err = refused(REPLACE, env, people["renew_soon"], renewal(cert_date))
    assert err.field == "cert_date" and message in err.message


def test_a_certificate_needs_its_number(env: Env, people: dict[str, Person]) -> None:
    err = refused(REPLACE, env, people["renew_soon"], renewal() | {"cert_no": ""})
    assert (err.field, err.message) == ("cert_no", "请输入身体条件证明上的编号（6-30位字母或数字）")
    err = refused(REPLACE, env, people["renew_soon"], renewal() | {"cert_no": "12"})  # typed: said so, not 请输入
    assert (err.field, err.message) == ("cert_no", "身体条件证明编号应为6-30位字母或数字（您输入了2位），请核对证明上的编号")


def test_a_certificate_number_is_read_without_spaces_and_a_wrong_character_is_named(
        env: Env, people: dict[str, Person]) -> None:
    """Tester: '  2026-12-10' was 应为6-30位字母或数字（您输入了10位）, the hyphens counted as such."""
    err = refused(REPLACE, env, people["renew_soon"], renewal() | {"cert_no": "  2026-12-10"})
    assert (err.field, err.message) == ("cert_no", "身体条件证明编号只能包含字母或数字，请检查：-")
    err = refused(REPLACE, env, people["renew_soon"], renewal() | {"cert_no": "  "})  # spaces only: none typed
    assert (err.field, err.message) == ("cert_no", "请输入身体条件证明上的编号（6-30位字母或数字）")
    aid = account_id(env, people["renew_soon"])
    checked = applications.check(REPLACE, renewal() | {"cert_no": "  tj 2026 112001"},
                                 applications.prepare(env, REPLACE, aid))
    assert ("身体条件证明编号", "TJ2026112001") in checked.summary


def test_no_reissue_of_a_held_licence_but_a_damaged_one_is_exchanged(env: Env, people: dict[str, Person]) -> None:
    p = people["suspended"]  # 孙丽: 暂扣
    err = refused(REPLACE, env, p, {"kind": "lost", "delivery": "mail", "address": ADDRESS})
    assert (err.field, err.message) == ("kind", "驾驶证处于暂扣期间，不能申请补领，暂扣期满后可申请补领，"
                                                "或到车管所窗口咨询。")
    form = {"kind": "damaged", "delivery": "counter", "office_damaged": office_id(env, "渝中车管所")}
    # the card is with the police: not hers to destroy (the seed's notice), and not to be driven with
    held = "温馨提示：您的驾驶证处于暂扣期间，原驾驶证由公安交管部门保管，业务办理完成后原驾驶证作废；暂扣期间不得驾驶机动车。"
    prepared = applications.prepare(env, REPLACE, account_id(env, p))
    assert held in prepared.intro and "自行销毁" not in prepared.intro
    assert ("温馨提示", held.removeprefix("温馨提示：")) in applications.check(REPLACE, form, prepared).summary
    done = applications.submit(env, REPLACE, account_id(env, p), form)
    assert done.status == "受理中" and "渝中车管所" in done.note
    note = finish(env, done.serial_no, "已在窗口领取")
    assert note == "换领的驾驶证已在渝中车管所窗口领取，原驾驶证作废"


def test_collected_at_a_window_names_the_office_to_go_to_with_an_id(env: Env, people: dict[str, Person]) -> None:
    """窗口领取: the result and its SMS say where to collect the card, the office chosen by its name and
    address, and to bring an ID (as the vehicle documents say it); 办结 names where it was collected."""
    p = people["driver_normal"]
    aid = account_id(env, p)
    with env.db.read() as s:
        office = s.scalars(select(Office).where(Office.name == "渝中车管所")).one()
        where = f"请持本人身份证件到渝中车管所（{office.address}）领取"
    form = {"kind": "damaged", "delivery": "counter", "office_damaged": str(office.id)}
    done = applications.submit(env, REPLACE, aid, form)
    assert done.note == f"换领申请已受理，新驾驶证制作完成后{where}"
    (sms,) = [m for m in messaging.outbox(env, p.phone, limit=5) if done.serial_no in m.body]
    assert where in sms.body
    assert finish(env, done.serial_no, "已在窗口领取") == "换领的驾驶证已在渝中车管所窗口领取，原驾驶证作废"


def test_the_office_must_be_in_the_city_that_makes_the_card(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    prepared = applications.prepare(env, REPLACE, account_id(env, p))
    with env.db.read() as s:
        city = {str(o.id): o.city for o in s.scalars(select(Office))}
    for kind in ("lost", "damaged", "changed", "renew"):  # only the offices of 重庆, the licence's city
        listed = prepared.choices[f"office_{kind}"]
        assert listed and all(city[value] == "重庆" for _, value in listed)
    assert {city[value] for _, value in prepared.choices["office_to0"]} == {"连云港"}
    form = {"kind": "lost", "delivery": "counter", "office_lost": office_id(env, "连云港市车管所")}
    err = refused(REPLACE, env, p, form)  # the server still refuses a forged choice
    assert err.field == "office_lost" and "请选择重庆市的车管所" in err.message
    err = refused(REPLACE, env, p, {"kind": "lost", "delivery": "mail", "address": "重庆"})
    assert err.field == "address"
    err = refused(REPLACE, env, p, {"delivery": "mail", "address": ADDRESS})
    assert err.field == "kind"


def test_transfer_to_another_city(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, REPLACE, aid)
    # not the city it is in; named with its province (tester: a bare "连云港" read like demo data)
    assert prepared.choices["city"] == [("江苏省连云港市", "连云港")]
    label = {f.name: f.label for f in prepared.fields}["office_to0"]
    assert label == "领取网点（新驾驶证制作地江苏省连云港市的车管所）"
    office = office_id(env, "连云港市车管所")
    err = refused(REPLACE, env, p, {"kind": "transfer", "delivery": "mail", "address": ADDRESS})
    assert err.field == "city"
    form = {"kind": "transfer", "city": "连云港", "delivery": "counter", "office_to0": office}
    checked = applications.check(REPLACE, form, prepared)
    assert ("转入地", "江苏省连云港市") in checked.summary
    done = applications.submit(env, REPLACE, aid, form)
    assert licence(env, p).issuing_authority == "重庆市公安局交通管理局"
    assert "请持本人身份证件到连云港市车管所（" in done.note
    note = finish(env, done.serial_no, "已在窗口领取")
    assert licence(env, p).issuing_authority == "连云港市公安局交通警察支队"
    assert "转入江苏省连云港市" in note and "新驾驶证已在连云港市车管所窗口领取" in note


def test_a_licence_of_lianyungang_moves_to_chongqing(env: Env, people: dict[str, Person]) -> None:
    p = people["truck_driver"]  # 马超: licence of 连云港; the other city of the kiosk is 重庆
    prepared = applications.prepare(env, REPLACE, account_id(env, p))
    assert prepared.choices["city"] == [("重庆市", "重庆")]
    label = {f.name: f.label for f in prepared.fields}["office_lost"]
    assert label == "领取网点（新驾驶证制作地江苏省连云港市的车管所）"


@pytest.mark.parametrize("key, message", [("no_licence", "没有机动车驾驶证"), ("revoked", "吊销"),
                                          ("cancelled", "注销"), ("locked", "锁定")])
def test_no_service_without_a_usable_licence(env: Env, people: dict[str, Person], key: str, message: str) -> None:
    for service in (REPLACE, DELAY_RENEWAL, SERVICES["licence_contact"]):  # 变更联系方式 opened for them too
        with pytest.raises(DomainError, match=message):
            applications.prepare(env, service, account_id(env, people[key]))


# Notices -------------------------------------------------------------------------------------


def test_the_citizen_is_told_by_inbox_and_sms(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    aid = account_id(env, p)
    done = applications.submit(env, REPLACE, aid, renewal())
    (inbox,) = messaging.inbox(env, aid)
    assert inbox.body == (f"您的驾驶证补换领申请（业务流水号{done.serial_no}）已受理（期满换证），"
                          f"新驾驶证制作完成后邮寄至{ADDRESS}。{NOTICE}")
    assert done.serial_no in messaging.outbox(env, p.phone, limit=1)[0].body


# Tester reports (fix-licence) ----------------------------------------------------------------


def test_two_replacements_prepared_together_give_one_application(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    aid = account_id(env, p)
    second = applications.prepare(env, REPLACE, aid)  # kiosk 2 is paused after its check
    first = applications.submit(env, REPLACE, aid, renewal())
    with pytest.raises(DomainError, match=f"业务流水号{first.serial_no}"):
        apply_late(env, REPLACE, aid, {"kind": "lost", "delivery": "mail", "address": ADDRESS}, second)
    assert [v.serial_no for v in applications.list_for(env, aid)] == [first.serial_no]


def test_a_lost_card_is_not_reissued_when_held_since_the_application(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    done = applications.submit(env, REPLACE, account_id(env, p), {"kind": "lost", "delivery": "mail",
                                                                  "address": ADDRESS})
    set_licence(env, p, status="K")  # 扣押 after the application
    with pytest.raises(DomainError, match="^驾驶证处于扣押期间，不能申请补领，请退办$"):  # the clerk's: no 窗口咨询
        finish(env, done.serial_no, "已邮寄")


def test_a_held_licence_found_at_apply_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, REPLACE, aid)
    set_licence(env, p, status="D")
    with pytest.raises(DomainError, match="暂扣期间"):
        apply_late(env, REPLACE, aid, {"kind": "lost", "delivery": "mail", "address": ADDRESS}, prepared)


def test_a_contact_change_for_a_licence_revoked_since_its_form_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid, service = account_id(env, p), SERVICES["licence_contact"]
    prepared = applications.prepare(env, service, aid)
    set_licence(env, p, status="F")
    with pytest.raises(DomainError, match="吊销"):
        apply_late(env, service, aid, {"phone": "13800138000", "address": ADDRESS}, prepared)
    assert licence(env, p).address != ADDRESS


def test_renewal_finish_clears_the_medical_delay_too(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    done = applications.submit(env, REPLACE, account_id(env, p), renewal())
    set_licence(env, p, status="HNP")
    finish(env, done.serial_no, "已邮寄")
    assert licence(env, p).status == "H"


def test_a_licence_expired_over_a_year_is_sent_to_the_counter_before_the_form(env: Env,
                                                                              people: dict[str, Person]) -> None:
    """韩冬: every 业务类型 would be refused, so he is told at once (a tester filled in 期满换证 first)."""
    p = people["expired_long"]
    with pytest.raises(DomainError) as err:
        applications.prepare(env, REPLACE, account_id(env, p))
    valid_to = licence(env, p).valid_to
    assert err.value.field is None and err.value.message == (
        f"驾驶证有效期至{valid_to:%Y-%m-%d}，有效期满一年后（{valid_to.year + 1}{valid_to:-%m-%d}以后）"
        "不能在线补领、换领、期满换证或转入，请到车管所窗口办理。")  # a page message: a whole sentence


@pytest.mark.parametrize("kind", ["lost", "damaged", "changed", "transfer"])
def test_a_licence_expired_over_a_year_is_refused_next_to_the_kind(env: Env, people: dict[str, Person],
                                                                   kind: str) -> None:
    """The form was opened before the licence was a year past its expiry: checked again at 下一步."""
    prepared = applications.prepare(env, REPLACE, account_id(env, people["driver_normal"]))
    prepared.context["valid_to"] = date(2025, 11, 30)
    form = {"kind": kind, "city": "连云港", "delivery": "mail", "address": ADDRESS}
    with pytest.raises(DomainError) as err:
        applications.check(REPLACE, form, prepared)
    assert err.value.field == "kind" and "超过一年" in err.value.message and "车管所窗口" in err.value.message


def test_a_licence_with_some_kinds_refused_still_gets_the_form(env: Env, people: dict[str, Person]) -> None:
    """孙丽 (暂扣: no 补领) and 刘洋 (no 期满换证 yet) may still 换领: the form opens."""
    for key in ("suspended", "driver_normal"):
        assert applications.prepare(env, REPLACE, account_id(env, people[key])).fields


@pytest.mark.parametrize("address", ["。。。。。", "！！！！！！", "重庆。。。。", "  ，，  "])
def test_an_address_of_punctuation_is_refused(env: Env, people: dict[str, Person], address: str) -> None:
    err = refused(REPLACE, env, people["driver_normal"], {"kind": "damaged", "delivery": "mail", "address": address})
    assert err.field == "address" and "邮寄地址" in err.message


def test_an_old_certificate_names_its_last_valid_day(env: Env, people: dict[str, Person]) -> None:
    err = refused(REPLACE, env, people["renew_soon"], renewal("2026-05-31"))  # today 2026-12-01
    assert err.field == "cert_date" and "有效期至2026-11-30，已过期" in err.message
