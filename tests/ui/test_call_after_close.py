"""Pilot: a service call's answer is not handed to a screen taken off the stack while the call ran
(CI: 网办进度's 返回业务中心 popped 驾驶证电子版 while the reload it began on coming back on top
was running, and the reload's answer looked for #el-message among widgets already gone)."""
from __future__ import annotations

from kiosk.ui.screens.elicence import ElicenceScreen
from tests.ui.conftest import settle, sign_in


async def test_the_answer_for_a_screen_popped_meanwhile_is_dropped(kiosk_app, env, people):
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        screen = ElicenceScreen()
        await kiosk_app.push_screen(screen)
        await settle(pilot)
        handed = []
        kiosk_app.pop_screen()  # not awaited: off the stack, still attached while it is taken down
        assert screen not in kiosk_app.screen_stack and screen.is_attached
        screen._finish(lambda: handed.append(screen.query_one("#el-message")))
        assert handed == []
        await settle(pilot)
        assert kiosk_app.is_running and len(kiosk_app.screen_stack) == 2  # the 业务中心, over the start screen
