"""A clerk deactivated while the screen refreshes on its own (审核队列's live queue, 考试计划's session
counts, every LIVE_SECONDS): the first refused refresh signs the clerk out, with the reason, and
writes one 权限失效，拒绝办理 entry. Before, only a read the clerk asked for did: a background refresh
was refused every tick, each refusal audited, and a clerk deactivated while away from the desk
filled the audit log. Something typed on the screen goes too: this account could not save it."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import AuditEntry
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from kiosk.ui.screens.counter.review import ReviewScreen
from kiosk.ui.screens.staff_sign_in import StaffSignInScreen
from tests.ui.conftest import screen_error, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_revoked_on_open import PASSWORDS, _deactivate
from tests.ui.counter_helpers import press


def _refusals(env, staff_no: str) -> int:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return len(list(s.scalars(select(AuditEntry).where(
            AuditEntry.actor == f"staff:{staff_no}", AuditEntry.action == "staff_refused"))))


async def _ticks(pilot, screen, n: int = 3) -> None:  # type: ignore[no-untyped-def]
    """``n`` live refreshes, as the screen's interval would run them (only while it is still there)."""
    for _ in range(n):
        if screen.is_attached and screen in pilot.app.screen_stack:
            screen._live()
        await settle(pilot)


async def test_a_refused_refresh_of_the_review_queue_signs_the_clerk_out_once(env) -> None:
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1002", PASSWORDS["J1002"])
        await press(pilot, "m-review")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        _deactivate(env, "J1002")  # while the reviewer is away from the desk
        await _ticks(pilot, screen)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None
        assert "已退出登录：该工作人员账户已停用，请联系管理员" in screen_error(app)
    assert _refusals(env, "J1002") == 1


async def test_a_refused_refresh_under_the_lock_screen_signs_the_clerk_out(env) -> None:
    """考试计划 refreshes its counts while the counter is locked: the clerk is signed out (the lock
    screen goes, the staff sign-in shows), one entry in the audit log."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", PASSWORDS["J1003"])
        await press(pilot, "m-plans")
        screen = app.screen
        assert isinstance(screen, ExamPlansScreen)
        screen.query_sessions()
        await settle(pilot)
        assert screen.queried is not None
        app.lock_counter()
        await settle(pilot)
        _deactivate(env, "J1003")
        await _ticks(pilot, screen)
        assert isinstance(app.screen, StaffSignInScreen) and app.staff is None and not app.locked
    assert _refusals(env, "J1003") == 1
