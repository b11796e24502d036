"""Pilot: booking closed between 下一步 and 预约 when the day changed meanwhile (the tester: 陈晨,
科目二, the default range queried at 23:59 on 12-04, 2026-12-07 chosen, the code typed after
midnight). The automatic 查询 again used the range's old start, 2026-12-05, which is now today: it
was refused (开始日期最早为2026年12月6日), the table emptied, and why the booking was refused was
never said. Now the start moves to the earliest day allowed (and that is said), the citizen's end
stays, the sessions are listed again with why above them, and a code still good stays in its field.

The default dates of 选择场次 start at the subject's first day with a session still open for booking
(2026-12-07 at 12-04 23:59: 12-05 closed on 12-03, 12-06 is a Sunday) and follow the day as long as the
citizen has neither typed nor queried them. A range that starts tomorrow, as the tester's did when the
defaults still started there, is typed here (a citizen may still ask for it)."""
from __future__ import annotations

from datetime import datetime

from textual.widgets import DataTable, Static

from tests.conftest import last_sms_code
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_booking_small_screen import agree, press
from tests.ui.test_booking_wizard import choose_subject, open_wizard, step

CLOSED = "2026-12-07的场次已于2026年12月5日（预约结果公布日）截止网上预约，请重新查询后选择其他场次"
MOVED = "已将开始日期改为2026-12-06（最早可预约日期），"


def at(env, when: datetime) -> None:  # type: ignore[no-untyped-def]
    env.clock.advance(seconds=(when - env.clock.now()).total_seconds())


def alert(app) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one("#sessions-alert", Static).render()).split())


def dates(app) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#input-date_from").value, app.screen.query_one("#input-date_to").value


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.when for r in app.screen.sessions.rows]


async def to_sessions_at(pilot, env, p, subject: int, when: datetime) -> None:  # type: ignore[no-untyped-def]
    at(env, when)
    await open_wizard(pilot, env, p)
    await choose_subject(pilot, subject)
    await press(pilot, "next-subject")
    await agree(pilot)


def from_tomorrow(app) -> None:  # type: ignore[no-untyped-def]
    """At 12-04 the range from tomorrow, typed: 2026-12-05 to 2026-12-18 (the old defaults)."""
    set_input(app, "date_from", "2026-12-05")
    set_input(app, "date_to", "2026-12-18")


async def mark_day(pilot, day: str) -> None:  # type: ignore[no-untyped-def]
    """The first session listed on ``day`` chosen (Enter on its row)."""
    table = pilot.app.screen.query_one("#sessions", DataTable)
    table.focus()
    table.move_cursor(row=next(i for i, r in enumerate(pilot.app.screen.sessions.rows) if r.when.startswith(day)))
    await pilot.press("enter")
    await settle(pilot)


async def code_typed_past_midnight(pilot, env, p) -> str:  # type: ignore[no-untyped-def]
    """查询 as the dates stand, the first 2026-12-07 session chosen, 下一步 and the code sent before
    midnight, then typed in its field at 00:00:30: the code."""
    await press(pilot, "query")
    await mark_day(pilot, "2026-12-07")
    code = await code_past_midnight(pilot, env, p)
    set_input(pilot.app, "code", code)
    return code


async def code_past_midnight(pilot, env, p) -> str:  # type: ignore[no-untyped-def]
    """下一步 before midnight, the code sent; then 00:00:30 on 12-05. The code."""
    await press(pilot, "next-sessions")
    assert step(pilot.app)[0] == "step-confirm"
    await press(pilot, "send-code")
    at(env, datetime(2026, 12, 5, 0, 0, 30))
    return last_sms_code(env, p.phone)


