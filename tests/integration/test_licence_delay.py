"""The three 延期 services (延期换证, 延期提交身体条件证明, 延期审验) on the generic flow."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import Account
from kiosk.domain.errors import DomainError
from kiosk.services import applications, profile
from kiosk.services.catalog import SERVICES
from kiosk.services.demo_people import Person
from kiosk.services.env import Env

from tests.integration.licence_helpers import (DELAY_MEDICAL, DELAY_RENEWAL, DELAY_REVIEW, account_id, apply_late,
                                              licence, refused)


def test_delayed_renewal_is_decided_at_once_and_sets_the_status_after_the_expiry(env: Env,
                                                                                 people: dict[str, Person]) -> None:
    """Granted at once; the status 延期换证 begins the day after 有效期至 (at the next sign-in), not on the
    day it is granted (the licence is still valid: test_licence_delay_start)."""
    from kiosk.services import auth
    from tests.conftest import last_sms_code

    p = people["renew_soon"]
    aid = account_id(env, p)
    valid_to = licence(env, p).valid_to
    prepared = applications.prepare(env, DELAY_RENEWAL, aid)
    assert "延期期间不得驾驶机动车" in prepared.intro
    form = {"reason": "出国（境）", "detail": "", "until": "2028-06-30"}
    checked = applications.check(DELAY_RENEWAL, form, prepared)
    assert ("注意", "延期期间不得驾驶机动车") in checked.summary
    done = applications.submit(env, DELAY_RENEWAL, aid, form)
    assert done.status == "已办结" and "2028-06-30" in done.note
    assert licence(env, p).status == "A"
    (view,) = applications.list_for(env, aid)
    begins = valid_to + timedelta(days=1)
    assert view.payload["until"] == "2028-06-30" and view.payload["from"] == f"{begins:%Y-%m-%d}"
    with pytest.raises(DomainError, match="2028-06-30"):
        applications.prepare(env, DELAY_RENEWAL, aid)
    # 我的驾驶证 says how long, from when, and once the date has passed, that it has
    assert profile.licence_of(env, aid).delays == (
        f"延期换领驾驶证至2028-06-30（自{begins:%Y-%m-%d}起），延期期间不得驾驶机动车",)
    env.clock.advance(days=(begins - env.clock.now().date()).days)
    auth.start_sign_in(env, p.id_number)
    auth.finish_sign_in(env, p.id_number, last_sms_code(env, p.phone))
    assert licence(env, p).status == "N"
    assert profile.licence_of(env, aid).delays == ("延期换领驾驶证至2028-06-30，延期期间不得驾驶机动车",)
    with pytest.raises(DomainError, match="已在延期换证期间（延期至2028-06-30）"):
        applications.prepare(env, DELAY_RENEWAL, aid)
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
    from kiosk.services import counter_citizen
    from kiosk.services.staff import StaffSession

    p = people["lorry_driver"]  # 冯莉: B2 with 3 points, takes the 审验 and gives a 身体条件证明 every year
    aid = account_id(env, p)
    form = {"reason": "服兵役", "detail": "", "until": "2028-01-01"}
    applications.submit(env, DELAY_MEDICAL, aid, form)
    due = applications.prepare(env, DELAY_REVIEW, aid).context["review_due"]
    assert isinstance(due, date)
    applications.submit(env, DELAY_REVIEW, aid, form)
    assert licence(env, p).status == "P"  # 延期审验 from the day after her 审验's last day
    begins = due + timedelta(days=1)
    assert profile.licence_of(env, aid).delays == (
        "延期提交身体证明至2028-01-01，延期期间不得驾驶机动车",
        f"延期驾驶证审验至2028-01-01（自{begins:%Y-%m-%d}起），延期期间不得驾驶机动车")
    env.clock.advance(days=(begins - env.clock.now().date()).days)
    counter_citizen.lookup(env, StaffSession("J1001", "王警官", ("counter",)), p.id_number, "本人到窗口办理业务")
    assert licence(env, p).status == "PT"
    assert profile.licence_of(env, aid).delays == ("延期提交身体证明至2028-01-01，延期期间不得驾驶机动车",
                                                  "延期驾驶证审验至2028-01-01，延期期间不得驾驶机动车")


def test_delay_refusals(env: Env, people: dict[str, Person]) -> None:
    p = people["lorry_driver"]
    err = refused(DELAY_REVIEW, env, p, {"reason": "服兵役", "until": "2030-12-02"})
    assert err.field == "until" and "2029-12-01" in err.message
    err = refused(DELAY_REVIEW, env, p, {"reason": "其他正当理由", "detail": "", "until": "2027-12-01"})
    assert err.field == "detail"
    err = refused(DELAY_REVIEW, env, p, {"until": "2027-12-01"})
    assert err.field == "reason"
    with pytest.raises(DomainError, match="有效期满一年后"):
        applications.prepare(env, DELAY_RENEWAL, account_id(env, people["expired_long"]))


def test_two_delays_prepared_together_give_one(env: Env, people: dict[str, Person]) -> None:
    p = people["lorry_driver"]
    aid = account_id(env, p)
    form = {"reason": "服兵役", "detail": "", "until": "2028-01-01"}
    second = applications.prepare(env, DELAY_REVIEW, aid)
    applications.submit(env, DELAY_REVIEW, aid, form)
    with pytest.raises(DomainError, match="无需重复申请"):
        apply_late(env, DELAY_REVIEW, aid, form, second)
    assert len(applications.list_for(env, aid)) == 1


@pytest.mark.parametrize("ends", ["finished", "withdrawn"])
def test_no_review_delay_while_a_review_education_is_being_handled(env: Env, people: dict[str, Person],
                                                                   ends: str) -> None:
    """A 审验教育 applied for is the driver taking the 审验: no 延期审验 while it is 受理中, also when it
    came between 下一步 and 提交; withdrawn at the counter, the delay may be asked for; finished, this
    cycle's 审验 is done and there is nothing to put off (tester: a delay was granted after it)."""
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
        apply_late(env, DELAY_REVIEW, aid, {"reason": "服兵役", "detail": "", "until": "2028-01-01"}, late)
    assert licence(env, people["lorry_driver"]).status == "A"
    applications.prepare(env, DELAY_MEDICAL, aid)  # the other delays are not affected
    clerk = StaffSession("J1001", "王警官", ("counter",))
    if ends == "finished":
        env.clock.advance(hours=3)  # its 3 hours of study
        counter_applications.finish(env, clerk, aid, done.serial_no, "已完成网络学习")
        finished_on = env.clock.now().date()
        with pytest.raises(DomainError) as refused:
            applications.prepare(env, DELAY_REVIEW, aid)
        assert refused.value.message == (f"本记分周期的驾驶人审验教育已完成（业务流水号{done.serial_no}，"
                                         f"{finished_on:%Y-%m-%d}办结），无需延期审验。")
        with pytest.raises(DomainError, match="本记分周期的驾驶人审验教育已完成"):  # the form opened before
            apply_late(env, DELAY_REVIEW, aid, {"reason": "服兵役", "detail": "", "until": "2028-01-01"}, late)
        assert licence(env, people["lorry_driver"]).status == "A"
        applications.prepare(env, DELAY_MEDICAL, aid)
    else:
        counter_applications.refuse(env, clerk, aid, done.serial_no, "申请人要求撤回")
        applications.prepare(env, DELAY_REVIEW, aid)  # nothing under way any more


