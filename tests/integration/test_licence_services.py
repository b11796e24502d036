"""驾驶证补换领 (补领, 换领, 期满换证, 驾驶证转入) and the three 延期 services on the generic flow,
and ``finish``, which applies a 受理中 application's effect when the counter finishes it."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.db.models import Account, Application, DrivingLicence, Office
from kiosk.domain.errors import DomainError
from kiosk.services import applications, messaging, profile
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from kiosk.services.licence_replace import NOTICE

REPLACE = SERVICES["licence_replace"]
DELAY_RENEWAL, DELAY_MEDICAL, DELAY_REVIEW = (SERVICES[k] for k in (
    "licence_delay_renewal", "licence_delay_medical", "licence_delay_review"))
ADDRESS = "重庆市渝北区新南路1号"


def account_id(env: Env, p: Person) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == p.id_number)).one()


def licence(env: Env, p: Person) -> DrivingLicence:
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == account_id(env, p))).one()
        s.expunge(lic)
        return lic


def office_id(env: Env, name: str) -> str:
    with env.db.read() as s:
        return str(s.scalars(select(Office.id).where(Office.name == name)).one())


def refused(service, env: Env, p: Person, form: dict[str, str]) -> DomainError:  # type: ignore[no-untyped-def]
    prepared = applications.prepare(env, service, account_id(env, p))
    with pytest.raises(DomainError) as err:
        applications.check(service, form, prepared)
    return err.value


def finish(env: Env, serial_no: str, how: str) -> str:
    with env.db.write() as s:
        app = s.scalars(select(Application).where(Application.serial_no == serial_no)).one()
        return SERVICES[app.kind].finish(s, env, app, how)  # type: ignore[attr-defined]


def renewal(cert_date: str = "2026-11-20") -> dict[str, str]:
    return {"kind": "renew", "cert_no": "CQ20261120001", "cert_date": cert_date, "delivery": "mail",
            "address": ADDRESS}


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


def test_one_open_application_at_a_time_and_no_delay_while_renewing(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    done = applications.submit(env, REPLACE, account_id(env, p), renewal())
    with pytest.raises(DomainError, match=done.serial_no):
        applications.prepare(env, REPLACE, account_id(env, p))
    with pytest.raises(DomainError) as renewing:
        applications.prepare(env, DELAY_RENEWAL, account_id(env, p))
    assert renewing.value.message == f"您的期满换证申请（业务流水号{done.serial_no}）正在办理，无需延期换证。"
    applications.prepare(env, DELAY_REVIEW, account_id(env, people["truck_driver"]))  # others' delays stay open


def test_renewal_outside_the_window_is_refused_next_to_the_kind(env: Env, people: dict[str, Person]) -> None:
    err = refused(REPLACE, env, people["driver_normal"], renewal())
    assert err.field == "kind" and "有效期满前90日内" in err.message
    prepared = applications.prepare(env, REPLACE, account_id(env, people["driver_normal"]))
    prepared.context["valid_to"] = date(2025, 11, 30)  # the form was opened before: checked again at 下一步
    with pytest.raises(DomainError) as err:
        applications.check(REPLACE, renewal(), prepared)
    assert err.value.field == "kind" and "超过一年" in err.value.message


@pytest.mark.parametrize("cert_date, message", [("2026-05-20", "6个月内有效"), ("2026-12-02", "不能晚于今天"),
                                                ("2026-13-01", "没有这一天"), ("", "请输入体检日期")])
def test_an_old_or_bad_certificate_is_refused_next_to_its_date(env: Env, people: dict[str, Person], cert_date: str,
                                                               message: str) -> None:
    err = refused(REPLACE, env, people["renew_soon"], renewal(cert_date))
    assert err.field == "cert_date" and message in err.message


def test_a_certificate_needs_its_number(env: Env, people: dict[str, Person]) -> None:
    err = refused(REPLACE, env, people["renew_soon"], renewal() | {"cert_no": "12"})
    assert err.field == "cert_no"


def test_no_reissue_of_a_held_licence_but_a_damaged_one_is_exchanged(env: Env, people: dict[str, Person]) -> None:
    p = people["suspended"]  # 孙丽: 暂扣
    err = refused(REPLACE, env, p, {"kind": "lost", "delivery": "mail", "address": ADDRESS})
    assert (err.field, err.message) == ("kind", "驾驶证处于暂扣期间，不能申请补领")
    form = {"kind": "damaged", "delivery": "counter", "office_damaged": office_id(env, "渝中车管所")}
    done = applications.submit(env, REPLACE, account_id(env, p), form)
    assert done.status == "受理中" and "渝中车管所" in done.note
    note = finish(env, done.serial_no, "已在窗口领取")
    assert note == "换领的驾驶证已在窗口领取，原驾驶证作废"


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
    assert err.field == "office_lost" and "重庆" in err.message
    err = refused(REPLACE, env, p, {"kind": "lost", "delivery": "mail", "address": "重庆"})
    assert err.field == "address"
    err = refused(REPLACE, env, p, {"delivery": "mail", "address": ADDRESS})
    assert err.field == "kind"


def test_transfer_to_another_city(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, REPLACE, aid)
    assert prepared.choices["city"] == [("连云港", "连云港")]  # not the city it is in
    office = office_id(env, "连云港市车管所")
    err = refused(REPLACE, env, p, {"kind": "transfer", "delivery": "mail", "address": ADDRESS})
    assert err.field == "city"
    form = {"kind": "transfer", "city": "连云港", "delivery": "counter", "office_to0": office}
    checked = applications.check(REPLACE, form, prepared)
    assert ("转入地", "连云港") in checked.summary
    done = applications.submit(env, REPLACE, aid, form)
    assert licence(env, p).issuing_authority == "重庆市公安局交通管理局"
    note = finish(env, done.serial_no, "已在窗口领取")
    assert licence(env, p).issuing_authority == "连云港市公安局交通警察支队"
    assert "转入连云港" in note


@pytest.mark.parametrize("key, message", [("no_licence", "没有机动车驾驶证"), ("revoked", "吊销"),
                                          ("cancelled", "注销"), ("locked", "锁定")])
def test_no_service_without_a_usable_licence(env: Env, people: dict[str, Person], key: str, message: str) -> None:
    for service in (REPLACE, DELAY_RENEWAL):
        with pytest.raises(DomainError, match=message):
            applications.prepare(env, service, account_id(env, people[key]))


# 延期 ----------------------------------------------------------------------------------------

def test_delayed_renewal_is_decided_at_once_and_sets_the_status(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, DELAY_RENEWAL, aid)
    assert "延期期间不得驾驶机动车" in prepared.intro
    form = {"reason": "出国（境）", "detail": "", "until": "2028-06-30"}
    checked = applications.check(DELAY_RENEWAL, form, prepared)
    assert ("注意", "延期期间不得驾驶机动车") in checked.summary
    done = applications.submit(env, DELAY_RENEWAL, aid, form)
    assert done.status == "已办结" and "2028-06-30" in done.note
    assert licence(env, p).status == "N"
    (view,) = applications.list_for(env, aid)
    assert view.payload["until"] == "2028-06-30"
    with pytest.raises(DomainError, match="2028-06-30"):
        applications.prepare(env, DELAY_RENEWAL, aid)
    # 我的驾驶证 says how long, and once the date has passed, that it has
    assert profile.licence_of(env, aid).delays == ("延期换领驾驶证至2028-06-30，延期期间不得驾驶机动车",)
    env.clock.advance(days=(date(2028, 7, 1) - env.clock.now().date()).days)
    assert profile.licence_of(env, aid).delays == ("延期换领驾驶证已于2028-06-30到期，请及时换领驾驶证",)



def test_a_delay_run_out_turns_overdue_when_the_holder_signs_in(env: Env, people: dict[str, Person]) -> None:
    """RULES.md: the 延期 statuses hold only inside their period. The day after the delay, the next
    sign-in finds 逾期未换证 instead of 延期换证 (audited once); a clerk's lookup does the same."""
    from kiosk.db.models import AuditEntry
    from kiosk.services import auth, counter_citizen
    from kiosk.services.staff import StaffSession
    from tests.conftest import last_sms_code

    p, q = people["renew_soon"], people["truck_driver"]
    applications.submit(env, DELAY_RENEWAL, account_id(env, p), {"reason": "出国（境）", "detail": "", "until": "2028-06-30"})
    applications.submit(env, DELAY_MEDICAL, account_id(env, q), {"reason": "服兵役", "detail": "", "until": "2028-01-01"})

    def sign_in() -> None:
        auth.start_sign_in(env, p.id_number)
        auth.finish_sign_in(env, p.id_number, last_sms_code(env, p.phone))

    env.clock.advance(days=(date(2028, 6, 30) - env.clock.now().date()).days)
    sign_in()  # the last day of the delay: still 延期换证
    assert licence(env, p).status == "N"
    env.clock.advance(days=1)
    sign_in()
    assert licence(env, p).status == "M"
    assert profile.licence_of(env, account_id(env, p)).delays == ("延期换领驾驶证已于2028-06-30到期，请及时换领驾驶证",)
    env.clock.advance(minutes=2)
    sign_in()  # nothing more to change: one entry
    with env.db.read() as s:
        details = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "licence_delay_lapsed")))
    assert details == ["驾驶证状态由延期换证转为逾期未换证"]
    counter_citizen.lookup(env, StaffSession("J1001", "王警官", ("counter",)), q.id_number, "本人到窗口办理业务")
    assert licence(env, q).status == "R"  # 延期体检 -> 逾期未体检


