"""Pilot: a 驾驶证电子版 photo turned down while its result page is in front: the page is headed
审核不通过, not 申请已提交, and says the next step with the button to take it, 重新提交照片, which
opens the photo pages again from 证件照上传须知 (tester: 申请已提交。 over 办理状态：审核不通过, the
next step said only by the SMS). Approved, it keeps 申请已提交 and no such button."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.services import elicence, elicence_card, elicence_review
from kiosk.ui.base import LIVE_SECONDS
from kiosk.ui.screens.elicence.photo import PhotoScreen
from tests.ui.conftest import screen_text, settle
from tests.ui.test_elicence_photo import _camera_photo, _photo_screen

REASON = elicence_review.REJECT_REASONS[0]  # 照片背景不是白色


def _said(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(screen_text(app).split())


async def _decided(pilot, env, screen: PhotoScreen, decide) -> str:  # type: ignore[no-untyped-def]
    await _camera_photo(pilot)
    screen.query_one("#ph-submit", Button).press()
    await settle(pilot)
    assert "申请已提交。" in _said(pilot.app) and not screen.query_one("#ph-retry").display
    decide(env, screen._serial)  # 审核队列 at the counter
    await pilot.pause(LIVE_SECONDS + 0.5)  # the page's own timer, nothing pressed
    await settle(pilot)
    return _said(pilot.app)


async def test_an_apply_photo_turned_down_says_so_and_what_next(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        text = await _decided(pilot, env, screen, lambda env, serial: elicence_review.reject(env, serial, REASON))
        assert "审核不通过。业务名称：驾驶证电子版申领" in text
        assert "申请已提交" not in text and f"说明：审核不通过：{REASON}" in text
        assert "请按要求重新拍摄或选择照片后再次申领：点击【重新提交照片】。" in text
        retry = screen.query_one("#ph-retry", Button)
        assert retry.display and str(retry.label) == "重新提交照片"
        retry.press()
        await settle(pilot)
        again = kiosk_app.screen
        assert isinstance(again, PhotoScreen) and again is not screen and again.purpose == "apply"
        assert "证件照上传须知" in screen_text(kiosk_app) and not again.query_one("#ph-agree").disabled


async def test_a_change_photo_turned_down_keeps_the_old_one_and_offers_another(kiosk_app, env, people) -> None:
    elicence.apply_direct(env, elicence_card.account_for(env, people["driver_normal"].id_number))
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _photo_screen(pilot, env, people["driver_normal"], "#el-change-photo")
        text = await _decided(pilot, env, screen, lambda env, serial: elicence_review.reject(env, serial, REASON))
        assert "审核不通过。业务名称：更换电子驾驶证照片" in text and "申请已提交" not in text
        assert "原电子驾驶证照片继续有效，可按要求重新拍摄或选择照片后重新提交：点击【重新提交照片】。" in text
        assert screen.query_one("#ph-retry").display


async def test_an_approved_photo_keeps_its_heading_and_no_retry(kiosk_app, env, people) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        text = await _decided(pilot, env, screen, elicence_review.approve)
        assert "申请已提交。" in text and "办理状态：已办结" in text and "重新提交照片" not in text
        assert not screen.query_one("#ph-retry").display
