"""Pilot: two quick Enters from the last field of a service form (tester's finding: in 补领检验合格标志's
领取网点 ``Down Down Enter Enter`` went straight to 业务已提交). The first Enter opens 确认并提交
with the focus on 提交 (its main control); 提交 takes no press in the step's first
``SUBMIT_GUARD`` seconds, so the second one leaves 请核对以下信息 on view; an Enter once that moment
has passed submits."""
from __future__ import annotations

from sqlalchemy import func, select
from textual.widgets import ContentSwitcher

from kiosk.db.models import Application
from kiosk.ui.screens.flow import ApplicationFlowScreen
from tests.ui.conftest import choose_option, screen_text, settle
from tests.ui.test_vehicle_documents import _open

GUARD = ApplicationFlowScreen.SUBMIT_GUARD  # the real value (tests/ui/conftest.py sets 0 for the other tests)


def _count(env) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(func.count()).select_from(Application)) or 0


async def _to_office_list(pilot, env, people) -> ApplicationFlowScreen:  # type: ignore[no-untyped-def]
    """周杰's 补领检验合格标志, 窗口领取 chosen, the focus on 领取网点 with nothing chosen yet."""
    await _open(pilot, env, people["two_cars"], "inspection_mark_reissue")
    await choose_option(pilot, "delivery", "窗口领取")
    screen = pilot.app.screen
    screen.query_one("#choice-office").focus()
    await pilot.press("down")  # the first arrow chooses the first office
    await settle(pilot)
    return screen


def test_the_guard_is_a_short_moment() -> None:
    assert 0.2 <= GUARD <= 1.0


async def test_a_second_enter_does_not_skip_the_summary(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(ApplicationFlowScreen, "SUBMIT_GUARD", 30.0)  # however slow the machine
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_office_list(pilot, env, people)
        before = _count(env)
        await pilot.press("enter")  # the office chosen is kept; the last field: as 下一步
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-confirm"
        assert kiosk_app.focused is screen.query_one("#submit")  # the step's main control, still
        await pilot.press("enter")  # the same Enter, repeated
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-confirm" and _count(env) == before
        assert "请核对以下信息" in screen_text(kiosk_app) and kiosk_app.focused is screen.query_one("#submit")


async def test_enter_on_submit_once_the_moment_passed_submits(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(ApplicationFlowScreen, "SUBMIT_GUARD", GUARD)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_office_list(pilot, env, people)
        before = _count(env)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-confirm"
        await pilot.pause(GUARD)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-done" and _count(env) == before + 1
        assert "业务已提交" in screen_text(kiosk_app)


async def test_back_and_forward_again_guards_again(kiosk_app, env, people, monkeypatch):
    """上一步 then 下一步: the step opens anew, and so does its moment."""
    monkeypatch.setattr(ApplicationFlowScreen, "SUBMIT_GUARD", GUARD)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_office_list(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(GUARD)
        screen.query_one("#prev").press()
        await settle(pilot)
        monkeypatch.setattr(ApplicationFlowScreen, "SUBMIT_GUARD", 30.0)
        screen.query_one("#next").press()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-confirm"


async def test_a_second_enter_on_submit_does_not_skip_the_result(kiosk_app, env, people, monkeypatch):
    """Enter on 提交, and the same Enter again at once: the 办理结果 with its 业务流水号 stays on view (its
    返回业务中心 had the focus, and the second Enter left for the 业务中心 unread: tester)."""
    monkeypatch.setattr(ApplicationFlowScreen, "SUBMIT_GUARD", GUARD)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_office_list(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(GUARD)
        monkeypatch.setattr(ApplicationFlowScreen, "SUBMIT_GUARD", 30.0)  # however slow the machine
        screen._quiet_since = 0.0  # noqa: SLF001 - 提交 itself is past its moment
        await pilot.press("enter")  # 提交
        await settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "step-done"
        await pilot.press("enter")  # the same Enter, repeated
        await settle(pilot)
        assert kiosk_app.screen is screen and "业务已提交" in screen_text(kiosk_app)
