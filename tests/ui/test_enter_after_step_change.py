"""Pilot: a key that comes right after a step change (Enter pressed twice quickly, or held: the
terminal's key repeat) neither commits what cannot be undone nor makes a choice nobody looked at
(SubmitGuard: a step's guarded control takes a press only once the step has been on view for
``SUBMIT_GUARD`` seconds with no press of it; each press ignored starts the moment again).

Tester's findings: in 新车选号 a held Enter on the chosen number went on from 请核对以下信息 to
已办结 (渝A09975 kept for good) once the 0.5 s after the step opened had passed; in 满分学习考试 a
second Enter on 下一步 chose the first 现场教育场次, where the table opens with its cursor."""
from __future__ import annotations

import types

import pytest
from sqlalchemy import select
from textual.widgets import ContentSwitcher, DataTable

import kiosk.ui.submit_guard as guard_module
from kiosk.db.models import Application
from kiosk.db.models_newcars import PlateSelection
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.full_score import FullScoreScreen
from kiosk.ui.submit_guard import SubmitGuard
from tests.ui.conftest import choose_option, press_in_view, screen_text, set_input, settle, sign_in

GUARD = SubmitGuard.SUBMIT_GUARD  # the real value (tests/ui/conftest.py sets 0 for the other tests)
REPEAT = 0.04  # a terminal's key repeat: 25 Enters a second once it starts


def test_the_moment_outlasts_a_terminals_repeat_delay() -> None:
    """The first repeat of a held key comes after the repeat delay (X11: 0.66 s, most desktops 0.5 s)."""
    assert 0.66 < GUARD <= 1.0


class FakeClock:
    """``time.monotonic`` as SubmitGuard reads it, moved on by the test only: a pilot's key press
    takes a tenth of a second or more of real time (more on a loaded machine), no key repeat's 0.04 s."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> FakeClock:  # type: ignore[no-untyped-def]
    """SubmitGuard's real moment, on the test's clock."""
    fake = FakeClock()
    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", GUARD)
    monkeypatch.setattr(guard_module, "time", types.SimpleNamespace(monotonic=fake.monotonic))
    return fake


async def _hold_enter(pilot, clock: FakeClock, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Enter held for ``seconds`` once it repeats: a press every REPEAT seconds of the clock."""
    for _ in range(round(seconds / REPEAT)):
        clock.now += REPEAT
        await pilot.press("enter")


def _selections(env) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return len(list(s.scalars(select(PlateSelection))))


async def _number_chosen(pilot, env, people) -> ApplicationFlowScreen:  # type: ignore[no-untyped-def]
    """宋佳's 新车选号: 随机选号, the first number chosen by Down (渝A09975 in the tester's run), the
    focus on the grid: Enter there is as 下一步."""
    p = people["points_study"]
    await sign_in(pilot, env, p.id_number, p.phone)
    await press_in_view(pilot, "menu-plate_new")
    screen = pilot.app.screen
    assert isinstance(screen, ApplicationFlowScreen)
    await choose_option(pilot, "way", "随机选号")
    screen.query_one("#choice-pick_0").focus()
    await pilot.press("down")
    await settle(pilot)
    return screen


def _step(screen) -> str:  # type: ignore[no-untyped-def]
    return str(screen.query_one(ContentSwitcher).current)


async def test_a_held_enter_on_the_number_stops_at_the_summary(kiosk_app, env, people, clock):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _number_chosen(pilot, env, people)
        await pilot.press("enter")  # the number chosen: as 下一步, 确认并提交 with the focus on 提交
        await settle(pilot)
        clock.now += 0.5  # the terminal's repeat delay
        await _hold_enter(pilot, clock, 2 * GUARD)
        await settle(pilot)
        assert _step(screen) == "step-confirm" and _selections(env) == 0
        assert kiosk_app.focused is screen.query_one("#submit") and "请核对以下信息" in screen_text(kiosk_app)
        clock.now += GUARD + 0.01  # let go, the summary read: Enter submits
        await pilot.press("enter")
        await settle(pilot)
        assert _step(screen) == "step-done" and _selections(env) == 1


