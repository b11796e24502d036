"""Pilot: 徐明 (12 points) applies for 满分学习考试 through its three steps, with bad input on the
way (too few 现场 days, sessions not matching the days, the same day twice); opening it again offers
查看网办进度 on the application; a driver below 12 points is told why before any form."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from textual.widgets import Button, DataTable

from kiosk.db.models import Application
from kiosk.ui.screens.full_score import FullScoreScreen
from kiosk.ui.screens.records import ProgressScreen
from kiosk.ui.widgets.stepbar import StepBar
from tests.booking_helpers import account_id
from tests.integration.test_full_score import add_violation
from tests.ui.conftest import click_in_view, field_error, screen_text, set_input, settle, sign_in


async def _open(pilot, env, person) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await click_in_view(pilot, pilot.app.screen.query_one("#menu-full_score"))
    assert isinstance(pilot.app.screen, FullScoreScreen)


def _error(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#error-{name}").render())


async def _press(pilot, button: str) -> None:  # type: ignore[no-untyped-def]
    await click_in_view(pilot, pilot.app.screen.query_one(button))


async def _choose_rows(pilot, *rows: int) -> None:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one("#sessions", DataTable)
    table.focus()
    for row in rows:
        table.move_cursor(row=row)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_xu_ming_applies_with_bad_input_on_the_way(kiosk_app, env, people, size):
    p = people["full_score"]
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, p)
        screen = kiosk_app.screen
        text = screen_text(kiosk_app)
        assert "选择教育城市和教育方式" in text or "选择城市和方式" in text
        note = "".join(str(screen.query_one("#days-note").render()).split())
        assert note == "自主学习天数：2天（教育共7天减去现场教育和网络教育天数，不可单独填写）"
        assert kiosk_app.focused is screen.query_one("#choice-city")
        # too few 现场 days and a sum over the 7 days, both said at once; then 3 + 3 is taken (tester)
        set_input(kiosk_app, "on_site_days", "1")
        set_input(kiosk_app, "online_days", "9")
        await _press(pilot, "#next")
        assert field_error(kiosk_app, "on_site_days") == "现场教育天数不得少于2天"
        assert "合计不得超过7天（现在为10天）" in field_error(kiosk_app, "online_days")
        assert screen.query_one(StepBar).current == 0
        set_input(kiosk_app, "online_days", "4")
        await _press(pilot, "#next")
        assert field_error(kiosk_app, "on_site_days") == "现场教育天数不得少于2天"
        assert not field_error(kiosk_app, "online_days")
        set_input(kiosk_app, "on_site_days", "3")
        set_input(kiosk_app, "online_days", "1")
        await _press(pilot, "#next")
        assert "合计不得少于5天（现在为4天）" in field_error(kiosk_app, "online_days")
        set_input(kiosk_app, "online_days", "3")
        await settle(pilot)
        assert "自主学习天数：1天（" in "".join(str(screen.query_one("#days-note").render()).split())
        await _press(pilot, "#next")
        assert screen.query_one(StepBar).current == 1 and kiosk_app.focused is screen.query_one("#sessions")
        assert "请选择3个现场教育场次" in str(screen.query_one("#sessions-hint").render())
        # rows: 12-02 渝中, 12-03 渝中, 12-03 三分所, 12-04 渝中 ...: the same day twice is refused at once
        await _choose_rows(pilot, 1, 2)
        assert "同一天只能参加一个现场教育场次：2026年12月3日已选择了一个场次" in _error(kiosk_app, "sessions")
        assert screen.marked == [screen.city.sessions[1].key]
        await _press(pilot, "#next-sessions")  # one of 3 chosen
        assert "请选择3个现场教育场次（已选1个）" in _error(kiosk_app, "sessions")
        await _choose_rows(pilot, 0, 3)
        assert len(screen.marked) == 3
        await _choose_rows(pilot, 5)  # a fourth
        assert "已选满3个场次" in _error(kiosk_app, "sessions") and len(screen.marked) == 3
        # back: 2 现场 days now, so 3 sessions no longer match
        await _press(pilot, "#prev-form")
        set_input(kiosk_app, "on_site_days", "2")
        set_input(kiosk_app, "online_days", "3")
        await _press(pilot, "#next")
        assert len(screen.marked) == 3  # kept for the same city
        await _choose_rows(pilot, 5)  # one more: not 已选满2个场次 with 3 chosen (tester)
        assert _error(kiosk_app, "sessions") == ("现场教育天数为2天，最多只能选择2个场次（已选3个），"
                                                 "请先在已选的场次上按回车键（或点击该行）取消多选的场次")
        assert len(screen.marked) == 3
        await _press(pilot, "#next-sessions")
        assert "最多只能选择2个场次（已选3个）" in _error(kiosk_app, "sessions")
        await _choose_rows(pilot, 3)  # un-choose 12-04
        await _press(pilot, "#next-sessions")
        assert screen.query_one(StepBar).current == 2
        summary = "".join(str(screen.query_one("#summary").render()).split())
        assert "教育城市：重庆（驾驶证核发地）" in summary and "现场教育天数：2天" in summary
        assert "现场教育场次2：12月3日周四09:00-17:00渝中车管所现场教育地点：渝中车管所（重庆市渝中区经纬大道555号）" in summary
        await _press(pilot, "#submit")
        assert screen.query_one(StepBar).current == 3
        with env.db.read() as s:
            app = s.scalars(select(Application).where(Application.kind == "full_score")).one()
            assert app.account_id == account_id(env, p) and app.status == "受理中"
        assert app.serial_no in "".join(screen_text(kiosk_app).split())
        await _press(pilot, "#home")
        await click_in_view(pilot, kiosk_app.screen.query_one("#menu-full_score"))
        again = kiosk_app.screen
        assert "正在受理中" in "".join(str(again.query_one("#intro").render()).split())
        progress = again.query_one("#pending-progress", Button)
        assert progress.display and kiosk_app.focused is progress and not again.query_one(StepBar).display
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen) and app.serial_no in screen_text(kiosk_app)


async def test_another_city_has_its_own_sessions(kiosk_app, env, people):
    add_violation(env, account_id(env, people["full_score"]))  # in 连云港
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["full_score"])
        screen = kiosk_app.screen
        radio = next(r for r in screen.query("RadioButton") if r.name == "连云港")
        await click_in_view(pilot, radio)
        await _press(pilot, "#next")
        assert {s.office for s in screen.city.sessions} == {"连云港市车管所"}
        assert "连云港市车管所（江苏省连云港市海州区郁州南路1号）" in "".join(
            str(screen.query_one("#sessions-where").render()).split())


async def test_below_twelve_points_is_refused_before_the_form(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["points_nine"])
        screen = kiosk_app.screen
        assert "累积记分10分，未满12分" in "".join(str(screen.query_one("#intro").render()).split())
        assert not screen.query_one("#next").display and kiosk_app.focused is screen.query_one("#back")
        assert not screen.query("#choice-city")


async def test_progress_from_the_result_opens_on_the_application(kiosk_app, env, people):
    """办理结果's 查看网办进度 opens 网办进度 on the application just made (DoneButtons)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["full_score"])
        screen = kiosk_app.screen
        set_input(kiosk_app, "on_site_days", "2")
        set_input(kiosk_app, "online_days", "3")
        await _press(pilot, "#next")
        await _choose_rows(pilot, 0, 3)  # 12-02 and 12-04
        await _press(pilot, "#next-sessions")
        await _press(pilot, "#submit")
        assert screen.query_one(StepBar).current == 3
        with env.db.read() as s:
            serial = s.scalars(select(Application.serial_no).where(Application.kind == "full_score")).one()
        await _press(pilot, "#to-progress")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen) and f"业务流水号 {serial}" in screen_text(kiosk_app)


