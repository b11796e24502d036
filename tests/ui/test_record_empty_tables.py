"""Pilot: 网办进度 and 消息 with nothing to list show their one line, not a bare header row under it
(tester: 业务流水号 业务名称 状态 申请时间 under 您还没有网上办理的业务), with the focus on 返回; 网办进度
shows its list again when a refresh finds the first row."""
from __future__ import annotations

import time

import pytest
from textual.widgets import Button, DataTable

from kiosk.ui.screens.records import ProgressScreen
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle, sign_in


async def _open(pilot, key: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#menu-{key}", Button).press()
    await settle(pilot)
    await pilot.pause(0.1)


@pytest.mark.parametrize("key, empty, header", [("progress", "您还没有网上办理的业务。", "业务流水号"),
                                                ("inbox", "暂无消息。", "标题")])
async def test_nothing_to_list_shows_no_header_row(kiosk_app, env, people, key, empty, header):
    p = people["no_licence"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await _open(pilot, key)
        text = screen_text(kiosk_app)
        assert empty in text and header not in text
        assert not kiosk_app.screen.query_one(DataTable).display
        assert kiosk_app.focused is kiosk_app.screen.query_one("#back")


async def test_progress_shows_its_list_when_a_refresh_finds_a_row(kiosk_app, env, people, document_service,
                                                                    monkeypatch):
    monkeypatch.setattr(ProgressScreen, "REFRESH_SECONDS", 0.3, raising=False)
    p = people["no_licence"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await _open(pilot, "progress")
        assert "业务流水号" not in screen_text(kiosk_app)
        serial = apply_for(env, document_service, account_id(env, p))  # at another kiosk, meanwhile
        deadline = time.monotonic() + 5
        while serial not in screen_text(kiosk_app) and time.monotonic() < deadline:
            await settle(pilot)
            await pilot.pause(0.05)
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and serial in text and "共1笔业务" in text
        assert kiosk_app.screen.query_one(DataTable).display
        assert kiosk_app.focused is kiosk_app.screen.query_one("#back")  # the focus stays where it was
