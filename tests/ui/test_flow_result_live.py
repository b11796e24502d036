"""Pilot: a service's result page (办理结果, 办理状态：受理中) follows the counter's 办结 or 退办 while
the citizen stays on it, as the photo result page follows the reviewer (tester: 梁雪's 期满换证 page
still said 受理中 14 s after the SMS under it said 已办结)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import Application
from kiosk.services import counter_applications
from kiosk.services.staff import StaffSession
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.widgets import done_step
from tests.booking_helpers import account_id
from tests.ui.conftest import choose_option, press_in_view, screen_text, set_input, settle, sign_in

CLERK = StaffSession("J1001", "王警官", ("counter",))


def _said(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(screen_text(app).split())


def _result(screen) -> str:  # type: ignore[no-untyped-def]
    """The result page's own text (the demo SMS bar under it may still show the 受理 SMS)."""
    return "".join(str(screen.query_one("#result").render()).split())


def _finish(env, aid: int, serial: str) -> None:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        app = s.scalars(select(Application).where(Application.serial_no == serial)).one()
        how = counter_applications.finish_choices(app.kind, app.status, app.payload)[0]
    counter_applications.finish(env, CLERK, aid, serial, how)


def _refuse(env, aid: int, serial: str) -> None:  # type: ignore[no-untyped-def]
    counter_applications.refuse(env, CLERK, aid, serial, "申请人要求撤回")


@pytest.mark.parametrize("decide, status, note", [
    (_finish, "已办结", "说明：行驶证已邮寄，请注意查收。"),
    (_refuse, "已退办", "说明：车管所窗口退办，理由：申请人要求撤回。"),
])
async def test_the_result_page_follows_the_counter(kiosk_app, env, people, monkeypatch, decide, status, note):
    monkeypatch.setattr(done_step, "LIVE_SECONDS", 0.3)
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-vehicle_licence_reissue")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, ApplicationFlowScreen)
        set_input(kiosk_app, "address", "重庆市渝北区新南路1号")
        await choose_option(pilot, "reason", "损毁")
        await press_in_view(pilot, "next")
        await press_in_view(pilot, "submit")
        serial = screen._serial
        text = _said(kiosk_app)
        assert serial and f"业务流水号：{serial}办理状态：受理中" in text and "办结后将再次通知您" in text
        focused = kiosk_app.focused
        decide(env, account_id(env, p), serial)  # at the counter, meanwhile
        await pilot.pause(1.0)  # the page's own timer, nothing pressed
        await settle(pilot)
        text = _result(screen)
        assert f"办理状态：{status}" in text and "受理中" not in text and note in text
        assert f"业务流水号：{serial}" in text and "办理结果已发送到您的消息和手机短信" in text
        assert "办结后将再次通知您" not in text
        assert kiosk_app.screen is screen and kiosk_app.focused is focused  # the focus stays
