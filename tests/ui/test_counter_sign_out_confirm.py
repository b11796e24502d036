"""Pilot: the counter's 退出登录 (窗口工作台) asks first, in the citizen kiosk's words: 确定退出登录吗？
with 退出登录 / 暂不退出. Before, it signed the clerk out at once, so a stray Enter on it ended the
session. The question opens on 暂不退出 (as the lock screen's 退出登录 does): Enter, Enter keeps the
clerk signed in; Escape too. 退出登录 signs out, audited, back to the staff sign-in."""
from __future__ import annotations

from sqlalchemy import select
from textual.widgets import Button

from kiosk.db.models import AuditEntry
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import screen_text, settle
from tests.ui.test_counter import _sign_in, counter_app


def _sign_outs(env) -> int:
    with env.db.read() as s:
        return len(list(s.scalars(select(AuditEntry).where(AuditEntry.action == "staff_sign_out"))))


async def _ask(pilot) -> ConfirmDialog:  # type: ignore[no-untyped-def]
    """退出登录 with the keyboard (the focus on it, Enter): the question is open."""
    pilot.app.screen.query_one("#sign-out", Button).focus()
    await pilot.press("enter")
    await settle(pilot)
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog)
    return dialog


async def test_sign_out_at_the_counter_asks_first(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        home = app.screen
        assert isinstance(home, StaffHomeScreen)
        dialog = await _ask(pilot)
        assert app.staff is not None and _sign_outs(env) == 0  # nothing yet
        assert "确定退出登录吗？" in screen_text(app)
        assert [str(b.label) for b in dialog.query(Button)] == ["退出登录", "暂不退出"]  # the citizen's words
        assert app.focused is dialog.query_one("#no")  # a stray Enter, Enter keeps the session
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is home and app.staff is not None
        assert app.focused is home.query_one("#sign-out")  # where the clerk was
        await _ask(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is home and app.staff is not None and _sign_outs(env) == 0
        await _ask(pilot)
        await pilot.press("left", "enter")  # 退出登录
        await settle(pilot)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None and len(app.screen_stack) == 1
        assert _sign_outs(env) == 1
