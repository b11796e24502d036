"""Pilot: 驾驶证电子版 while the photo is in review (正在审核) reads the application again by itself:
a clerk's 审核通过 at the counter shows without the citizen leaving the page (it kept 正在审核)."""
from __future__ import annotations

from kiosk.services import elicence_review
from kiosk.ui.screens.elicence import ElicenceScreen
from tests.ui.conftest import screen_text, settle, sign_in
from tests.ui.counter_helpers import queued_photo


async def test_approval_at_the_counter_shows_on_the_open_page(kiosk_app, env, people) -> None:
    _aid, serial = queued_photo(env, people)
    person = people["no_photo"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence_mine")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, ElicenceScreen)
        assert "正在审核" in screen_text(kiosk_app)
        screen._live()  # what the timer does while 正在审核: nothing changed yet
        await settle(pilot)
        assert "正在审核" in screen_text(kiosk_app)
        elicence_review.approve(env, serial)  # 审核队列 → 审核通过
        screen._live()
        await settle(pilot)
        assert "您已申领电子驾驶证，可以出示使用。" in screen_text(kiosk_app).replace("\n", "")
        assert "正在审核" not in screen_text(kiosk_app)
        assert kiosk_app.focused is screen.query_one("#el-show")


async def test_a_rejection_shows_its_reason_where_申领_is_offered_again(kiosk_app, env, people) -> None:
    """Tester: the page said 您上次提交的照片未通过审核 without the reviewer's reason (only the message had it)."""
    _aid, serial = queued_photo(env, people)
    person = people["no_photo"]
    reason = elicence_review.REJECT_REASONS[0]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence_mine")
        await settle(pilot)
        screen = kiosk_app.screen
        elicence_review.reject(env, serial, reason)
        screen._live()
        await settle(pilot)
        text = screen_text(kiosk_app).replace("\n", "")
        assert f"您上次提交的照片未通过审核（原因：{reason}），请重新申领。" in "".join(text.split())


async def test_a_photo_change_in_review_and_its_rejection_show_on_the_open_page(kiosk_app, env, people) -> None:
    """Tester: after 换照片 the page said only 您已申领电子驾驶证，可以出示使用。; a rejection (with its
    reason) was said only in 网办进度. Now the page says the change is in review, and reads it again
    while it is, so the reviewer's refusal and its reason show without leaving the page."""
    from kiosk.config import ASSETS
    from kiosk.services import elicence
    from tests.booking_helpers import account_id

    person = people["driver_normal"]
    aid = account_id(env, person)
    elicence.apply_direct(env, aid)
    serial = elicence.change_photo(env, aid, "camera", ASSETS / "photos" / "camera_1.png").serial_no
    reason = elicence_review.REJECT_REASONS[2]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence_mine")
        await settle(pilot)
        screen = kiosk_app.screen
        text = "".join(screen_text(kiosk_app).split())
        assert f"您的更换电子驾驶证照片申请（业务流水号{serial}）正在审核" in text
        assert not screen.query_one("#el-show").has_class("hidden")  # the card is still shown meanwhile
        elicence_review.reject(env, serial, reason)
        screen._live()
        await settle(pilot)
        text = "".join(screen_text(kiosk_app).split())
        assert f"您上次提交的照片未通过审核（原因：{reason}），原电子驾驶证照片继续有效，可按要求重新提交。" in text
        assert "正在审核" not in text
        await pilot.click("#el-change-photo")
        await settle(pilot)
        assert f"您上次提交的照片未通过审核（原因：{reason}），原电子驾驶证照片继续有效。" in "".join(
            screen_text(kiosk_app).split())


async def test_a_photo_change_approved_is_said_and_the_focus_stays(kiosk_app, env, people) -> None:
    """Tester: when the reviewer approved a 换照片 the page just dropped 正在审核 (a rejection is said
    with its reason), and each reload that changed the page moved the focus to 出示电子驾驶证."""
    from kiosk.config import ASSETS
    from kiosk.services import elicence
    from tests.booking_helpers import account_id

    person = people["driver_normal"]
    aid = account_id(env, person)
    elicence.apply_direct(env, aid)
    serial = elicence.change_photo(env, aid, "camera", ASSETS / "photos" / "camera_1.png").serial_no
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence_mine")
        await settle(pilot)
        screen = kiosk_app.screen
        back = screen.query_one("#back")
        back.focus()  # the citizen about to leave
        await settle(pilot)
        elicence_review.approve(env, serial)
        screen._live()
        await settle(pilot)
        text = "".join(screen_text(kiosk_app).split())
        assert f"您的更换电子驾驶证照片申请（业务流水号{serial}）已审核通过，电子驾驶证照片已更换。" in text
        assert "正在审核" not in text
        assert kiosk_app.focused is back
