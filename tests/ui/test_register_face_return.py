"""Pilot: coming back to 人脸识别 after its tries ran out (tester's finding: 上一步 then 下一步 showed
the step with only 上一步 and 改用驾驶证/机动车预留手机号注册, no word of why, the focus on 上一步)."""
from __future__ import annotations

import pytest
from textual.widgets import ContentSwitcher

from kiosk.ui.screens.register import RegisterScreen
from tests.ui.conftest import screen_text, set_input, settle

NO_MORE = "多次人脸识别未通过，本次不能再试"


async def _to_face(pilot, kiosk_app, p) -> None:
    """注册 filled in for ``p`` and 下一步: the face check."""
    await pilot.click("#register")
    await settle(pilot)
    assert isinstance(kiosk_app.screen, RegisterScreen)
    set_input(kiosk_app, "name", p.name)
    set_input(kiosk_app, "id_number", p.id_number)
    set_input(kiosk_app, "phone", "13800138002")
    kiosk_app.screen.query_one("#to-face").press()
    await settle(pilot)


async def _fail_all(pilot, kiosk_app, env, p) -> None:
    await _to_face(pilot, kiosk_app, p)
    for _ in range(env.settings.face_max_failures):
        kiosk_app.screen.query_one("#face-start").press()
        await settle(pilot)
    assert NO_MORE in screen_text(kiosk_app)


def _says_why_and_offers_the_way_on(kiosk_app) -> None:
    screen = kiosk_app.screen
    assert screen.query_one(ContentSwitcher).current == "step-face"
    text = screen_text(kiosk_app)
    assert NO_MORE in text and "（第3次）" in text
    assert "开始人脸识别" not in text and not screen.query_one("#face-start").display
    link = screen.query_one("#to-online")
    assert not link.has_class("hidden") and kiosk_app.focused is link


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_back_to_the_form_and_on_again_still_says_why(kiosk_app, env, people, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await _fail_all(pilot, kiosk_app, env, people["face_fails"])
        kiosk_app.screen.query_one("#face-back").press()  # 上一步
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-info"
        kiosk_app.screen.query_one("#to-face").press()  # 下一步, the same person
        await settle(pilot)
        _says_why_and_offers_the_way_on(kiosk_app)
        await pilot.press("enter")  # the way on, as the focus says
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-online"


async def test_back_from_the_reserved_phone_step_focuses_the_way_on(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _fail_all(pilot, kiosk_app, env, people["face_fails"])
        kiosk_app.screen.query_one("#to-online").press()
        await settle(pilot)
        kiosk_app.screen.query_one("#online-back").press()
        await settle(pilot)
        _says_why_and_offers_the_way_on(kiosk_app)


async def test_another_phone_for_the_same_person_keeps_the_tries_used(kiosk_app, env, people):
    """Only another person starts the tries again: the same ID number with another phone does not."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _fail_all(pilot, kiosk_app, env, people["face_fails"])
        kiosk_app.screen.query_one("#face-back").press()
        await settle(pilot)
        set_input(kiosk_app, "phone", "13800138012")
        kiosk_app.screen.query_one("#to-face").press()
        await settle(pilot)
        _says_why_and_offers_the_way_on(kiosk_app)


async def test_a_failure_before_the_last_is_still_told_on_coming_back(kiosk_app, env, people):
    """One failed try, 上一步, 下一步: the line of that try stays, and 开始人脸识别 has the focus."""
    p = people["face_fails"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _to_face(pilot, kiosk_app, p)
        kiosk_app.screen.query_one("#face-start").press()
        await settle(pilot)
        kiosk_app.screen.query_one("#face-back").press()
        await settle(pilot)
        kiosk_app.screen.query_one("#to-face").press()
        await settle(pilot)
        assert "（第1次）" in screen_text(kiosk_app)
        assert kiosk_app.focused is kiosk_app.screen.query_one("#face-start")
        kiosk_app.screen.query_one("#face-start").press()
        await settle(pilot)
        assert "（第2次）" in screen_text(kiosk_app)


async def test_a_pass_after_a_failure_leaves_no_failure_line_behind(kiosk_app, env, people):
    """Failed once, then passed: 上一步 from the code step shows the face check without the old
    「未通过（第1次）」, which would contradict the pass."""
    from kiosk.services.gateways import DemoFaceVerifier

    p = people["face_fails"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _to_face(pilot, kiosk_app, p)
        kiosk_app.screen.query_one("#face-start").press()
        await settle(pilot)
        assert "（第1次）" in screen_text(kiosk_app)
        env.face = DemoFaceVerifier()  # the second try passes
        kiosk_app.screen.query_one("#face-start").press()
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-code"
        kiosk_app.screen.query_one("#code-back").press()
        await settle(pilot)
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-face"
        assert "未通过" not in screen_text(kiosk_app)
