"""注册: a check that passes says so (tester: after 开始人脸识别 the SMS step followed with no word that
the face check had passed). The code step opens with the seeds' words, 人脸比对通过 (预留手机号核查通过
on the online way), and 上一步 finds the face step saying it passed, not blank."""
from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher

from tests.ui.conftest import screen_text, set_input, settle


async def _to_face(pilot, kiosk_app, p, phone: str) -> None:
    await pilot.click("#register")
    await settle(pilot)
    set_input(kiosk_app, "name", p.name)
    set_input(kiosk_app, "id_number", p.id_number)
    set_input(kiosk_app, "phone", phone)
    kiosk_app.screen.query_one("#to-face").press()
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_face_check_that_passes_says_so(kiosk_app, env, people, size) -> None:
    async with kiosk_app.run_test(size=size) as pilot:
        await _to_face(pilot, kiosk_app, people["new_user"], "13800138001")
        kiosk_app.screen.query_one("#face-start").press()
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-code"
        text = screen_text(kiosk_app)
        assert "人脸比对通过。点击【发送验证码】" in text.replace("\n", "") and "未通过" not in text
        kiosk_app.screen.query_one("#code-back").press()  # 上一步: the face step says it passed
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-face"
        assert "人脸比对通过" in screen_text(kiosk_app)


async def test_the_reserved_phone_check_that_passes_says_so(kiosk_app, env, people) -> None:
    p = people["face_fails"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _to_face(pilot, kiosk_app, p, "13800138002")
        for _ in range(env.settings.face_max_failures):
            kiosk_app.screen.query_one("#face-start").press()
            await settle(pilot)
        kiosk_app.screen.query_one("#to-online").press()
        await settle(pilot)
        set_input(kiosk_app, "reserved_phone", p.phone)
        kiosk_app.screen.query_one("#online-check").press()
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-code"
        text = screen_text(kiosk_app).replace("\n", "")
        assert "预留手机号核查通过。点击【发送验证码】" in text and "人脸比对通过" not in text
