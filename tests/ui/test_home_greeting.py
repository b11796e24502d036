"""Pilot: the 业务中心's greeting breaks between its clauses, not inside a word (tester at 80x24:
「您好，刘洋。...请选择要办」 / 「理的业务：」); where it fits it stays one line."""
from __future__ import annotations

import pytest

from tests.ui.conftest import screen_text, sign_in


@pytest.mark.parametrize(("size", "lines"), [((80, 24), 2), ((100, 30), 1), ((120, 40), 1)])
async def test_the_greeting_keeps_its_last_clause_whole(kiosk_app, env, people, size, lines):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.pause(0.2)
        hello = kiosk_app.screen.query_one("#home-hello")
        assert hello.size.height == lines
        rows = screen_text(kiosk_app).splitlines()
        assert any("请选择要办理的业务：" in row for row in rows)
        assert any(row.rstrip().endswith("绑定手机 139****0055。" if lines == 2 else "请选择要办理的业务：")
                   for row in rows)
