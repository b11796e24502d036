"""Pilot: 上一步 pressed while a call of the step runs. Found by a developer: 上一步 pressed while 下一步
was being checked went back, then the check's answer opened 确认并提交 all the same, with 科目确认
behind it (the history out of order), and the read again that 上一步 starts was dropped (the screen
was busy). The same gap on 确认并提交: 上一步 pressed while a refused 预约 read the subjects again
went back, and why 预约 was refused was never said.

Now 上一步 during 下一步's check goes back at once, the check's answer is dropped (nothing was
committed), every input is kept and the read again runs once the check is over; 上一步 during
预约 (and the read that follows a refusal) waits: 正在办理，请稍候。 shows at once and the outcome
of 预约 is said as ever."""
from __future__ import annotations

import threading

from textual.widgets import RadioSet

from kiosk.services import booking_submit
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.screens.booking import wizard_steps, wizard_submit
from tests.booking_helpers import book, sessions
from tests.conftest import last_sms_code
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_priority import to_priority_sessions
from tests.ui.test_booking_small_screen import press
from tests.ui.test_booking_subject_gone_at_submit import SAID, text
from tests.ui.test_booking_wizard import mark_rows, query, step, to_confirm_with_one, to_sessions


def slow(monkeypatch, module, name: str) -> threading.Event:  # type: ignore[no-untyped-def]
    """``module.name`` waits for the event returned (a loaded machine) before it runs."""
    real, go = getattr(module, name), threading.Event()

    def waiting(*args):  # type: ignore[no-untyped-def]
        assert go.wait(10)
        return real(*args)

    monkeypatch.setattr(module, name, waiting)
    return go


def counted_loads(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """The reads again of 上一步 (wizard_steps.load), one entry each."""
    real, reads = wizard_steps.load, []
    monkeypatch.setattr(wizard_steps, "load", lambda *args: reads.append(1) or real(*args))
    return reads


async def test_back_while_next_is_checked_stays_back(kiosk_app, env, people, monkeypatch):
    p = people["k2_ready"]  # 陈晨
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-07", "2026-12-10")
        await mark_rows(pilot, 1)
        screen = kiosk_app.screen
        marked = list(screen.sessions.marked)
        checked, reads = slow(monkeypatch, booking_submit, "check"), counted_loads(monkeypatch)
        screen.query_one("#next-sessions").press()
        await pilot.pause(0.1)
        screen.query_one("#prev-sessions").press()  # while 下一步 is checked
        await pilot.pause(0.1)
        assert step(kiosk_app) == ("step-subject", 0)  # back at once (业务须知, agreed to, skipped)
        checked.set()
        await settle(pilot)
        assert step(kiosk_app) == ("step-subject", 0) and screen.history == []  # the check's answer dropped
        assert reads == [1]  # read again once the check was over, not dropped
        assert kiosk_app.focused is screen.query_one("#subject", RadioSet)
        assert "系统繁忙" not in screen_text(kiosk_app)
        await press(pilot, "next-subject")  # on again: the step as it was left
        assert step(kiosk_app) == ("step-sessions", 2) and screen.sessions.marked == marked
        await press(pilot, "next-sessions")
        assert step(kiosk_app) == ("step-confirm", 3)  # behind it the steps in order (业务须知 skipped)
        assert screen.history == [("step-subject", False), ("step-sessions", False)]


async def test_back_while_the_priority_sessions_are_checked_stays_in_the_normal_mode(kiosk_app, env, people,
                                                                                    monkeypatch):
    p = people["permit_expiring"]  # 王芳
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_priority_sessions(pilot, env, p)
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        screen = kiosk_app.screen
        checked, reads = slow(monkeypatch, booking_submit, "check"), counted_loads(monkeypatch)
        screen.query_one("#next-sessions").press()
        await pilot.pause(0.1)
        screen.query_one("#prev-sessions").press()
        await pilot.pause(0.1)
        checked.set()
        await settle(pilot)
        # the step the citizen asked for (the normal sessions), not 确认并提交 of the priority booking
        assert step(kiosk_app) == ("step-sessions", 2) and not screen.priority and reads == [1]
        assert kiosk_app.focused is screen.query_one("#to-priority")
        await press(pilot, "to-priority")  # the priority notice agreed to: on to its sessions, the choice kept
        assert step(kiosk_app) == ("step-sessions", 4) and len(screen.sessions.marked) == 1


async def test_back_while_a_refused_booking_reads_again_says_why(kiosk_app, env, people, monkeypatch):
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await to_confirm_with_one(pilot, env, p, 2, "2026-12-07", "2026-12-10")
        await press(pilot, "send-code")
        env.clock.advance(seconds=61)
        book(env, p, BookingRequest(2, "self", (sessions(env, p, 2, "2026-12-08", "2026-12-08")[0].id,)))  # another kiosk
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        reread = slow(monkeypatch, wizard_submit, "load")  # the read that follows the refusal
        kiosk_app.screen.query_one("#submit").press()
        await pilot.pause(0.3)
        kiosk_app.screen.query_one("#prev-confirm").press()  # while the refusal's read runs
        await pilot.pause(0.1)
        assert step(kiosk_app)[0] == "step-confirm" and "正在办理，请稍候" in screen_text(kiosk_app)
        reread.set()
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-subject"
        said = text(kiosk_app, "#error-subject")
        assert said.startswith(f"科目二（场地驾驶技能）已不能预约：{SAID}") and said.endswith("本次预约未成功。")
