"""Pilot: the 驾驶证电子版申领 result page (提交结果, 办理状态：待审核) follows the reviewer's decision
at the counter: 审核不通过 with its reason, or 已办结, in 办理状态 and 说明, as the SMS under it says
(tester: the page kept 办理状态：待审核 while the phone said 审核不通过)."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.services import elicence_review
from kiosk.ui.base import LIVE_SECONDS
from tests.ui.conftest import screen_text, settle
from tests.ui.test_elicence_photo import _camera_photo, _photo_screen


def _said(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(screen_text(app).split())


@pytest.mark.parametrize("decide, status, note", [
    (lambda env, serial: elicence_review.reject(env, serial, elicence_review.REJECT_REASONS[0]),
     "审核不通过", "审核不通过：照片背景不是白色。"),
    (lambda env, serial: elicence_review.approve(env, serial), "已办结", "审核通过，电子驾驶证已生成"),
])
async def test_the_result_page_follows_the_decision(kiosk_app, env, people, decide, status, note) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _photo_screen(pilot, env, people["no_photo"])
        await _camera_photo(pilot)
        screen.query_one("#ph-submit", Button).press()
        await settle(pilot)
        serial = screen._serial
        assert "办理状态：待审核" in _said(kiosk_app)
        assert serial and f"业务流水号：{serial}办理状态" in _said(kiosk_app)  # on the first page too
        focused = kiosk_app.focused
        decide(env, serial)  # 审核队列 at the counter
        await pilot.pause(LIVE_SECONDS + 0.5)  # the page's own timer, nothing pressed
        await settle(pilot)
        text = _said(kiosk_app)
        assert f"办理状态：{status}" in text and "待审核" not in text
        assert f"说明：{note}" in text and f"业务流水号：{serial}" in text
        assert kiosk_app.focused is focused  # 查看网办进度 keeps the focus
