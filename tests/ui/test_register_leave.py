"""Pilot: 注册's 返回 (and Escape) asks before it drops what was typed, as a service form does
(tester's finding: with 姓名, 身份证号码 and 手机号码 filled, Escape went straight to the start
screen); nothing typed: it leaves at once."""
from __future__ import annotations

from textual.widgets import Button

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.register import RegisterScreen
from kiosk.ui.screens.welcome import WelcomeScreen
from tests.ui.conftest import screen_text, settle


async def _open(pilot) -> RegisterScreen:  # type: ignore[no-untyped-def]
    await pilot.click("#register")
    await settle(pilot)
    assert isinstance(pilot.app.screen, RegisterScreen)
    return pilot.app.screen


async def _type(pilot, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#input-{field}").focus()
    await pilot.press(*text)
    await settle(pilot)


async def test_escape_with_the_form_filled_asks_and_the_safe_answer_keeps_it(kiosk_app, people):
    p = people["new_user"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot)
        await _type(pilot, "name", p.name)
        await _type(pilot, "id_number", p.id_number)
        await _type(pilot, "phone", "13800138011")
        await pilot.press("escape")
        await settle(pilot)
        dialog = kiosk_app.screen
        assert isinstance(dialog, ConfirmDialog)
        text = screen_text(kiosk_app)
        assert "填写的内容尚未保存" in text and "确定放弃并返回吗" in text
        assert dialog.focused is not None and dialog.focused.id == "no"
        assert str(dialog.query_one("#no", Button).label) == "继续填写"
        await pilot.press("enter")  # the safe answer has the focus
        await settle(pilot)
        assert kiosk_app.screen is screen
        assert [screen.query_one(f"#input-{f}").value for f in ("name", "id_number", "phone")] == \
            [p.name, p.id_number, "13800138011"]
        await pilot.click("#back")  # 返回 asks the same
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)


async def test_one_field_typed_is_enough_to_ask(kiosk_app):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await _type(pilot, "phone", "138")
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog)


async def test_nothing_typed_leaves_at_once(kiosk_app):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)
        await _open(pilot)
        await _type(pilot, "name", "王")
        await pilot.press("backspace")  # typed and taken out again: nothing to lose
        await settle(pilot)
        await pilot.click("#back")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, WelcomeScreen)
