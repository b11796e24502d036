"""Pilot: 考试预约 reads the subjects again on the way back (上一步). Tester: another kiosk booked
科目二 meanwhile; back on 科目确认 (or 选择场次) the wizard still offered 科目二 and 切换至优先预约,
and refused them only at 预约."""
from __future__ import annotations

from textual.widgets import RadioSet

from kiosk.services import booking_query
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, book, sessions
from tests.ui.conftest import screen_error, screen_text, settle
from tests.ui.test_booking_wizard import mark_rows, query, step, to_sessions


async def press(pilot, button_id: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(f"#{button_id}").press()  # the demo phone bar may cover it
    await settle(pilot)


def offered(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.name for b in app.screen.query_one("#subject", RadioSet).query("RadioButton")]


def booked_elsewhere(env, p) -> str:  # type: ignore[no-untyped-def]
    """Another kiosk books 科目二 for the same citizen; returns why 科目二 cannot be booked now."""
    rows = sessions(env, p, 2, "2026-12-04", "2026-12-06")
    book(env, p, BookingRequest(2, "self", (rows[0].id,)))
    option = next(o for o in booking_query.overview(env, account_id(env, p)).subjects if o.subject == 2)
    assert not option.allowed
    return option.reason


async def test_back_on_the_subjects_after_another_kiosk_booked_one(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await to_sessions(pilot, env, p, 2)
        assert kiosk_app.screen.query_one("#to-priority").display
        reason = booked_elsewhere(env, p)
        await press(pilot, "prev-sessions")  # back to 科目确认 (业务须知, agreed to, is skipped both ways)
        await settle(pilot)
        assert step(kiosk_app) == ("step-subject", 0)
        assert "2" not in offered(kiosk_app) and offered(kiosk_app)  # 科目三 still
        assert f"科目二（场地驾驶技能）：{reason}" in "".join(str(kiosk_app.screen.query_one("#not-bookable").render()).split())
        assert kiosk_app.focused is kiosk_app.screen.query_one("#subject", RadioSet)
        await press(pilot, "next-subject")  # goes on with 科目三, not the 科目二 booked elsewhere
        await settle(pilot)
        if step(kiosk_app)[0] == "step-notice":
            await press(pilot, "agree")
            await settle(pilot)
        assert kiosk_app.screen.sessions.subject == 3


async def test_back_on_the_sessions_after_another_kiosk_booked_that_subject(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        await press(pilot, "next-sessions")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-confirm"
        reason = booked_elsewhere(env, p)
        await press(pilot, "prev-confirm")
        await settle(pilot)
        # 科目二 can no longer be booked here: back to 科目确认, told why; no 切换至优先预约 for it
        assert step(kiosk_app) == ("step-subject", 0)
        assert "".join(screen_error(kiosk_app).split()) == f"科目二（场地驾驶技能）已不能预约：{reason}"
        assert "2" not in offered(kiosk_app)
        assert "切换至优先预约" not in screen_text(kiosk_app)


async def test_back_on_the_sessions_keeps_the_search_when_nothing_changed(kiosk_app, env, people):
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, p, 2)
        await query(pilot, "2026-12-04", "2026-12-06")
        await mark_rows(pilot, 1)
        marked = list(kiosk_app.screen.query_one("#step-sessions").marked)
        await press(pilot, "next-sessions")
        await settle(pilot)
        await press(pilot, "prev-confirm")
        await settle(pilot)
        assert step(kiosk_app) == ("step-sessions", 2)
        assert kiosk_app.screen.query_one("#step-sessions").marked == marked  # every input kept
        assert kiosk_app.screen.query_one("#to-priority").display
        assert offered(kiosk_app) == ["2", "3"]
