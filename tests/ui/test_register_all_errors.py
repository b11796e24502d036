"""Pilot: 注册 with every field wrong says what is wrong with each, at once, next to it.

Tester's finding: only the ID number's 校验位 was said; the 10-digit phone's 11位 came on the next
try. Now each field has its message under it and the focus is on the first wrong one."""
from __future__ import annotations

import pytest

from kiosk.ui.screens.register import RegisterScreen
from tests.ui.conftest import field_error, screen_text, set_input, settle


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_every_wrong_field_has_its_message_at_once(kiosk_app, env, size):
    async with kiosk_app.run_test(size=size) as pilot:
        await pilot.click("#register")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, RegisterScreen)
        set_input(kiosk_app, "name", "张3")
        set_input(kiosk_app, "id_number", "320124198808240057")
        set_input(kiosk_app, "phone", "1380013800")
        kiosk_app.screen.query_one("#to-face").press()
        await settle(pilot)
        assert "汉字" in field_error(kiosk_app, "name")
        assert "校验位" in field_error(kiosk_app, "id_number")
        assert "11位" in field_error(kiosk_app, "phone")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-name")  # the first wrong field
        text = screen_text(kiosk_app)  # all three on screen, the name's at the top of the page
        assert all(words in text for words in ("汉字", "校验位", "11位")), text
