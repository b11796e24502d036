"""驾驶证电子版 services on the demo database: applying (stored photo or a new one), who may,
review, and the messages that say so."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.config import ASSETS
from kiosk.db.models import Application, DrivingLicence, Message
from kiosk.db.models_elicence import PhotoSubmission
from kiosk.domain.errors import DomainError
from kiosk.services import elicence, elicence_card, elicence_review
from kiosk.services.applications import list_for
from tests.integration.elicence_service_helpers import GOOD, acc


DARK = ASSETS / "photos" / "camera_dark.png"


def messages(env, account_id):  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return list(s.scalars(select(Message.body).where(Message.account_id == account_id).order_by(Message.id)))


def test_stored_photo_asks_the_question_and_demo_mode_issues_at_once(env, people) -> None:
    a = acc(env, people, "driver_normal")
    o = elicence.overview(env, a)
    assert o.can_apply and o.direct and o.question == "您当前符合直接使用二代身份证申领电子驾驶证的条件，是否继续申领？"
    done = elicence.apply_direct(env, a)
    assert done.issued and done.status == "已办结"
    assert elicence.overview(env, a).can_show
    [app] = list_for(env, a)
    # approved at once: no 待审核 entry promising 一个工作日内审核 before the 已办结 (tester)
    assert app.title == "驾驶证电子版申领" and [e.status for e in app.events] == ["已办结"]
    assert "一个工作日" not in app.events[0].note and "审核通过，电子驾驶证已生成" in app.events[0].note
    assert any("已审核通过" in m for m in messages(env, a))
    with pytest.raises(DomainError, match="无需重复申领"):
        elicence.apply_direct(env, a)


def test_outside_demo_mode_the_stored_photo_is_reviewed_too(env, people) -> None:
    env.settings.demo = False
    a = acc(env, people, "violation")  # 违法未处理 may apply
    done = elicence.apply_direct(env, a)
    assert done.status == "待审核" and not done.issued
    assert elicence.overview(env, a).pending_serial == done.serial_no
    [item] = elicence_review.pending(env)
    assert item.serial_no == done.serial_no and item.source == "二代身份证照片"
    elicence_review.approve(env, done.serial_no, "staff:J1002")
    assert elicence.overview(env, a).can_show
    [app] = list_for(env, a)  # reviewed: 待审核 (the review promised), then 已办结
    assert [e.status for e in app.events] == ["待审核", "已办结"] and "一个工作日内审核" in app.events[0].note
    assert elicence_card.display(env, a).card.colour == "red"  # 违法未处理 is not 正常


@pytest.mark.parametrize(("key", "kind", "text"), [
    ("revoked", "hidden", "吊销"), ("cancelled", "hidden", "注销"),
    ("locked", "locked", "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门"),
    ("full_score", "shown_red", "超分"), ("suspended", "shown_red", "暂扣"),
])
def test_status_decides(env, people, key: str, kind: str, text: str) -> None:
    a = acc(env, people, key)
    o = elicence.overview(env, a)
    assert o.kind == kind and not o.can_apply and text in o.message
    with pytest.raises(DomainError, match=text):
        elicence.apply_direct(env, a)


def test_photo_path_checks_then_review_with_sms_inbox_and_progress(env, people) -> None:
    a = acc(env, people, "no_photo")
    o = elicence.overview(env, a)
    assert o.can_apply and not o.direct and "您未留存照片，不能直接使用二代身份证申领" in o.message
    assert o.question == o.photo_hint == ""  # no question to answer: the photo is the way
    with pytest.raises(DomainError, match="背景须为白色") as bad:
        elicence.apply_with_photo(env, a, "camera", DARK)
    assert bad.value.field == "photo" and list_for(env, a) == []  # nothing saved
    first = elicence.apply_with_photo(env, a, "camera", GOOD)
    assert first.status == "待审核"
    with pytest.raises(DomainError, match="请从列表中选择"):
        elicence_review.reject(env, first.serial_no, "不喜欢")
    elicence_review.reject(env, first.serial_no, "3")
    assert elicence.overview(env, a).state == "rejected"
    assert "眼镜反光或遮挡面部" in messages(env, a)[-1]
    second = elicence.apply_with_photo(env, a, "upload", GOOD)
    elicence_review.approve(env, second.serial_no)
    rows = {r.serial_no: r for r in list_for(env, a)}
    assert rows[first.serial_no].status == "审核不通过" and rows[second.serial_no].status == "已办结"
    with env.db.read() as s:
        lic = s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == a))
        sub = s.scalar(select(PhotoSubmission).where(PhotoSubmission.application_id == s.scalar(
            select(Application.id).where(Application.serial_no == second.serial_no))))
    assert lic.photo == sub.file_path and lic.photo_source == "upload" and sub.state == "approved"
    assert str(env.settings.data_dir) in sub.file_path  # a copy outside the database
    with pytest.raises(DomainError, match="没有待审核的业务"):
        elicence_review.approve(env, second.serial_no)


def test_apply_photo_status_says_whether_a_stored_photo_exists_and_refuses_who_cannot_apply(env, people) -> None:
    stored = elicence.apply_photo_status(env, acc(env, people, "violation"))
    assert stored.allowed and stored.message.startswith("您有系统留存照片，可以直接申领") and "证件照上传须知" in stored.notice
    none = elicence.apply_photo_status(env, acc(env, people, "no_photo"))
    assert none.allowed and none.message.startswith("您未留存照片")
    locked = elicence.apply_photo_status(env, acc(env, people, "locked"))
    assert not locked.allowed and locked.message == "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门。"
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    assert elicence.apply_photo_status(env, a).message == "您已申领电子驾驶证，无需重复申领。"  # said alone on the page: a sentence


def test_a_decided_photo_is_named_as_such_when_decided_again(env, people) -> None:
    """`kiosk review` on a serial already decided: not just 没有待审核的业务, but what was decided."""
    from kiosk.services.elicence_review import AlreadyReviewed

    a = acc(env, people, "no_photo")
    serial = elicence.apply_with_photo(env, a, "upload", GOOD).serial_no
    elicence_review.reject(env, serial, "2")
    with pytest.raises(AlreadyReviewed) as err:
        elicence_review.approve(env, serial, reviewer="staff:J1002")
    assert err.value.message == f"没有待审核的业务：{serial}（已审核不通过：照片过度美颜或经过技术处理）"
    assert (err.value.decision, err.value.reviewer) == ("审核不通过：照片过度美颜或经过技术处理", "staff:cli")


def test_the_submitted_messages_say_application_once(env, people) -> None:
    """「…申请（业务流水号…）申请已提交」 said 申请 twice: the inbox and SMS now say 已提交 after the
    serial number, for 申领 (outside demo mode) and for 更换照片 alike."""
    env.settings.demo = False
    a = acc(env, people, "violation")
    done = elicence.apply_direct(env, a)
    assert done.message.startswith("申请已提交")  # the seeds' words on the screen stay
    said = [m for m in messages(env, a) if done.serial_no in m]  # the inbox and the SMS
    assert said and all(m.endswith(f"您的驾驶证电子版申领（业务流水号{done.serial_no}）已提交，"
                                   "公安交管部门将在一个工作日内审核，结果通过短信和消息通知您。") for m in said)
    elicence_review.approve(env, done.serial_no, "staff:J1002")
    change = elicence.change_photo(env, a, "camera", GOOD)
    said = [m for m in messages(env, a) if change.serial_no in m]
    assert said and all(m.endswith(f"您的更换电子驾驶证照片申请（业务流水号{change.serial_no}）已提交，"
                                   "公安交管部门将在一个工作日内审核，结果通过短信和消息通知您。") for m in said)
    assert not any("申请已提交" in m and "申请（" in m for m in messages(env, a))


def test_a_review_decision_is_titled_with_it_in_the_inbox(env, people) -> None:
    """Tester: the submission and the decision both read 驾驶证电子版申领 in the inbox, while the
    counter's decisions read e.g. 学法减分（已办结）: the decision is titled with it."""
    from kiosk.services import messaging

    env.settings.demo = False
    a = acc(env, people, "violation")

    def titles(serial: str) -> list[str]:
        return [m.title for m in reversed(messaging.inbox(env, a)) if serial in m.body]

    applied = elicence.apply_direct(env, a)
    elicence_review.approve(env, applied.serial_no)
    assert titles(applied.serial_no) == ["驾驶证电子版申领（待审核）", "驾驶证电子版申领（审核通过）"]
    turned_down = elicence.change_photo(env, a, "camera", GOOD)
    elicence_review.reject(env, turned_down.serial_no, "1")
    assert titles(turned_down.serial_no) == ["更换电子驾驶证照片（待审核）", "更换电子驾驶证照片（审核不通过）"]
    changed = elicence.change_photo(env, a, "camera", GOOD)
    elicence_review.approve(env, changed.serial_no)
    assert titles(changed.serial_no) == ["更换电子驾驶证照片（待审核）", "更换电子驾驶证照片（审核通过）"]
    b = acc(env, people, "no_photo")
    refused = elicence.apply_with_photo(env, b, "camera", GOOD)
    elicence_review.reject(env, refused.serial_no, "2")
    assert [m.title for m in messaging.inbox(env, b) if refused.serial_no in m.body][0] == "驾驶证电子版申领（审核不通过）"
