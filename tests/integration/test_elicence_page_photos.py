"""驾驶证电子版 services on the demo database: what the e-licence page says, the 6-month photo
rule and where an uploaded photo may come from."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.config import ASSETS
from kiosk.db.models import DrivingLicence
from kiosk.domain.errors import DomainError
from kiosk.services import elicence, elicence_card, elicence_photos, elicence_review
from tests.integration.elicence_service_helpers import GOOD, acc, set_licence


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
