"""Pilot: booking closed between 下一步 and 预约 (tester's finding 2: 科目三 2026-12-07, the code
sent at 23:57 on 12-04 and typed after midnight, when the 12-07 plan closed on its publication day).

The refusal said only 「所选场次已截止预约或不可预约」, and the code stayed in its field whatever it was
worth. Now the wizard goes back to 选择场次, queried again, with why above the table; a code still
good for the next try stays (and that is said), focused when 确认并提交 comes back; a wrong or
expired code is refused first, as at any submission (a wrong one counted)."""
from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from tests.conftest import last_sms_code
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_small_screen import agree, press
from tests.ui.test_booking_wizard import mark_rows, open_wizard, query, step

WHY = "2026-12-07的场次已于2026年12月5日（预约结果公布日）截止网上预约，请重新查询后选择其他场次"


async def to_code_after_midnight(pilot, env, p) -> str:  # type: ignore[no-untyped-def]
    """胡斌 at 23:57:30 on 12-04: 科目三 on 12-07 chosen, the code sent; then past midnight. The code."""
    env.clock.advance(seconds=(datetime(2026, 12, 4, 23, 57, 30) - env.clock.now()).total_seconds())
    await open_wizard(pilot, env, p)
    await press(pilot, "next-subject")  # 科目三, the only subject
    await agree(pilot)
    await query(pilot, "2026-12-07", "2026-12-07")
    await mark_rows(pilot, 1)
    await press(pilot, "next-sessions")
    assert step(pilot.app)[0] == "step-confirm"
    await press(pilot, "send-code")
    env.clock.advance(minutes=3)  # 2026-12-05 00:00:30
    return last_sms_code(env, p.phone)


def alert(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#sessions-alert", Static).render()).split())


async def test_a_valid_code_is_kept_and_said_so(kiosk_app, env, people):
    p = people["k3_ready"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        code = await to_code_after_midnight(pilot, env, p)
        set_input(kiosk_app, "code", code)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-sessions"  # queried again, to pick another session
        assert alert(kiosk_app) == WHY + "（验证码仍然有效）。已为您重新查询，下表为最新的可预约场次。"
        assert "所选场次已截止预约或不可预约" not in screen_text(kiosk_app)
        assert kiosk_app.screen.query_one("#input-code").value == code  # kept for the next try
        await query(pilot, "2026-12-08", "2026-12-08")
        await mark_rows(pilot, 1)
        await press(pilot, "next-sessions")
        assert kiosk_app.focused is kiosk_app.screen.query_one("#input-code")  # Enter books, no new code
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-done" and "提交成功" in screen_text(kiosk_app)


async def test_an_expired_code_is_refused_as_at_any_submission(kiosk_app, env, people):
    """The code is checked before the closed session is said: an expired (or wrong, counted) code is
    refused on 确认并提交 as always, so this refusal never tells a right code from a wrong one."""
    p = people["k3_ready"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        code = await to_code_after_midnight(pilot, env, p)
        env.clock.advance(minutes=5)  # the code has expired too
        set_input(kiosk_app, "code", code)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-confirm"
        assert "验证码已过期" in screen_text(kiosk_app)
        assert "（验证码仍然有效）" not in screen_text(kiosk_app)
