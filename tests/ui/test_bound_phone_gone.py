"""Pilot: a citizen whose bound phone is lost or changed is told the way on (tester: no path).

登录 says under its first line that a number no longer in use is reset at a 车管所窗口 (重置绑定手机号);
注册 refused a phone bound to another account with the fact alone, and now says what to do. Both
are read whole, without scrolling, at 80x24 as at 120x40."""
from __future__ import annotations

import pytest

from kiosk.services import auth
from kiosk.ui.widgets.page import Page
from tests.ui.conftest import field_error, screen_text, set_input, settle


def _read(app) -> str:  # type: ignore[no-untyped-def]
    """The screen's text as one line: a message wrapped over two rows reads whole."""
    return "".join(line.strip() for line in screen_text(app).splitlines())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_sign_in_says_where_a_phone_no_longer_in_use_is_reset(kiosk_app, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#sign-in")
        await settle(pilot)
        assert "如绑定的手机号码已不再使用，请携带身份证明原件到车管所窗口重置绑定手机号。" in _read(kiosk_app)
        assert kiosk_app.screen.query_one(Page).max_scroll_y == 0  # 登录 still in sight
        assert kiosk_app.screen.query_one("#submit").region.bottom <= size[1]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_register_says_what_to_do_with_a_phone_bound_to_another_account(kiosk_app, people, size):
    new = people["new_user"]
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        set_input(kiosk_app, "name", new.name)
        set_input(kiosk_app, "id_number", new.id_number)
        set_input(kiosk_app, "phone", people["driver_normal"].phone)  # 刘洋's
        kiosk_app.screen.query_one("#to-face").press()
        await settle(pilot)
        told = field_error(kiosk_app, "phone")
        assert told == ("该手机号码已绑定其他交管12123账户，请换用其他手机号码；"
                        "如有疑问，请携带身份证原件到车管所窗口咨询") == auth.PHONE_TAKEN_TO_CITIZEN
        assert told in _read(kiosk_app)
        assert kiosk_app.screen.query_one("#to-face").region.bottom <= size[1]
