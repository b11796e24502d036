"""Pilot: a reserved phone refused at 注册 (not the one on record) is taken out of its field, its
message kept, also on coming back to the step (tester, 100x30: after 上一步 and 改用驾驶证/机动车预留手机号
注册 the field still held 13923000196 with no word that it was wrong, the right number typed was
refused as too long, and 下一步 sent the wrong one again: 还可尝试3次, of 5 tries in 24 hours)."""
from __future__ import annotations

from textual.widgets import ContentSwitcher

from tests.ui.conftest import field_error, settle
from tests.ui.test_register_face_return import _fail_all

WRONG = "13923000196"


def _field(app):  # type: ignore[no-untyped-def]
    return app.screen.query_one("#input-reserved_phone")


async def _press(pilot, button: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(button).press()
    await settle(pilot)


async def _type(pilot, digits: str) -> None:  # type: ignore[no-untyped-def]
    _field(pilot.app).focus()
    await pilot.press(*digits)
    await settle(pilot)


async def test_a_refused_reserved_phone_leaves_its_field_with_its_message(kiosk_app, env, people):
    p = people["face_fails"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _fail_all(pilot, kiosk_app, env, p)
        await _press(pilot, "#to-online")
        await _type(pilot, WRONG)
        await _press(pilot, "#online-check")
        assert "还可尝试4次" in field_error(kiosk_app, "reserved_phone")
        assert _field(kiosk_app).value == ""  # out of the field: never sent again by accident
        await _press(pilot, "#online-back")  # 上一步, and back
        await _press(pilot, "#to-online")
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-online"
        assert _field(kiosk_app).value == "" and "还可尝试4次" in field_error(kiosk_app, "reserved_phone")
        await _press(pilot, "#online-check")  # nothing typed: no try is used up
        assert "还可尝试" not in field_error(kiosk_app, "reserved_phone")
        await _type(pilot, p.phone)  # the right number, typed at once
        assert _field(kiosk_app).value == p.phone and field_error(kiosk_app, "reserved_phone") == ""
        await _press(pilot, "#online-back")  # a number typed since: the old message is not said again
        await _press(pilot, "#to-online")
        assert field_error(kiosk_app, "reserved_phone") == ""
        await _press(pilot, "#online-check")
        assert kiosk_app.screen.query_one(ContentSwitcher).current == "step-code"