def test_a_renewal_delay_long_before_the_expiry(env: Env, people: dict[str, Person]) -> None:
    """Tester: 周杰 (valid to 2027-10-24), leaving for two years of 服兵役, was told 尚未到换证时间，无需延期换证
    until 90 days before the expiry, when he is away. RULES.md and L162 Art 75: within the validity."""
    p = people["two_cars"]  # 周杰: valid for 10 months yet
    aid = account_id(env, p)
    valid_to = licence(env, p).valid_to
    assert (valid_to - env.clock.now().date()).days > 90
    prepared = applications.prepare(env, DELAY_RENEWAL, aid)
    assert f"延期截止日期须晚于有效期满日期{valid_to:%Y-%m-%d}" in prepared.intro
    err = refused(DELAY_RENEWAL, env, p, {"reason": "服兵役", "until": f"{valid_to:%Y-%m-%d}"})
    assert err.field == "until" and f"晚于驾驶证有效期满日期{valid_to:%Y-%m-%d}" in err.message
    done = applications.submit(env, DELAY_RENEWAL, aid, {"reason": "服兵役", "detail": "", "until": "2029-06-30"})
    assert done.status == "已办结" and "延期至2029-06-30" in done.note
    assert licence(env, p).status == "A"  # 正常 until the expiry (test_licence_delay_start)


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


