"""Pilot: 驾驶证电子版 while the photo is in review (正在审核) reads the application again by itself:
a clerk's 审核通过 at the counter shows without the citizen leaving the page (it kept 正在审核)."""
from __future__ import annotations

from kiosk.services import elicence_review
from kiosk.ui.screens.elicence import ElicenceScreen
from tests.ui.conftest import screen_text, settle, sign_in
from tests.ui.test_counter_screens import queued_photo


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