async def test_self_mode_a_range_from_tomorrow_queried_before_midnight(kiosk_app, env, people):
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 15))
        assert dates(kiosk_app) == ("2026-12-07", "2026-12-20")  # the defaults: from the first open day
        from_tomorrow(kiosk_app)  # the range the tester queried (the defaults then)
        code = await code_typed_past_midnight(pilot, env, p)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-sessions"
        assert dates(kiosk_app) == ("2026-12-06", "2026-12-18")  # the start moved, the end kept
        assert alert(kiosk_app) == CLOSED + "（验证码仍然有效）。" + MOVED + "已为您重新查询，下表为最新的可预约场次。"
        assert "开始日期最早为" not in screen_text(kiosk_app)  # the query was not refused
        listed = rows(kiosk_app)
        assert listed and min(listed) >= "2026-12-08"  # 12-06 and 12-07 closed at 00:00 too
        assert kiosk_app.screen.query_one("#input-code").value == code
        await mark_day(pilot, listed[0][:10])
        await press(pilot, "next-sessions")
        await pilot.press("enter")  # the code kept has the focus: Enter books
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-done" and "提交成功" in screen_text(kiosk_app)


async def test_dates_still_allowed_are_kept_and_nothing_is_said_of_them(kiosk_app, env, people):
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 15))
        set_input(kiosk_app, "date_from", "2026-12-07")
        set_input(kiosk_app, "date_to", "2026-12-10")
        await code_typed_past_midnight(pilot, env, p)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-sessions"
        assert dates(kiosk_app) == ("2026-12-07", "2026-12-10")
        assert alert(kiosk_app) == CLOSED + "（验证码仍然有效）。已为您重新查询，下表为最新的可预约场次。"
        assert rows(kiosk_app) and min(rows(kiosk_app)) >= "2026-12-08"


async def test_the_default_dates_follow_the_day_until_the_citizen_uses_them(kiosk_app, env, people):
    """The wizard opened at 23:59:50, 选择场次 reached after midnight: its dates are from the new
    day's first open day (12-08: 12-06 is a Sunday, 12-07 closed at 00:00), not from the old day's
    tomorrow (查询 was refused for that)."""
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        at(env, datetime(2026, 12, 4, 23, 59, 50))
        await open_wizard(pilot, env, p)
        await choose_subject(pilot, 2)
        at(env, datetime(2026, 12, 5, 0, 0, 20))
        await press(pilot, "next-subject")
        await agree(pilot)
        assert dates(kiosk_app) == ("2026-12-08", "2026-12-21")
        await press(pilot, "query")
        assert "开始日期最早为" not in screen_text(kiosk_app) and rows(kiosk_app)


async def test_priority_booking_the_same(kiosk_app, env, people):
    p = people["permit_expiring"]  # 王芳, who may book 优先预约
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 15))
        await press(pilot, "to-priority")
        await agree(pilot, "agree-priority")
        from_tomorrow(kiosk_app)
        code = await code_typed_past_midnight(pilot, env, p)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-sessions" and kiosk_app.screen.priority
        assert dates(kiosk_app) == ("2026-12-06", "2026-12-18")
        assert alert(kiosk_app) == CLOSED + "（验证码仍然有效）。" + MOVED + "已为您重新查询，下表为最新的可预约场次。"
        assert rows(kiosk_app) and kiosk_app.screen.query_one("#input-code").value == code


async def test_system_mode_a_range_that_starts_today_now(kiosk_app, env, people):
    """服从系统安排 confirmed at 23:59 for 2026-12-05 to 12-18: at 预约 after midnight its start is
    today. It said 开始日期最早为2026年12月6日 on 确认并提交, where there is no date to change."""
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 15))
        kiosk_app.screen.query_one("#mode").query("RadioButton").last().value = True  # 服从系统安排
        from_tomorrow(kiosk_app)
        await press(pilot, "query")
        code = await code_past_midnight(pilot, env, p)
        set_input(kiosk_app, "code", code)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-sessions" and kiosk_app.screen.sessions.mode == "system"
        assert dates(kiosk_app) == ("2026-12-06", "2026-12-18")
        assert alert(kiosk_app) == ("所选时间段的开始日期2026年12月5日已不可预约（开始日期最早为2026年12月6日），"
                                    "请重新查询后提交（验证码仍然有效）。" + MOVED + "已为您重新查询，下表为最新的可预约场次。")
        assert rows(kiosk_app) and kiosk_app.screen.query_one("#input-code").value == code
        await press(pilot, "next-sessions")
        await pilot.press("enter")
        await settle(pilot)
        assert step(kiosk_app)[0] == "step-done" and "提交成功" in screen_text(kiosk_app)