def test_a_detail_of_punctuation_is_refused_for_another_good_reason(env: Env, people: dict[str, Person]) -> None:
    form = {"reason": "其他正当理由", "detail": "。。，，！", "until": "2028-01-01"}
    err = refused(DELAY_REVIEW, env, people["lorry_driver"], form)
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


def test_a_c1_driver_expired_over_a_year_is_told_he_needs_no_medical_or_review_delay(
        env: Env, people: dict[str, Person]) -> None:
    """韩冬 (C1, 逾期未换证, expired over a year): the same 无需申请 answer as 刘洋, not 请到车管所窗口办理."""
    aid = account_id(env, people["expired_long"])
    with pytest.raises(DomainError, match="无需每年提交身体条件证明") as medical:
        applications.prepare(env, DELAY_MEDICAL, aid)
    with pytest.raises(DomainError, match="无需参加驾驶证审验") as review:
        applications.prepare(env, DELAY_REVIEW, aid)
    assert "车管所窗口" not in medical.value.message + review.value.message
    with pytest.raises(DomainError, match="有效期满一年后"):  # the renewal is his to do: the window speaks
        applications.prepare(env, DELAY_RENEWAL, aid)


def test_no_review_delay_for_a_cycle_without_points(env: Env, people: dict[str, Person]) -> None:
    """马超 (A2, no points this cycle) is 免予本记分周期审验, as 驾驶人审验教育 tells him: there is no
    审验 to put off (a tester was granted one, and the licence showed 延期审验). Once 逾期未审验, he may."""
    from tests.integration.licence_helpers import set_licence

    p = people["truck_driver"]
    with pytest.raises(DomainError, match="免予本记分周期审验，无需申请延期审验"):
        applications.prepare(env, DELAY_REVIEW, account_id(env, p))
    assert licence(env, p).status == "A"
    set_licence(env, p, status="S")
    applications.prepare(env, DELAY_REVIEW, account_id(env, p))


def test_a_review_delay_must_reach_past_this_cycles_review(env: Env, people: dict[str, Person]) -> None:
    """冯莉 (B2, 3 points): her 审验 is due by the end of the 30 days after this cycle; a delay ending
    before that puts nothing off. The form says the date before she types."""
    p = people["lorry_driver"]
    prepared = applications.prepare(env, DELAY_REVIEW, account_id(env, p))
    due = prepared.context["review_due"]
    assert f"须晚于本记分周期的审验截止日期{due:%Y-%m-%d}" in prepared.intro
    err = refused(DELAY_REVIEW, env, p, {"reason": "服兵役", "detail": "", "until": f"{due:%Y-%m-%d}"})
    assert err.field == "until" and err.message == f"延期审验的截止日期须晚于本记分周期的审验截止日期{due:%Y-%m-%d}"
    later = due.replace(day=due.day + 1) if due.day < 28 else date(due.year + (due.month == 12), due.month % 12 + 1, 1)
    done = applications.submit(env, DELAY_REVIEW, account_id(env, p), {"reason": "服兵役", "detail": "", "until": f"{later:%Y-%m-%d}"})
    assert done.status == "已办结" and licence(env, p).status == "A"  # 延期审验 from the day after due
    assert f"自{due + timedelta(days=1):%Y-%m-%d}起生效" in done.note