def test_each_delay_has_its_status(env: Env, people: dict[str, Person]) -> None:
    p = people["truck_driver"]  # 马超: A2, takes the 审验 and gives a 身体条件证明 every year
    aid = account_id(env, p)
    form = {"reason": "服兵役", "detail": "", "until": "2028-01-01"}
    applications.submit(env, DELAY_MEDICAL, aid, form)
    applications.submit(env, DELAY_REVIEW, aid, form)
    assert licence(env, p).status == "PT"
    assert profile.licence_of(env, aid).delays == ("延期提交身体证明至2028-01-01，延期期间不得驾驶机动车",
                                                  "延期驾驶证审验至2028-01-01，延期期间不得驾驶机动车")


def test_delay_refusals(env: Env, people: dict[str, Person]) -> None:
    p = people["truck_driver"]
    err = refused(DELAY_REVIEW, env, p, {"reason": "服兵役", "until": "2030-12-02"})
    assert err.field == "until" and "2029-12-01" in err.message
    err = refused(DELAY_REVIEW, env, p, {"reason": "其他正当理由", "detail": "", "until": "2027-12-01"})
    assert err.field == "detail"
    err = refused(DELAY_REVIEW, env, p, {"until": "2027-12-01"})
    assert err.field == "reason"
    with pytest.raises(DomainError, match="有效期满一年后"):
        applications.prepare(env, DELAY_RENEWAL, account_id(env, people["expired_long"]))