async def test_the_sum_message_follows_the_days_and_each_message_has_its_blank_row(kiosk_app, env, people):
    """Tester, 80x24: 1 + 3 days, 下一步; then 现场 corrected to 2. The sum's message under 网络教育天数
    (合计不得少于5天（现在为4天）) stayed until the next 下一步; and 现场教育天数不得少于2天 had the next
    label right under it, with no blank row (the 80x24 rule named only the generic flow's fields)."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["full_score"])
        await settle(pilot)
        screen = kiosk_app.screen
        await pilot.press("enter", "backspace", "1", "enter", "enter")
        await settle(pilot)
        assert field_error(kiosk_app, "on_site_days") == "现场教育天数不得少于2天"
        assert "合计不得少于5天（现在为4天）" in field_error(kiosk_app, "online_days")
        message = screen.query_one("#field-on_site_days .field-error")
        label = screen.query_one("#field-online_days Label")
        assert label.region.y == message.region.bottom + 1  # one blank row between them
        await pilot.press("enter", "backspace", "2")
        await settle(pilot)
        assert screen.query_one("#input-on_site_days").value == "2"
        assert field_error(kiosk_app, "on_site_days") == ""
        assert field_error(kiosk_app, "online_days") == ""  # 2 + 3 = 5: the sum's message is gone
        await pilot.press("backspace", "1")  # 1 + 3 again while typing: nothing new said there (only a
        await settle(pilot)                   # message on view is recomputed; 下一步 says it again)
        assert field_error(kiosk_app, "online_days") == ""


async def test_a_refused_day_count_takes_the_focus_to_its_field(kiosk_app, env, people):
    """提交 refused for the days (checked again by the service): back on the form, the focus is on the
    field with the message. The step's first control, 教育城市, focused after a refresh, took it."""
    from kiosk.domain.errors import DomainError

    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["full_score"])
        screen = kiosk_app.screen
        await _press(pilot, "#next")
        screen._not_submitted(DomainError("网络教育天数不对", field="online_days"))
        await settle(pilot)
        assert kiosk_app.focused is screen.query_one("#input-online_days")
