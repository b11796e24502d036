"""Pilot: the demo phone bar and what opens over it: a dialog, a toast.

An SMS that came while a dialog was open was shown on the dialog and went with it: the citizen
back on the form never saw the code. The bar now shows on the dialog and stays on the screen
under it. Toasts (app.notify) were drawn over the bar: they now stand above it."""
from __future__ import annotations

import threading

import pytest

from kiosk.services import messaging
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.widgets.phone import PhoneBar
from tests.conftest import last_sms_code
from tests.ui.conftest import screen_text, set_input, settle, sign_in
from tests.ui.test_phone_bar import EDUCATION, flat, sms

NEW_PHONE = "13800138000"


async def until(pilot, condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


def bar_text(screen) -> str:
    bars = [b for b in screen.query(PhoneBar) if b.display]
    return flat(str(bars[0].render())) if bars else ""


async def to_confirm_step(pilot, env, p) -> None:
    """驾驶证联系方式变更 with a new phone number, on the step that asks for its code."""
    await sign_in(pilot, env, p.id_number, p.phone)
    await pilot.click("#menu-licence_contact")
    await settle(pilot)
    set_input(pilot.app, "phone", NEW_PHONE)
    set_input(pilot.app, "address", "重庆市渝北区新南路1号")
    await pilot.click("#next")
    await settle(pilot)


async def test_a_code_that_comes_while_a_dialog_is_open_is_on_the_form_after_it(kiosk_app, env, people, monkeypatch):
    """发送验证码, then 返回 at once (the form is typed in: 放弃并返回？) while the SMS is still on
    its way (the database is slow); 继续填写: the code is on the phone bar of the form."""
    p = people["driver_normal"]
    arrived = threading.Event()
    fetch = messaging.latest_sms_notification

    def slow_fetch(env_, phone):  # type: ignore[no-untyped-def]
        arrived.wait(10)
        return fetch(env_, phone)

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_step(pilot, env, p)
        flow = kiosk_app.screen
        assert isinstance(flow, ApplicationFlowScreen)
        monkeypatch.setattr(messaging, "latest_sms_notification", slow_fetch)
        await pilot.click("#send-code")
        await until(pilot, lambda: "验证码已发送至" in screen_text(kiosk_app) and not flow.busy)
        await pilot.click("#prev")  # back to the form, then 返回: what was typed would be lost
        await pilot.pause(0.1)
        await pilot.click("#back")
        await until(pilot, lambda: isinstance(kiosk_app.screen, ConfirmDialog))
        arrived.set()  # the SMS reaches the phone while the question is open
        await until(pilot, lambda: bool(bar_text(kiosk_app.screen)))
        code = last_sms_code(env, NEW_PHONE)
        assert code in bar_text(kiosk_app.screen)  # shown on the dialog, at full brightness
        await pilot.click("#no")  # 继续填写
        await settle(pilot)
        assert kiosk_app.screen is flow
        assert code in bar_text(flow) and code in flat(screen_text(kiosk_app))


async def test_a_dialog_opened_under_a_shown_sms_keeps_it_in_view(kiosk_app, env, people):
    """The SMS already shows when the question opens: the dialog shows it too (not dimmed under
    it), and the dialog's buttons are above it; after the answer it is still on the form."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_confirm_step(pilot, env, p)
        flow = kiosk_app.screen
        await pilot.click("#send-code")
        await settle(pilot)
        await pilot.pause(0.2)
        code = last_sms_code(env, NEW_PHONE)
        assert code in bar_text(flow)
        flow.query_one("#prev").press()
        await settle(pilot)
        flow.query_one("#back").press()
        await until(pilot, lambda: isinstance(kiosk_app.screen, ConfirmDialog))
        dialog = kiosk_app.screen
        await until(pilot, lambda: bool(bar_text(dialog)))
        await pilot.pause(0.2)
        bar = dialog.query_one(PhoneBar)
        assert code in bar_text(dialog)
        for button in dialog.query("Button"):
            assert not button.region.overlaps(bar.region) and button.region.height > 0
        await pilot.press("enter")  # 继续填写 has the focus
        await settle(pilot)
        assert kiosk_app.screen is flow and code in bar_text(flow)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_toast_stands_above_the_phone_bar(kiosk_app, env, people, size):
    p = people["lorry_driver"]
    async with kiosk_app.run_test(size=size, notifications=True) as pilot:  # toasts on, unlike a default run_test
        await sign_in(pilot, env, p.id_number, p.phone)
        bar = await sms(pilot, env, p.phone, EDUCATION)
        kiosk_app.notify("已保存。", timeout=30)
        await pilot.pause(0.3)
        toast = kiosk_app.screen.query_one("Toast")
        assert toast.region.height > 0 and not toast.region.overlaps(bar.region), (toast.region, bar.region)
        assert EDUCATION in flat(screen_text(kiosk_app))  # the SMS is whole, not drawn over
        await bar._expire()  # the bar gone: the toast goes back down to the bottom
        await pilot.pause(0.3)
        assert toast.region.bottom >= size[1] - 2


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_toast_over_a_dialog_stands_above_the_phone_bar(kiosk_app, env, people, size):
    """A toast still showing when 放弃并返回？ opens moves onto the dialog: above the bar there too."""
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=size, notifications=True) as pilot:
        await to_confirm_step(pilot, env, p)
        flow = kiosk_app.screen
        await pilot.click("#send-code")
        await settle(pilot)
        await pilot.pause(0.2)
        kiosk_app.notify("已保存。", timeout=30)
        flow.query_one("#prev").press()
        await settle(pilot)
        flow.query_one("#back").press()
        await until(pilot, lambda: isinstance(kiosk_app.screen, ConfirmDialog))
        await pilot.pause(0.3)
        toast = kiosk_app.screen.query_one("Toast")
        bar = flow.query_one(PhoneBar)  # the one under the dialog, where the dialog shows its own
        assert toast.region.height > 0 and not toast.region.overlaps(bar.region), (toast.region, bar.region)
