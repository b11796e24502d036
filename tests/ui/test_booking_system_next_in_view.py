"""Pilot: 选择场次 at 100x30 (陈晨, 科目二), by taps: 服从系统安排, then 查询. The focus goes on to
下一步 (SessionFocus.focus_found), and the page shows it whole: it ended on the button's label with
its bottom edge under 下方还有内容, the line that came with the rows found taking the page's last row
after the page had been scrolled (tester)."""
from __future__ import annotations

from textual.widgets import RadioButton

from tests.ui.conftest import click_in_view, settle
from tests.ui.test_booking_small_screen import in_view
from tests.ui.test_booking_wizard import to_sessions


async def test_next_is_wholly_in_view_after_query_in_system_mode(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, people["k2_ready"], 2)
        system = [b for b in kiosk_app.screen.query(RadioButton) if "服从系统安排" in str(b.label)][0]
        await click_in_view(pilot, system)
        assert kiosk_app.screen.sessions.mode == "system"
        await click_in_view(pilot, kiosk_app.screen.query_one("#query"))
        await pilot.pause(0.2)
        await settle(pilot)
        assert kiosk_app.screen.sessions.rows and kiosk_app.focused.id == "next-sessions"
        assert in_view(kiosk_app, "#next-sessions")
