"""Pilot: 预约 refused for a reason another try does not change (tester: it was said under 上一步/预约,
easily missed, and 预约 still invited a retry). Now it is said in bold at the top of 确认并提交, the code
and 预约 go, the focus is on 上一步; 上一步 reads again what may be booked. Here the chosen day was taken
by another exam meanwhile (科目三 优先预约 on another kiosk); a subject that can no longer be booked at
all goes back to 科目确认 (test_booking_subject_gone_at_submit)."""
from __future__ import annotations

from textual.widgets import Static

from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.conftest import last_sms_code
from tests.ui.conftest import set_input, settle
from tests.ui.test_booking_small_screen import in_view, press
from tests.ui.test_booking_wizard import step, to_confirm_with_one

SAID = "您2026年12月7日已有其他科目的考试，同一天只能安排一个科目的考试"


def alert(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#confirm-alert", Static).render()).split())


async def test_a_refusal_for_good_is_said_on_top_and_takes_booking_away(kiosk_app, env, people):
    p = people["permit_expiring"]  # 王芳: 科目二 and 科目三
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_confirm_with_one(pilot, env, p, 2, "2026-12-07", "2026-12-07")
        await press(pilot, "send-code")
        env.clock.advance(seconds=61)
        taken = sessions(env, p, 3, "2026-12-07", "2026-12-07", priority=True)[0].id
        book(env, p, BookingRequest(3, "priority", (taken,)))  # another kiosk: an exam on that day
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        await press(pilot, "submit")
        screen = kiosk_app.screen
        assert step(kiosk_app)[0] == "step-confirm"
        assert alert(kiosk_app).startswith(SAID) and alert(kiosk_app).endswith("本次预约未成功，请点击【上一步】返回。")
        assert in_view(kiosk_app, "#confirm-alert")
        assert not screen.query_one("#submit").display and not screen.query_one("#field-code").display
        assert kiosk_app.focused is screen.query_one("#prev-confirm")
        assert SAID not in "".join(str(screen.query_one(".screen-error", Static).render()).split())  # said once
        await pilot.press("enter")  # 上一步: 选择场次 read again; 科目二 still offered
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-sessions"


async def test_a_wrong_code_still_leaves_booking_offered(kiosk_app, env, people):
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_confirm_with_one(pilot, env, p, 2, "2026-12-07", "2026-12-10")
        await press(pilot, "send-code")
        code = last_sms_code(env, p.phone)
        set_input(kiosk_app, "code", "000000" if code != "000000" else "111111")
        await press(pilot, "submit")
        screen = kiosk_app.screen
        assert step(kiosk_app)[0] == "step-confirm" and alert(kiosk_app) == ""
        assert screen.query_one("#submit").display and screen.query_one("#field-code").display
