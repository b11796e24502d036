"""A delay's status begins when what it puts off falls due (domain.licence_delay.starts_on).

Commit 8888b2b opened 延期换证 at any time of the validity (RULES.md, L162 Art 75) but marked the
licence 延期换证 on the day it was granted, so 刘洋 (valid to 2036) was shown 状态异常：延期换证 by
电子驾驶证核验 ten years early (tester; reverted in 79f59d6). Now the licence stays 正常 everywhere
until its 有效期至 (我的驾驶证, the e-licence card and its code, the verification desk) while the
card and the forms say the granted delay beside 有效期至; the day after, the status is 延期换证.
延期审验 likewise waits for the 审验's last day. On SQLite with the demo data (test clock 2026-12-01)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.domain.errors import DomainError
from kiosk.services import applications, counter_verify, elicence, elicence_card, elicence_verify, profile
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from kiosk.services.staff import StaffSession
from tests.integration.licence_helpers import (DELAY_RENEWAL, DELAY_REVIEW, REPLACE, account_id, finish, licence,
                                              renewal)

CHECKER = StaffSession("H2001", "钱核验", ("verify",))


def _seen(env: Env, p: Person, aid: int) -> dict[str, str]:
    """What each reader says of the licence now: 我的驾驶证, the card as it opens (and its code, read
    back), and the verification desk's online check of that code."""
    shown = elicence_card.display(env, aid, opening=True)
    assert shown.card is not None and shown.code is not None, shown.message
    card = dict(shown.card.fields)
    _report, claims = elicence_verify.offline(env, shown.code.full)
    _report, compact = elicence_verify.offline(env, shown.code.compact)
    checked = counter_verify.verify(env, CHECKER, shown.code.full, online=True)
    return {"profile": profile.licence_of(env, aid).status_text, "card": card["状态"],
            "validity": card["有效期限"], "code": claims.status, "compact": compact.status,  # type: ignore[attr-defined]
            "desk": checked.reason}


def _day(env: Env, day: date) -> None:
    env.clock.advance(days=(day - env.clock.now().date()).days)


def test_liu_yang_granted_a_renewal_delay_years_before_the_expiry_stays_normal_until_it(
        env: Env, people: dict[str, Person]) -> None:
    p = people["driver_normal"]  # 刘洋: C1, valid to 2036, has an e-licence
    aid = account_id(env, p)
    valid_to = licence(env, p).valid_to
    assert (valid_to - env.clock.now().date()).days > 3000
    begins, until = valid_to + timedelta(days=1), date(valid_to.year + 2, 6, 30)
    elicence.apply_direct(env, aid)
    prepared = applications.prepare(env, DELAY_RENEWAL, aid)  # not refused: any time of the validity
    assert f"延期截止日期须晚于有效期满日期{valid_to:%Y-%m-%d}" in prepared.intro
    form = {"reason": "服兵役", "detail": "", "until": f"{until:%Y-%m-%d}"}
    checked = applications.check(DELAY_RENEWAL, form, prepared)
    assert ("生效日期", f"{begins:%Y-%m-%d}（此前驾驶证状态不变）") in checked.summary
    done = applications.submit(env, DELAY_RENEWAL, aid, form)
    assert done.status == "已办结"
    assert done.note == (f"已准予延期换领驾驶证，延期至{until:%Y-%m-%d}，自{begins:%Y-%m-%d}起生效，此前驾驶证状态不变。"
                         "延期期间不得驾驶机动车。")
    assert licence(env, p).status == "A"
    validity = f"至 {valid_to:%Y-%m-%d}（延期至{until:%Y-%m-%d}）"  # one date format on the card
    normal = {"profile": "正常", "card": "正常", "code": "A", "compact": "A", "desk": "验证通过，驾驶证状态正常"}
    seen = _seen(env, p, aid)
    assert seen.pop("validity").endswith(validity) and seen == normal
    assert profile.licence_of(env, aid).delays == (
        f"延期换领驾驶证至{until:%Y-%m-%d}（自{begins:%Y-%m-%d}起），延期期间不得驾驶机动车",)
    with pytest.raises(DomainError) as twice:
        applications.prepare(env, DELAY_RENEWAL, aid)
    assert twice.value.message == (f"您已获准延期换领驾驶证（延期至{until:%Y-%m-%d}），自{begins:%Y-%m-%d}起"
                                   "延期期间不得驾驶机动车，无需重复申请。")
    assert f"有效期至{valid_to:%Y-%m-%d}（延期至{until:%Y-%m-%d}）" in applications.prepare(env, REPLACE, aid).intro

    _day(env, valid_to)  # the last day of the validity: still 正常
    seen = _seen(env, p, aid)
    assert seen.pop("validity").endswith(validity) and seen == normal
    _day(env, begins)
    seen = _seen(env, p, aid)
    assert seen.pop("validity").endswith(validity)
    assert seen == {"profile": "延期换证", "card": "延期换证", "code": "N", "compact": "N",
                    "desk": "验证通过，驾驶证状态为延期换证"}
    assert licence(env, p).status == "N"
    assert profile.licence_of(env, aid).delays == (f"延期换领驾驶证至{until:%Y-%m-%d}，延期期间不得驾驶机动车",)
    with env.db.read() as s:
        began = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "licence_delay_began")))
    assert began == ["驾驶证状态由正常转为延期换证"]  # once, though read three times since


def test_a_renewal_in_time_leaves_the_waiting_delay_nothing_to_put_off(env: Env, people: dict[str, Person]) -> None:
    """梁雪 granted 延期换证 before her expiry, then renews after all (期满换证): the delay never begins."""
    p = people["renew_soon"]
    aid = account_id(env, p)
    old = licence(env, p).valid_to
    applications.submit(env, DELAY_RENEWAL, aid, {"reason": "出国（境）", "detail": "", "until": "2028-06-30"})
    assert licence(env, p).status == "A"
    finish(env, applications.submit(env, REPLACE, aid, renewal()).serial_no, "已邮寄")
    assert licence(env, p).valid_to > old
    elicence.apply_direct(env, aid)
    _day(env, old + timedelta(days=1))
    seen = _seen(env, p, aid)
    assert "延期至" not in seen.pop("validity") and seen["code"] == "A" and seen["card"] == "正常"
    assert licence(env, p).status == "A" and profile.licence_of(env, aid).delays == ()


def test_a_review_delay_begins_after_the_reviews_last_day(env: Env, people: dict[str, Person]) -> None:
    """冯莉 (B2, 3 points): her 审验 is due by the end of the 30 days after this 记分周期; a 延期审验
    granted now marks the licence 延期审验 only from the day after that."""
    p = people["lorry_driver"]
    aid = account_id(env, p)
    due = applications.prepare(env, DELAY_REVIEW, aid).context["review_due"]
    assert isinstance(due, date) and due > env.clock.now().date()
    until = date(due.year + 1, 6, 30)
    done = applications.submit(env, DELAY_REVIEW, aid, {"reason": "服兵役", "detail": "", "until": f"{until:%Y-%m-%d}"})
    assert f"自{due + timedelta(days=1):%Y-%m-%d}起生效" in done.note
    elicence.apply_direct(env, aid)
    seen = _seen(env, p, aid)
    assert (seen["profile"], seen["card"], seen["code"]) == ("正常", "正常", "A")
    _day(env, due)
    assert _seen(env, p, aid)["code"] == "A"
    _day(env, due + timedelta(days=1))
    seen = _seen(env, p, aid)
    assert (seen["profile"], seen["card"], seen["code"]) == ("延期审验", f"延期审验（延期至{until:%Y-%m-%d}）", "T")
