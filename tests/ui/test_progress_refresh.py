"""Pilot: 网办进度 follows the counter while it is shown (tester: it still showed 受理中 after the
counter's 办结 until the screen was reopened)."""
from __future__ import annotations

import time

from textual.widgets import DataTable

from kiosk.services import counter_applications
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.records import ProgressScreen
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle, sign_in

CLERK = StaffSession("J1001", "王警官", ("counter",))


def _cells(app) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def _wait_for(pilot, check, seconds: float = 5.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await settle(pilot)
        if check():
            return True
        await pilot.pause(0.05)
    return check()


async def test_the_counter_s_finish_shows_without_reopening(kiosk_app, env, people, document_service, monkeypatch):
    monkeypatch.setattr(ProgressScreen, "REFRESH_SECONDS", 0.3, raising=False)
    p = people["driver_normal"]
    acc = account_id(env, p)
    first = apply_for(env, document_service, acc, where="邮寄")
    second = apply_for(env, document_service, acc, where="窗口")
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-progress")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, ProgressScreen)
        table = screen.query_one(DataTable)
        row = next(i for i, cells in enumerate(_cells(kiosk_app)) if cells[0] == first)
        table.move_cursor(row=row)  # the citizen reads the one the clerk is finishing
        await settle(pilot)
        assert "当前状态：受理中" in screen_text(kiosk_app)
        focused = kiosk_app.focused
        counter_applications.finish(env, CLERK, acc, first, "已邮寄")  # at the counter, meanwhile
        assert await _wait_for(pilot, lambda: "当前状态：已办结" in screen_text(kiosk_app))
        assert "证件已邮寄" in screen_text(kiosk_app)  # the new step of its timeline
        assert kiosk_app.screen is screen and kiosk_app.focused is focused  # nothing moved
        assert _cells(kiosk_app)[table.cursor_row][0] == first  # still on the application read
        statuses = {cells[0]: cells[2] for cells in _cells(kiosk_app)}
        assert statuses == {first: "已办结", second: "受理中"}
        assert "正在办理" not in screen_text(kiosk_app)  # a quiet refresh: no bar
