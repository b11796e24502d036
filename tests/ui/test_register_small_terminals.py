"""Pilot: 注册 at 100x30 and 80x24, walked as a citizen does (tester: never checked at these sizes).
At 100x30 words were cut where its lines wrap (「...（仅限二代身」 / 「份证持有人）。」, 「...如有疑」 / 「问，」,
「...验证码后点」 / 「击【完成注册】」, 「...到车」 / 「管所窗口面签注册。」), 去登录 sat on 手机号码's label and
上一步 on 改用驾驶证/机动车预留手机号注册, two framed controls with no row between them. Every step here
fits its page (the page has no 下方还有内容 line: nothing may be out of sight), and no line cuts a word."""
from __future__ import annotations

import pytest
from textual.widgets import Static

from kiosk.ui.screens.register import RegisterScreen
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import set_input, settle
from tests.ui.test_sign_in_still_valid_fits import cut_words, rows

WORDS = ("身份证", "疑问", "点击", "车管所", "重置")


def check(app, *lines: str) -> None:  # type: ignore[no-untyped-def]
    """The page fits, its buttons in view; the texts shown (``lines``: ids) cut no word."""
    page = app.screen.query_one(Page)
    assert page.max_scroll_y == 0 and page.scroll_y == 0
    for button in app.screen.query(".buttons > Button"):
        if button.display and button.parent.display and button.region:
            assert page.scrollable_content_region.contains_region(button.region), button
    for line in lines:
        shown = app.screen.query_one(line, Static)
        assert not cut_words(rows(shown), WORDS), rows(shown)


async def next_step(pilot, button: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(button).press()
    await settle(pilot)
    await pilot.pause(0.2)


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_first_step_fits_and_cuts_no_word(kiosk_app, env, people, size):
    new = people["new_user"]
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, RegisterScreen)
        intro = screen.query_one("#step-info .hint", Static)
        assert not cut_words(rows(intro), WORDS), rows(intro)
        set_input(kiosk_app, "name", "张3")  # every field wrong
        set_input(kiosk_app, "id_number", "320124198808240057")
        set_input(kiosk_app, "phone", "1380013800")
        await next_step(pilot, "#to-face")
        check(kiosk_app)
        set_input(kiosk_app, "name", new.name)  # registered already: 去登录 under its message
        set_input(kiosk_app, "id_number", people["driver_normal"].id_number)
        set_input(kiosk_app, "phone", "13800138001")
        await next_step(pilot, "#to-face")
        check(kiosk_app)
        if size == (100, 30):  # a row between 去登录 and 手机号码 (at 80x24 every row is taken)
            assert screen.query_one("#to-sign-in").region.bottom < screen.query_one("#field-phone").region.y
        set_input(kiosk_app, "id_number", new.id_number)  # a phone bound to another account
        set_input(kiosk_app, "phone", people["driver_normal"].phone)
        await next_step(pilot, "#to-face")
        check(kiosk_app, "#field-phone > .field-error")


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_the_face_check_the_reserved_phone_and_the_code_fit(kiosk_app, env, people, size):
    p = people["face_fails"]
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        screen = kiosk_app.screen
        set_input(kiosk_app, "name", p.name)
        set_input(kiosk_app, "id_number", p.id_number)
        set_input(kiosk_app, "phone", "13800138002")
        await next_step(pilot, "#to-face")
        for _ in range(env.settings.face_max_failures):
            await next_step(pilot, "#face-start")
        check(kiosk_app, "#face-result")  # 多次人脸识别未通过...或携带身份证明到车管所窗口面签注册。
        if size == (100, 30):  # 上一步, then a row, then the way on
            assert screen.query_one("#face-back").region.bottom < screen.query_one("#to-online").region.y
        await next_step(pilot, "#to-online")
        set_input(kiosk_app, "reserved_phone", "13800000000")  # not the reserved one
        await next_step(pilot, "#online-check")
        check(kiosk_app, "#field-reserved_phone > .field-error")
        set_input(kiosk_app, "reserved_phone", p.phone)
        await next_step(pilot, "#online-check")
        check(kiosk_app, "#code-hint")  # 预留手机号核查通过。点击【发送验证码】...
        await next_step(pilot, "#send-code")
        check(kiosk_app, "#code-hint", "#code-sent")  # ...的6位验证码后点击【完成注册】...
        set_input(kiosk_app, "code", "111111")
        await next_step(pilot, "#finish")
        assert "验证码错误" in str(screen.query_one("#field-code > .field-error", Static).render())
        check(kiosk_app, "#code-hint", "#code-sent")
