"""驾驶证电子版 services on the demo database: apply, review, 6-month photo rule, re-application,
online verification of revoked and stale licences."""
from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kiosk.config import ASSETS
from kiosk.db.models import Application, DrivingLicence, Message
from kiosk.db.models_elicence import ElectronicLicence, PhotoSubmission
from kiosk.domain.errors import DomainError
from kiosk.services import elicence, elicence_card, elicence_photos, elicence_review, elicence_verify
from kiosk.services.applications import list_for

GOOD = ASSETS / "photos" / "camera_1.png"
DARK = ASSETS / "photos" / "camera_dark.png"


def acc(env, people, key):  # type: ignore[no-untyped-def]
    return elicence_card.account_for(env, people[key].id_number)


def messages(env, account_id):  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return list(s.scalars(select(Message.body).where(Message.account_id == account_id).order_by(Message.id)))


def set_licence(env, archive_no: str, **values) -> None:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        s.execute(update(DrivingLicence).where(DrivingLicence.archive_no == archive_no).values(**values))


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


def test_six_month_rule_after_an_uploaded_photo(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    assert elicence.photo_change_status(env, a).allowed  # the stored ID photo: at once
    change = elicence.change_photo(env, a, "camera", GOOD)
    assert elicence.photo_change_status(env, a).message == "您的照片正在审核，请等待审核结果后再更换。"
    elicence_review.approve(env, change.serial_no)
    status = elicence.photo_change_status(env, a)
    assert not status.allowed and "证件照上传须知" in status.notice
    # the first day it may be changed, said as such (后再申请 read as "after that day")
    assert status.message.endswith("须满6个月后才能更换，请于2027年6月1日起再申请。")
    with pytest.raises(DomainError, match="2027年6月1日"):
        elicence.change_photo(env, a, "upload", GOOD)
    env.clock.advance(days=181)  # 2027-05-31
    assert not elicence.photo_change_status(env, a).allowed
    env.clock.advance(days=1)  # 2027-06-01, the day named: allowed
    assert elicence.photo_change_status(env, a).allowed
    assert elicence.change_photo(env, a, "upload", GOOD).status == "待审核"


def test_class_change_forces_reapplication_and_old_codes_fail_online(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    old = elicence_card.fresh_code(env, a)
    set_licence(env, "500100000055", classes="C1E")
    for text in old.texts:
        report = elicence_verify.verify(env, text, online=True)
        assert not report.valid and "重新申领" in report.reason
        assert elicence_verify.verify(env, text).valid  # offline the signature is still fine
    o = elicence.overview(env, a)
    assert o.state == "needs_reapply" and o.reapply_reasons == ("准驾车型已变更",) and o.can_apply
    with pytest.raises(DomainError, match="重新申领"):
        elicence_card.fresh_code(env, a)
    # the card screen says it alone, in the card's place: a sentence (tester: no 。)
    assert elicence_card.display(env, a).message == "驾驶证准驾车型、有效期或发证机关已变更，需重新申领电子驾驶证。"
    env.clock.advance(seconds=5)
    assert elicence.apply_direct(env, a).issued
    new = elicence_card.fresh_code(env, a)
    assert elicence_verify.verify(env, new.full, online=True).valid
    assert elicence_verify.verify(env, new.compact, online=True).valid
    assert not elicence_verify.verify(env, old.full, online=True).valid  # still inside its 60 s


def test_a_licence_revoked_after_the_code_was_made_is_reported(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    code = elicence_card.fresh_code(env, a)
    set_licence(env, "500100000055", status="F")
    for text in code.texts:
        assert elicence_verify.verify(env, text).valid
        report = elicence_verify.verify(env, text, online=True)
        assert not report.valid and "吊销" in report.reason
    set_licence(env, "500100000055", status="D")  # 暂扣: genuine, shown in red
    report = elicence_verify.verify(env, code.full, online=True)
    assert report.valid and "暂扣" in report.reason and report.colour == "red"


def test_card_masks_the_number_on_the_kiosk_and_keys_live_in_files(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    card = dict(elicence_card.display(env, a).card.fields)
    assert card["证号"] == "5001**********0556" and card["准驾车型"] == "C1" and card["状态"] == "正常"
    assert dict(elicence_card.staff_card(env, people["driver_normal"].id_number).fields)["证号"].endswith("0556")
    code = elicence_card.fresh_code(env, a)
    assert code.expires_at - code.generated_at == timedelta(seconds=60)
    assert (env.settings.data_dir / "keys" / f"{code.key_id}.key.pem").exists()
    with env.db.read() as s:
        assert s.scalar(select(ElectronicLicence.state).where(ElectronicLicence.account_id == a)) == "issued"


def test_display_reads_card_and_code_from_one_record_and_audits_only_the_opening(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    shows = lambda: len(show_entries(env, a))  # noqa: E731
    opened = elicence_card.display(env, a, opening=True)
    assert opened.card is not None and opened.card.status_text == "正常" and opened.card.colour == "green"
    assert shows() == 1
    set_licence(env, "500100000055", status="D")
    again = elicence_card.display(env, a)  # the screen's refresh: not audited again
    assert shows() == 1
    assert again.card is not None and (again.card.status_text, again.card.colour) == ("暂扣", "red")
    assert dict(elicence_verify.verify(env, again.code.compact).fields)["状态"] == "暂扣"
    for status, said in (("F", "已申领的电子驾驶证不再显示"), ("L", "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门"),
                         ("A", None)):
        set_licence(env, "500100000055", status=status)
        shown = elicence_card.display(env, a)
        if said is None:
            assert shown.card is not None and shown.code is not None and shown.message == ""
        else:
            assert shown.card is None and shown.code is None and said in shown.message


def show_entries(env, account_id):  # type: ignore[no-untyped-def]
    from kiosk.db.models import AuditEntry

    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.id).where(AuditEntry.account_id == account_id,
                                                          AuditEntry.action == "elicence_show")))


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


def test_an_upload_from_outside_the_album_and_usb_media_is_refused(env, people, tmp_path) -> None:
    """The service refuses it too, not only the screen: nothing is copied from the kiosk's own files."""
    a = elicence_card.account_for(env, people["no_photo"].id_number)
    good = tmp_path / "photo.png"
    shutil.copy(ASSETS / "photos" / "camera_2.png", good)
    with pytest.raises(DomainError, match="只能使用相册中的照片") as bad:
        elicence.apply_with_photo(env, a, "upload", good)
    assert bad.value.field == "photo"
    album = Path(env.settings.data_dir) / "album"
    album.mkdir(parents=True, exist_ok=True)
    shutil.copy(good, album / "mine.png")
    assert elicence.apply_with_photo(env, a, "upload", album / "mine.png").serial_no


def test_a_bare_file_name_typed_is_the_album_photo_of_that_name(env, people) -> None:
    """Tester: camera_1.png, listed in the album just above, typed in 其他位置的照片 was refused as
    a path outside the album. A name the album does not hold is said as such."""
    album = Path(env.settings.data_dir) / "album"
    album.mkdir(parents=True, exist_ok=True)
    shutil.copy(ASSETS / "photos" / "camera_2.png", album / "mine.png")
    assert elicence_photos.typed_photo(env, " mine.png ") == album / "mine.png"
    assert elicence_photos.typed_photo(env, "camera_1.png") == ASSETS / "photos" / "camera_1.png"  # the demo's
    assert elicence_photos.check_upload(env, elicence_photos.typed_photo(env, "mine.png")).ok
    for typed in ("nothere.png", "kiosk.db", "..", "album/mine.png"):
        assert elicence_photos.typed_photo(env, typed) == Path(typed)  # not the album's: the path as typed
    assert elicence_photos.check_upload(env, "nothere.png").problems == (
        "相册中没有名为nothere.png的照片，请从相册中选择，或输入U盘中照片的完整路径",)
    assert elicence_photos.check_upload(env, "/etc/passwd").problems == (elicence_photos.OUTSIDE_UPLOADS,)
    a = acc(env, people, "no_photo")
    assert elicence.apply_with_photo(env, a, "upload", elicence_photos.typed_photo(env, "mine.png")).serial_no


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


def test_red_display_is_mentioned_only_to_someone_with_an_e_licence(env, people) -> None:
    """韩冬 (逾期未换证) has no e-licence: being told how his 已申领 one is shown made no sense."""
    a = acc(env, people, "expired_long")
    o = elicence.overview(env, a)
    assert o.kind == "shown_red" and o.state is None
    assert o.message.startswith("您的驾驶证状态为逾期未换证，暂不能申领电子驾驶证。") and "已申领" not in o.message
    with pytest.raises(DomainError) as refused:
        elicence.apply_direct(env, a)
    assert "已申领" not in refused.value.message
    b = acc(env, people, "driver_normal")  # one who has one still reads it
    elicence.apply_direct(env, b)
    set_licence(env, "500100000055", status="B")
    said = elicence.overview(env, b).message.split("\n")[0]  # (the next step on a line of its own)
    assert said.endswith("已申领的电子驾驶证以红色显示。")  # a sentence, as the others


def test_every_refusal_on_the_e_licence_page_is_a_sentence(env, people) -> None:
    """徐明 (超分) read 「...暂不能申领电子驾驶证」 and 陈静 (吊销) 「...不能申领电子驾驶证」 with no 。, while
    韩冬's and 谢雨's ended with one (tester)."""
    for who in ("full_score", "revoked", "locked", "expired_long", "suspended"):
        message = elicence.overview(env, acc(env, people, who)).message
        assert message.split("\n")[0].endswith("。"), (who, message)


def test_the_seeds_question_then_the_second_choice_and_the_reapply_question_is_a_question(env, people) -> None:
    """Seed 004: the page asks 您当前符合...是否继续申领 as it opens (it said the same 符合...条件 above the
    question, twice); the line over 拍照或相册选择 says what 申领 takes and when the photo can be
    changed (seed 002: 电子驾驶证生成后，可以自愿选择是否更换照片)."""
    a = acc(env, people, "driver_normal")
    o = elicence.overview(env, a)
    assert o.direct and o.message == ""
    assert o.question == "您当前符合直接使用二代身份证申领电子驾驶证的条件，是否继续申领？"
    assert o.photo_hint == ("申领将使用系统留存的二代身份证相片，电子驾驶证生成后，可以自愿选择是否更换照片；"
                            "如需现在使用新照片申领，请按【拍照或相册选择】。")
    elicence.apply_direct(env, a)
    set_licence(env, "500100000055", classes="C1E")
    o = elicence.overview(env, a)
    assert o.message.startswith("准驾车型已变更，需重新申领电子驾驶证。")
    assert o.question == "是否使用当前电子驾驶证照片继续申领？"
    assert "需重新申领" not in o.question  # the line above says so already


def test_the_page_names_the_photo_applying_again_takes(env, people) -> None:
    """吴霞 has no ID-card photo; her e-licence was issued from her uploaded one, then a 驾驶证转入
    changed the 发证机关: the page said 使用系统留存的二代身份证相片 while the question (and
    apply_direct) used the current e-licence photo (tester)."""
    a = acc(env, people, "no_photo")
    done = elicence.apply_with_photo(env, a, "upload", GOOD)
    elicence_review.approve(env, done.serial_no)
    set_licence(env, f"5001{people['no_photo'].seq:08d}", issuing_authority="江苏省连云港市公安局交通警察支队")
    o = elicence.overview(env, a)
    assert o.message == "发证机关已变更，需重新申领电子驾驶证。"
    assert o.photo_hint == "申领将使用当前电子驾驶证照片；如需使用新照片申领，请按【拍照或相册选择】。"
    assert "二代身份证" not in o.message + o.question + o.photo_hint
    assert o.question == "是否使用当前电子驾驶证照片继续申领？"
    with env.db.read() as s:
        photo = s.scalar(select(DrivingLicence.photo).where(DrivingLicence.account_id == a))
    assert elicence.apply_direct(env, a).issued  # with that photo, as the page said
    with env.db.read() as s:
        assert s.scalar(select(DrivingLicence.photo).where(DrivingLicence.account_id == a)) == photo


def test_the_page_says_a_photo_change_is_in_review_and_why_the_last_was_turned_down(env, people) -> None:
    """Tester: after 换照片 the page said only 您已申领电子驾驶证，可以出示使用。, and after a rejection
    neither it nor 换照片 mentioned it (only 网办进度 did)."""
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    first = elicence.change_photo(env, a, "camera", GOOD)
    o = elicence.overview(env, a)
    assert o.photo_pending == first.serial_no and o.can_show
    assert o.message == ("您已申领电子驾驶证，可以出示使用。\n"
                         f"您的更换电子驾驶证照片申请（业务流水号{first.serial_no}）正在审核，"
                         "公安交管部门将在一个工作日内审核，结果通过短信和消息通知您。")
    elicence_review.reject(env, first.serial_no, "1")
    o = elicence.overview(env, a)
    assert o.photo_pending is None
    assert o.message == ("您已申领电子驾驶证，可以出示使用。\n"
                         "您上次提交的照片未通过审核（原因：照片背景不是白色），原电子驾驶证照片继续有效，可按要求重新提交。")
    status = elicence.photo_change_status(env, a)
    assert status.allowed and status.message.startswith(
        "您上次提交的照片未通过审核（原因：照片背景不是白色），原电子驾驶证照片继续有效。当前照片：系统留存照片，可以马上更换。")
    second = elicence.change_photo(env, a, "camera", GOOD)
    assert elicence.overview(env, a).photo_pending == second.serial_no  # the new one, not the old refusal
    elicence_review.approve(env, second.serial_no)
    assert elicence.overview(env, a).message == (  # tester: the page just dropped 正在审核
        "您已申领电子驾驶证，可以出示使用。\n"
        f"您的更换电子驾驶证照片申请（业务流水号{second.serial_no}）已审核通过，电子驾驶证照片已更换。")
    assert "未通过审核" not in elicence.photo_change_status(env, a).message


def test_a_change_turned_down_before_the_card_was_issued_again_is_not_said(env, people) -> None:
    a = acc(env, people, "driver_normal")
    elicence.apply_direct(env, a)
    elicence_review.reject(env, elicence.change_photo(env, a, "camera", GOOD).serial_no, "1")
    env.clock.advance(days=1)
    set_licence(env, "500100000055", classes="C1E")  # 准驾车型已变更: applied for again, a new card
    elicence.apply_direct(env, a)
    assert elicence.overview(env, a).message == "您已申领电子驾驶证，可以出示使用。"


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