async def test_the_first_repeat_after_the_repeat_delay_is_ignored_too(kiosk_app, env, people, clock):
    """0.66 s after the step opened (X11's first repeat of a held Enter) is too soon; so is 0.5 s
    after that ignored press; 提交 is taken once nothing was pressed for the moment."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _number_chosen(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        assert _step(screen) == "step-confirm"
        clock.now += 0.66
        await pilot.press("enter")
        await settle(pilot)
        assert _step(screen) == "step-confirm" and _selections(env) == 0
        clock.now += 0.5  # 1.16 s after the step opened, but 0.5 s after the press ignored
        await pilot.press("enter")
        await settle(pilot)
        assert _step(screen) == "step-confirm" and _selections(env) == 0
        clock.now += GUARD + 0.01
        await pilot.press("enter")
        await settle(pilot)
        assert _step(screen) == "step-done" and _selections(env) == 1


async def _to_sessions_by_keyboard(pilot, env, people) -> FullScoreScreen:  # type: ignore[no-untyped-def]
    """徐明's 满分学习考试, 2 现场 and 3 网络 days typed, the focus on 下一步."""
    p = people["full_score"]
    await sign_in(pilot, env, p.id_number, p.phone)
    await press_in_view(pilot, "menu-full_score")
    screen = pilot.app.screen
    assert isinstance(screen, FullScoreScreen)
    set_input(pilot.app, "on_site_days", "2")
    set_input(pilot.app, "online_days", "3")
    screen.query_one("#next").focus()
    await settle(pilot)
    return screen


async def test_a_second_enter_on_next_chooses_no_session(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 30.0)  # however slow the machine
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_sessions_by_keyboard(pilot, env, people)
        await pilot.press("enter")
        await pilot.press("enter")  # the same Enter, repeated: on the table, its cursor on the first row
        await settle(pilot)
        assert _step(screen) == "step-sessions" and kiosk_app.focused is screen.query_one("#sessions")
        assert screen.marked == [] and "已选0个" in str(screen.query_one("#sessions-hint").render())


async def test_a_held_enter_chooses_no_session_and_one_once_let_go_does(kiosk_app, env, people, clock):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_sessions_by_keyboard(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        clock.now += 0.5
        await _hold_enter(pilot, clock, 2 * GUARD)
        await settle(pilot)
        assert _step(screen) == "step-sessions" and screen.marked == []
        clock.now += GUARD + 0.01
        await pilot.press("enter")  # the first row, now looked at
        await settle(pilot)
        assert screen.marked == [screen.city.sessions[0].key]


async def _two_sessions_chosen(pilot, screen, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    """On 确认现场教育场次 (just opened): 12-02 and 12-04 chosen once the moment has passed."""
    table = screen.query_one("#sessions", DataTable)
    for row in (0, 3):
        clock.now += GUARD + 0.01
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
    assert len(screen.marked) == 2


async def test_back_to_the_sessions_unchooses_none_with_a_second_enter(kiosk_app, env, people, clock):
    """上一步 from 信息确认 opens the table again, its cursor on a chosen row where Enter takes it
    back: the Enter on 上一步, repeated, leaves both chosen, however long 信息确认 was read."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_sessions_by_keyboard(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        await _two_sessions_chosen(pilot, screen, clock)
        await press_in_view(pilot, "next-sessions")
        assert _step(screen) == "step-confirm"
        chosen = list(screen.marked)
        clock.now += 30  # 信息确认 read for a while
        screen.query_one("#prev-sessions").focus()
        await pilot.press("enter")
        await pilot.press("enter")  # the same Enter, repeated: on the table, its cursor on 12-04 (chosen)
        await settle(pilot)
        assert _step(screen) == "step-sessions" and kiosk_app.focused is screen.query_one("#sessions")
        assert screen.marked == chosen


async def test_a_held_enter_on_submit_makes_no_full_score_application(kiosk_app, env, people, clock):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _to_sessions_by_keyboard(pilot, env, people)
        await pilot.press("enter")
        await settle(pilot)
        await _two_sessions_chosen(pilot, screen, clock)
        clock.now += 30
        screen.query_one("#next-sessions").focus()
        await pilot.press("enter")
        await settle(pilot)
        clock.now += 0.5
        await _hold_enter(pilot, clock, 2 * GUARD)
        await settle(pilot)
        assert _step(screen) == "step-confirm"
        with env.db.read() as s:
            assert not list(s.scalars(select(Application).where(Application.kind == "full_score")))
