"""驾驶证电子版 for a licence 逾期未换证 says what to do first (tester: 韩冬 was only told 暂不能申领):
期满换证, at a 车管所 window or at this kiosk, in the words the 驾驶证补换领 page uses for it."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, update

from kiosk.db.models import DrivingLicence
from kiosk.services import elicence, elicence_card
from kiosk.services.elicence_steps import first_step


def _account(env, people, key: str) -> int:  # type: ignore[no-untyped-def]
    return elicence_card.account_for(env, people[key].id_number)


def test_more_than_a_year_overdue_is_sent_to_the_window_as_the_replace_page_says(env, people) -> None:
    account = _account(env, people, "expired_long")  # 韩冬
    o = elicence.overview(env, account)
    assert o.message == ("您的驾驶证状态为逾期未换证，暂不能申领电子驾驶证。\n"
                         "请先办理期满换证：驾驶证有效期满已超过一年，不能在线换证，请到车管所窗口办理，"
                         "换证办结后即可申领电子驾驶证。")
    # the words 驾驶证补换领 gives its 期满换证 for this licence (not a copy that could drift)
    from kiosk.domain.licence_renewal import renewal_refusal

    with env.db.read() as s:
        valid_to = s.scalar(select(DrivingLicence.valid_to).where(DrivingLicence.account_id == account))
    said = renewal_refusal(env.clock.now().date(), valid_to)
    assert said is not None and f"请先办理期满换证：{said}，" in o.message

def test_overdue_within_a_year_is_sent_to_the_kiosks_own_renewal(env, people) -> None:
    account = _account(env, people, "driver_normal")
    today = env.clock.now().date()
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account)
                  .values(status="M", valid_from=date(2020, 10, 24), valid_to=today - timedelta(days=30)))
    message = elicence.overview(env, account).message
    assert message.startswith("您的驾驶证状态为逾期未换证，暂不能申领电子驾驶证。\n请先办理期满换证：")
    assert "在【驾驶证补换领】中选择【期满换证】" in message and "车管所窗口" not in message


def test_an_issued_card_shown_red_is_told_the_step_too(env, people) -> None:
    account = _account(env, people, "driver_normal")
    elicence.apply_direct(env, account)
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account).values(status="M"))
    message = elicence.overview(env, account).message
    assert "已申领的电子驾驶证以红色显示。\n请先办理期满换证" in message


@pytest.mark.parametrize("status", ["B", "D", "A", "HI"])
def test_other_statuses_get_no_first_step(status: str) -> None:
    assert first_step(date(2026, 12, 3), status, date(2015, 10, 29), date(2025, 10, 29)) is None


def test_my_licence_says_the_first_step_under_its_status(env, people) -> None:
    """驾驶证信息 said only 驾驶证状态：逾期未换证 (tester): the licence view carries the same step."""
    from kiosk.services import profile

    lic = profile.licence_of(env, _account(env, people, "expired_long"))  # 韩冬
    assert lic is not None and lic.first == "办理期满换证：驾驶证有效期满已超过一年，不能在线换证，请到车管所窗口办理"
    normal = profile.licence_of(env, _account(env, people, "driver_normal"))
    assert normal is not None and normal.first == ""


@pytest.mark.parametrize(("status", "first", "then"), [
    ("S", "携带身份证明和驾驶证到车管所窗口办理驾驶证审验", "审验办结后"),
    ("R", "到就近医疗机构体检网点体检，再携带身份证明和身体条件证明到车管所窗口提交", "提交身体条件证明后")])
def test_overdue_verification_and_medical_say_what_to_do_first(env, people, status: str, first: str, then: str) -> None:
    """逾期未审验 and 逾期未体检 were a dead end (暂不能申领 and nothing more): the e-licence page and
    驾驶证信息 say what to do first, and where."""
    from kiosk.services import profile

    account = _account(env, people, "driver_normal")
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account).values(status=status))
    message = elicence.overview(env, account).message
    assert message.endswith(f"暂不能申领电子驾驶证。\n请先{first}，{then}即可申领电子驾驶证。")
    lic = profile.licence_of(env, account)
    assert lic is not None and lic.first == first


@pytest.mark.parametrize(("status", "step"), [
    ("F", "如有疑问，请联系驾驶证发证地公安交管部门。"),  # 吊销
    ("E", "如有疑问，请联系驾驶证发证地公安交管部门。"),  # 撤销
    ("G", "如有疑问，请联系驾驶证发证地公安交管部门。"),  # 注销
    ("Z", "如有疑问，请联系驾驶证发证地公安交管部门。"),  # 其他
    ("B", "请在【学习教育业务】中申请【满分学习考试】，考试合格并经复核后即可申领电子驾驶证。"),
    ("D", "暂扣期满后即可申领电子驾驶证。如有疑问，请联系驾驶证发证地公安交管部门。"),
    ("K", "扣押解除后即可申领电子驾驶证。如有疑问，请联系驾驶证发证地公安交管部门。"),
    ("BU", "扣留解除后即可申领电子驾驶证。如有疑问，请联系驾驶证发证地公安交管部门。"),  # the card first
    ("BS", "请先携带身份证明和驾驶证到车管所窗口办理驾驶证审验，审验办结后即可申领电子驾驶证。"),  # the deadline first
])
def test_every_refusal_says_a_next_step(env, people, status: str, step: str) -> None:
    """吊销, 超分, 暂扣 ... said only 不能申领 / 暂不能申领电子驾驶证 (tester), while 补换领 names whom to ask."""
    account = _account(env, people, "driver_normal")
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account).values(status=status))
    first, then = elicence.overview(env, account).message.split("\n")
    assert "不能申领电子驾驶证" in first and first.endswith("。") and then == step


def test_the_demo_refusals_say_theirs(env, people) -> None:
    """徐明 (超分), 陈静 (吊销), 孙丽 (暂扣), 罗军 (注销): the next step under the refusal; 锁定 and 转出
    say theirs in their message already."""
    for who, step in (("full_score", "满分学习考试"), ("revoked", "请联系驾驶证发证地公安交管部门"),
                      ("suspended", "暂扣期满后"), ("cancelled", "请联系驾驶证发证地公安交管部门")):
        lines = elicence.overview(env, _account(env, people, who)).message.split("\n")
        assert len(lines) == 2 and step in lines[1], (who, lines)
    assert elicence.overview(env, _account(env, people, "locked")).message == "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门。"


def test_an_issued_card_is_told_it_comes_back_or_whom_to_ask(env, people) -> None:
    account = _account(env, people, "driver_normal")
    elicence.apply_direct(env, account)
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account).values(status="D"))
    assert elicence.overview(env, account).message.split("\n")[1] == (
        "暂扣期满后电子驾驶证即恢复正常显示。如有疑问，请联系驾驶证发证地公安交管部门。")
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account).values(status="F"))
    assert elicence_card.display(env, account).message == (  # the card page, in the card's place
        "您的驾驶证状态为吊销，不能申领电子驾驶证，已申领的电子驾驶证不再显示。\n如有疑问，请联系驾驶证发证地公安交管部门。")