async def test_why_is_said_when_the_query_again_is_refused_too(kiosk_app, env, people, monkeypatch):
    """The query after the refusal fails (系统繁忙): why 预约 was refused and the date moved are
    still said above the (empty) table, with the query's own message; the code stays."""
    from kiosk.domain.errors import DomainError
    from kiosk.services import booking_query

    def busy(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise DomainError("系统繁忙，请稍后再试")

    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 15))
        from_tomorrow(kiosk_app)
        code = await code_typed_past_midnight(pilot, env, p)
        monkeypatch.setattr(booking_query, "query_sessions", busy)
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-sessions" and not rows(kiosk_app)
        assert dates(kiosk_app) == ("2026-12-06", "2026-12-18")
        assert alert(kiosk_app) == CLOSED + "（验证码仍然有效）。" + MOVED.rstrip("，") + "。系统繁忙，请稍后再试。"
        assert kiosk_app.screen.query_one("#input-code").value == code


async def test_the_other_modes_untouched_dates_follow_the_day_too(kiosk_app, env, people):
    """王芳 on 选择场次 before midnight (from 12-07, the first open day), on to 优先预约 without a
    query; after midnight its 查询 takes the dates as they stand (12-07 is still after tomorrow), and
    the first day is read again for the new day: the normal mode kept meanwhile, untouched, starts at
    12-08 (12-07 closed at 00:00), found so on the way back."""
    p = people["permit_expiring"]
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 40))
        await press(pilot, "to-priority")
        await agree(pilot, "agree-priority")
        assert kiosk_app.screen.priority and dates(kiosk_app) == ("2026-12-07", "2026-12-20")
        at(env, datetime(2026, 12, 5, 0, 0, 10))
        await press(pilot, "query")
        assert dates(kiosk_app) == ("2026-12-07", "2026-12-20") and rows(kiosk_app)
        assert min(rows(kiosk_app)) >= "2026-12-08"
        while kiosk_app.screen.priority:  # 上一步 to the normal mode's 选择场次
            await press(pilot, "prev-priority-notice" if step(kiosk_app)[0] == "step-priority-notice"
                        else "prev-sessions")
        assert step(kiosk_app)[0] == "step-sessions" and dates(kiosk_app) == ("2026-12-08", "2026-12-21")


async def test_next_after_midnight_queries_again_without_the_closed_rows(kiosk_app, env, people):
    """Sessions queried before midnight, 下一步 after it: refused with the closure (no code yet, so
    nothing said of one), and at once queried again from a start valid now, as after 预约."""
    p = people["k2_ready"]
    async with kiosk_app.run_test(size=(100, 32)) as pilot:
        await to_sessions_at(pilot, env, p, 2, datetime(2026, 12, 4, 23, 59, 15))
        from_tomorrow(kiosk_app)
        await press(pilot, "query")
        await mark_day(pilot, "2026-12-07")
        at(env, datetime(2026, 12, 5, 0, 0, 30))
        await press(pilot, "next-sessions")
        assert step(kiosk_app)[0] == "step-sessions"
        assert dates(kiosk_app) == ("2026-12-06", "2026-12-18")
        assert alert(kiosk_app) == CLOSED + "。" + MOVED + "已为您重新查询，下表为最新的可预约场次。"
        assert rows(kiosk_app) and min(rows(kiosk_app)) >= "2026-12-08"
