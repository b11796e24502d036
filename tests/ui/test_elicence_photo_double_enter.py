"""Pilot: Enter on 提交审核 of 换照片 (and of 申领 by 拍照或相册选择), and the same Enter again at once
(tester: 0.4 s apart): the result step opened with the focus on 返回, and the second Enter left it, so
the 业务流水号 was never seen. The result's buttons ignore a press for a moment (DoneButtons, as the
generic 办理结果 and the booking wizard's result do); once it has passed, Enter on 查看网办进度 (the
focus now: the review is what follows) opens it on the application, and 返回 goes back."""
from __future__ import annotations

import pytest

from textual.widgets import Button

from kiosk.services import elicence, elicence_card
from kiosk.ui.screens.elicence import ElicenceScreen, PhotoScreen
from kiosk.ui.screens.records import ProgressScreen
from kiosk.ui.submit_guard import SubmitGuard
from tests.ui.conftest import screen_text, settle
from tests.ui.test_elicence_photo import _camera_photo, _photo_screen

GUARD = SubmitGuard.SUBMIT_GUARD  # the real value (tests/ui/conftest.py sets 0 for the other tests)


async def _submit_with_enter(pilot, env, people, button: str, monkeypatch) -> PhotoScreen:  # type: ignore[no-untyped-def]
    person = people["violation"]  # 赵磊: a stored photo, may apply
    if button == "#el-change-photo":
        elicence.apply_direct(env, elicence_card.account_for(env, person.id_number))
    screen = await _photo_screen(pilot, env, person, button)
    await _camera_photo(pilot)
    assert pilot.app.focused is screen.query_one("#ph-submit")
    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 30.0)  # however slow the machine
    await pilot.press("enter")  # 提交审核
    await settle(pilot)
    assert "业务流水号" in screen_text(pilot.app)  # the result step
    return screen


@pytest.mark.parametrize("button", ["#el-change-photo", "#el-photo-new"])
async def test_a_second_enter_on_submit_does_not_skip_the_result(kiosk_app, env, people, monkeypatch,
                                                                 button) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _submit_with_enter(pilot, env, people, button, monkeypatch)
        assert str(kiosk_app.focused.label) == "查看网办进度"
        await pilot.press("enter")  # the same Enter, repeated
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert kiosk_app.screen is screen and "业务流水号" in text and "办理状态：待审核" in text


async def test_enter_once_the_moment_passed_opens_the_progress(kiosk_app, env, people, monkeypatch) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _submit_with_enter(pilot, env, people, "#el-change-photo", monkeypatch)
        monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", GUARD)
        screen._quiet_since = 0.0  # noqa: SLF001 - the moment has passed
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen) and "更换电子驾驶证照片" in screen_text(kiosk_app)


async def test_back_once_the_moment_passed_goes_back(kiosk_app, env, people, monkeypatch) -> None:
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _submit_with_enter(pilot, env, people, "#el-change-photo", monkeypatch)
        monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", GUARD)
        screen._quiet_since = 0.0  # noqa: SLF001 - the moment has passed
        screen.query_one("#home", Button).press()
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ElicenceScreen)
