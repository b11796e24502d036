"""Pilot, 80x24: a service form is never drawn half (tester: 驾驶证补换领 showed for about a second its
intro 正在读取您的登记信息，请稍候。, an empty form and 返回 / 下一步, then the fields above them,
pushing the buttons down). While the citizen's records are read only the header and that line show;
the step bar, the fields and the buttons come in one frame (kiosk.ui.screens.flow)."""
from __future__ import annotations

import time

from kiosk.services import applications as apps
from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import screen_text, settle, sign_in


async def test_the_form_comes_whole(kiosk_app, env, people, monkeypatch):
    prepare = apps.prepare

    def slowly(*args):  # type: ignore[no-untyped-def]
        time.sleep(0.5)  # a busy database: the read takes a while
        return prepare(*args)

    monkeypatch.setattr(apps, "prepare", slowly)
    frames: list[tuple[bool, bool, bool, str]] = []  # per frame of the form: step bar, buttons, fields, text
    display = kiosk_app._display  # noqa: SLF001

    def seen(screen, renderable):  # type: ignore[no-untyped-def]
        display(screen, renderable)
        if isinstance(screen, ApplicationFlowScreen) and screen.is_mounted:
            text = screen_text(kiosk_app)
            frames.append(("1.填写信息" in text, "下一步" in text, "业务类型" in text, text))

    monkeypatch.setattr(kiosk_app, "_display", seen)
    p = people["renew_soon"]  # 梁雪
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-licence_replace")
        await settle(pilot)
        assert frames and frames[-1][:3] == (True, True, True)  # the form, whole
        reading = [f for f in frames if "正在读取您的登记信息" in f[3]]
        assert reading  # the read was seen, and with nothing of the form
        assert all(f[:3] == (False, False, False) for f in reading), [f[3] for f in reading if any(f[:3])][:1]
        # every frame shows the form whole or nothing of it
        assert all(f[:3] in ((False, False, False), (True, True, True)) for f in frames), \
            [f[3] for f in frames if f[:3] not in ((False, False, False), (True, True, True))][:1]