def test_the_citizen_is_told_by_inbox_and_sms(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    aid = account_id(env, p)
    done = applications.submit(env, REPLACE, aid, renewal())
    (inbox,) = messaging.inbox(env, aid)
    assert inbox.body == (f"您的驾驶证补换领申请（业务流水号{done.serial_no}）已受理（期满换证），"
                          f"新驾驶证制作完成后邮寄至{ADDRESS}。{NOTICE}")
    assert done.serial_no in messaging.outbox(env, p.phone, limit=1)[0].body


# Tester reports (fix-licence) ----------------------------------------------------------------

def _set_licence(env: Env, p: Person, **values: object) -> None:
    with env.db.write() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == account_id(env, p))).one()
        for key, value in values.items():
            setattr(lic, key, value)


def _apply_late(env: Env, service, aid: int, form: dict[str, str], prepared) -> applications.Submitted:  # type: ignore[no-untyped-def]
    """The second kiosk's submission: checked against what it prepared earlier, applied now."""
    checked = applications.check(service, form, prepared)
    with env.db.write() as s:
        return applications._apply(s, env, service, aid, checked, prepared)


def test_two_replacements_prepared_together_give_one_application(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    aid = account_id(env, p)
    second = applications.prepare(env, REPLACE, aid)  # kiosk 2 is paused after its check
    first = applications.submit(env, REPLACE, aid, renewal())
    with pytest.raises(DomainError, match=f"业务流水号{first.serial_no}"):
        _apply_late(env, REPLACE, aid, {"kind": "lost", "delivery": "mail", "address": ADDRESS}, second)
    assert [v.serial_no for v in applications.list_for(env, aid)] == [first.serial_no]


def test_two_delays_prepared_together_give_one(env: Env, people: dict[str, Person]) -> None:
    p = people["truck_driver"]
    aid = account_id(env, p)
    form = {"reason": "服兵役", "detail": "", "until": "2028-01-01"}
    second = applications.prepare(env, DELAY_REVIEW, aid)
    applications.submit(env, DELAY_REVIEW, aid, form)
    with pytest.raises(DomainError, match="无需重复申请"):
        _apply_late(env, DELAY_REVIEW, aid, form, second)
    assert len(applications.list_for(env, aid)) == 1


@pytest.mark.parametrize("ends", ["finished", "withdrawn"])
def test_no_review_delay_while_a_review_education_is_being_handled(env: Env, people: dict[str, Person],
                                                                   ends: str) -> None:
    """A 审验教育 applied for is the driver taking the 审验: no 延期审验 while it is 受理中, also when it
    came between 下一步 and 提交; once finished, or withdrawn at the counter, the delay may be asked for."""
    from kiosk.services import counter_applications
    from kiosk.services.staff import StaffSession

    education = SERVICES["review_education"]
    aid = account_id(env, people["lorry_driver"])  # 冯莉, B2 with 3 points: 网络教育 possible
    late = applications.prepare(env, DELAY_REVIEW, aid)  # the delay's form opened first
    done = applications.submit(env, education, aid, {"way": "网络教育", "declaration": "1"})
    with pytest.raises(DomainError) as refused_now:
        applications.prepare(env, DELAY_REVIEW, aid)
    assert refused_now.value.message.startswith(
        f"您的驾驶人审验教育申请（业务流水号{done.serial_no}）正在办理，无需延期审验。")
    with pytest.raises(DomainError, match=f"业务流水号{done.serial_no}"):
        _apply_late(env, DELAY_REVIEW, aid, {"reason": "服兵役", "detail": "", "until": "2028-01-01"}, late)
    assert licence(env, people["lorry_driver"]).status == "A"
    applications.prepare(env, DELAY_MEDICAL, aid)  # the other delays are not affected
    clerk = StaffSession("J1001", "王警官", ("counter",))
    if ends == "finished":
        counter_applications.finish(env, clerk, aid, done.serial_no, "已完成网络学习")
    else:
        counter_applications.refuse(env, clerk, aid, done.serial_no, "申请人要求撤回")
    applications.prepare(env, DELAY_REVIEW, aid)  # nothing under way any more


def test_a_lost_card_is_not_reissued_when_held_since_the_application(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    done = applications.submit(env, REPLACE, account_id(env, p), {"kind": "lost", "delivery": "mail",
                                                                  "address": ADDRESS})
    _set_licence(env, p, status="K")  # 扣押 after the application
    with pytest.raises(DomainError, match="扣押期间，不能申请补领"):
        finish(env, done.serial_no, "已邮寄")


def test_a_held_licence_found_at_apply_is_refused(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]
    aid = account_id(env, p)
    prepared = applications.prepare(env, REPLACE, aid)
    _set_licence(env, p, status="D")
    with pytest.raises(DomainError, match="暂扣期间"):
        _apply_late(env, REPLACE, aid, {"kind": "lost", "delivery": "mail", "address": ADDRESS}, prepared)


def test_renewal_finish_clears_the_medical_delay_too(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    done = applications.submit(env, REPLACE, account_id(env, p), renewal())
    _set_licence(env, p, status="HNP")
    finish(env, done.serial_no, "已邮寄")
    assert licence(env, p).status == "H"


def test_no_renewal_delay_long_before_the_expiry(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]  # 刘洋: valid for years yet
    with pytest.raises(DomainError, match="尚未到换证时间，无需延期换证"):
        applications.prepare(env, DELAY_RENEWAL, account_id(env, p))
    assert licence(env, p).status == "A"


def test_a_renewal_delay_runs_beyond_the_expiry(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]  # 梁雪: expires in 60 days
    valid_to = licence(env, p).valid_to
    prepared = applications.prepare(env, DELAY_RENEWAL, account_id(env, p))
    assert f"须晚于有效期满日期{valid_to:%Y-%m-%d}" in prepared.intro
    err = refused(DELAY_RENEWAL, env, p, {"reason": "出国（境）", "until": f"{valid_to:%Y-%m-%d}"})
    assert err.field == "until" and f"晚于驾驶证有效期满日期{valid_to:%Y-%m-%d}" in err.message


def test_medical_and_review_delays_only_for_those_who_must(env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]  # C1, 38 years old
    with pytest.raises(DomainError, match="无需每年提交身体条件证明"):
        applications.prepare(env, DELAY_MEDICAL, account_id(env, p))
    with pytest.raises(DomainError, match="无需参加驾驶证审验"):
        applications.prepare(env, DELAY_REVIEW, account_id(env, p))
    applications.prepare(env, DELAY_MEDICAL, account_id(env, people["coach_driver"]))  # A1
    applications.prepare(env, DELAY_REVIEW, account_id(env, people["coach_driver"]))


def test_a_driver_of_seventy_may_delay_the_certificate(env: Env, people: dict[str, Person]) -> None:
    from kiosk.domain.ids import id_check_char

    p = people["driver_normal"]
    first17 = "50011219560824055"  # born 1956-08-24: 70 on 2026-12-01
    with env.db.write() as s:
        s.get(Account, account_id(env, p)).id_number = first17 + id_check_char(first17)  # type: ignore[union-attr]
    with env.db.read() as s:
        aid = s.scalars(select(Account.id).where(Account.id_number.startswith(first17))).one()
    applications.prepare(env, DELAY_MEDICAL, aid)
    with pytest.raises(DomainError, match="无需参加驾驶证审验"):  # C1: no 审验 at any age
        applications.prepare(env, DELAY_REVIEW, aid)


def test_a_licence_expired_over_a_year_is_sent_to_the_counter_before_the_form(env: Env,
                                                                              people: dict[str, Person]) -> None:
    """韩冬: every 业务类型 would be refused, so he is told at once (a tester filled in 期满换证 first)."""
    p = people["expired_long"]
    with pytest.raises(DomainError) as err:
        applications.prepare(env, REPLACE, account_id(env, p))
    valid_to = licence(env, p).valid_to
    assert err.value.field is None and err.value.message == (
        f"驾驶证有效期至{valid_to:%Y-%m-%d}，有效期满一年后（{valid_to.year + 1}{valid_to:-%m-%d}以后）"
        "不能在线补领、换领、期满换证或转入，请到车管所窗口办理")


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


def test_a_detail_of_punctuation_is_refused_for_another_good_reason(env: Env, people: dict[str, Person]) -> None:
    form = {"reason": "其他正当理由", "detail": "。。，，！", "until": "2028-01-01"}
    err = refused(DELAY_REVIEW, env, people["truck_driver"], form)
    assert err.field == "detail" and "标点符号不计" in err.message


@pytest.mark.parametrize("typed, kept", [(" ab! ", "ab!"), ("。。，，！", "。。，，！"), ("", "")])
def test_with_a_listed_reason_the_detail_is_an_optional_note(env: Env, people: dict[str, Person], typed: str,
                                                             kept: str) -> None:
    """选择其他正当理由时必填: with 服兵役 a short note is kept as typed, not refused (a tester's
    ``ab!`` was refused with 至少4个...)."""
    prepared = applications.prepare(env, DELAY_MEDICAL, account_id(env, people["truck_driver"]))
    checked = applications.check(DELAY_MEDICAL, {"reason": "服兵役", "detail": typed, "until": "2028-01-01"},
                                 prepared)
    assert checked.clean["detail"] == kept
    assert (("具体说明", kept) in checked.summary) == bool(kept)


def test_an_old_certificate_names_its_last_valid_day(env: Env, people: dict[str, Person]) -> None:
    err = refused(REPLACE, env, people["renew_soon"], renewal("2026-05-31"))  # today 2026-12-01
    assert err.field == "cert_date" and "有效期至2026-11-30，已过期" in err.message
